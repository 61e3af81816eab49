package io.mystaff.testkit.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SeedsTest {
  @Test
  void parse_absentOrBlank_default() {
    assertThat(Seeds.parse(null)).isEqualTo(Seeds.DEFAULT);
    assertThat(Seeds.parse("  ")).isEqualTo(Seeds.DEFAULT);
  }

  @Test
  void parse_decimalAndHex_thatValue() {
    assertThat(Seeds.parse("-42")).isEqualTo(-42L);
    assertThat(Seeds.parse(" 0xFF ")).isEqualTo(255L);
    assertThat(Seeds.parse("0xFFFFFFFFFFFFFFFF")).isEqualTo(-1L);
  }

  @Test
  void parse_random_aFreshSeed() {
    assertThat(Seeds.parse("random")).isNotEqualTo(Seeds.parse("random"));
  }

  @Test
  void parse_garbage_illegalArgumentNamingTheProperty() {
    assertThatThrownBy(() -> Seeds.parse("soon"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Seeds.PROPERTY)
        .hasMessageContaining("soon");
  }

  @Test
  void base_calledTwice_sameValue() {
    assertThat(Seeds.base()).isEqualTo(Seeds.base());
  }

  @Test
  void derive_sameInputs_sameSeedAndDistinctStreams() {
    assertThat(Seeds.derive(7, 3)).isEqualTo(Seeds.derive(7, 3));
    assertThat(Seeds.derive(7, 3))
        .isNotEqualTo(Seeds.derive(7, 4))
        .isNotEqualTo(Seeds.derive(8, 3));
  }

  @Test
  void forTest_differentNames_differentSeeds() {
    assertThat(Seeds.forTest("a")).isNotEqualTo(Seeds.forTest("b")).isEqualTo(Seeds.forTest("a"));
  }

  @Test
  void replayFlag_seed_systemPropertyFlag() {
    assertThat(Seeds.replayFlag(42)).isEqualTo("-Dmystaff.seed=42");
  }
}
