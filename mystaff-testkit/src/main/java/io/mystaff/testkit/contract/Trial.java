package io.mystaff.testkit.contract;

import io.mystaff.testkit.fixtures.Tenant;
import io.mystaff.testkit.random.Seeds;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;
import java.util.Set;

/**
 * One run of one law: makes subjects through the vendor's factory (closing them afterwards), and
 * hands out the seeded randomness and the time limit the builder was configured with.
 */
final class Trial<S> implements AutoCloseable {
  private final SubjectFactory<? extends S> factory;
  private final long seed;
  private final Duration timeout;
  private final Set<? extends Enum<?>> claimed;
  private final Set<? extends Enum<?>> absent;
  private final Deque<Object> opened = new ArrayDeque<>();
  private int streams;

  Trial(SubjectFactory<? extends S> factory, long seed, Duration timeout) {
    this(factory, seed, timeout, Set.of(), Set.of());
  }

  Trial(
      SubjectFactory<? extends S> factory,
      long seed,
      Duration timeout,
      Set<? extends Enum<?>> claimed,
      Set<? extends Enum<?>> absent) {
    this.factory = factory;
    this.seed = seed;
    this.timeout = timeout;
    this.claimed = Set.copyOf(claimed);
    this.absent = Set.copyOf(absent);
  }

  /** Whether the vendor claimed {@code feature} ({@code withFeatures}). */
  boolean claims(Enum<?> feature) {
    return claimed.contains(feature);
  }

  /** Whether the vendor declared {@code feature} absent ({@code withoutFeatures}). */
  boolean lacks(Enum<?> feature) {
    return absent.contains(feature);
  }

  /** A fresh subject holding {@code tenant}; closed when the trial ends. */
  S subject(Tenant tenant) throws Exception {
    S subject = factory.create(tenant);
    if (subject == null) {
      throw new AssertionError("the subject factory returned null");
    }
    opened.push(subject);
    return subject;
  }

  /** A new random stream derived from the trial's seed; each call gives a different one. */
  Random random() {
    return Seeds.random(Seeds.derive(seed, streams++));
  }

  long seed() {
    return seed;
  }

  /** How long to wait for anything asynchronous before the law counts as broken. */
  Duration timeout() {
    return timeout;
  }

  @Override
  public void close() {
    Object[] parts = opened.toArray();
    opened.clear();
    Closing.close(parts);
  }
}
