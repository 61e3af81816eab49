package io.mystaff.inmemory;

import io.mystaff.spi.DirectoryOrder;
import java.util.Arrays;

/**
 * Sorts many entries into {@link Listed#ORDER directory order} at once, for the builder: a
 * comparison sort of a million entries follows entry → user → name → characters for each of its
 * twenty million comparisons, all over the heap. This sort reads each entry once, into packed keys
 * in arrays, and compares those; only entries whose keys cannot tell them apart are compared in
 * full.
 *
 * <p>An entry's keys are its display name's first characters, folded as {@link
 * DirectoryOrder#compareNames} folds them, in two {@code long}s (the first also carrying the
 * entry's position, so that a primitive sort orders by it), and its id's first characters in a
 * third. The packing is monotone: an entry whose keys are smaller sorts first in directory order,
 * whatever the characters after the packed ones. Characters are packed exactly up to U+007D; any
 * other is packed as one "large" code, and the characters after it are not packed at all. A name or
 * id that is packed whole (short enough, no large character) is known to be equal to another packed
 * whole with the same keys.
 */
final class ListedSort {
  /** Bits per packed character: end of text, the code points 0 to 125, and "large". */
  private static final int CHAR_BITS = 7;

  private static final int LARGE = (1 << CHAR_BITS) - 1;

  /** Characters in a {@code long} of their own: 9 × 7 = 63 bits, so keys are never negative. */
  private static final int LONG_CHARS = 63 / CHAR_BITS;

  private static final byte NAME_WHOLE = 1;
  private static final byte ID_WHOLE = 2;

  /** Below this many entries, ties are sorted by insertion. */
  private static final int INSERTION = 16;

  private ListedSort() {}

  /** Sorts {@code entries} in place into directory order. */
  static <T extends Listed> void sort(T[] entries) {
    int n = entries.length;
    if (n < 2) {
      return;
    }
    int positionBits = 64 - Long.numberOfLeadingZeros(n - 1L);
    int headChars = (63 - positionBits) / CHAR_BITS;
    long[] head = new long[n];
    long[] tail = new long[n];
    long[] id = new long[n];
    byte[] whole = new byte[n];
    int[] codes = new int[headChars + LONG_CHARS];
    int[] idCodes = new int[LONG_CHARS];
    for (int i = 0; i < n; i++) {
      T entry = entries[i];
      boolean nameWhole = codes(entry.displayName(), true, codes);
      head[i] = pack(codes, 0, headChars) << positionBits | i;
      tail[i] = pack(codes, headChars, LONG_CHARS);
      boolean idWhole = codes(entry.sortId(), false, idCodes);
      id[i] = pack(idCodes, 0, LONG_CHARS);
      whole[i] = (byte) ((nameWhole ? NAME_WHOLE : 0) | (idWhole ? ID_WHOLE : 0));
    }
    Arrays.sort(head);
    long positionMask = (1L << positionBits) - 1;
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = (int) (head[i] & positionMask);
    }
    Ties ties =
        (a, b) -> {
          int byTail = Long.compare(tail[a], tail[b]);
          if (byTail != 0) {
            return byTail;
          }
          if ((whole[a] & whole[b] & NAME_WHOLE) == 0) {
            return Listed.ORDER.compare(entries[a], entries[b]);
          }
          // the same name ignoring case: by id
          int byId = Long.compare(id[a], id[b]);
          return byId != 0 || (whole[a] & whole[b] & ID_WHOLE) != 0
              ? byId
              : DirectoryOrder.compareCodePoints(entries[a].sortId(), entries[b].sortId());
        };
    int[] scratch = new int[n];
    int start = 0;
    for (int i = 1; i <= n; i++) {
      if (i == n || head[i] >>> positionBits != head[start] >>> positionBits) {
        if (i - start > 1) {
          mergeSort(order, scratch, start, i, ties);
        }
        start = i;
      }
    }
    Object[] copy = entries.clone();
    for (int i = 0; i < n; i++) {
      @SuppressWarnings("unchecked") // copied from entries
      T entry = (T) copy[order[i]];
      entries[i] = entry;
    }
  }

  /** Compares two entries by position; their first keys are equal. */
  private interface Ties {
    int compare(int a, int b);
  }

  /** Sorts {@code order[from, to)}, stably, with {@code scratch} as room. */
  private static void mergeSort(int[] order, int[] scratch, int from, int to, Ties ties) {
    if (to - from <= INSERTION) {
      for (int i = from + 1; i < to; i++) {
        int x = order[i];
        int j = i - 1;
        for (; j >= from && ties.compare(order[j], x) > 0; j--) {
          order[j + 1] = order[j];
        }
        order[j + 1] = x;
      }
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(order, scratch, from, mid, ties);
    mergeSort(order, scratch, mid, to, ties);
    if (ties.compare(order[mid - 1], order[mid]) <= 0) {
      return;
    }
    System.arraycopy(order, from, scratch, from, to - from);
    int i = from;
    int j = mid;
    for (int k = from; k < to; k++) {
      order[k] =
          j == to || (i < mid && ties.compare(scratch[i], scratch[j]) <= 0)
              ? scratch[i++]
              : scratch[j++];
    }
  }

  /**
   * Fills {@code codes} with the codes of {@code text}'s first characters (folded as directory
   * order folds names if {@code fold}): 1 to 126 for the code points 0 to 125, {@link #LARGE} for
   * any other, 0 past the end of the text and after a large one.
   *
   * @return whether the codes determine the text (folded) whole
   */
  static boolean codes(String text, boolean fold, int[] codes) {
    int at = 0;
    int k = 0;
    boolean whole = true;
    for (; k < codes.length; k++) {
      if (at == text.length()) {
        break;
      }
      int cp = text.codePointAt(at);
      at += Character.charCount(cp);
      int folded =
          !fold
              ? cp
              : cp < 0x80
                  ? (cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp)
                  : Character.toLowerCase(Character.toUpperCase(cp));
      if (folded < LARGE - 1) {
        codes[k] = folded + 1;
      } else {
        codes[k++] = LARGE;
        whole = false;
        break;
      }
    }
    Arrays.fill(codes, k, codes.length, 0);
    return whole && at == text.length();
  }

  /** {@code count} codes from {@code from}, most significant first. */
  static long pack(int[] codes, int from, int count) {
    long key = 0;
    for (int k = from; k < from + count; k++) {
      key = key << CHAR_BITS | codes[k];
    }
    return key;
  }

  /** The key of a name's first {@code chars} characters, as {@link #sort} packs them. */
  static long prefix(String name, int chars) {
    int[] codes = new int[chars];
    codes(name, true, codes);
    return pack(codes, 0, chars);
  }
}
