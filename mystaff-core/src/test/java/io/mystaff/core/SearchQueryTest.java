package io.mystaff.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SearchQueryTest {

  @Test
  void of_surroundingWhitespace_trimmed() {
    assertThat(SearchQuery.of("  ann smi \t")).isEqualTo("ann smi");
  }

  @Test
  void of_exactlyMaxLengthAfterTrim_accepted() {
    String max = "a".repeat(256);
    assertThat(SearchQuery.of(" " + max + " ")).isEqualTo(max);
  }

  @Test
  void of_overMaxLength_rejected() {
    assertThatThrownBy(() -> SearchQuery.of("a".repeat(257)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("256");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "\t\n"})
  void of_missingOrBlank_rejected(String raw) {
    assertThatThrownBy(() -> SearchQuery.of(raw)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void of_controlCharacterInside_rejected() {
    assertThatThrownBy(() -> SearchQuery.of("ann\u0000bob"))
        .isInstanceOf(InvalidInputException.class);
  }
}
