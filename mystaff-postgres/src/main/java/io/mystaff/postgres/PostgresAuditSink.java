package io.mystaff.postgres;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditTarget;
import io.mystaff.jackson.audit.AuditJson;
import io.mystaff.spi.AuditSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * An {@link AuditSink} that stores events in PostgreSQL ({@code mystaff_audit}, created by {@link
 * PostgresSchema}) as Microsoft Graph-shaped JSON ({@link AuditJson}) beside indexed columns, so a
 * host can {@link #find} them by time, initiating manager, target and correlation id.
 *
 * <p>Deduplicates by event id: the outbox relay delivers at least once, so an event recorded again
 * is stored once. {@link #record} returns after the event is committed. Several logs share the
 * table under different names. Thread-safe; events never contain secrets.
 *
 * @since 0.1.0
 */
public final class PostgresAuditSink implements AuditSink {
  private final DataSource dataSource;
  private final Jdbc jdbc;
  private final String log;

  private PostgresAuditSink(DataSource dataSource, String log) {
    this.dataSource = dataSource;
    this.jdbc = new Jdbc(dataSource);
    this.log = log;
  }

  /**
   * A sink writing to the log named {@code log} in the data source's mystaff schema (migrate it
   * first with {@link PostgresSchema#migrate}, or build a {@link PostgresDirectory}, which does).
   *
   * @param dataSource the host's data source
   * @param log the log's name, 1 to 64 characters (for example the directory's name)
   * @return the sink
   * @throws InvalidInputException if the name is empty or longer than 64 characters
   */
  public static PostgresAuditSink create(DataSource dataSource, String log) {
    requireNonNull(dataSource, "dataSource");
    requireNonNull(log, "log");
    if (log.isEmpty() || log.length() > 64) {
      throw InvalidInputException.of("audit log name", "must be 1 to 64 characters");
    }
    return new PostgresAuditSink(dataSource, log);
  }

  /**
   * {@inheritDoc}
   *
   * <p>One statement in auto-commit (one round trip, its own commit); an insert whose reply was
   * lost is sent again on a new connection, which stores nothing if the first one committed.
   *
   * @throws io.mystaff.api.ProviderFailureException if the database did not store it
   */
  @Override
  public void record(AuditEvent event) {
    requireNonNull(event, "event");
    String json = AuditJson.standard().write(event);
    jdbc.idempotent(
        "record an audit event",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(INSERT + " ON CONFLICT (log, event_id) DO NOTHING")) {
            bind(ps, 1, c, log, event, json);
            return ps.executeUpdate();
          }
        });
  }

  /**
   * The insert of one event into {@code mystaff_audit}, its nine parameters bound by {@link #bind}:
   * shared with {@link PostgresDirectory}, which stores its writes' events with this statement in
   * their own transactions when given a sink ({@link PostgresDirectory.Builder#recordAuditIn}).
   */
  static final String INSERT =
      "INSERT INTO mystaff_audit (log, event_id, activity_time, activity, outcome, actor,"
          + " correlation_id, targets, event) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /**
   * Binds the nine parameters of {@link #INSERT} from parameter {@code first} on.
   *
   * @param json the event as {@link AuditJson} writes it
   * @return the next parameter's index
   */
  static int bind(
      PreparedStatement ps, int first, Connection c, String log, AuditEvent event, String json)
      throws SQLException {
    List<String> targets = new ArrayList<>();
    for (AuditTarget t : event.targets()) {
      targets.add(t.id());
    }
    int i = first;
    ps.setString(i++, log);
    ps.setString(i++, event.id());
    ps.setObject(i++, OffsetDateTime.ofInstant(event.activityDateTime(), ZoneOffset.UTC));
    ps.setString(i++, event.activity().name());
    ps.setString(i++, event.outcome().name());
    ps.setString(i++, event.initiatedBy().id().value());
    ps.setString(i++, event.correlationId().value());
    ps.setArray(i++, Rows.textArray(c, targets));
    ps.setString(i++, json);
    return i;
  }

  /** {@return the name of the log this sink writes} */
  String log() {
    return log;
  }

  /** {@return the data source this sink writes through} */
  DataSource dataSource() {
    return dataSource;
  }

  /**
   * The stored events matching {@code query}, in the order they were recorded.
   *
   * @param query the conditions and limit
   * @return the events, oldest recorded first
   */
  public List<AuditEvent> find(AuditQuery query) {
    requireNonNull(query, "query");
    StringBuilder sql = new StringBuilder("SELECT event FROM mystaff_audit WHERE log = ?");
    List<Object> args = new ArrayList<>();
    args.add(log);
    query
        .from()
        .ifPresent(
            t -> {
              sql.append(" AND activity_time >= ?");
              args.add(OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
            });
    query
        .until()
        .ifPresent(
            t -> {
              sql.append(" AND activity_time < ?");
              args.add(OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
            });
    query
        .actor()
        .ifPresent(
            a -> {
              sql.append(" AND actor = ?");
              args.add(a.value());
            });
    query
        .correlationId()
        .ifPresent(
            id -> {
              sql.append(" AND correlation_id = ?");
              args.add(id.value());
            });
    boolean byTarget = query.target().isPresent();
    if (byTarget) {
      sql.append(" AND targets @> ARRAY[?]::text[]");
    }
    sql.append(" ORDER BY seq LIMIT ?");
    return jdbc.read(
        "query the audit log",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            for (Object arg : args) {
              ps.setObject(i++, arg);
            }
            if (byTarget) {
              ps.setString(i++, query.target().orElseThrow());
            }
            ps.setInt(i, query.limit());
            List<AuditEvent> events = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                events.add(AuditJson.standard().read(rs.getString(1)));
              }
            }
            return List.copyOf(events);
          }
        });
  }

  @Override
  public String toString() {
    return "PostgresAuditSink{" + log + "}";
  }
}
