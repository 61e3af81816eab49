package io.mystaff.core.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class BannedTermsTest {

  @Test
  void score_noMatch_equalsLength() {
    BannedTerms terms = BannedTerms.of(List.of("blank"));
    assertThat(score(terms, "xyzxyzxyz")).isEqualTo(9);
    assertThat(BannedTerms.none().score("anything".toCharArray())).isEqualTo(8);
  }

  @Test
  void score_exactMatch_onePointPlusLeftovers() {
    BannedTerms terms = BannedTerms.of(List.of("blank"));
    assertThat(score(terms, "blank")).isEqualTo(1);
    assertThat(score(terms, "xblanky")).isEqualTo(3);
  }

  @Test
  void score_eachOccurrence_earnsItsOwnPoint() {
    BannedTerms terms = BannedTerms.of(List.of("blank"));
    assertThat(score(terms, "blankblankblank")).isEqualTo(3);
  }

  @Test
  void score_editDistanceOne_matchesAsInMicrosoftsExample() {
    BannedTerms terms = BannedTerms.of(List.of("abcdef"));
    assertThat(score(terms, "abcdeg")).as("substituted").isEqualTo(1);
    assertThat(score(terms, "abcde")).as("last character deleted").isEqualTo(1);
    assertThat(score(terms, "bcdef")).as("first character deleted").isEqualTo(1);
    assertThat(score(terms, "abxcdef")).as("character inserted inside").isEqualTo(1);
    assertThat(score(terms, "abcdefg")).as("character appended").isEqualTo(2);
  }

  @Test
  void score_extraCharacterAtEnd_isLeftoverNotPartOfMatch() {
    BannedTerms terms = BannedTerms.of(List.of("contoso", "blank"));
    assertThat(score(terms, "contosoblank12")).isEqualTo(4);
    assertThat(score(terms, "contosoblankf9!")).isEqualTo(5);
  }

  @Test
  void score_twoEdits_noMatch() {
    BannedTerms terms = BannedTerms.of(List.of("abcdef"));
    assertThat(score(terms, "abxdxf")).isEqualTo(6);
    assertThat(score(terms, "acbdfe")).isEqualTo(6);
  }

  @Test
  void of_normalizesTerms() {
    BannedTerms terms = BannedTerms.of(List.of("P@ssw0rd", "password", "PASSWORD"));
    assertThat(terms.size()).isEqualTo(1);
    assertThat(score(terms, "password")).isEqualTo(1);
  }

  @Test
  void plus_unionOfTerms() {
    BannedTerms both = BannedTerms.of(List.of("contoso")).plus(BannedTerms.of(List.of("blank")));
    assertThat(both.size()).isEqualTo(2);
    assertThat(score(both, "contosoblank")).isEqualTo(2);
    assertThat(BannedTerms.none().plus(both)).isSameAs(both);
  }

  @Test
  void plus_nothing_sameTermsNotReindexed() {
    BannedTerms contoso = BannedTerms.of(List.of("contoso"));
    assertThat(contoso.plus(BannedTerms.none())).isSameAs(contoso);
    assertThat(BannedTerms.of(List.of())).isSameAs(BannedTerms.none());
  }

  @Test
  void of_termShorterThanTwo_rejected() {
    assertThatThrownBy(() -> BannedTerms.of(List.of("ok", "x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(BannedTerms.of(List.of("ok")).size()).isEqualTo(1);
  }

  @Test
  void toString_countsTermsOnly() {
    assertThat(BannedTerms.of(List.of("contoso", "blank"))).hasToString("BannedTerms[2 terms]");
  }

  /**
   * Law: the indexed matcher and dynamic program agree with a direct reading of the rules
   * (Levenshtein distance at most one, an extra character never at either end of a match, minimum
   * over all segmentations) on random words over a tiny alphabet, where matches abound.
   */
  @Test
  void score_randomInputs_agreesWithReferenceModel() {
    long seed = Long.getLong("mystaff.seed", ThreadLocalRandom.current().nextLong());
    Random random = new Random(seed);
    for (int round = 0; round < 2_000; round++) {
      List<String> raw = new ArrayList<>();
      int termCount = 1 + random.nextInt(4);
      for (int t = 0; t < termCount; t++) {
        raw.add(word(random, 2 + random.nextInt(4)));
      }
      String password = word(random, random.nextInt(13));
      int expected = referenceScore(password, raw);
      assertThat(score(BannedTerms.of(raw), password))
          .as(
              "seed=%d (replay with -Dmystaff.seed=%d) round=%d terms=%s password=%s",
              seed, seed, round, raw, password)
          .isEqualTo(expected);
    }
  }

  /**
   * Law: the same on longer terms (up to 12 characters, so a stretch's halves are several
   * characters long and the half index, not a single character, picks the candidates) over a
   * two-letter alphabet, with many terms, passwords up to 24 characters.
   */
  @Test
  void score_randomLongerTerms_agreesWithReferenceModel() {
    long seed = Long.getLong("mystaff.seed", ThreadLocalRandom.current().nextLong());
    Random random = new Random(seed);
    for (int round = 0; round < 1_000; round++) {
      List<String> raw = new ArrayList<>();
      int termCount = 1 + random.nextInt(12);
      for (int t = 0; t < termCount; t++) {
        raw.add(word(random, "ab", 2 + random.nextInt(11)));
      }
      String password = word(random, "ab", random.nextInt(25));
      int expected = referenceScore(password, raw);
      assertThat(score(BannedTerms.of(raw), password))
          .as(
              "seed=%d (replay with -Dmystaff.seed=%d) round=%d terms=%s password=%s",
              seed, seed, round, raw, password)
          .isEqualTo(expected);
    }
  }

  private static String word(Random random, int length) {
    return word(random, "abc", length);
  }

  private static String word(Random random, String alphabet, int length) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  private static int score(BannedTerms terms, String normalizedPassword) {
    return terms.score(normalizedPassword.toCharArray());
  }

  private static int referenceScore(String password, List<String> terms) {
    int n = password.length();
    int[] best = new int[n + 1];
    for (int i = n - 1; i >= 0; i--) {
      best[i] = 1 + best[i + 1];
      for (int j = i + 1; j <= n; j++) {
        String span = password.substring(i, j);
        for (String term : terms) {
          if (referenceMatches(span, term)) {
            best[i] = Math.min(best[i], 1 + best[j]);
          }
        }
      }
    }
    return best[0];
  }

  private static boolean referenceMatches(String span, String term) {
    if (levenshtein(span, term) > 1) {
      return false;
    }
    if (span.length() == term.length() + 1) {
      return span.charAt(0) == term.charAt(0)
          && span.charAt(span.length() - 1) == term.charAt(term.length() - 1);
    }
    return true;
  }

  private static int levenshtein(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
