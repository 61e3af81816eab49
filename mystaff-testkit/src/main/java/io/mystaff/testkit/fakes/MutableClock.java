package io.mystaff.testkit.fakes;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that tests move by hand: it starts at a given instant and changes only when told
 * to, by {@link #advance(Duration)}, {@link #set(Instant)} or, if enabled, by a fixed step after
 * every read ({@link #autoAdvance(Duration)}).
 *
 * <p>Thread-safe: reads and moves are atomic, so concurrent readers with auto-advance each see a
 * distinct instant. {@link #withZone(ZoneId)} returns a view sharing this clock's time, so moving
 * either moves both.
 */
public final class MutableClock extends Clock {
  private final Time time;
  private final ZoneId zone;

  private MutableClock(Time time, ZoneId zone) {
    this.time = time;
    this.zone = zone;
  }

  /** A clock in UTC reading {@code start} until moved. */
  public static MutableClock at(Instant start) {
    return at(start, ZoneOffset.UTC);
  }

  /** A clock in {@code zone} reading {@code start} until moved. */
  public static MutableClock at(Instant start, ZoneId zone) {
    return new MutableClock(new Time(requireNonNull(start, "start")), requireNonNull(zone, "zone"));
  }

  /**
   * Moves the clock forward by {@code amount}.
   *
   * @return this clock
   * @throws IllegalArgumentException if {@code amount} is negative (use {@link #set(Instant)} to
   *     move back in time)
   */
  public MutableClock advance(Duration amount) {
    requireNonNegative(amount, "advance");
    time.now.getAndUpdate(t -> t.plus(amount));
    return this;
  }

  /**
   * Sets the clock to {@code instant}, forward or backward.
   *
   * @return this clock
   */
  public MutableClock set(Instant instant) {
    time.now.set(requireNonNull(instant, "instant"));
    return this;
  }

  /**
   * After every read of {@link #instant()} (or {@link #millis()}), moves the clock forward by
   * {@code step}; {@link Duration#ZERO} switches auto-advance off. A read returns the time before
   * its own step.
   *
   * @return this clock
   * @throws IllegalArgumentException if {@code step} is negative
   */
  public MutableClock autoAdvance(Duration step) {
    requireNonNegative(step, "auto-advance step");
    time.step = step;
    return this;
  }

  /** The current time; moves the clock by the auto-advance step, if one is set. */
  @Override
  public Instant instant() {
    Duration step = time.step;
    Instant now = step.isZero() ? time.now.get() : time.now.getAndUpdate(t -> t.plus(step));
    return requireNonNull(now, "now"); // set at construction, only ever moved
  }

  /** The current time without advancing the clock, for assertions about the clock itself. */
  public Instant peek() {
    return requireNonNull(time.now.get(), "now");
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** A view of this clock in another zone, sharing its time (moving one moves both). */
  @Override
  public MutableClock withZone(ZoneId zone) {
    requireNonNull(zone, "zone");
    return zone.equals(this.zone) ? this : new MutableClock(time, zone);
  }

  @Override
  public String toString() {
    return "MutableClock[" + time.now.get() + "," + zone + "]";
  }

  private static void requireNonNegative(Duration amount, String what) {
    requireNonNull(amount, what);
    if (amount.isNegative()) {
      throw new IllegalArgumentException(what + " must not be negative, was " + amount);
    }
  }

  /** The state shared by a clock and its zone views. */
  private static final class Time {
    final AtomicReference<Instant> now;
    volatile Duration step = Duration.ZERO;

    Time(Instant start) {
      this.now = new AtomicReference<>(start);
    }
  }
}
