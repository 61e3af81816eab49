package io.mystaff.postgres;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.ProviderFailureException;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.jackson.audit.AuditJson;
import io.mystaff.spi.AuditSink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Delivers a {@link PostgresDirectory}'s audit outbox to an {@link AuditSink}; safe to run on every
 * node at once. Each {@link #relayBatch} claims up to a batch of the oldest events with {@code
 * SELECT ... FOR UPDATE SKIP LOCKED} (so two nodes never deliver the same row at the same time),
 * records each in the sink, then deletes the delivered rows and commits: an event is acknowledged
 * only after the sink stored it. If the node dies before the commit, its row locks go with its
 * connection and another node delivers the same events again, with the same ids: delivery is at
 * least once, and a sink that deduplicates by id ({@link PostgresAuditSink}) stores each once.
 *
 * <p>When the sink is a {@link PostgresAuditSink} over the relay's own data source (the same
 * instance), a batch is moved instead: stored in the audit log and deleted from the outbox in one
 * transaction, so each event is stored exactly once, with one commit per batch instead of one per
 * event plus one for the acknowledgement.
 *
 * <p>Core's own relay ({@code MyStaff.flushAudit()}) reads the same outbox through {@link
 * PostgresDirectory#pendingAuditEvents}; both may run, since the sink deduplicates.
 *
 * @since 0.1.0
 */
public final class PostgresOutboxRelay {
  private final Jdbc jdbc;
  private final String directory;
  private final AuditSink sink;
  private final int batch;

  /** The sink's log when it is a {@link PostgresAuditSink} over the same data source, else null. */
  private final @Nullable String sameDatabaseLog;

  private PostgresOutboxRelay(DataSource dataSource, String directory, AuditSink sink, int batch) {
    this.jdbc = new Jdbc(dataSource);
    this.directory = directory;
    this.sink = sink;
    this.batch = batch;
    this.sameDatabaseLog =
        sink instanceof PostgresAuditSink p && p.dataSource() == dataSource ? p.log() : null;
  }

  /**
   * A relay of the outbox of the directory named {@code directory}.
   *
   * @param dataSource the host's data source
   * @param directory the directory's name ({@link PostgresDirectory#name()})
   * @param sink where events go; should deduplicate by id
   * @param batch the most events one transaction claims, 1 to 1,000
   * @return the relay
   * @throws InvalidInputException if {@code batch} is out of range
   */
  public static PostgresOutboxRelay create(
      DataSource dataSource, String directory, AuditSink sink, int batch) {
    requireNonNull(dataSource, "dataSource");
    requireNonNull(directory, "directory");
    requireNonNull(sink, "sink");
    if (batch < 1 || batch > 1_000) {
      throw InvalidInputException.of("batch", "must be 1 to 1000");
    }
    return new PostgresOutboxRelay(dataSource, directory, sink, batch);
  }

  /**
   * Delivers one batch of unclaimed events, oldest first.
   *
   * @return how many events were delivered and acknowledged (0 when none was waiting or every
   *     waiting one is being delivered by another node)
   * @throws ProviderFailureException if the database or the sink failed; the events the sink had
   *     stored are acknowledged, the others stay in the outbox
   */
  public int relayBatch() {
    String log = sameDatabaseLog;
    if (log != null) {
      return moveBatch(log);
    }
    List<String> delivered = new ArrayList<>();
    List<RuntimeException> sinkFailure = new ArrayList<>(1);
    jdbc.update(
        "relay the audit outbox",
        c -> {
          delivered.clear();
          sinkFailure.clear();
          for (String[] row : claim(c)) {
            AuditEvent event = AuditJson.standard().read(row[1]);
            try {
              sink.record(event);
            } catch (RuntimeException e) {
              sinkFailure.add(e);
              break;
            }
            delivered.add(row[0]);
          }
          if (delivered.isEmpty()) {
            Jdbc.noteNothingWritten();
          } else {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "DELETE FROM mystaff_outbox WHERE tenant = ? AND event_id = ANY(?)"
                        + " RETURNING pg_current_xact_id()::text")) {
              ps.setString(1, directory);
              ps.setArray(2, Rows.textArray(c, delivered));
              try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                  Jdbc.noteTransactionId(rs.getString(1));
                } else {
                  Jdbc.noteNothingWritten();
                }
              }
            }
          }
        },
        () -> false);
    if (!sinkFailure.isEmpty()) {
      throw new ProviderFailureException(
          "audit sink", "could not record a relayed audit event", sinkFailure.get(0));
    }
    return delivered.size();
  }

  /**
   * Claims up to a batch of the oldest unclaimed events on {@code c}, in its transaction: each row
   * as its event id and its event's JSON. Rows another node has claimed are skipped.
   */
  private List<String[]> claim(Connection c) throws SQLException {
    List<String[]> claimed = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT event_id, event FROM mystaff_outbox WHERE tenant = ? ORDER BY seq LIMIT "
                + batch // written in, not bound: a generic plan (see pendingAuditEvents)
                + " FOR UPDATE SKIP LOCKED")) {
      ps.setString(1, directory);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          claimed.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
    }
    return claimed;
  }

  /**
   * {@link #relayBatch} for a {@link PostgresAuditSink} over this relay's data source: claims the
   * batch, stores it in the audit log and deletes it from the outbox in one transaction (the claim,
   * one statement that inserts and deletes, the commit). Both happen or neither: each event is
   * stored exactly once, and a failed transaction may simply run again.
   */
  private int moveBatch(String log) {
    return jdbc.transaction(
        "move the audit outbox to the audit log",
        c -> {
          List<String> ids = new ArrayList<>();
          List<AuditEvent> events = new ArrayList<>();
          List<String> json = new ArrayList<>();
          for (String[] row : claim(c)) {
            ids.add(row[0]);
            json.add(row[1]);
            events.add(AuditJson.standard().read(row[1]));
          }
          if (ids.isEmpty()) {
            Jdbc.noteNothingWritten();
            return 0;
          }
          StringBuilder sql =
              new StringBuilder("WITH stored AS (").append(PostgresAuditSink.INSERT);
          for (int i = 1; i < events.size(); i++) {
            sql.append(", (?, ?, ?, ?, ?, ?, ?, ?, ?)");
          }
          sql.append(
              " ON CONFLICT (log, event_id) DO NOTHING) DELETE FROM mystaff_outbox WHERE tenant = ?"
                  + " AND event_id = ANY(?) RETURNING pg_current_xact_id()::text");
          try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int p = 1;
            for (int i = 0; i < events.size(); i++) {
              p = PostgresAuditSink.bind(ps, p, c, log, events.get(i), json.get(i));
            }
            ps.setString(p++, directory);
            ps.setArray(p, Rows.textArray(c, ids));
            try (ResultSet rs = ps.executeQuery()) {
              if (rs.next()) {
                Jdbc.noteTransactionId(rs.getString(1));
              }
            }
          }
          return ids.size();
        });
  }

  /**
   * Delivers batches until the outbox has no unclaimed event left.
   *
   * @return how many events were delivered
   * @throws ProviderFailureException if the database or the sink failed
   */
  public int relayAll() {
    int total = 0;
    for (int n = relayBatch(); n > 0; n = relayBatch()) {
      total += n;
    }
    return total;
  }

  @Override
  public String toString() {
    return "PostgresOutboxRelay{" + directory + " -> " + sink + "}";
  }
}
