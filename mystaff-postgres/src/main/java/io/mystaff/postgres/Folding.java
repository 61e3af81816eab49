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

  /** The folded search terms of a user: those of the display name and the principal name. */
  static Set<String> userTerms(String displayName, String userPrincipalName) {
    Set<String> terms = nameTerms(displayName);
    terms.add(fold(userPrincipalName));
    return terms;
  }
}
