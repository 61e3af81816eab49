package io.mystaff.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ChangeLimiterTest {
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
  private static final UserId NINA = UserId.of("nina");
  private static final UserId OMAR = UserId.of("omar");

  /** A clock moved by the test. */
  private static final class TestClock extends Clock {
    Instant now = T0;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void burstThenOnePerInterval() {
    TestClock clock = new TestClock();
    ChangeLimiter limiter = new ChangeLimiter(RateLimit.of(3, Duration.ofMinutes(1)), clock);

    assertThat(limiter.tryAcquire(NINA)).isTrue();
    assertThat(limiter.tryAcquire(NINA)).isTrue();
    assertThat(limiter.tryAcquire(NINA)).isTrue();
    assertThat(limiter.tryAcquire(NINA)).as("fourth at once").isFalse();
    assertThat(limiter.tryAcquire(OMAR)).as("another manager has a bucket of their own").isTrue();

    clock.now = T0.plusSeconds(59);
    assertThat(limiter.tryAcquire(NINA)).as("just before one interval").isFalse();
    clock.now = T0.plusSeconds(60);
    assertThat(limiter.tryAcquire(NINA)).as("one interval later: one token").isTrue();
    assertThat(limiter.tryAcquire(NINA)).isFalse();

    clock.now = T0.plus(Duration.ofHours(5));
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.tryAcquire(NINA)).as("refilled to the burst, attempt %d", i).isTrue();
    }
    assertThat(limiter.tryAcquire(NINA)).as("never beyond the burst").isFalse();
  }

  @Test
  void wouldAdmit_predictsTryAcquireAndTakesNothing() {
    long seed = 0x5EED_1234L;
    Random r = new Random(seed);
    TestClock clock = new TestClock();
    ChangeLimiter limiter = new ChangeLimiter(RateLimit.of(3, Duration.ofMinutes(1)), clock, 2);
    List<UserId> managers = List.of(NINA, OMAR, UserId.of("pia"));
    for (int i = 0; i < 20_000; i++) {
      UserId m = managers.get(r.nextInt(managers.size()));
      clock.now = clock.now.plusSeconds(r.nextInt(40));
      boolean predicted = limiter.wouldAdmit(m);
      assertThat(limiter.wouldAdmit(m))
          .as("seed %d step %d: asking again gives the same answer", seed, i)
          .isEqualTo(predicted);
      int tracked = limiter.tracked();
      assertThat(limiter.tryAcquire(m)).as("seed %d step %d", seed, i).isEqualTo(predicted);
      if (!predicted) {
        assertThat(limiter.tracked()).isLessThanOrEqualTo(tracked);
      }
    }
  }

  @Test
  void unlimited_alwaysAllowsAndTracksNoOne() {
    ChangeLimiter limiter = new ChangeLimiter(RateLimit.unlimited(), new TestClock());
    for (int i = 0; i < 10_000; i++) {
      assertThat(limiter.tryAcquire(NINA)).isTrue();
    }
    assertThat(limiter.tracked()).isZero();
  }

  @Test
  void atCapacity_fullBucketsSweptOut_elseNewManagersRefused() {
    TestClock clock = new TestClock();
    ChangeLimiter limiter = new ChangeLimiter(RateLimit.of(2, Duration.ofSeconds(10)), clock, 3);
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.tryAcquire(UserId.of("m" + i))).isTrue();
    }
    assertThat(limiter.tryAcquire(UserId.of("m0")))
        .as("a tracked manager is served at capacity")
        .isTrue();
    assertThat(limiter.tryAcquire(NINA))
        .as("every tracked bucket still refilling: fail closed")
        .isFalse();
    assertThat(limiter.tracked()).isEqualTo(3);

    clock.now = T0.plusSeconds(10); // m1 and m2 full again, m0 (two tokens taken) not yet
    assertThat(limiter.tryAcquire(NINA)).as("after sweeping the full buckets").isTrue();
    assertThat(limiter.tracked()).isEqualTo(2);
    assertThat(limiter.tryAcquire(UserId.of("m0")))
        .as("m0 kept its state: one token back")
        .isTrue();
    assertThat(limiter.tryAcquire(UserId.of("m0"))).isFalse();
  }

  /** Property: the limiter answers like an exact token bucket counting credit in nanoseconds. */
  @Test
  void randomSequences_matchAnExactTokenBucket() {
    long seed = Long.getLong("mystaff.seed", 0x6D79_5374_6166_6621L) ^ 0x11L;
    for (int run = 0; run < 200; run++) {
      long runSeed = seed + run;
      Random r = new Random(runSeed);
      int burst = 1 + r.nextInt(5);
      Duration interval = Duration.ofMillis(1 + r.nextInt(5_000));
      TestClock clock = new TestClock();
      ChangeLimiter limiter = new ChangeLimiter(RateLimit.of(burst, interval), clock);
      long cap = burst * interval.toNanos();
      Map<UserId, Long> credit = new HashMap<>();
      Map<UserId, Instant> seen = new HashMap<>();
      for (int step = 0; step < 300; step++) {
        clock.now = clock.now.plusMillis(r.nextInt(4) == 0 ? r.nextInt(20_000) : 0);
        UserId m = UserId.of("m" + r.nextInt(3));
        long c = credit.getOrDefault(m, cap);
        Instant last = seen.getOrDefault(m, clock.now);
        c = Math.min(cap, c + Duration.between(last, clock.now).toNanos());
        boolean expected = c >= interval.toNanos();
        if (expected) {
          c -= interval.toNanos();
        }
        credit.put(m, c);
        seen.put(m, clock.now);
        assertThat(limiter.tryAcquire(m))
            .as(
                "seed %d (replay with -Dmystaff.seed), burst %d, interval %s, step %d",
                runSeed, burst, interval, step)
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void concurrentAttempts_grantExactlyTheBurst() throws Exception {
    ChangeLimiter limiter =
        new ChangeLimiter(RateLimit.of(50, Duration.ofHours(1)), new TestClock());
    AtomicInteger granted = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 100; i++) {
                    if (limiter.tryAcquire(NINA)) {
                      granted.incrementAndGet();
                    }
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get(1, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(granted).hasValue(50);
  }
}
