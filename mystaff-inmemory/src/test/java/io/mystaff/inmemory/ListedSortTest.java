package io.mystaff.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link ListedSort} against {@code Arrays.sort} with {@link Listed#ORDER}, and its packed keys
 * against the order they must agree with, on names that stress folding: case pairs, characters that
 * fold unusually (ß, İ/ı, the Kelvin sign, ſ), the last character packed exactly and the first that
 * is not, characters outside the BMP and unpaired surrogates, prefixes of each other.
 *
 * <p>Seeded: replay with {@code -Dmystaff.seed=<seed>}; every failure names the seed and round.
 */
class ListedSortTest {
  private static final long SEED = Long.getLong("mystaff.seed", 0x50_47_4BL);
  private static final int ROUNDS = 300;

  private static final List<String> PIECES =
      List.of(
          "a",
          "A",
          "b",
          "Ab",
          "ab",
          "aB",
          "abc",
          " ",
          "  ",
          "-",
          "}",
          "~",
          "\u00A1",
          "é",
          "É",
          "ß",
          "SS",
          "İ",
          "i",
          "ı",
          "I",
          "\u212A",
          "k",
          "K",
          "\u017F",
          "s",
          "S",
          "\uD801\uDC00",
          "\uD801\uDC28",
          "\uD83D\uDE00",
          "\uD83D",
          "\uDE00",
          "李",
          "z",
          "Z",
          "0",
          "9");

  @Test
  void sort_randomNames_agreesWithComparisonSort() {
    Random random = new Random(SEED);
    for (int round = 0; round < ROUNDS; round++) {
      String context = "seed " + SEED + " (-Dmystaff.seed=" + SEED + "), round " + round;
      int n = random.nextInt(5) == 0 ? random.nextInt(3) : random.nextInt(400);
      Listed[] entries = new Listed[n];
      for (int i = 0; i < n; i++) {
        entries[i] =
            new Listed.Key(name(random), Integer.toString(random.nextInt(Math.max(1, n)), 36));
      }
      Listed[] expected = entries.clone();
      Arrays.sort(expected, Listed.ORDER);
      ListedSort.sort(entries);
      assertThat(entries).as(context).containsExactly(expected);
    }
  }

  @Test
  void prefix_isMonotoneInDirectoryOrder() {
    Random random = new Random(SEED);
    for (int round = 0; round < 20_000; round++) {
      String a = name(random);
      String b = name(random);
      int chars = 1 + random.nextInt(9);
      int order = io.mystaff.spi.DirectoryOrder.compareNames(a, b);
      long pa = ListedSort.prefix(a, chars);
      long pb = ListedSort.prefix(b, chars);
      String context =
          "seed " + SEED + ", round " + round + ": '" + a + "' vs '" + b + "', " + chars + " chars";
      if (order < 0) {
        assertThat(pa).as(context).isLessThanOrEqualTo(pb);
      } else if (order > 0) {
        assertThat(pa).as(context).isGreaterThanOrEqualTo(pb);
      } else {
        assertThat(pa).as(context).isEqualTo(pb);
      }
    }
  }

  @Test
  void prefix_distinguishesAsciiNamesThatDifferWithinThePackedCharacters() {
    assertThat(ListedSort.prefix("Anna", 4)).isEqualTo(ListedSort.prefix("aNNA", 4));
    assertThat(ListedSort.prefix("Anna", 4)).isLessThan(ListedSort.prefix("Anne", 4));
    assertThat(ListedSort.prefix("Ann", 4)).isLessThan(ListedSort.prefix("Anna", 4));
    assertThat(ListedSort.prefix("}", 1)).isLessThan(ListedSort.prefix("~", 1));
    // past a character that is not packed exactly, nothing more is packed
    assertThat(ListedSort.prefix("é b", 3)).isEqualTo(ListedSort.prefix("ê a", 3));
  }

  private static String name(Random random) {
    StringBuilder name = new StringBuilder();
    for (int i = random.nextInt(6); i >= 0; i--) {
      name.append(PIECES.get(random.nextInt(PIECES.size())));
    }
    return name.toString();
  }
}
