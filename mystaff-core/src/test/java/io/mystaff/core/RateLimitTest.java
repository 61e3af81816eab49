package io.mystaff.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.InvalidInputException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitTest {

  @Test
  void of_boundsAccepted() {
    assertThat(RateLimit.of(1, Duration.ofMillis(1)).burst()).isEqualTo(1);
    RateLimit max = RateLimit.of(RateLimit.MAX_BURST, Duration.ofDays(1));
    assertThat(max.burst()).isEqualTo(RateLimit.MAX_BURST);
    assertThat(max.refillInterval()).isEqualTo(Duration.ofDays(1));
    assertThat(max.isUnlimited()).isFalse();
  }

  @Test
  void of_outOfBounds_rejectedNamingTheField() {
    assertThat(field(() -> RateLimit.of(0, Duration.ofSeconds(1)))).isEqualTo("rate limit burst");
    assertThat(field(() -> RateLimit.of(RateLimit.MAX_BURST + 1, Duration.ofSeconds(1))))
        .isEqualTo("rate limit burst");
    assertThat(field(() -> RateLimit.of(1, null))).isEqualTo("rate limit refill interval");
    assertThat(field(() -> RateLimit.of(1, Duration.ofNanos(999_999))))
        .isEqualTo("rate limit refill interval");
    assertThat(field(() -> RateLimit.of(1, Duration.ofDays(1).plusNanos(1))))
        .isEqualTo("rate limit refill interval");
  }

  @Test
  void unlimited_isItsOwnKind() {
    assertThat(RateLimit.unlimited().isUnlimited()).isTrue();
    assertThat(RateLimit.unlimited().burst()).isZero();
    assertThat(RateLimit.unlimited().refillInterval()).isZero();
    assertThat(RateLimit.unlimited()).hasToString("RateLimit{unlimited}");
  }

  @Test
  void equality_byValue() {
    assertThat(RateLimit.of(2, Duration.ofSeconds(3)))
        .isEqualTo(RateLimit.of(2, Duration.ofSeconds(3)))
        .hasSameHashCodeAs(RateLimit.of(2, Duration.ofSeconds(3)))
        .isNotEqualTo(RateLimit.of(2, Duration.ofSeconds(4)))
        .isNotEqualTo(RateLimit.of(3, Duration.ofSeconds(3)))
        .isNotEqualTo(RateLimit.unlimited())
        .hasToString("RateLimit{burst=2, refill=PT3S}");
  }

  private static String field(Runnable r) {
    try {
      r.run();
    } catch (InvalidInputException e) {
      return e.violations().get(0).field();
    }
    throw new AssertionError("no InvalidInputException");
  }
}
