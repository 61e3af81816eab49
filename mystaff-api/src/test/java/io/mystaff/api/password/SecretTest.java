package io.mystaff.api.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.InvalidInputException;
import org.junit.jupiter.api.Test;

class SecretTest {

  @Test
  void toString_neverRevealsValue() {
    Secret s = Secret.of("Correct-Horse-42");
    assertThat(s.toString()).doesNotContain("Correct").doesNotContain("42");
    assertThat(
            String.valueOf(
                new PasswordRejectedException(
                    java.util.List.of(PolicyViolation.of("password.tooShort")))))
        .doesNotContain("Correct");
  }

  @Test
  void matches_comparesValues() {
    assertThat(Secret.of("abc").matches(Secret.of("abc"))).isTrue();
    assertThat(Secret.of("abc").matches(Secret.of("abd"))).isFalse();
    assertThat(Secret.of("abc").matches(Secret.of("abcd"))).isFalse();
  }

  @Test
  void destroy_wipesAndBlocksAccess() {
    Secret s = Secret.of("abc");
    s.destroy();
    assertThat(s.isDestroyed()).isTrue();
    assertThatThrownBy(s::reveal).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void of_emptyOrTooLong_rejected() {
    assertThatThrownBy(() -> Secret.of("")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> Secret.of("x".repeat(Secret.MAX_LENGTH + 1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageNotContaining("xxxx");
  }
}
