package io.mystaff.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The search cover: which term rows a prefix search may skip. */
class FoldingTest {
  private static final List<String> ALPHABET =
      List.of("a", "b", "n", " ", ".", "é", "É", "\uD83D\uDE00", "ß", "一");

  /**
   * For every term that starts with a prefix: the term's row is read (its cover is among {@link
   * Folding#uncovered}) exactly when its user's name does not start with the prefix, or the prefix
   * is longer than the cover counts (then it is read and merged away).
   */
  @Test
  void cover_readExactlyWhenTheNameDoesNotStartWithThePrefix() {
    long seed = new SplittableRandom().nextLong();
    SplittableRandom random = new SplittableRandom(seed);
    for (int trial = 0; trial < 20_000; trial++) {
      String prefix = Folding.fold(word(random, 1 + random.nextInt(40)));
      String term = prefix + Folding.fold(word(random, random.nextInt(6)));
      String name =
          Folding.fold(
              random.nextBoolean()
                  ? term.substring(0, random.nextInt(term.length() + 1))
                      + word(random, random.nextInt(6))
                  : word(random, random.nextInt(45)));
      if (name.isEmpty() || Character.isLowSurrogate(name.charAt(0))) {
        continue;
      }
      boolean read = Arrays.asList(Folding.uncovered(prefix)).contains(Folding.cover(term, name));
      int length = prefix.codePointCount(0, prefix.length());
      boolean needed = !name.startsWith(prefix);
      String why = "seed " + seed + ": prefix=" + prefix + " term=" + term + " name=" + name;
      if (length <= Folding.MAX_COVER) {
        assertThat(read).as(why).isEqualTo(needed);
      } else {
        assertThat(read).as(why).isTrue();
      }
    }
  }

  @Test
  void cover_countsCodePointsUpToTheCap() {
    assertThat(Folding.cover("anna.aberg@fabrikam.example", "anna aberg")).isEqualTo(4);
    assertThat(Folding.cover("\uD83D\uDE00a", "\uD83D\uDE00b")).isEqualTo(1);
    assertThat(Folding.cover("x".repeat(40), "x".repeat(40))).isEqualTo(Folding.MAX_COVER);
    assertThat(Folding.uncovered("anna")).containsExactly(0, 1, 2, 3);
  }

  private static String word(SplittableRandom random, int length) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      s.append(ALPHABET.get(random.nextInt(ALPHABET.size())));
    }
    return s.toString();
  }
}
