package io.mystaff.testkit.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MutableClockTest {
  private static final Instant START = Instant.parse("2025-03-01T09:00:00Z");

  @Test
  void instant_untouched_returnsStartEveryTime() {
    MutableClock clock = MutableClock.at(START);

    assertThat(clock.instant()).isEqualTo(START);
    assertThat(clock.instant()).isEqualTo(START);
    assertThat(clock.millis()).isEqualTo(START.toEpochMilli());
    assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
  }

  @Test
  void advance_duration_movesForwardByExactlyThatMuch() {
    MutableClock clock = MutableClock.at(START);

    clock.advance(Duration.ofMinutes(5)).advance(Duration.ofNanos(1));

    assertThat(clock.instant()).isEqualTo(START.plusSeconds(300).plusNanos(1));
  }

  @Test
  void advance_negative_throwsAndKeepsTime() {
    MutableClock clock = MutableClock.at(START);

    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not be negative");
    assertThat(clock.instant()).isEqualTo(START);
  }

  @Test
  void set_earlierInstant_movesBackward() {
    MutableClock clock = MutableClock.at(START);

    clock.set(START.minusSeconds(3600));

    assertThat(clock.instant()).isEqualTo(START.minusSeconds(3600));
  }

  @Test
  void autoAdvance_eachRead_returnsTimeBeforeItsStep() {
    MutableClock clock = MutableClock.at(START).autoAdvance(Duration.ofSeconds(1));

    assertThat(clock.instant()).isEqualTo(START);
    assertThat(clock.instant()).isEqualTo(START.plusSeconds(1));
    assertThat(clock.peek()).isEqualTo(START.plusSeconds(2));
    assertThat(clock.peek()).isEqualTo(START.plusSeconds(2));
  }

  @Test
  void autoAdvance_zero_switchesItOff() {
    MutableClock clock = MutableClock.at(START).autoAdvance(Duration.ofSeconds(1));
    clock.instant();

    clock.autoAdvance(Duration.ZERO);

    assertThat(clock.instant()).isEqualTo(START.plusSeconds(1));
    assertThat(clock.instant()).isEqualTo(START.plusSeconds(1));
  }

  @Test
  void autoAdvance_negative_throws() {
    assertThatThrownBy(() -> MutableClock.at(START).autoAdvance(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void autoAdvance_concurrentReaders_eachSeeADistinctInstant() throws Exception {
    MutableClock clock = MutableClock.at(START).autoAdvance(Duration.ofNanos(1));
    int threads = 8;
    int reads = 2_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<List<Instant>>> tasks = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        tasks.add(
            () -> {
              List<Instant> seen = new ArrayList<>();
              for (int i = 0; i < reads; i++) {
                seen.add(clock.instant());
              }
              return seen;
            });
      }
      Set<Instant> all = new HashSet<>();
      for (Future<List<Instant>> f : pool.invokeAll(tasks)) {
        all.addAll(f.get());
      }

      assertThat(all).as("every read gets its own instant").hasSize(threads * reads);
      assertThat(clock.peek()).isEqualTo(START.plusNanos((long) threads * reads));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void withZone_view_sharesTimeBothWays() {
    MutableClock utc = MutableClock.at(START);
    ZoneId paris = ZoneId.of("Europe/Paris");

    MutableClock view = utc.withZone(paris);
    view.advance(Duration.ofHours(1));
    utc.advance(Duration.ofHours(1));

    assertThat(view.getZone()).isEqualTo(paris);
    assertThat(view.instant()).isEqualTo(START.plusSeconds(7200));
    assertThat(utc.instant()).isEqualTo(START.plusSeconds(7200));
    assertThat(utc.withZone(ZoneOffset.UTC)).isSameAs(utc);
  }
}
