package io.mystaff.core;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.spi.AttemptObservation;
import io.mystaff.spi.MyStaffListener;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The registered {@link MyStaffListener}s, each called so that nothing it throws escapes. */
final class Observers {
  private static final Logger LOG = LoggerFactory.getLogger(Observers.class);

  private final List<MyStaffListener> listeners;

  Observers(List<MyStaffListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  static Observers none() {
    return new Observers(List.of());
  }

  /** The attempt whose final event is {@code event} ended; PENDING events are not an end. */
  void ended(AuditEvent event, long startedNanos) {
    if (listeners.isEmpty() || event.outcome() == AuditOutcome.PENDING) {
      return;
    }
    AttemptObservation observation =
        new AttemptObservation(
            event.activity(),
            event.outcome(),
            event.resultReason(),
            Duration.ofNanos(Math.max(0, System.nanoTime() - startedNanos)),
            event.correlationId());
    for (MyStaffListener l : listeners) {
      try {
        l.attemptEnded(observation);
      } catch (Throwable e) {
        failed(l, e);
      }
    }
  }

  void writebackStarted(CorrelationId correlationId) {
    for (MyStaffListener l : listeners) {
      try {
        l.writebackStarted(correlationId);
      } catch (Throwable e) {
        failed(l, e);
      }
    }
  }

  void writebackEnded(CorrelationId correlationId) {
    for (MyStaffListener l : listeners) {
      try {
        l.writebackEnded(correlationId);
      } catch (Throwable e) {
        failed(l, e);
      }
    }
  }

  private static void failed(MyStaffListener listener, Throwable e) {
    if (e instanceof VirtualMachineError fatal) {
      throw fatal;
    }
    LOG.warn(
        "MyStaffListener {} threw {}; ignored",
        listener.getClass().getName(),
        e.getClass().getName());
  }
}
