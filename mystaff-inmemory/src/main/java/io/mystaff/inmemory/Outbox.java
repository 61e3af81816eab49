package io.mystaff.inmemory;

import io.mystaff.api.audit.AuditEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The directory's transactional outbox: audit events stored with the writes they describe, kept
 * until acknowledged, oldest first. Thread-safe.
 */
final class Outbox {
  private final LinkedHashMap<String, AuditEvent> pending = new LinkedHashMap<>();

  /** Stores the event; false (and nothing stored) if an event with its id is already pending. */
  synchronized boolean offer(AuditEvent event) {
    return pending.putIfAbsent(event.id(), event) == null;
  }

  /** Whether an event with this id is pending. */
  synchronized boolean isPending(String eventId) {
    return pending.containsKey(eventId);
  }

  synchronized List<AuditEvent> oldest(int max) {
    List<AuditEvent> result = new ArrayList<>(Math.min(max, pending.size()));
    for (AuditEvent e : pending.values()) {
      if (result.size() == max) {
        break;
      }
      result.add(e);
    }
    return List.copyOf(result);
  }

  synchronized void acknowledge(Collection<String> eventIds) {
    for (String id : eventIds) {
      pending.remove(id);
    }
  }

  synchronized int size() {
    return pending.size();
  }
}
