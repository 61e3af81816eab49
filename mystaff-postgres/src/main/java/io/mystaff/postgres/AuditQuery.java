package io.mystaff.postgres;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * What {@link PostgresAuditSink#find} looks for: events in a time window, by the manager who
 * initiated them, by a target's id, by correlation id, or any combination; oldest recorded first,
 * at most {@link #limit()} of them. Immutable: each {@code with} method returns a new query.
 *
 * @param from the earliest activity time, inclusive
 * @param until the latest activity time, exclusive
 * @param actor the initiating manager
 * @param target the id of one of the event's targets
 * @param correlationId the attempt's correlation id
 * @param limit the most events to return, 1 to 10,000
 * @since 0.1.0
 */
public record AuditQuery(
    Optional<Instant> from,
    Optional<Instant> until,
    Optional<UserId> actor,
    Optional<String> target,
    Optional<CorrelationId> correlationId,
    int limit) {
  /** The largest {@link #limit()}. */
  public static final int MAX_LIMIT = 10_000;

  /**
   * Rejects a missing component or a limit out of range.
   *
   * @param from the earliest activity time, inclusive
   * @param until the latest activity time, exclusive
   * @param actor the initiating manager
   * @param target the id of one of the event's targets
   * @param correlationId the attempt's correlation id
   * @param limit the most events to return, 1 to 10,000
   * @throws InvalidInputException if the limit is out of range
   */
  public AuditQuery {
    requireNonNull(from, "from");
    requireNonNull(until, "until");
    requireNonNull(actor, "actor");
    requireNonNull(target, "target");
    requireNonNull(correlationId, "correlationId");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw InvalidInputException.of("limit", "must be 1 to " + MAX_LIMIT);
    }
  }

  /**
   * Every event, up to the largest limit.
   *
   * @return the query without conditions
   */
  public static AuditQuery all() {
    return new AuditQuery(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        MAX_LIMIT);
  }

  /**
   * Events at or after {@code time}.
   *
   * @param time the earliest activity time, inclusive
   * @return the narrower query
   */
  public AuditQuery from(Instant time) {
    return new AuditQuery(Optional.of(time), until, actor, target, correlationId, limit);
  }

  /**
   * Events before {@code time}.
   *
   * @param time the latest activity time, exclusive
   * @return the narrower query
   */
  public AuditQuery until(Instant time) {
    return new AuditQuery(from, Optional.of(time), actor, target, correlationId, limit);
  }

  /**
   * Events initiated by {@code manager}.
   *
   * @param manager the initiating manager
   * @return the narrower query
   */
  public AuditQuery actor(UserId manager) {
    return new AuditQuery(from, until, Optional.of(manager), target, correlationId, limit);
  }

  /**
   * Events with a target of this id (a user's id, for most events).
   *
   * @param targetId the target's id
   * @return the narrower query
   */
  public AuditQuery target(String targetId) {
    return new AuditQuery(from, until, actor, Optional.of(targetId), correlationId, limit);
  }

  /**
   * The events of one attempt.
   *
   * @param id the attempt's correlation id
   * @return the narrower query
   */
  public AuditQuery correlationId(CorrelationId id) {
    return new AuditQuery(from, until, actor, target, Optional.of(id), limit);
  }

  /**
   * At most {@code max} events.
   *
   * @param max 1 to 10,000
   * @return the query with this limit
   * @throws InvalidInputException if {@code max} is out of range
   */
  public AuditQuery limit(int max) {
    return new AuditQuery(from, until, actor, target, correlationId, max);
  }
}
