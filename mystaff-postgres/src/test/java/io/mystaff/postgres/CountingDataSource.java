package io.mystaff.postgres;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A {@link DataSource} that logs what reaches the server: each statement execution (a JDBC batch
 * counts once: the driver sends it in one exchange), each commit and each rollback. With
 * auto-commit off the driver sends {@code BEGIN} along with the first statement, so every logged
 * entry is one round trip; {@link #commits()} counts WAL flushes of transactions that wrote: each
 * COMMIT and each write in auto-commit mode (marked {@link #AUTO_COMMIT}).
 */
final class CountingDataSource extends WrappingDataSource {
  /** The mark of a write in auto-commit mode: a statement and its commit in one round trip. */
  static final String AUTO_COMMIT = " [auto-commit]";

  private final List<String> log = new ArrayList<>();

  CountingDataSource(DataSource delegate) {
    super(delegate);
  }

  /** Forgets what was logged so far. */
  synchronized void reset() {
    log.clear();
  }

  /** {@return every round trip logged since the last reset, in order} */
  synchronized List<String> log() {
    return List.copyOf(log);
  }

  /** {@return how many round trips were logged} */
  synchronized int roundTrips() {
    return log.size();
  }

  /** {@return how many statement executions (batches counted once) were logged} */
  synchronized long statements() {
    return log.stream().filter(e -> !e.equals("COMMIT") && !e.equals("ROLLBACK")).count();
  }

  /** {@return how many commits were logged: COMMITs and writes in auto-commit} */
  synchronized long commits() {
    return log.stream().filter(e -> e.equals("COMMIT") || e.endsWith(AUTO_COMMIT)).count();
  }

  private synchronized void note(String entry) {
    log.add(entry);
  }

  @Override
  Connection wrap(Connection c) {
    InvocationHandler h =
        (proxy, method, args) -> {
          switch (method.getName()) {
            case "commit" -> note("COMMIT");
            case "rollback" -> {
              if (args == null) {
                note("ROLLBACK");
              }
            }
            default -> {}
          }
          Object result = invoke(c, method, args);
          if (result instanceof Statement s) {
            String sql = args != null && args[0] instanceof String given ? given : "";
            return statement(c, s, sql, method.getReturnType());
          }
          return result;
        };
    return (Connection)
        Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, h);
  }

  private Object statement(Connection c, Statement s, String sql, Class<?> type) {
    InvocationHandler h =
        (proxy, method, args) -> {
          if (method.getName().startsWith("execute")) {
            String run =
                args != null && args.length > 0 && args[0] instanceof String given ? given : sql;
            note(brief(run) + (c.getAutoCommit() && writes(run) ? AUTO_COMMIT : ""));
          }
          return invoke(s, method, args);
        };
    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, h);
  }

  private static boolean writes(String sql) {
    String upper = sql.toUpperCase(java.util.Locale.ROOT);
    return upper.startsWith("INSERT")
        || upper.startsWith("UPDATE")
        || upper.startsWith("DELETE")
        || (upper.startsWith("WITH")
            && (upper.contains(" UPDATE ")
                || upper.contains("INSERT ")
                || upper.contains("DELETE ")));
  }

  private static String brief(String sql) {
    String oneLine = sql.replaceAll("\\s+", " ").trim();
    return oneLine.length() <= 100 ? oneLine : oneLine.substring(0, 100) + "...";
  }
}
