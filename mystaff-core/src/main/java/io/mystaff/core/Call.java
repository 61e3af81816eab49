package io.mystaff.core;

import io.mystaff.api.CorrelationId;
import java.util.Optional;
import org.slf4j.MDC;

/**
 * One public call into mystaff on one thread: its correlation id is in SLF4J's {@link MDC} under
 * {@link #MDC_KEY} from {@link #open()} to {@link #close()}, so that every log line written while
 * it runs (by mystaff, a provider, or the host) can be tied to the call's audit events; the attempt
 * the call begins takes the same id. A call opened inside another on the same thread (a session
 * check inside a listing) joins the outer one. Closing restores what the MDC held before.
 */
final class Call implements AutoCloseable {
  /** The MDC key of the correlation id. */
  static final String MDC_KEY = "mystaff.correlationId";

  private static final ThreadLocal<Call> CURRENT = new ThreadLocal<>();

  private final CorrelationId correlationId;
  private final long startedNanos;
  private final Optional<String> previous;
  private final boolean outermost;
  private final Optional<Call> outer;
  private boolean taken;

  private Call(
      CorrelationId correlationId,
      long startedNanos,
      Optional<String> previous,
      boolean outermost,
      Optional<Call> outer) {
    this.correlationId = correlationId;
    this.startedNanos = startedNanos;
    this.previous = previous;
    this.outermost = outermost;
    this.outer = outer;
  }

  /** Opens a call with a fresh correlation id, or joins the call already open on this thread. */
  static Call open() {
    Call current = CURRENT.get();
    if (current != null) {
      return new Call(
          current.correlationId, current.startedNanos, Optional.empty(), false, Optional.empty());
    }
    return enter(CorrelationId.random(), System.nanoTime());
  }

  /** Runs work of an earlier attempt (a writeback's end) under that attempt's correlation id. */
  static Call resume(CorrelationId correlationId, long startedNanos) {
    Call current = CURRENT.get();
    if (current != null && current.correlationId.equals(correlationId)) {
      return new Call(
          correlationId, current.startedNanos, Optional.empty(), false, Optional.empty());
    }
    Call call = enter(correlationId, startedNanos);
    call.taken = true;
    return call;
  }

  private static Call enter(CorrelationId correlationId, long startedNanos) {
    Call call =
        new Call(
            correlationId,
            startedNanos,
            Optional.ofNullable(MDC.get(MDC_KEY)),
            true,
            Optional.ofNullable(CURRENT.get()));
    CURRENT.set(call);
    MDC.put(MDC_KEY, correlationId.value());
    return call;
  }

  /**
   * The correlation id and start of a new attempt: the open call's for its first attempt, a fresh
   * id (then put in the MDC) for a later one or outside a call.
   */
  static Call.Start attemptStart() {
    Call current = CURRENT.get();
    if (current == null) {
      return new Start(CorrelationId.random(), System.nanoTime());
    }
    if (!current.taken) {
      current.taken = true;
      return new Start(current.correlationId, current.startedNanos);
    }
    CorrelationId fresh = CorrelationId.random();
    MDC.put(MDC_KEY, fresh.value());
    return new Start(fresh, System.nanoTime());
  }

  /** When the call open on this thread started, or now outside a call. */
  static long startedNanos() {
    Call current = CURRENT.get();
    return current == null ? System.nanoTime() : current.startedNanos;
  }

  /** The correlation id and monotonic start time of an attempt. */
  record Start(CorrelationId correlationId, long startedNanos) {}

  @Override
  public void close() {
    if (!outermost) {
      return;
    }
    if (outer.isPresent()) { // a writeback ended on a thread busy with another call
      CURRENT.set(outer.get());
    } else {
      CURRENT.remove();
    }
    if (previous.isPresent()) {
      MDC.put(MDC_KEY, previous.get());
    } else {
      MDC.remove(MDC_KEY);
    }
  }
}
