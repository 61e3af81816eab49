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
 * Each manager's most recent audit events on this node, so the API can show managers what they did.
 * {@link #recording(AuditSink)} wraps the host's sink: every event goes to that sink and, once
 * stored there, is remembered here. It holds no secret: audit events never do.
 *
 * <p>It remembers at most {@code perManager} events for each of at most 10,000 managers (the least
 * recently active are forgotten first). The host's sink stays the record. It is not itself an
 * {@link AuditSink}, so a host's own {@code AuditSink} bean stays the only one.
 *
 * @since 0.1.0
 */
public final class RecentAuditEvents {
  private static final int MAX_MANAGERS = 10_000;

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
   * Remembers up to {@code perManager} events for each manager.
   *
   * @param perManager how many events to keep for each manager, at least 0
   * @throws IllegalArgumentException if {@code perManager} is negative
   */
  public RecentAuditEvents(int perManager) {
    if (perManager < 0) {
      throw new IllegalArgumentException("perManager must be at least 0");
    }
    this.perManager = perManager;
  }

  /**
   * A sink that stores each event in {@code delegate} and then remembers it here; an event the
   * delegate refuses (throws) is not remembered.
   *
   * @param delegate the host's sink, where events are stored
   * @return the recording sink
   */
  public AuditSink recording(AuditSink delegate) {
    requireNonNull(delegate, "delegate");
    return new AuditSink() {
      @Override
      public void record(AuditEvent event) {
        delegate.record(event);
        remember(event);
      }

      @Override
      public String toString() {
        return "RecentAuditEvents.recording(" + delegate + ")";
      }
    };
  }

  private void remember(AuditEvent event) {
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
    return "RecentAuditEvents{perManager=" + perManager + "}";
  }
}
