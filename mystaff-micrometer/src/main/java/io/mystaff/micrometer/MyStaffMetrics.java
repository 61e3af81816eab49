package io.mystaff.micrometer;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.mystaff.api.CorrelationId;
import io.mystaff.spi.AttemptObservation;
import io.mystaff.spi.MyStaffListener;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link MyStaffListener} that records mystaff's work as Micrometer meters. Register it with
 * {@code MyStaff.builder().listener(MyStaffMetrics.bindTo(registry))}.
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th><th>what</th></tr>
 *   <tr><td>{@value #ATTEMPTS}</td><td>timer</td><td>{@code activity}, {@code outcome}</td>
 *       <td>every attempt, from the start of its call to its outcome (a synced reset: to the end of
 *       its writeback)</td></tr>
 *   <tr><td>{@value #REFUSALS}</td><td>counter</td><td>{@code activity}, {@code outcome},
 *       {@code reason}</td><td>denied and failed attempts by reason code</td></tr>
 *   <tr><td>{@value #WRITEBACKS_IN_FLIGHT}</td><td>gauge</td><td>none</td>
 *       <td>password writebacks submitted and not yet ended</td></tr>
 *   <tr><td>{@value #WRITEBACKS}</td><td>counter</td><td>none</td>
 *       <td>password writebacks submitted</td></tr>
 * </table>
 *
 * <p>{@code activity} is the {@link io.mystaff.api.audit.AuditActivity} constant's name, {@code
 * outcome} the {@link io.mystaff.api.audit.AuditOutcome}'s, {@code reason} the audit event's reason
 * code: all from small fixed sets, so the number of series stays bounded. No user, manager or
 * correlation id becomes a tag.
 *
 * @since 0.1.0
 */
public final class MyStaffMetrics implements MyStaffListener {
  /** The timer of attempts. */
  public static final String ATTEMPTS = "mystaff.attempts";

  /** The counter of denied and failed attempts by reason. */
  public static final String REFUSALS = "mystaff.attempts.refused";

  /** The gauge of writebacks in flight. */
  public static final String WRITEBACKS_IN_FLIGHT = "mystaff.writebacks.in.flight";

  /** The counter of writebacks submitted. */
  public static final String WRITEBACKS = "mystaff.writebacks";

  private final MeterRegistry registry;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Counter writebacks;

  private MyStaffMetrics(MeterRegistry registry) {
    this.registry = requireNonNull(registry, "registry");
    Gauge.builder(WRITEBACKS_IN_FLIGHT, inFlight, AtomicInteger::get)
        .description("Password writebacks submitted and not yet ended")
        .register(registry);
    this.writebacks =
        Counter.builder(WRITEBACKS).description("Password writebacks submitted").register(registry);
  }

  /** A listener that records into {@code registry}; its gauge is registered now. */
  public static MyStaffMetrics bindTo(MeterRegistry registry) {
    return new MyStaffMetrics(registry);
  }

  @Override
  public void attemptEnded(AttemptObservation attempt) {
    Tags tags = Tags.of("activity", attempt.activity().name(), "outcome", attempt.outcome().name());
    Timer.builder(ATTEMPTS)
        .description("My Staff attempts by activity and outcome")
        .tags(tags)
        .register(registry)
        .record(attempt.duration());
    attempt
        .reason()
        .ifPresent(
            reason ->
                Counter.builder(REFUSALS)
                    .description("Denied and failed My Staff attempts by reason")
                    .tags(tags)
                    .tag("reason", reason)
                    .register(registry)
                    .increment());
  }

  @Override
  public void writebackStarted(CorrelationId correlationId) {
    writebacks.increment();
    inFlight.incrementAndGet();
  }

  @Override
  public void writebackEnded(CorrelationId correlationId) {
    inFlight.decrementAndGet();
  }

  /** Writebacks in flight now, as the gauge reports. */
  public int writebacksInFlight() {
    return inFlight.get();
  }
}
