package io.mystaff.testkit.fakes;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.ProviderFailureException;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.spi.AuditSink;
import java.util.function.BooleanSupplier;

/**
 * An {@link AuditSink} that fails on demand and otherwise passes events to a wrapped sink. A
 * failing {@link #record} throws {@link ProviderFailureException} without calling the wrapped sink,
 * so the event is not stored, as the {@code AuditSink} contract requires of a failure.
 *
 * <p>Failures are injected always ({@link #failAlways()}), for the next {@code n} attempts ({@link
 * #failNext(int)}) or while a condition holds ({@link #failWhile(BooleanSupplier)}); any of them
 * suffices. {@link #recover()} clears all three. Thread-safe.
 */
public final class FailingAuditSink implements AuditSink {
  /** The {@link ProviderFailureException#provider()} of every injected failure. */
  public static final String PROVIDER = "audit sink";

  private final AuditSink delegate;
  private final FaultPlan plan = new FaultPlan();

  private FailingAuditSink(AuditSink delegate) {
    this.delegate = delegate;
  }

  /** A sink passing every event to {@code delegate} until told to fail. */
  public static FailingAuditSink wrapping(AuditSink delegate) {
    return new FailingAuditSink(requireNonNull(delegate, "delegate"));
  }

  /**
   * Fails every attempt until {@link #recover()}.
   *
   * @return this sink
   */
  public FailingAuditSink failAlways() {
    plan.failAlways();
    return this;
  }

  /**
   * Fails the next {@code times} attempts, replacing any earlier countdown.
   *
   * @return this sink
   * @throws IllegalArgumentException if {@code times} is negative
   */
  public FailingAuditSink failNext(int times) {
    plan.failNext(times);
    return this;
  }

  /**
   * Fails every attempt made while {@code condition} is true (e.g. {@code flag::get} of an {@link
   * java.util.concurrent.atomic.AtomicBoolean}); the condition is evaluated on the recording
   * thread.
   *
   * @return this sink
   */
  public FailingAuditSink failWhile(BooleanSupplier condition) {
    plan.failWhile(condition);
    return this;
  }

  /**
   * Stops injecting failures: clears the switch, the countdown and the condition.
   *
   * @return this sink
   */
  public FailingAuditSink recover() {
    plan.recover();
    return this;
  }

  /**
   * Stores {@code event} through the wrapped sink, or throws an injected failure.
   *
   * @throws ProviderFailureException if a failure is due; the wrapped sink was not called
   */
  @Override
  public void record(AuditEvent event) {
    requireNonNull(event, "event");
    if (plan.attemptFails()) {
      throw new ProviderFailureException(
          PROVIDER, "injected failure while recording event " + event.id());
    }
    delegate.record(event);
  }

  /** How many times {@link #record} was called, failed or not. */
  public long attempts() {
    return plan.attempts();
  }

  /** How many calls failed by injection. */
  public long failures() {
    return plan.failures();
  }

  @Override
  public String toString() {
    return "FailingAuditSink[attempts=" + attempts() + ", failures=" + failures() + "]";
  }
}
