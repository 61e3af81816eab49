package io.mystaff.core;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The per-manager token buckets of one kind of change, on this node only (a host running several
 * nodes gets a limit per node; a shared limiter would need a shared store). Time comes from the
 * injected clock, so tests are deterministic.
 *
 * <p>Each bucket is kept as one number, the instant at which it will be full again (the generic
 * cell rate algorithm): an attempt at {@code now} is allowed if that instant is at most {@code
 * (burst - 1) * interval} ahead of {@code now}, and then moves it one interval further (from {@code
 * now} if it lay in the past). A bucket whose instant has passed is full, exactly like a bucket
 * never used, so it can be dropped without changing any answer.
 *
 * <p><b>Memory is bounded</b>: at most {@link #MAX_BUCKETS} managers are tracked. When a new
 * manager would exceed that, full buckets are swept out first; if every tracked manager is still
 * within their refill time, the new manager's attempt is refused (fail closed) until some bucket
 * fills up. Thread-safe and lock-free; a sweep racing an attempt of a manager whose bucket was full
 * may forget that one token, never more.
 */
final class ChangeLimiter {
  /** The most managers tracked at once (about 100 bytes each). */
  static final int MAX_BUCKETS = 100_000;

  private final RateLimit limit;
  private final Clock clock;
  private final int capacity;
  private final ConcurrentHashMap<UserId, AtomicLong> buckets = new ConcurrentHashMap<>();

  ChangeLimiter(RateLimit limit, Clock clock) {
    this(limit, clock, MAX_BUCKETS);
  }

  ChangeLimiter(RateLimit limit, Clock clock, int capacity) {
    this.limit = requireNonNull(limit, "limit");
    this.clock = requireNonNull(clock, "clock");
    this.capacity = capacity;
  }

  /** Takes one token of {@code manager}'s bucket; false if it was empty. */
  boolean tryAcquire(UserId manager) {
    if (limit.isUnlimited()) {
      return true;
    }
    long now = nanos(clock.instant());
    long interval = limit.refillInterval().toNanos();
    long tolerance = (limit.burst() - 1) * interval;
    AtomicLong bucket = buckets.get(manager);
    if (bucket == null) {
      if (buckets.size() >= capacity) {
        sweep(now);
        if (buckets.size() >= capacity) {
          return false;
        }
      }
      bucket = buckets.computeIfAbsent(manager, m -> new AtomicLong(Long.MIN_VALUE));
    }
    while (true) {
      long full = bucket.get();
      long from = Math.max(full, now);
      if (from - now > tolerance) {
        return false;
      }
      if (bucket.compareAndSet(full, from + interval)) {
        return true;
      }
    }
  }

  /**
   * Whether {@link #tryAcquire} would take a token of {@code manager}'s bucket now, taking none:
   * what a preview tells. Another attempt between this and the next {@code tryAcquire} may change
   * the answer.
   */
  boolean wouldAdmit(UserId manager) {
    if (limit.isUnlimited()) {
      return true;
    }
    long now = nanos(clock.instant());
    AtomicLong bucket = buckets.get(manager);
    if (bucket == null) {
      return buckets.size() < capacity || buckets.values().stream().anyMatch(b -> b.get() <= now);
    }
    long tolerance = (limit.burst() - 1) * limit.refillInterval().toNanos();
    return Math.max(bucket.get(), now) - now <= tolerance;
  }

  /** How many managers are tracked now. */
  int tracked() {
    return buckets.size();
  }

  /** Drops the buckets that are full at {@code now}: forgetting them changes no answer. */
  private void sweep(long now) {
    buckets.values().removeIf(bucket -> bucket.get() <= now);
  }

  private static long nanos(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
  }
}
