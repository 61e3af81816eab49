package io.mystaff.spring.boot;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.spi.AuditSink;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link AuditSink} that stores every event in the host's sink and, once stored, keeps each
 * manager's most recent events on this node so the API can show managers what they did. It holds no
 * secret: audit events never do.
 *
 * <p>It remembers at most {@code perManager} events for each of at most 10,000 managers (the least
 * recently active are forgotten first). The host's sink stays the record.
 *
 * @since 0.1.0
 */
public final class RecentAuditEvents implements AuditSink {
  private static final int MAX_MANAGERS = 10_000;

  private final AuditSink delegate;
  private final int perManager;
  private final Map<UserId, Deque<AuditEvent>> byManager =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<UserId, Deque<AuditEvent>> eldest) {
          return size() > MAX_MANAGERS;
        }
      };

  /**
   * Wraps {@code delegate}.
   *
   * @param delegate the host's sink, where events are stored
   * @param perManager how many events to keep for each manager, at least 0
   * @throws IllegalArgumentException if {@code perManager} is negative
   */
  public RecentAuditEvents(AuditSink delegate, int perManager) {
    this.delegate = requireNonNull(delegate, "delegate");
    if (perManager < 0) {
      throw new IllegalArgumentException("perManager must be at least 0");
    }
    this.perManager = perManager;
  }

  @Override
  public void record(AuditEvent event) {
    delegate.record(event);
    if (perManager == 0) {
      return;
    }
    synchronized (byManager) {
      Deque<AuditEvent> events =
          byManager.computeIfAbsent(event.initiatedBy().id(), id -> new ArrayDeque<>());
      events.addFirst(event);
      while (events.size() > perManager) {
        events.removeLast();
      }
    }
  }

  /**
   * The most recent events that {@code manager} initiated, newest first.
   *
   * @param manager the manager
   * @return at most {@code perManager} events
   */
  public List<AuditEvent> initiatedBy(UserId manager) {
    synchronized (byManager) {
      Deque<AuditEvent> events = byManager.get(manager);
      return events == null ? List.of() : List.copyOf(new ArrayList<>(events));
    }
  }

  @Override
  public String toString() {
    return "RecentAuditEvents{" + delegate + ", perManager=" + perManager + "}";
  }
}
