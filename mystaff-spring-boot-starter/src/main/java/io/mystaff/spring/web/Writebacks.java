package io.mystaff.spring.web;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.UserId;
import io.mystaff.core.WritebackHandle;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The synced resets this node started, by correlation id, so the manager who started one can poll
 * or subscribe to its progress. Bounded: the oldest of more than 10,000 are forgotten.
 */
final class Writebacks {
  private static final int MAX = 10_000;

  private record Started(UserId manager, WritebackHandle handle) {}

  private final Map<CorrelationId, Started> started =
      new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<CorrelationId, Started> eldest) {
          return size() > MAX;
        }
      };

  synchronized void add(UserId manager, WritebackHandle handle) {
    started.put(handle.correlationId(), new Started(manager, handle));
  }

  /** The writeback, if {@code manager} started it here; another manager's is never returned. */
  synchronized Optional<WritebackHandle> find(UserId manager, CorrelationId id) {
    Started s = started.get(id);
    return s != null && s.manager().equals(manager) ? Optional.of(s.handle()) : Optional.empty();
  }
}
