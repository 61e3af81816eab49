package io.mystaff.core.password;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 * which matches happen to be found. It costs two hash lookups per stretch of the password whose
 * length a term could match (O(n · k) for a password of length n and k distinct match lengths),
 * plus a direct comparison with each term that shares half of the stretch: the hashes come from the
 * password's prefix hashes, so no stretch is copied, and it never creates a {@code String} from the
 * password.
 *
 * <p>Immutable and thread-safe.
 */
final class BannedTerms {
  /** The base of the polynomial hashes of stretches (odd, so every power is odd). */
  private static final long BASE = 0x9E37_79B9_7F4A_7C15L;

  private static final int[] NO_TERMS = {};

  // after NO_TERMS, which its index uses
  private static final BannedTerms NONE = new BannedTerms(Set.of());

  private final Set<String> terms;
  private final char[][] indexed;
  private final HalfIndex halves;
  private final int[] matchLengths;
  private final int longestMatch;

  private BannedTerms(Set<String> normalizedTerms) {
    this.terms = Set.copyOf(normalizedTerms);
    this.indexed = new char[terms.size()][];
    Set<Integer> lengths = new TreeSet<>();
    int longestTerm = 0;
    int i = 0;
    for (String term : terms) {
      indexed[i++] = term.toCharArray();
      int length = term.length();
      longestTerm = Math.max(longestTerm, length);
      lengths.add(length - 1);
      lengths.add(length);
      lengths.add(length + 1);
    }
    this.matchLengths = lengths.stream().mapToInt(Integer::intValue).filter(l -> l > 0).toArray();
    this.longestMatch = longestTerm + 1;
    this.halves = new HalfIndex(indexed);
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
    if (terms.isEmpty()) {
      return n;
    }
    // prefix[i]: the hash of normalized[0, i); powers[i]: BASE^i. Wiped before returning.
    long[] prefix = new long[n + 1];
    long[] powers = new long[Math.min(n, longestMatch) + 1];
    try {
      powers[0] = 1;
      for (int i = 1; i < powers.length; i++) {
        powers[i] = powers[i - 1] * BASE;
      }
      for (int i = 0; i < n; i++) {
        prefix[i + 1] = prefix[i] * BASE + normalized[i];
      }
      for (int end = 1; end <= n; end++) {
        best[end] = best[end - 1] + 1;
        for (int length : matchLengths) {
          if (length > end) {
            break;
          }
          int start = end - length;
          if (best[start] + 1 < best[end] && matches(normalized, start, length, prefix, powers)) {
            best[end] = best[start] + 1;
          }
        }
      }
      return best[n];
    } finally {
      Arrays.fill(prefix, 0);
    }
  }

  /**
   * True if {@code s[start, start + length)} is within edit distance one of a term (see class doc).
   * A stretch within distance one of a term keeps, whole, either its first half or its second half
   * (one edit falls in one half only), so only the terms sharing one of its halves at the matching
   * place are candidates: two hash lookups, then a direct comparison with each candidate.
   */
  private boolean matches(char[] s, int start, int length, long[] prefix, long[] powers) {
    int half = length / 2;
    long head = hash(prefix, powers, start, start + half);
    long tail = hash(prefix, powers, start + half, start + length);
    for (int t : halves.get(HalfIndex.key(length, false, head))) {
      if (withinOne(s, start, length, indexed[t])) {
        return true;
      }
    }
    for (int t : halves.get(HalfIndex.key(length, true, tail))) {
      if (withinOne(s, start, length, indexed[t])) {
        return true;
      }
    }
    return false;
  }

  private static long hash(long[] prefix, long[] powers, int from, int to) {
    return prefix[to] - prefix[from] * powers[to - from];
  }

  /** The polynomial hash of {@code chars[from, to)}, as {@link #hash(long[], long[], int, int)}. */
  private static long hash(char[] chars, int from, int to) {
    long h = 0;
    for (int i = from; i < to; i++) {
      h = h * BASE + chars[i];
    }
    return h;
  }

  /**
   * Whether {@code s[start, start + length)} matches {@code term}: equal or one character
   * substituted; one character of the term missing; or one extra character inside the term, never
   * at either end.
   */
  private static boolean withinOne(char[] s, int start, int length, char[] term) {
    int t = term.length;
    int common = Math.min(length, t);
    int prefix = 0;
    while (prefix < common && s[start + prefix] == term[prefix]) {
      prefix++;
    }
    if (t == length) {
      if (prefix >= length - 1) {
        return true;
      }
      for (int i = prefix + 1; i < length; i++) {
        if (s[start + i] != term[i]) {
          return false;
        }
      }
      return true;
    }
    int suffix = 0;
    while (suffix < common && s[start + length - 1 - suffix] == term[t - 1 - suffix]) {
      suffix++;
    }
    if (t == length + 1) {
      // the stretch is the term without its character k, for some k with
      // t - 1 - suffix <= k <= prefix
      return t - 1 - suffix <= prefix;
    }
    if (t == length - 1) {
      // the term is the stretch without its character k, for some inner k (1 to length - 2)
      // with length - 1 - suffix <= k <= prefix
      int from = Math.max(length - 1 - suffix, 1);
      int to = Math.min(prefix, length - 2);
      return from <= to;
    }
    return false;
  }

  @Override
  public String toString() {
    return "BannedTerms[" + terms.size() + " terms]";
  }

  /**
   * The terms by their halves: for every stretch length {@code m} a term can match ({@code L - 1},
   * {@code L}, {@code L + 1} for a term of length {@code L}), the term is listed under the hash of
   * its first {@code m / 2} characters ("head") and under the hash of its last {@code m - m / 2}
   * characters ("tail"). An open-addressing table of 64-bit keys; a key collision only adds a
   * candidate, which the direct comparison rejects.
   */
  private static final class HalfIndex {
    /** A Bloom filter of the keys, one bit each (1 KiB): most lookups miss, and stop here. */
    private final long[] present = new long[128];

    private final long[] keys;
    private final int[][] terms;
    private final int mask;

    HalfIndex(char[][] indexed) {
      Map<Long, List<Integer>> lists = new HashMap<>();
      for (int t = 0; t < indexed.length; t++) {
        char[] term = indexed[t];
        int length = term.length;
        for (int m = Math.max(1, length - 1); m <= length + 1; m++) {
          int half = m / 2;
          add(lists, key(m, false, hash(term, 0, half)), t);
          add(lists, key(m, true, hash(term, length - (m - half), length)), t);
        }
      }
      int capacity = Integer.highestOneBit(Math.max(2, lists.size() * 2 - 1)) << 1;
      this.keys = new long[capacity];
      this.terms = new int[capacity][];
      Arrays.fill(terms, NO_TERMS);
      this.mask = capacity - 1;
      for (Map.Entry<Long, List<Integer>> e : lists.entrySet()) {
        int slot = slot(e.getKey());
        while (terms[slot].length > 0) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = e.getKey();
        terms[slot] = e.getValue().stream().mapToInt(Integer::intValue).toArray();
        int bit = bit(e.getKey());
        present[bit >>> 6] |= 1L << bit;
      }
    }

    private static void add(Map<Long, List<Integer>> lists, long key, int term) {
      List<Integer> list = lists.computeIfAbsent(key, k -> new ArrayList<>(2));
      if (!list.contains(term)) {
        list.add(term);
      }
    }

    /** The key of a half of a stretch of {@code length} characters. */
    static long key(int length, boolean tail, long hash) {
      return hash * 31 + (2L * length + (tail ? 1 : 0));
    }

    /** The terms listed under {@code key}; none if it is absent. */
    int[] get(long key) {
      int bit = bit(key);
      if ((present[bit >>> 6] & (1L << bit)) == 0) {
        return NO_TERMS;
      }
      for (int slot = slot(key); ; slot = (slot + 1) & mask) {
        int[] found = terms[slot];
        if (found.length == 0 || keys[slot] == key) {
          return found;
        }
      }
    }

    /** The key's bit in {@link #present}: 13 high bits of a mix of the key. */
    private static int bit(long key) {
      return (int) ((key * 0x94D0_49BB_1331_11EBL) >>> 51);
    }

    private int slot(long key) {
      long z = key * 0xBF58_476D_1CE4_E5B9L;
      return (int) (z ^ (z >>> 31)) & mask;
    }
  }
}
