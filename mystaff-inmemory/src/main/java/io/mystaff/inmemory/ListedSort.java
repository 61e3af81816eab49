package io.mystaff.inmemory;

import java.util.Arrays;

/**
 * Sorts many entries into {@link Listed#ORDER directory order} at once, for the builder: a
 * comparison sort of a million entries follows entry → user → name → characters for each of its
 * twenty million comparisons, all over the heap. This sort compares precomputed keys in one array
 * instead, and only entries whose keys tie are compared in full, a small group at a time.
 *
 * <p>Each entry's key is its display name's first few characters, folded as {@link
 * io.mystaff.spi.DirectoryOrder#compareNames} folds them, packed in a {@code long} above the
 * entry's position. The packing is monotone: an entry whose key is smaller sorts first in directory
 * order, whatever the characters after the packed ones. Characters packed exactly are the folded
 * code points up to U+007D; any other folded code point is packed as one "large" code, and the
 * characters after it are not packed (so two names that differ only from there on tie, and are
 * compared in full).
 */
final class ListedSort {
  /** Bits per packed character: end of name, the folded code points 0 to 125, and "large". */
  private static final int CHAR_BITS = 7;

  private static final int LARGE = (1 << CHAR_BITS) - 1;

  private ListedSort() {}

  /** Sorts {@code entries} in place into directory order. */
  static <T extends Listed> void sort(T[] entries) {
    int n = entries.length;
    if (n < 2) {
      return;
    }
    int positionBits = 64 - Long.numberOfLeadingZeros(n - 1L);
    int chars = (63 - positionBits) / CHAR_BITS;
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      keys[i] = (prefix(entries[i].displayName(), chars) << positionBits) | i;
    }
    Arrays.sort(keys);
    Object[] copy = entries.clone();
    long positionMask = (1L << positionBits) - 1;
    for (int i = 0; i < n; i++) {
      @SuppressWarnings("unchecked") // copied from entries
      T entry = (T) copy[(int) (keys[i] & positionMask)];
      entries[i] = entry;
    }
    // runs of equal keys: compared in full
    int start = 0;
    for (int i = 1; i <= n; i++) {
      if (i == n || keys[i] >>> positionBits != keys[start] >>> positionBits) {
        if (i - start > 1) {
          Arrays.sort(entries, start, i, Listed.ORDER);
        }
        start = i;
      }
    }
  }

  /**
   * The first {@code chars} characters of {@code name} as directory order folds them, one code per
   * character (0 past the end), packed most significant first.
   */
  static long prefix(String name, int chars) {
    long key = 0;
    int at = 0;
    int packed = 0;
    boolean large = false;
    for (; packed < chars && at < name.length() && !large; packed++) {
      int cp = name.codePointAt(at);
      at += Character.charCount(cp);
      int folded =
          cp < 0x80
              ? (cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp)
              : Character.toLowerCase(Character.toUpperCase(cp));
      int code = folded < LARGE - 1 ? folded + 1 : LARGE;
      large = code == LARGE;
      key = key << CHAR_BITS | code;
    }
    return key << (CHAR_BITS * (chars - packed));
  }
}
