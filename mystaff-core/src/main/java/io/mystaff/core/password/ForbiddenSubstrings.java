package io.mystaff.core.password;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Names that must not occur anywhere in a password, compared after a {@link CharFolding}. Names are
 * not secrets; the password is only ever read from the folded array the caller passes in.
 * Immutable.
 */
final class ForbiddenSubstrings {
  private static final String DELIMITERS = ",.-_# \t";

  private final List<char[]> needles;

  private ForbiddenSubstrings(List<char[]> needles) {
    this.needles = needles;
  }

  /**
   * The tokens of {@code name} that have at least {@code minCodePoints} code points, after
   * splitting at the Active Directory display-name delimiters: comma, period, hyphen, underscore,
   * number sign, space and tab.
   */
  static List<String> tokens(String name, int minCodePoints) {
    List<String> tokens = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= name.length(); i++) {
      if (i == name.length() || DELIMITERS.indexOf(name.charAt(i)) >= 0) {
        if (name.codePointCount(start, i) >= minCodePoints) {
          tokens.add(name.substring(start, i));
        }
        start = i + 1;
      }
    }
    return tokens;
  }

  /** The given terms, folded and de-duplicated; empty terms are ignored. */
  static ForbiddenSubstrings of(Collection<String> terms, CharFolding folding) {
    Set<String> folded = new LinkedHashSet<>();
    for (String term : terms) {
      if (!term.isEmpty()) {
        folded.add(new String(folding.fold(term)));
      }
    }
    List<char[]> needles = new ArrayList<>(folded.size());
    for (String term : folded) {
      needles.add(term.toCharArray());
    }
    return new ForbiddenSubstrings(List.copyOf(needles));
  }

  boolean isEmpty() {
    return needles.isEmpty();
  }

  /** True if any term occurs in {@code folded}, a password folded as the terms were. */
  boolean occursIn(char[] folded) {
    for (char[] needle : needles) {
      if (contains(folded, needle)) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(char[] haystack, char[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
