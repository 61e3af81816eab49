package io.mystaff.core.password;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CharFoldingTest {

  @Test
  void entraNormalization_lowercasesAndMapsTheFourDocumentedSubstitutions() {
    assertThat(new String(CharFolding.ENTRA_NORMALIZATION.fold("P@$$W0RD1!")))
        .isEqualTo("passwordl!");
    assertThat(new String(CharFolding.ENTRA_NORMALIZATION.fold("0 1 $ @ 2 #")))
        .isEqualTo("o l s a 2 #");
  }

  @Test
  void ignoreCase_foldsLikeRegionMatchesIgnoringCase() {
    // U+0130 (I with dot) upper-cases to itself and lower-cases to i; U+03C2 final sigma to σ.
    assertThat(new String(CharFolding.IGNORE_CASE.fold("ErIn\u0130\u03c2\u03a3".toCharArray())))
        .isEqualTo("erini\u03c3\u03c3");
  }

  @Test
  void fold_charArrayAndString_sameResultAndSourceUntouched() {
    char[] source = "C0ntoso".toCharArray();
    assertThat(CharFolding.ENTRA_NORMALIZATION.fold(source))
        .isEqualTo(CharFolding.ENTRA_NORMALIZATION.fold("C0ntoso"));
    assertThat(source).containsExactly('C', '0', 'n', 't', 'o', 's', 'o');
  }

  @Test
  void wipe_overwritesEveryCharAndIgnoresNull() {
    char[] secret = "hunter2".toCharArray();
    CharFolding.wipe(secret);
    assertThat(secret).containsOnly('\0').hasSize(7);
    CharFolding.wipe(null);
  }
}
