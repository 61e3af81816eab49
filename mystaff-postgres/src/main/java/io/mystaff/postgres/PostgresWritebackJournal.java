package io.mystaff.postgres;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.audit.AuditTarget;
import io.mystaff.api.password.WritebackStatus;
import io.mystaff.jackson.audit.AuditJson;
import io.mystaff.spi.WritebackJournal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A durable {@link WritebackJournal} in PostgreSQL ({@code mystaff_writeback}), shared by every
 * node of a host: a synced reset's submission, its progress and its one final event survive a
 * restart, and a writeback whose node died is ended by another node after its lease.
 *
 * <p>Each instance is one lease holder (build one per node). {@link #submitted} inserts a RUNNING
 * row held by this instance and leased until the writeback's deadline plus a grace period (by the
 * database's clock, the same for every node). {@link #finished} marks the row ENDED and stores the
 * final event in the directory's outbox in one transaction, only if the row is still RUNNING under
 * this instance's lease (the holder is compared in the UPDATE). {@link #takeOverExpired}, which
 * every node should run periodically (for example every few seconds, beside {@link
 * PostgresOutboxRelay}), claims RUNNING rows whose lease expired with {@code FOR UPDATE SKIP
 * LOCKED}, moves their lease to itself, marks them ABANDONED and stores their prepared FAILED event
 * ({@code WRITEBACK_UNKNOWN}, restamped with the takeover time) in the outbox, in one transaction.
 * The row lock makes the holder's end and the takeover exclude each other: a takeover either sees
 * the writeback ended or ends it itself, so exactly one final event per attempt, and no writeback
 * stays PENDING. When the holder cannot record the end (the database fails), it stores no event of
 * its own; the takeover ends the writeback after the lease. The password is never stored, so a dead
 * node's writeback is ended, not resumed. Passes the journal contract suite ({@code
 * WritebackJournalTestSuiteBuilder} of {@code mystaff-testkit}).
 *
 * @since 0.1.0
 */
public final class PostgresWritebackJournal implements WritebackJournal {
  private final Jdbc jdbc;
  private final String directory;
  private final Duration grace;
  private final String holder = UUID.randomUUID().toString();

  private PostgresWritebackJournal(DataSource dataSource, String directory, Duration grace) {
    this.jdbc = new Jdbc(dataSource);
    this.directory = directory;
    this.grace = grace;
  }

  /**
   * A journal whose events go to the outbox of the directory named {@code directory}.
   *
   * @param dataSource the host's data source (schema migrated by {@link PostgresSchema})
   * @param directory the directory's name ({@link PostgresDirectory#name()})
   * @param grace how long after a writeback's deadline its node still counts as alive; at least
   *     zero (a few seconds covers clock skew and a slow final commit)
   * @return the journal
   * @throws InvalidInputException if {@code grace} is negative
   */
  public static PostgresWritebackJournal create(
      DataSource dataSource, String directory, Duration grace) {
    requireNonNull(dataSource, "dataSource");
    requireNonNull(directory, "directory");
    requireNonNull(grace, "grace");
    if (grace.isNegative()) {
      throw InvalidInputException.of("grace", "must not be negative");
    }
    return new PostgresWritebackJournal(dataSource, directory, grace);
  }

  @Override
  public void submitted(AuditEvent pending, AuditEvent ifAbandoned, Duration lease) {
    WritebackJournal.checkSubmission(pending, ifAbandoned, lease);
    String user = pending.targets().isEmpty() ? "" : pending.targets().get(0).id();
    long leaseMicros = lease.plus(grace).toNanos() / 1_000;
    jdbc.update(
        "journal a writeback",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO mystaff_writeback (tenant, correlation_id, user_id, state, status,"
                      + " lease_until, lease_holder, pending_event, abandoned_event) VALUES (?, ?,"
                      + " ?, 'RUNNING', ?, now() + make_interval(secs => ? / 1000000.0), ?, ?, ?)"
                      + " ON CONFLICT (tenant, correlation_id) DO NOTHING")) {
            ps.setString(1, directory);
            ps.setString(2, pending.correlationId().value());
            ps.setString(3, user);
            ps.setString(4, WritebackStatus.SUBMITTED.name());
            ps.setLong(5, leaseMicros);
            ps.setString(6, holder);
            ps.setString(7, AuditJson.standard().write(pending));
            ps.setString(8, AuditJson.standard().write(ifAbandoned));
            ps.executeUpdate();
          }
        });
  }

  @Override
  public void progressed(CorrelationId writeback, WritebackStatus status) {
    requireNonNull(writeback, "writeback");
    requireNonNull(status, "status");
    jdbc.update(
        "journal a writeback's progress",
        c -> {
          if (!status.isTerminal()) { // only an end makes a writeback's status terminal
            try (PreparedStatement ps =
                c.prepareStatement(
                    "UPDATE mystaff_writeback SET status = ?, updated = now() WHERE tenant = ? AND"
                        + " correlation_id = ? AND state = 'RUNNING' AND lease_holder = ?")) {
              ps.setString(1, status.name());
              ps.setString(2, directory);
              ps.setString(3, writeback.value());
              ps.setString(4, holder);
              if (ps.executeUpdate() == 1) {
                return;
              }
            }
          }
          if (endedWith(c, writeback, "").isEmpty()) {
            throw WritebackJournal.unknownWriteback();
          }
        });
  }

  @Override
  public boolean finished(AuditEvent finalEvent) {
    requireNonNull(finalEvent, "finalEvent");
    String json = AuditJson.standard().write(finalEvent);
    WritebackStatus status =
        finalEvent.outcome() == AuditOutcome.SUCCEEDED
            ? WritebackStatus.SUCCEEDED
            : WritebackStatus.FAILED;
    return jdbc.transaction(
        "end a writeback",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE mystaff_writeback SET state = 'ENDED', status = ?, final_event_id = ?,"
                      + " updated = now() WHERE tenant = ? AND correlation_id = ? AND state ="
                      + " 'RUNNING' AND lease_holder = ?")) {
            ps.setString(1, status.name());
            ps.setString(2, finalEvent.id());
            ps.setString(3, directory);
            ps.setString(4, finalEvent.correlationId().value());
            ps.setString(5, holder);
            if (ps.executeUpdate() == 1) {
              storeInOutbox(c, finalEvent.id(), json);
              return true;
            }
          }
          return endedWith(c, finalEvent.correlationId(), finalEvent.id()).orElse(true);
        });
  }

  /**
   * {@inheritDoc}
   *
   * <p>Ends at most 100 writebacks per call, oldest lease first; each event goes to the directory's
   * outbox.
   */
  @Override
  public List<CorrelationId> takeOverExpired() {
    return jdbc.transaction(
        "take over expired writebacks",
        c -> {
          List<String[]> expired = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT correlation_id, abandoned_event FROM mystaff_writeback WHERE tenant = ?"
                      + " AND state = 'RUNNING' AND lease_until <= now() ORDER BY lease_until LIMIT"
                      + " 100 FOR UPDATE SKIP LOCKED")) {
            ps.setString(1, directory);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                expired.add(new String[] {rs.getString(1), rs.getString(2)});
              }
            }
          }
          Instant now = databaseNow(c);
          List<CorrelationId> ended = new ArrayList<>();
          for (String[] row : expired) {
            AuditEvent prepared = AuditJson.standard().read(row[1]);
            AuditEvent event = restamped(prepared, now);
            try (PreparedStatement ps =
                c.prepareStatement(
                    "UPDATE mystaff_writeback SET state = 'ABANDONED', status = ?, final_event_id"
                        + " = ?, lease_holder = ?, updated = now() WHERE tenant = ? AND"
                        + " correlation_id = ?")) {
              ps.setString(1, WritebackStatus.FAILED.name());
              ps.setString(2, event.id());
              ps.setString(3, holder);
              ps.setString(4, directory);
              ps.setString(5, row[0]);
              ps.executeUpdate();
            }
            storeInOutbox(c, event.id(), AuditJson.standard().write(event));
            ended.add(CorrelationId.of(row[0]));
          }
          return List.copyOf(ended);
        });
  }

  @Override
  public WritebackStatus status(CorrelationId writeback) {
    requireNonNull(writeback, "writeback");
    Optional<WritebackStatus> status =
        jdbc.read(
            "read a writeback's status",
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT status FROM mystaff_writeback WHERE tenant = ? AND correlation_id ="
                          + " ?")) {
                ps.setString(1, directory);
                ps.setString(2, writeback.value());
                try (ResultSet rs = ps.executeQuery()) {
                  return rs.next()
                      ? Optional.of(WritebackStatus.valueOf(rs.getString(1)))
                      : Optional.empty();
                }
              }
            });
    return status.orElseThrow(WritebackJournal::unknownWriteback);
  }

  /**
   * The writebacks still running (by this journal's knowledge), oldest first.
   *
   * @return their correlation ids
   */
  public List<CorrelationId> running() {
    return jdbc.read(
        "list running writebacks",
        c -> {
          List<CorrelationId> ids = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT correlation_id FROM mystaff_writeback WHERE tenant = ? AND state ="
                      + " 'RUNNING' ORDER BY submitted, correlation_id")) {
            ps.setString(1, directory);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                ids.add(CorrelationId.of(rs.getString(1)));
              }
            }
          }
          return List.copyOf(ids);
        });
  }

  @Override
  public String toString() {
    return "PostgresWritebackJournal{" + directory + "}";
  }

  private void storeInOutbox(Connection c, String eventId, String json) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO mystaff_outbox (tenant, event_id, event) VALUES (?, ?, ?)"
                + " ON CONFLICT (tenant, event_id) DO NOTHING")) {
      ps.setString(1, directory);
      ps.setString(2, eventId);
      ps.setString(3, json);
      ps.executeUpdate();
    }
  }

  /**
   * Whether a journaled writeback has ended with the final event {@code eventId}, or empty if the
   * writeback was never journaled.
   */
  private Optional<Boolean> endedWith(Connection c, CorrelationId id, String eventId)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT state <> 'RUNNING' AND final_event_id IS NOT DISTINCT FROM ? FROM"
                + " mystaff_writeback WHERE tenant = ? AND correlation_id = ?")) {
      ps.setString(1, eventId);
      ps.setString(2, directory);
      ps.setString(3, id.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getBoolean(1)) : Optional.empty();
      }
    }
  }

  private static Instant databaseNow(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT now()");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
    }
  }

  private static AuditEvent restamped(AuditEvent e, Instant at) {
    List<AuditTarget> targets = e.targets();
    return new AuditEvent(
        e.id(),
        at,
        e.activity(),
        e.outcome(),
        e.resultReason(),
        e.correlationId(),
        e.initiatedBy(),
        targets,
        e.additionalDetails(),
        e.loggedByService());
  }
}
