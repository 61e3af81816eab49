package io.mystaff.postgres;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Case folding for sort and search keys. {@link io.mystaff.spi.DirectoryOrder} compares names code
 * point by code point after {@code toUpperCase} then {@code toLowerCase}; folding every code point
 * that way in Java and comparing the folded strings with {@code COLLATE "C"} (UTF-8 byte order,
 * which is code point order) is the same order, and a folded prefix test is the same
 * case-insensitive match as {@code String.regionMatches(true, ...)}.
 */
final class Folding {
  private Folding() {}

  /** {@code s} with every code point folded. */
  static String fold(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      out.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp)));
      i += Character.charCount(cp);
    }
    return out.toString();
  }

  /** The folded search terms of a display name: the whole name and each later word. */
  static Set<String> nameTerms(String displayName) {
    Set<String> terms = new LinkedHashSet<>();
    terms.add(fold(displayName));
    int n = displayName.length();
    for (int i = 1; i < n; i++) {
      if (!Character.isWhitespace(displayName.charAt(i))
          && Character.isWhitespace(displayName.charAt(i - 1))) {
        int end = i;
        while (end < n && !Character.isWhitespace(displayName.charAt(end))) {
          end++;
        }
        terms.add(fold(displayName.substring(i, end)));
        i = end;
      }
    }
    return terms;
  }

  /**
   * The smallest string greater than every string that starts with {@code prefix}, in code point
   * order: the prefix with its last code point incremented (dropping trailing U+10FFFF), or empty
   * if there is none (every string sorts below it).
   */
  static java.util.Optional<String> successor(String prefix) {
    int[] cps = prefix.codePoints().toArray();
    for (int i = cps.length - 1; i >= 0; i--) {
      if (cps[i] < Character.MAX_CODE_POINT) {
        cps[i]++;
        if (cps[i] >= Character.MIN_SURROGATE && cps[i] <= Character.MAX_SURROGATE) {
          cps[i] = Character.MAX_SURROGATE + 1; // surrogates cannot be stored; none sort between
        }
        return java.util.Optional.of(new String(cps, 0, i + 1));
      }
    }
    return java.util.Optional.empty();
  }

  /** The most leading characters a search term's {@link #cover} counts. */
  static final int MAX_COVER = 32;

  /**
   * How many leading code points {@code term} shares with {@code nameKey}, at most {@link
   * #MAX_COVER}: the term matches a prefix of {@code L} code points that the name does not start
   * with exactly when this is below {@code L} (for {@code L > MAX_COVER}: at most {@code
   * MAX_COVER}).
   */
  static int cover(String term, String nameKey) {
    int i = 0;
    int j = 0;
    int shared = 0;
    while (shared < MAX_COVER && i < term.length() && j < nameKey.length()) {
      int a = term.codePointAt(i);
      if (a != nameKey.codePointAt(j)) {
        break;
      }
      i += Character.charCount(a);
      j += Character.charCount(a);
      shared++;
    }
    return shared;
  }

  /**
   * The covers of the term rows a search for {@code prefix} (folded) reads: those below its length
   * in code points, or all of them for a prefix longer than {@link #MAX_COVER}.
   */
  static Integer[] uncovered(String prefix) {
    int n = Math.min(prefix.codePointCount(0, prefix.length()), MAX_COVER + 1);
    Integer[] covers = new Integer[n];
    for (int k = 0; k < n; k++) {
      covers[k] = k;
    }
    return covers;
  }

  /** The folded search terms of a user: those of the display name and the principal name. */
  static Set<String> userTerms(String displayName, String userPrincipalName) {
    Set<String> terms = nameTerms(displayName);
    terms.add(fold(userPrincipalName));
    return terms;
  }
}
