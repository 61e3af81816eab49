package io.mystaff.testkit.fakes;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * When one faulty operation fails: always (a switch), the next {@code n} attempts, or while a
 * caller-supplied condition holds. Counts attempts and injected failures. Thread-safe: each counted
 * failure is consumed by exactly one attempt.
 */
final class FaultPlan {
  private volatile boolean always;
  private volatile BooleanSupplier condition = FaultPlan::never;
  private final AtomicInteger remaining = new AtomicInteger();
  private final AtomicLong attempts = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();

  void failAlways() {
    always = true;
  }

  void failNext(int times) {
    if (times < 0) {
      throw new IllegalArgumentException("times must not be negative, was " + times);
    }
    remaining.set(times);
  }

  void failWhile(BooleanSupplier condition) {
    this.condition = requireNonNull(condition, "condition");
  }

  /** Clears the switch, the countdown and the condition; counters are kept. */
  void recover() {
    always = false;
    condition = FaultPlan::never;
    remaining.set(0);
  }

  /** Counts one attempt and decides whether it fails. */
  boolean attemptFails() {
    attempts.incrementAndGet();
    boolean fail =
        always || remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0 || condition.getAsBoolean();
    if (fail) {
      failures.incrementAndGet();
    }
    return fail;
  }

  long attempts() {
    return attempts.get();
  }

  long failures() {
    return failures.get();
  }

  private static boolean never() {
    return false;
  }
}
