package io.mystaff.postgres;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.ProviderFailureException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import javax.sql.DataSource;

/**
 * Connections and transactions over the host's {@link DataSource}, with PostgreSQL's failures
 * turned into mystaff's typed errors. A transaction that fails with a serialization failure or a
 * deadlock (SQLSTATE 40001, 40P01) rolled back completely, so it is retried, a few times; every
 * other database failure becomes a {@link ProviderFailureException} and the transaction is rolled
 * back (nothing half-written). Exceptions thrown by the work itself pass through unchanged.
 *
 * <p>A COMMIT whose reply is lost (the connection dropped while it was under way) may have
 * committed. A transaction that wrote remembers its id before committing; after such a failure it
 * asks the server on a new connection ({@code pg_xact_status}) and returns the work's result if the
 * transaction committed, fails as usual if it rolled back, and otherwise throws a {@link
 * ProviderFailureException} whose {@link ProviderFailureException#isOutcomeUnknown() outcome is
 * unknown}: never a failure for a write that took effect.
 */
final class Jdbc {
  static final String PROVIDER = "postgres";
  private static final int ATTEMPTS = 4;

  /** How long an in-doubt commit may stay "in progress" on the server before it counts unknown. */
  private static final Duration IN_DOUBT_WAIT = Duration.ofSeconds(5);

  private static final Duration IN_DOUBT_POLL = Duration.ofMillis(50);

  /** Work on one connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** Work on one connection that has no result. */
  @FunctionalInterface
  interface Update {
    void run(Connection c) throws SQLException;
  }

  /** Where a piece of work gets its connection: a pool, or an open transaction. */
  @FunctionalInterface
  interface Connections {
    <T> T with(String what, Work<T> work);
  }

  private final DataSource dataSource;

  Jdbc(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Runs {@code work} on a pooled connection in auto-commit mode (one statement, one snapshot). */
  <T> T read(String what, Work<T> work) {
    // a read changes nothing: safe to repeat once on a fresh connection
    return autoCommit(what, work, 2, Jdbc::isConnectionLoss);
  }

  /**
   * Runs {@code work}, one idempotent write statement, in auto-commit mode: one round trip, commit
   * included, where a transaction takes three (the statement, its id, COMMIT). A statement whose
   * reply was lost ({@link #isCommitOutcomeUnknown}) or that failed with a serialization failure or
   * deadlock is sent again on a new connection, a few times: it must change nothing the second time
   * if the first one committed (an {@code INSERT ... ON CONFLICT DO NOTHING}, a {@code DELETE}).
   */
  <T> T idempotent(String what, Work<T> work) {
    return autoCommit(what, work, ATTEMPTS, e -> isCommitOutcomeUnknown(e) || isTransient(e));
  }

  /**
   * Runs {@code work} on a pooled connection in auto-commit mode, up to {@code attempts} times,
   * each on a new connection, while it fails with an exception {@code repeatable} accepts.
   */
  private <T> T autoCommit(
      String what, Work<T> work, int attempts, Predicate<SQLException> repeatable) {
    for (int attempt = 1; ; attempt++) {
      try (Connection c = dataSource.getConnection()) {
        if (!c.getAutoCommit()) {
          c.setAutoCommit(true);
        }
        return work.run(c);
      } catch (SQLException e) {
        if (attempt < attempts && repeatable.test(e)) {
          continue;
        }
        throw failure(what, e);
      }
    }
  }

  /**
   * Runs {@code work} in one transaction and commits it; retries it while it fails with a
   * serialization failure or deadlock and {@code retryable} says the work may run again.
   */
  <T> T transaction(String what, Work<T> work) {
    return transaction(what, work, () -> true);
  }

  /** {@link #transaction(String, Work)} for work without a result. */
  void update(String what, Update update) {
    update(what, update, () -> true);
  }

  /** {@link #transaction(String, Work, BooleanSupplier)} without a result. */
  void update(String what, Update update, BooleanSupplier retryable) {
    transaction(
        what,
        c -> {
          update.run(c);
          return Boolean.TRUE;
        },
        retryable);
  }

  <T> T transaction(String what, Work<T> work, BooleanSupplier retryable) {
    for (int attempt = 1; ; attempt++) {
      InDoubt<T> inDoubt;
      try (Connection c = dataSource.getConnection()) {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        NOTED_XID.remove();
        try {
          T result = work.run(c);
          String noted = NOTED_XID.get();
          Optional<String> xid =
              noted == null
                  ? transactionId(c)
                  : noted.equals(NOTHING_WRITTEN) ? Optional.empty() : Optional.of(noted);
          try {
            c.commit();
            return result;
          } catch (SQLException e) {
            if (xid.isEmpty() || !isCommitOutcomeUnknown(e)) {
              throw e;
            }
            rollbackQuietly(c, e); // ends the transaction if the commit never reached the server
            inDoubt = new InDoubt<>(xid.get(), result, e);
          }
        } catch (SQLException | RuntimeException | Error e) {
          rollbackQuietly(c, e);
          throw e;
        } finally {
          NOTED_XID.remove();
          restoreQuietly(c, autoCommit);
        }
      } catch (SQLException e) {
        if (attempt < ATTEMPTS && isTransient(e) && retryable.getAsBoolean()) {
          continue;
        }
        throw failure(what, e);
      }
      return resolve(what, inDoubt); // on a new connection, the failed one released
    }
  }

  /**
   * A transaction whose COMMIT was sent but whose reply was lost: it may have committed.
   *
   * @param xid its transaction id ({@link #transactionId})
   * @param result what the transaction returns if it committed
   * @param commitFailure the COMMIT's failure
   */
  record InDoubt<T>(String xid, T result, SQLException commitFailure) {}

  /**
   * Learns on a new connection whether an in-doubt transaction committed, by its transaction id
   * ({@code pg_xact_status}): committed, its result; aborted, the failure as usual (nothing was
   * written); otherwise (the server is unreachable, the commit is still in progress after {@link
   * #IN_DOUBT_WAIT}, or the id is too old to tell) a {@link ProviderFailureException} whose outcome
   * is unknown.
   */
  <T> T resolve(String what, InDoubt<T> inDoubt) {
    SQLException commitFailure = inDoubt.commitFailure();
    long deadline = System.nanoTime() + IN_DOUBT_WAIT.toNanos();
    while (true) {
      String status;
      try {
        status = read("learn whether a commit went through", c -> transactionStatus(c, inDoubt));
      } catch (ProviderFailureException e) {
        commitFailure.addSuppressed(e);
        break;
      }
      if (status.equals("committed")) {
        return inDoubt.result();
      }
      if (status.equals("aborted")) {
        throw failure(what, commitFailure);
      }
      if (!status.equals("in progress") || System.nanoTime() - deadline >= 0) {
        break; // "" when the server no longer knows the transaction
      }
      try {
        Thread.sleep(IN_DOUBT_POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    String state = commitFailure.getSQLState() == null ? "unknown" : commitFailure.getSQLState();
    throw ProviderFailureException.outcomeUnknown(
        PROVIDER,
        "lost the reply to the commit of: "
            + what
            + " (SQLSTATE "
            + state
            + "); it may have committed, read it again before repeating it",
        commitFailure);
  }

  /**
   * The id of the transaction the current {@link #transaction}'s work runs in, when the work read
   * it along with a write of its own ({@code RETURNING pg_current_xact_id()::text}): the commit
   * then needs no round trip to learn it. Cleared before and after each transaction on this thread,
   * so a transaction nested in another's work leaves the outer one to ask for its own.
   */
  private static final ThreadLocal<String> NOTED_XID = new ThreadLocal<>();

  /**
   * Notes the id of the transaction the calling thread's current {@link #transaction} work runs in,
   * read by that work on its own connection.
   */
  static void noteTransactionId(String xid) {
    NOTED_XID.set(requireNonNull(xid, "xid"));
  }

  /** What {@link #NOTED_XID} holds when the work wrote nothing. */
  private static final String NOTHING_WRITTEN = "";

  /**
   * Notes that the calling thread's current {@link #transaction} work wrote nothing, so its commit
   * needs no transaction id (no round trip to ask for it): a lost reply to it changes nothing.
   */
  static void noteNothingWritten() {
    NOTED_XID.set(NOTHING_WRITTEN);
  }

  /** The id of the transaction on {@code c}, if it wrote anything (else no commit can matter). */
  static Optional<String> transactionId(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("SELECT pg_current_xact_id_if_assigned()::text");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return Optional.ofNullable(rs.getString(1));
    }
  }

  private static String transactionStatus(Connection c, InDoubt<?> inDoubt) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT coalesce(pg_xact_status(?::xid8), '')")) {
      ps.setString(1, inDoubt.xid());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  /** A connection source that runs work on {@code c}, for reads inside an open transaction. */
  static Connections on(Connection c) {
    return new Connections() {
      @Override
      public <T> T with(String what, Work<T> work) {
        try {
          return work.run(c);
        } catch (SQLException e) {
          throw failure(what, e);
        }
      }
    };
  }

  /** This pool as a connection source for reads. */
  Connections pooled() {
    return new Connections() {
      @Override
      public <T> T with(String what, Work<T> work) {
        return read(what, work);
      }
    };
  }

  static ProviderFailureException failure(String what, SQLException e) {
    String state = e.getSQLState() == null ? "unknown" : e.getSQLState();
    return new ProviderFailureException(
        PROVIDER, "could not " + what + " (SQLSTATE " + state + ")", e);
  }

  static boolean isTransient(SQLException e) {
    String state = e.getSQLState();
    return "40001".equals(state) || "40P01".equals(state);
  }

  static boolean isConnectionLoss(SQLException e) {
    String state = e.getSQLState();
    return state != null && state.startsWith("08");
  }

  /**
   * Whether a failed COMMIT may still have committed: the connection was lost (08xxx, or an I/O
   * failure without a SQLSTATE) or the server was shut down under it (57P01, 57P02), so the
   * server's answer never arrived. Any other failure is the server's answer: rolled back.
   */
  static boolean isCommitOutcomeUnknown(SQLException e) {
    String state = e.getSQLState();
    if (state == null) {
      for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
        if (t instanceof IOException) {
          return true;
        }
      }
      return false;
    }
    return state.startsWith("08") || state.equals("57P01") || state.equals("57P02");
  }

  static boolean isUniqueViolation(SQLException e) {
    return "23505".equals(e.getSQLState());
  }

  private static void rollbackQuietly(Connection c, Throwable cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private static void restoreQuietly(Connection c, boolean autoCommit) {
    try {
      c.setAutoCommit(autoCommit);
    } catch (SQLException e) {
      // the connection is broken; the pool discards it
    }
  }
}
