package io.mystaff.core;

import io.mystaff.api.InvalidInputException;
import java.time.Duration;

/**
 * How many changes of one kind one manager may make in a short time: a token bucket holding at most
 * {@link #burst()} tokens, refilled with one token every {@link #refillInterval()}. Each change
 * attempt takes a token; an attempt finding the bucket empty is denied with {@link
 * io.mystaff.api.authz.DenyReason#RATE_LIMITED}. So a manager may make {@code burst} changes at
 * once, then one per interval. {@link #unlimited()} turns the limit off. Immutable.
 *
 * @since 0.1.0
 */
public final class RateLimit {
  /** The largest {@link #burst()}. */
  public static final int MAX_BURST = 10_000;

  private static final RateLimit UNLIMITED = new RateLimit(0, Duration.ZERO);

  private final int burst;
  private final Duration refillInterval;

  private RateLimit(int burst, Duration refillInterval) {
    this.burst = burst;
    this.refillInterval = refillInterval;
  }

  /**
   * At most {@code burst} changes at once, then one more every {@code refillInterval}.
   *
   * @param burst 1 to {@link #MAX_BURST}
   * @param refillInterval from 1 millisecond to 1 day
   * @throws InvalidInputException if a value is out of its range
   */
  public static RateLimit of(int burst, Duration refillInterval) {
    if (burst < 1 || burst > MAX_BURST) {
      throw InvalidInputException.of(
          "rate limit burst", "must be between 1 and " + MAX_BURST, "settings.invalid");
    }
    if (refillInterval == null) {
      throw InvalidInputException.of(
          "rate limit refill interval", "is required", "settings.invalid");
    }
    if (refillInterval.compareTo(Duration.ofMillis(1)) < 0
        || refillInterval.compareTo(Duration.ofDays(1)) > 0) {
      throw InvalidInputException.of(
          "rate limit refill interval",
          "must be between 1 millisecond and 1 day",
          "settings.invalid");
    }
    return new RateLimit(burst, refillInterval);
  }

  /** No limit: every attempt goes through. */
  public static RateLimit unlimited() {
    return UNLIMITED;
  }

  /** Whether this is {@link #unlimited()}. */
  public boolean isUnlimited() {
    return burst == 0;
  }

  /** How many changes a manager may make at once; 0 when unlimited. */
  public int burst() {
    return burst;
  }

  /** How long it takes to earn one more change; zero when unlimited. */
  public Duration refillInterval() {
    return refillInterval;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RateLimit other
        && burst == other.burst
        && refillInterval.equals(other.refillInterval);
  }

  @Override
  public int hashCode() {
    return 31 * burst + refillInterval.hashCode();
  }

  @Override
  public String toString() {
    return isUnlimited()
        ? "RateLimit{unlimited}"
        : "RateLimit{burst=" + burst + ", refill=" + refillInterval + "}";
  }
}
