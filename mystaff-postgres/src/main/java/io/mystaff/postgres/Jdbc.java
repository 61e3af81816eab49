package io.mystaff.postgres;

import io.mystaff.api.ProviderFailureException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Connections and transactions over the host's {@link DataSource}, with PostgreSQL's failures
 * turned into mystaff's typed errors. A transaction that fails with a serialization failure or a
 * deadlock (SQLSTATE 40001, 40P01) rolled back completely, so it is retried, a few times; every
 * other database failure becomes a {@link ProviderFailureException} and the transaction is rolled
 * back (nothing half-written). Exceptions thrown by the work itself pass through unchanged.
 */
final class Jdbc {
  static final String PROVIDER = "postgres";
  private static final int ATTEMPTS = 4;

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
    for (int attempt = 1; ; attempt++) {
      try (Connection c = dataSource.getConnection()) {
        if (!c.getAutoCommit()) {
          c.setAutoCommit(true);
        }
        return work.run(c);
      } catch (SQLException e) {
        if (attempt < 2 && isConnectionLoss(e)) {
          continue; // a read changes nothing: safe to repeat on a fresh connection
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

  /** {@link #transaction(String, Work, java.util.function.BooleanSupplier)} without a result. */
  void update(String what, Update update, java.util.function.BooleanSupplier retryable) {
    transaction(
        what,
        c -> {
          update.run(c);
          return Boolean.TRUE;
        },
        retryable);
  }

  <T> T transaction(String what, Work<T> work, java.util.function.BooleanSupplier retryable) {
    for (int attempt = 1; ; attempt++) {
      try (Connection c = dataSource.getConnection()) {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
          T result = work.run(c);
          c.commit();
          return result;
        } catch (SQLException | RuntimeException | Error e) {
          rollbackQuietly(c, e);
          throw e;
        } finally {
          restoreQuietly(c, autoCommit);
        }
      } catch (SQLException e) {
        if (attempt < ATTEMPTS && isTransient(e) && retryable.getAsBoolean()) {
          continue;
        }
        throw failure(what, e);
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
