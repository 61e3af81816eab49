package io.mystaff.core.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ForbiddenSubstringsTest {

  @Test
  void of_emptyTerm_ignoredRatherThanMatchingEverything() {
    ForbiddenSubstrings none = ForbiddenSubstrings.of(List.of(""), CharFolding.IGNORE_CASE);
    assertThat(none.isEmpty()).isTrue();
    assertThat(none.occursIn("anything".toCharArray())).isFalse();

    ForbiddenSubstrings erin = ForbiddenSubstrings.of(List.of("", "Erin"), CharFolding.IGNORE_CASE);
    assertThat(erin.occursIn(CharFolding.IGNORE_CASE.fold("xxERINxx".toCharArray()))).isTrue();
    assertThat(erin.occursIn(CharFolding.IGNORE_CASE.fold("xxERxx".toCharArray()))).isFalse();
  }

  @Test
  void tokens_splitAtDelimitersKeepingLongEnoughOnes() {
    assertThat(ForbiddenSubstrings.tokens("Erin M. Hagens-Ba_x#Yo\tRoe,Li", 3))
        .containsExactly("Erin", "Hagens", "Roe");
  }
}
