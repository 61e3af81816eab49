package io.mystaff.core.password;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Banned terms indexed for the fuzzy matching and scoring of Microsoft Entra Password Protection
 * (step 2 of "How are passwords evaluated"). Terms are stored {@linkplain
 * CharFolding#ENTRA_NORMALIZATION normalized}; passwords are given already normalized.
 *
 * <p><b>Matching.</b> A stretch of the password matches a term when it is within edit distance one
 * of it: equal, or one character substituted, or one character of the term missing, or one extra
 * character <em>inside</em> the term. An extra character at either end is not part of a match: it
 * is an ordinary leftover character next to an exact match, which is how Microsoft's documented
 * examples score it ("contosoblankf9!" earns five points, not four).
 *
 * <p><b>Scoring.</b> Each match earns one point and each character outside a match earns one point.
 * {@link #score} returns the fewest points over every way of reading the password as
 * non-overlapping matches and leftover characters, so a password cannot escape by the order in
 * which matches happen to be found. It runs in O(n · Σ L²) time for a password of length n and the
 * distinct match lengths L, using only hash lookups over views of the password's array; it never
 * creates a {@code String} from the password.
 *
 * <p>Immutable and thread-safe.
 */
final class BannedTerms {
  private static final BannedTerms NONE = new BannedTerms(Set.of());

  private final Set<String> terms;
  private final Set<Chars> exact = new HashSet<>();
  private final Set<Chars> oneMissing = new HashSet<>();
  private final Set<Chars> oneSubstituted = new HashSet<>();
  private final boolean[] termLength;
  private final int[] matchLengths;
  private final int longestMatch;

  private BannedTerms(Set<String> normalizedTerms) {
    this.terms = Set.copyOf(normalizedTerms);
    int longestTerm = 0;
    for (String term : terms) {
      longestTerm = Math.max(longestTerm, term.length());
    }
    this.termLength = new boolean[longestTerm + 2];
    Set<Integer> lengths = new TreeSet<>();
    for (String term : terms) {
      index(term.toCharArray());
      int length = term.length();
      termLength[length] = true;
      lengths.add(length - 1);
      lengths.add(length);
      lengths.add(length + 1);
    }
    this.matchLengths = lengths.stream().mapToInt(Integer::intValue).filter(l -> l > 0).toArray();
    this.longestMatch = longestTerm + 1;
  }

  static BannedTerms none() {
    return NONE;
  }

  /** Indexes the given terms after normalizing them; each must have at least two characters. */
  static BannedTerms of(Collection<String> rawTerms) {
    Set<String> normalized = new LinkedHashSet<>();
    for (String term : rawTerms) {
      if (term.length() < 2) {
        throw new IllegalArgumentException("a banned term needs at least two characters");
      }
      normalized.add(new String(CharFolding.ENTRA_NORMALIZATION.fold(term)));
    }
    return normalized.isEmpty() ? NONE : new BannedTerms(normalized);
  }

  /** The number of distinct normalized terms. */
  int size() {
    return terms.size();
  }

  /** These terms and {@code other}'s, re-indexed. */
  BannedTerms plus(BannedTerms other) {
    if (other.terms.isEmpty()) {
      return this;
    }
    if (terms.isEmpty()) {
      return other;
    }
    Set<String> union = new LinkedHashSet<>(terms);
    union.addAll(other.terms);
    return new BannedTerms(union);
  }

  /**
   * The fewest points {@code normalized} earns: one per banned-term match plus one per character
   * outside every match. Equal to the length exactly when no term matches anywhere.
   */
  int score(char[] normalized) {
    int n = normalized.length;
    int[] best = new int[n + 1];
    char[] scratch = new char[longestMatch + 1];
    Chars probe = new Chars();
    try {
      for (int end = 1; end <= n; end++) {
        best[end] = best[end - 1] + 1;
        for (int length : matchLengths) {
          if (length > end) {
            break;
          }
          int start = end - length;
          if (best[start] + 1 < best[end] && matches(normalized, start, length, scratch, probe)) {
            best[end] = best[start] + 1;
          }
        }
      }
      return best[n];
    } finally {
      Arrays.fill(scratch, '\0');
      probe.clear();
    }
  }

  /**
   * True if {@code s[start, start + length)} is within edit distance one of a term (see class doc).
   * Every lookup goes through {@code probe}, so matching allocates nothing per candidate window.
   */
  private boolean matches(char[] s, int start, int length, char[] scratch, Chars probe) {
    if (isTermLength(length)) {
      if (exact.contains(probe.set(s, start, length))) {
        return true;
      }
      for (int k = 0; k < length; k++) {
        scratch[0] = (char) k;
        copyWithout(s, start, length, k, scratch, 1);
        if (oneSubstituted.contains(probe.set(scratch, 0, length))) {
          return true;
        }
      }
    }
    if (isTermLength(length + 1) && oneMissing.contains(probe.set(s, start, length))) {
      return true;
    }
    if (isTermLength(length - 1)) {
      for (int k = 1; k < length - 1; k++) {
        copyWithout(s, start, length, k, scratch, 0);
        if (exact.contains(probe.set(scratch, 0, length - 1))) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean isTermLength(int length) {
    return length > 0 && length < termLength.length && termLength[length];
  }

  private void index(char[] term) {
    int length = term.length;
    exact.add(new Chars().set(term, 0, length));
    for (int k = 0; k < length; k++) {
      char[] missing = new char[length - 1];
      copyWithout(term, 0, length, k, missing, 0);
      oneMissing.add(new Chars().set(missing, 0, missing.length));

      char[] substituted = new char[length];
      substituted[0] = (char) k;
      copyWithout(term, 0, length, k, substituted, 1);
      oneSubstituted.add(new Chars().set(substituted, 0, substituted.length));
    }
  }

  /** Copies {@code src[start, start + length)} except its {@code skip}-th char into {@code dst}. */
  private static void copyWithout(
      char[] src, int start, int length, int skip, char[] dst, int dstStart) {
    System.arraycopy(src, start, dst, dstStart, skip);
    System.arraycopy(src, start + skip + 1, dst, dstStart + skip, length - skip - 1);
  }

  @Override
  public String toString() {
    return "BannedTerms[" + terms.size() + " terms]";
  }

  /**
   * A window on a char array, equal to another window with the same characters. The index keeps one
   * per key over its own array; {@link #score} reuses one probe for every lookup, pointing it at
   * the password or the scratch buffer, and {@link #clear clears} it afterwards. Its {@code
   * toString} never shows the characters.
   */
  private static final class Chars {
    private static final char[] NONE = new char[0];

    private char[] array = NONE;
    private int offset;
    private int length;
    private int hash;

    Chars set(char[] array, int offset, int length) {
      int h = 1;
      for (int i = offset, end = offset + length; i < end; i++) {
        h = 31 * h + array[i];
      }
      this.array = array;
      this.offset = offset;
      this.length = length;
      this.hash = h;
      return this;
    }

    void clear() {
      array = NONE;
      offset = 0;
      length = 0;
      hash = 0;
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      // Arrays.equals over ranges is false when the ranges differ in length.
      return o instanceof Chars c
          && Arrays.equals(array, offset, offset + length, c.array, c.offset, c.offset + c.length);
    }

    @Override
    public String toString() {
      return "Chars[" + length + " characters]";
    }
  }
}
