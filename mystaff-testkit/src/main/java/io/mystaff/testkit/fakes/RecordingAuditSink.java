package io.mystaff.testkit.fakes;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.spi.AuditSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * An {@link AuditSink} that keeps every event in memory, in the order {@link #record} was called,
 * for assertions. It never fails and stores duplicates as they come (it records calls, it does not
 * deduplicate by event id).
 *
 * <p>Thread-safe: every query returns an immutable snapshot taken atomically.
 */
public final class RecordingAuditSink implements AuditSink {
  private final List<AuditEvent> events = new ArrayList<>();

  /** An empty recorder. */
  public RecordingAuditSink() {}

  @Override
  public void record(AuditEvent event) {
    requireNonNull(event, "event");
    synchronized (events) {
      events.add(event);
    }
  }

  /** Every event recorded so far, oldest first. */
  public List<AuditEvent> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  /** The events satisfying {@code filter}, oldest first. */
  public List<AuditEvent> events(Predicate<? super AuditEvent> filter) {
    requireNonNull(filter, "filter");
    return events().stream().filter(filter).toList();
  }

  /** The events of {@code activity}, oldest first. */
  public List<AuditEvent> events(AuditActivity activity) {
    requireNonNull(activity, "activity");
    return events(e -> e.activity() == activity);
  }

  /** The events with {@code outcome}, oldest first. */
  public List<AuditEvent> events(AuditOutcome outcome) {
    requireNonNull(outcome, "outcome");
    return events(e -> e.outcome() == outcome);
  }

  /** The events of one operation (all steps of an asynchronous reset share it), oldest first. */
  public List<AuditEvent> events(CorrelationId correlationId) {
    requireNonNull(correlationId, "correlationId");
    return events(e -> e.correlationId().equals(correlationId));
  }

  /** The events with a target whose id is {@code targetId} (e.g. a user id), oldest first. */
  public List<AuditEvent> eventsAbout(String targetId) {
    requireNonNull(targetId, "targetId");
    return events(e -> e.targets().stream().anyMatch(t -> t.id().equals(targetId)));
  }

  /**
   * The only event recorded.
   *
   * @throws AssertionError if there is not exactly one, listing what was recorded
   */
  public AuditEvent single() {
    return single(e -> true, "recorded");
  }

  /**
   * The only event satisfying {@code filter}.
   *
   * @throws AssertionError if not exactly one event matches, listing every recorded event
   */
  public AuditEvent single(Predicate<? super AuditEvent> filter) {
    return single(filter, "matching");
  }

  private AuditEvent single(Predicate<? super AuditEvent> filter, String what) {
    requireNonNull(filter, "filter");
    List<AuditEvent> all = events();
    List<AuditEvent> matching = all.stream().filter(filter).toList();
    if (matching.size() != 1) {
      throw new AssertionError(
          "expected exactly one event "
              + what
              + ", found "
              + matching.size()
              + "; recorded: "
              + describe(all));
    }
    return matching.get(0);
  }

  /** The most recent event, if any. */
  public Optional<AuditEvent> last() {
    synchronized (events) {
      return events.isEmpty() ? Optional.empty() : Optional.of(events.get(events.size() - 1));
    }
  }

  /** The number of events recorded. */
  public int size() {
    synchronized (events) {
      return events.size();
    }
  }

  /** True if nothing was recorded (since the last {@link #clear()}). */
  public boolean isEmpty() {
    return size() == 0;
  }

  /** Forgets every recorded event. */
  public void clear() {
    synchronized (events) {
      events.clear();
    }
  }

  /** One line per event: id, activity, outcome, reason; for failure messages. */
  private static String describe(List<AuditEvent> events) {
    if (events.isEmpty()) {
      return "(none)";
    }
    StringBuilder s = new StringBuilder();
    for (AuditEvent e : events) {
      s.append("\n  ")
          .append(e.id())
          .append(' ')
          .append(e.activity())
          .append(' ')
          .append(e.outcome());
      e.resultReason().ifPresent(r -> s.append(" (").append(r).append(')'));
    }
    return s.toString();
  }

  @Override
  public String toString() {
    return "RecordingAuditSink[" + size() + " events]";
  }
}
