package io.mystaff.postgres;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A {@link DataSource} that fails chosen statements: the next {@code times} executions of a
 * statement whose SQL contains {@code fragment} throw an {@link SQLException} with the chosen
 * SQLSTATE (08006 lost connection, 40001 serialization failure, 40P01 deadlock, 23505 unique
 * violation...) instead of running. The statement is not sent, so the transaction is left exactly
 * as a server-side failure leaves it: to be rolled back.
 *
 * <p>It also fails COMMITs of transactions that ran a chosen statement: {@link #loseCommitReply}
 * lets the server commit and then throws, as a connection lost after the COMMIT reached the server
 * does; {@link #failCommitUnsent} throws without committing, as a connection lost before.
 */
final class FaultyDataSource extends WrappingDataSource {
  private volatile String fragment = "\u0000never";
  private volatile String sqlState = "08006";
  private final AtomicInteger remaining = new AtomicInteger();
  private volatile String commitFragment = "\u0000never";
  private volatile @Nullable String commitState = "08006";
  private volatile boolean commitApplied;
  private final AtomicInteger commitsRemaining = new AtomicInteger();
  final AtomicInteger injected = new AtomicInteger();

  FaultyDataSource(DataSource delegate) {
    super(delegate);
  }

  /** Fails the next {@code times} executions of statements containing {@code fragment}. */
  FaultyDataSource failNext(String fragment, String sqlState, int times) {
    this.fragment = fragment;
    this.sqlState = sqlState;
    this.remaining.set(times);
    return this;
  }

  /**
   * The next {@code times} COMMITs of transactions that ran a statement containing {@code fragment}
   * are applied by the server, then throw as if the connection dropped before the reply: an {@link
   * SQLException} with {@code sqlState}, or with none and an {@link IOException} cause if {@code
   * sqlState} is null.
   */
  FaultyDataSource loseCommitReply(String fragment, @Nullable String sqlState, int times) {
    return failCommits(fragment, sqlState, true, times);
  }

  /** Like {@link #loseCommitReply}, but the COMMIT never reaches the server. */
  FaultyDataSource failCommitUnsent(String fragment, @Nullable String sqlState, int times) {
    return failCommits(fragment, sqlState, false, times);
  }

  private FaultyDataSource failCommits(
      String fragment, @Nullable String sqlState, boolean applied, int times) {
    this.commitFragment = fragment;
    this.commitState = sqlState;
    this.commitApplied = applied;
    this.commitsRemaining.set(times);
    return this;
  }

  @Override
  Connection wrap(Connection c) {
    AtomicBoolean ranCommitFragment = new AtomicBoolean();
    InvocationHandler h =
        (proxy, method, args) -> {
          if (method.getName().equals("commit") && ranCommitFragment.getAndSet(false)) {
            if (commitsRemaining.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
              injected.incrementAndGet();
              if (commitApplied) {
                c.commit();
              }
              throw commitState == null
                  ? new SQLException("injected I/O failure", null, new IOException("reset"))
                  : new SQLException("injected commit failure", commitState);
            }
          }
          if (method.getName().equals("rollback")) {
            ranCommitFragment.set(false);
          }
          Object result = invoke(c, method, args);
          if (result instanceof PreparedStatement ps
              && method.getName().equals("prepareStatement")
              && args != null
              && args[0] instanceof String sql) {
            return statement(ps, sql, ranCommitFragment);
          }
          return result;
        };
    return (Connection)
        Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, h);
  }

  private PreparedStatement statement(
      PreparedStatement ps, String sql, AtomicBoolean ranCommitFragment) {
    InvocationHandler h =
        (proxy, method, args) -> {
          if (method.getName().startsWith("execute")
              && sql.contains(fragment)
              && remaining.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            injected.incrementAndGet();
            throw new SQLException("injected fault", sqlState);
          }
          if (method.getName().startsWith("execute") && sql.contains(commitFragment)) {
            ranCommitFragment.set(true);
          }
          return invoke(ps, method, args);
        };
    return (PreparedStatement)
        Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class}, h);
  }
}
