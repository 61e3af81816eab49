package io.mystaff.inmemory;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.ProviderFailureException;
import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditTarget;
import io.mystaff.spi.AuditSink;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * An append-only, thread-safe audit store that can be queried: the in-memory {@link AuditSink}.
 *
 * <p>Events are stored exactly as given (they never contain secrets) and returned in the order they
 * were recorded, except by {@link #between}, which orders by {@link AuditEvent#activityDateTime()}.
 * Recording is idempotent by {@link AuditEvent#id()}: the directory's outbox delivers at least
 * once, so an event whose id is already stored is not stored again.
 *
 * <p>A log made with {@link #withCapacity(int)} holds at most that many events and never drops one:
 * once full it refuses new events with {@link ProviderFailureException} (counted in {@link
 * #refusedCount()}) and stores nothing, so mystaff fails closed, exactly as with any audit sink
 * that is down: a denied or failed attempt, a sign-in or a profile view throws, and a change's
 * event stays in the directory's outbox until the log has room again ({@link #clear()}) and {@code
 * MyStaff.flushAudit()} runs. A redelivered copy of a stored event is still accepted (it is already
 * there). {@link #InMemoryAuditLog() The default log} is unbounded.
 *
 * <p>Every query is indexed (by correlation id, target id, initiator, activity and time), so its
 * cost is proportional to the size of its answer, not of the log.
 */
public final class InMemoryAuditLog implements AuditSink {
  private final int capacity;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  // Guarded by lock. The insertion order of byId is the recording order.
  private final LinkedHashMap<String, AuditEvent> byId = new LinkedHashMap<>();
  private final Map<CorrelationId, ArrayDeque<AuditEvent>> byCorrelation = new HashMap<>();
  private final Map<String, ArrayDeque<AuditEvent>> byTarget = new HashMap<>();
  private final Map<UserId, ArrayDeque<AuditEvent>> byInitiator = new HashMap<>();
  private final Map<AuditActivity, ArrayDeque<AuditEvent>> byActivity =
      new EnumMap<>(AuditActivity.class);
  private final TreeMap<Instant, ArrayDeque<AuditEvent>> byTime = new TreeMap<>();
  private long refused;

  /** An unbounded log. */
  public InMemoryAuditLog() {
    this.capacity = Integer.MAX_VALUE;
  }

  private InMemoryAuditLog(int capacity) {
    this.capacity = capacity;
  }

  /**
   * A log that holds at most {@code capacity} events and refuses more (see the class
   * documentation): it never drops an event silently.
   *
   * @throws InvalidInputException if {@code capacity} is not positive
   */
  public static InMemoryAuditLog withCapacity(int capacity) {
    if (capacity < 1) {
      throw InvalidInputException.of("audit log capacity", "must be at least 1");
    }
    return new InMemoryAuditLog(capacity);
  }

  /**
   * Stores the event; does nothing if an event with the same id is already stored.
   *
   * @throws ProviderFailureException if the log is full (it has {@link #withCapacity a capacity}
   *     and holds that many events); nothing is stored
   */
  @Override
  public void record(AuditEvent event) {
    requireNonNull(event, "event");
    lock.writeLock().lock();
    try {
      if (byId.containsKey(event.id())) {
        return;
      }
      if (byId.size() >= capacity) {
        refused++;
        throw new ProviderFailureException(
            "audit sink",
            "the in-memory audit log is full (capacity "
                + capacity
                + "); the event was not stored");
      }
      byId.put(event.id(), event);
      append(byCorrelation, event.correlationId(), event);
      for (String target : targetIds(event)) {
        append(byTarget, target, event);
      }
      append(byInitiator, event.initiatedBy().id(), event);
      append(byActivity, event.activity(), event);
      append(byTime, event.activityDateTime(), event);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Every stored event, oldest recorded first. */
  public List<AuditEvent> all() {
    return read(() -> List.copyOf(byId.values()));
  }

  /** The stored events of one correlation (one attempt and its follow-ups), in recording order. */
  public List<AuditEvent> byCorrelationId(CorrelationId correlationId) {
    requireNonNull(correlationId, "correlationId");
    return read(() -> copy(byCorrelation.get(correlationId)));
  }

  /**
   * The stored events with a target whose {@link AuditTarget#id()} is {@code targetId} (e.g. a user
   * id's value), in recording order.
   */
  public List<AuditEvent> forTarget(String targetId) {
    requireNonNull(targetId, "targetId");
    return read(() -> copy(byTarget.get(targetId)));
  }

  /** The stored events initiated by this user, in recording order. */
  public List<AuditEvent> byInitiator(UserId initiator) {
    requireNonNull(initiator, "initiator");
    return read(() -> copy(byInitiator.get(initiator)));
  }

  /** The stored events of this activity, in recording order. */
  public List<AuditEvent> byActivity(AuditActivity activity) {
    requireNonNull(activity, "activity");
    return read(() -> copy(byActivity.get(activity)));
  }

  /**
   * The stored events with {@code from <= activityDateTime < to}, ordered by activity time, then
   * recording order.
   *
   * @throws InvalidInputException if {@code to} is before {@code from}
   */
  public List<AuditEvent> between(Instant from, Instant to) {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw InvalidInputException.of("audit time range", "must not end before it starts");
    }
    return read(
        () -> {
          List<AuditEvent> result = new ArrayList<>();
          for (ArrayDeque<AuditEvent> events : byTime.subMap(from, true, to, false).values()) {
            result.addAll(events);
          }
          return List.copyOf(result);
        });
  }

  /** The number of stored events. */
  public int size() {
    return read(byId::size);
  }

  /** How many events were refused because the log was full; always 0 for an unbounded log. */
  public long refusedCount() {
    return read(() -> refused);
  }

  /**
   * Removes every stored event, making room in a full log (for tests, demos and benchmarks that
   * read the log and then start over). The refused count is kept.
   */
  public void clear() {
    lock.writeLock().lock();
    try {
      byId.clear();
      byCorrelation.clear();
      byTarget.clear();
      byInitiator.clear();
      byActivity.clear();
      byTime.clear();
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public String toString() {
    return "InMemoryAuditLog{" + size() + " events}";
  }

  private static Set<String> targetIds(AuditEvent event) {
    Set<String> ids = new LinkedHashSet<>();
    for (AuditTarget t : event.targets()) {
      ids.add(t.id());
    }
    return ids;
  }

  private static <K> void append(Map<K, ArrayDeque<AuditEvent>> index, K key, AuditEvent event) {
    index.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(event);
  }

  private static List<AuditEvent> copy(@Nullable Collection<AuditEvent> events) {
    return events == null ? List.of() : List.copyOf(events);
  }

  private <T> T read(Supplier<T> query) {
    lock.readLock().lock();
    try {
      return query.get();
    } finally {
      lock.readLock().unlock();
    }
  }
}
