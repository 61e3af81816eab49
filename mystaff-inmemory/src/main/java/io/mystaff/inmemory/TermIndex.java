package io.mystaff.inmemory;

import io.mystaff.spi.DirectoryOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A case-insensitive prefix index whose searches produce their matches lazily in directory order,
 * so that the first page of a search costs about a page of steps however many entries match.
 *
 * <p>An entry's terms are its display name, each further whitespace-separated word of it ({@link
 * #nameTerms}), and any extra terms (a user's principal name). A query matches an entry when one of
 * its terms starts with the query, case-insensitively ({@link #startsWith}).
 *
 * <p><b>Display names are not indexed here.</b> Directory order compares display names ignoring
 * case, code point by code point, so the entries whose display name starts with a query are one
 * contiguous range of the directory's own ordered map, read from its start in order. This index
 * holds the other terms, and of those only the postings that can add an entry to that range: a term
 * whose first {@code L} characters equal (ignoring case) the first {@code L} of its entry's display
 * name matches a query of at most {@code L} characters only if the display name matches it too.
 * Each posting is therefore filed under its term's <em>distinguishing prefix</em>, the term's first
 * {@code L + 1} characters, case-folded, and a search reads only the groups filed under one of its
 * own prefixes. The principal name {@code anna.smith.1@contoso.example} of "Anna Smith" shares
 * "anna" with the name and is filed under "anna.": a search for "Anna" never reads it (the user is
 * found by name), a search for "anna.s" does. A term that is a prefix of its entry's display name,
 * or whose distinguishing prefix is longer than any query, is not filed at all.
 *
 * <p>Within a group the terms are in case-insensitive order, each with its entries as an array in
 * directory order, copied on write. A search ({@link #matches}) merges the range of the display
 * names and the arrays of the matching terms with a priority queue, one entry per step, resuming
 * after a cursor's position with a binary search in each array.
 *
 * <p>Writes are serialized by the caller (the directory's write lock). They publish only new
 * arrays, through concurrent maps, so a search running alongside a write never sees an array
 * change; it may see some of the write's postings and not others, which the directory's optimistic
 * read detects and retries under its read lock. Callers keep an entry's display name and extra
 * terms stable while it is indexed (they remove it before a change and add it after).
 */
final class TermIndex<T extends Listed> {
  /** The longest query, in characters: no query needs a longer distinguishing prefix. */
  static final int MAX_QUERY_LENGTH = 256;

  private static final Listed[] NONE = new Listed[0];

  /** By folded distinguishing prefix: the group's terms, each with its entries in order. */
  private final ConcurrentHashMap<String, ConcurrentSkipListMap<String, Listed[]>> groups =
      new ConcurrentHashMap<>();

  /**
   * {@code groupsOfLength[n]}: how many groups have a distinguishing prefix of {@code n} code
   * points, so that a search probes only the lengths in use. Written under the caller's write lock;
   * a search that reads a stale count is one a concurrent write invalidates anyway.
   */
  private final int[] groupsOfLength = new int[MAX_QUERY_LENGTH + 1];

  /** Indexes the entry's words after the first and its {@code extras}. */
  void add(T entry, List<String> extras) {
    forEachPosting(entry, extras, (prefix, term) -> insert(prefix, term, entry));
  }

  /** Removes what {@link #add} indexed for the same entry, display name and extras. */
  void remove(T entry, List<String> extras) {
    forEachPosting(entry, extras, (prefix, term) -> delete(prefix, term, entry));
  }

  /**
   * Indexes many entries at once, {@code inOrder} in directory order, as {@link #add} would one by
   * one: each term's array is built by appending and stored once, instead of being copied for every
   * entry. Meant for an index being built; on one that already holds postings it adds one by one.
   */
  void addAll(Iterable<T> inOrder, Function<? super T, List<String>> extras) {
    if (!groups.isEmpty()) {
      inOrder.forEach(entry -> add(entry, extras.apply(entry)));
      return;
    }
    Map<String, TreeMap<String, List<Listed>>> collected = new HashMap<>();
    for (T entry : inOrder) {
      forEachPosting(
          entry,
          extras.apply(entry),
          (prefix, term) -> {
            List<Listed> entries =
                collected
                    .computeIfAbsent(prefix, p -> new TreeMap<>(DirectoryOrder.NAMES))
                    .computeIfAbsent(term, t -> new ArrayList<>(1));
            // an entry with the same term twice ("Ann Lee Lee") is appended once
            if (entries.isEmpty() || entries.get(entries.size() - 1) != entry) {
              entries.add(entry);
            }
          });
    }
    for (Map.Entry<String, TreeMap<String, List<Listed>>> group : collected.entrySet()) {
      ConcurrentSkipListMap<String, Listed[]> terms =
          new ConcurrentSkipListMap<>(DirectoryOrder.NAMES);
      for (Map.Entry<String, List<Listed>> term : group.getValue().entrySet()) {
        terms.put(term.getKey(), term.getValue().toArray(NONE));
      }
      groups.put(group.getKey(), terms);
      groupsOfLength[codePoints(group.getKey())]++;
    }
  }

  /**
   * The entries matching {@code query} strictly after {@code after}, in directory order, each once,
   * a step at a time (see {@link Matches}); {@code query} must be {@link #indexable}.
   *
   * @param byName the entries searched, in directory order: their display names are not indexed
   *     here but read from this map
   * @param keep which entries of this index may be returned (the members of a unit, say); entries
   *     of {@code byName} must all be kept
   */
  Matches<T> matches(
      String query,
      NavigableMap<Listed, T> byName,
      Optional<Listed> after,
      Predicate<? super T> keep) {
    return new Matches<>(this, query, byName, after, keep);
  }

  /**
   * Whether searches for {@code query} can use this index: false if it holds an unpaired surrogate
   * (case-insensitive comparison then goes by UTF-16 units, not characters, and its matches are not
   * a range of directory order). Such a query is answered by walking the entries.
   */
  static boolean indexable(String query) {
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 == query.length() || !Character.isLowSurrogate(query.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** The display-name terms of an entry: the name itself and each word after the first. */
  static List<String> nameTerms(String displayName) {
    List<String> terms = new ArrayList<>(3);
    terms.add(displayName);
    forEachLaterWord(displayName, terms::add);
    return terms;
  }

  /**
   * Whether one of {@link #nameTerms} of {@code displayName} starts with {@code prefix}
   * (case-insensitively), computed without allocating.
   */
  static boolean nameMatches(String displayName, String prefix) {
    if (startsWith(displayName, 0, prefix)) {
      return true;
    }
    int n = displayName.length();
    for (int i = 1; i < n; i++) {
      if (isWordStart(displayName, i)) {
        int end = wordEnd(displayName, i);
        if (end - i >= prefix.length() && startsWith(displayName, i, prefix)) {
          return true;
        }
        i = end;
      }
    }
    return false;
  }

  /** Whether {@code text} has {@code prefix} at {@code offset}, case-insensitively. */
  static boolean startsWith(String text, int offset, String prefix) {
    return text.regionMatches(true, offset, prefix, 0, prefix.length());
  }

  /**
   * {@code text} case-folded code point by code point (upper case, then lower case: equal ignoring
   * case exactly when {@link String#equalsIgnoreCase} says so); {@code text} itself if folding
   * changes nothing.
   */
  static String fold(String text) {
    int n = text.length();
    for (int i = 0; i < n; ) {
      int c = text.codePointAt(i);
      if (fold(c) != c) {
        StringBuilder folded = new StringBuilder(n).append(text, 0, i);
        for (int j = i; j < n; ) {
          int d = text.codePointAt(j);
          folded.appendCodePoint(fold(d));
          j += Character.charCount(d);
        }
        return folded.toString();
      }
      i += Character.charCount(c);
    }
    return text;
  }

  private static int fold(int codePoint) {
    return Character.toLowerCase(Character.toUpperCase(codePoint));
  }

  /**
   * The folded distinguishing prefix of {@code term} for an entry named {@code displayName}: its
   * first {@code L + 1} code points, where {@code L} is how many it shares with the name ignoring
   * case; empty if no query can need the posting (the term is a prefix of the name, or the prefix
   * is longer than {@link #MAX_QUERY_LENGTH}).
   */
  static String distinguishingPrefix(String term, String displayName) {
    int i = 0;
    int j = 0;
    int count = 0;
    while (i < term.length()) {
      int c = term.codePointAt(i);
      i += Character.charCount(c);
      if (++count > MAX_QUERY_LENGTH) {
        return "";
      }
      if (j >= displayName.length()) {
        return fold(term.substring(0, i));
      }
      int d = displayName.codePointAt(j);
      j += Character.charCount(d);
      if (fold(c) != fold(d)) {
        return fold(term.substring(0, i));
      }
    }
    return "";
  }

  private void forEachPosting(T entry, List<String> extras, BiConsumer<String, String> posting) {
    String name = entry.displayName();
    forEachLaterWord(name, word -> file(word, name, posting));
    for (String extra : extras) {
      file(extra, name, posting);
    }
  }

  private static void file(String term, String name, BiConsumer<String, String> posting) {
    String prefix = distinguishingPrefix(term, name);
    if (!prefix.isEmpty()) {
      posting.accept(prefix, term);
    }
  }

  private void insert(String prefix, String term, Listed entry) {
    ConcurrentSkipListMap<String, Listed[]> terms = groups.get(prefix);
    if (terms == null) {
      terms = new ConcurrentSkipListMap<>(DirectoryOrder.NAMES);
      terms.put(term, new Listed[] {entry});
      groups.put(prefix, terms);
      groupsOfLength[codePoints(prefix)]++;
      return;
    }
    Listed[] entries = terms.get(term);
    if (entries == null) {
      terms.put(term, new Listed[] {entry});
      return;
    }
    int at = Arrays.binarySearch(entries, entry, Listed.ORDER);
    if (at < 0) {
      int insertion = -at - 1;
      Listed[] grown = new Listed[entries.length + 1];
      System.arraycopy(entries, 0, grown, 0, insertion);
      grown[insertion] = entry;
      System.arraycopy(entries, insertion, grown, insertion + 1, entries.length - insertion);
      terms.put(term, grown);
    }
  }

  private void delete(String prefix, String term, Listed entry) {
    ConcurrentSkipListMap<String, Listed[]> terms = groups.get(prefix);
    Listed[] entries = terms == null ? null : terms.get(term);
    if (terms == null || entries == null) {
      return;
    }
    int at = Arrays.binarySearch(entries, entry, Listed.ORDER);
    if (at < 0) {
      return;
    }
    if (entries.length > 1) {
      Listed[] shrunk = new Listed[entries.length - 1];
      System.arraycopy(entries, 0, shrunk, 0, at);
      System.arraycopy(entries, at + 1, shrunk, at, entries.length - at - 1);
      terms.put(term, shrunk);
      return;
    }
    terms.remove(term);
    if (terms.isEmpty()) {
      groups.remove(prefix);
      groupsOfLength[codePoints(prefix)]--;
    }
  }

  private static int codePoints(String s) {
    return s.codePointCount(0, s.length());
  }

  private static void forEachLaterWord(String displayName, Consumer<String> to) {
    int n = displayName.length();
    for (int i = 1; i < n; i++) {
      if (isWordStart(displayName, i)) {
        int end = wordEnd(displayName, i);
        to.accept(displayName.substring(i, end));
        i = end;
      }
    }
  }

  private static boolean isWordStart(String text, int i) {
    return !Character.isWhitespace(text.charAt(i)) && Character.isWhitespace(text.charAt(i - 1));
  }

  private static int wordEnd(String text, int start) {
    int end = start;
    while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
      end++;
    }
    return end;
  }

  /**
   * One search's matches in directory order, merged lazily from the display-name range and the
   * arrays of the matching terms. Each {@link #step} does a bounded amount of work: first one probe
   * of a group or one matching term (while it gathers the sources), then one entry taken from the
   * merge. So a search that must gather very many terms (a one-letter query on principal names that
   * share no letter with their names) costs steps in proportion, and {@link PrefixSearch} can race
   * it against a walk.
   */
  static final class Matches<T extends Listed> implements PrefixSearch.InOrder<T> {
    private final TermIndex<T> index;
    private final String query;
    private final String folded;
    private final Optional<Listed> after;
    private final Predicate<? super T> keep;
    private final PriorityQueue<Source> merge =
        new PriorityQueue<>(4, (a, b) -> Listed.ORDER.compare(a.head, b.head));

    /** The next probe: the end (in characters) of the folded query's prefix of the next length. */
    private int probeEnd;

    private int probeLength;
    private Iterator<Map.Entry<String, Listed[]>> terms = Collections.emptyIterator();
    private boolean gathered;
    private Listed last = Listed.FIRST;

    Matches(
        TermIndex<T> index,
        String query,
        NavigableMap<Listed, T> byName,
        Optional<Listed> after,
        Predicate<? super T> keep) {
      this.index = index;
      this.query = query;
      this.folded = fold(query);
      this.after = after;
      this.keep = keep;
      Listed start = new Listed.Key(query, "");
      Iterator<T> names =
          after.isPresent() && Listed.ORDER.compare(after.get(), start) >= 0
              ? byName.tailMap(after.get(), false).values().iterator()
              : byName.tailMap(start, true).values().iterator();
      if (names.hasNext()) {
        Listed first = names.next();
        if (startsWith(first.displayName(), 0, query)) {
          merge.add(new NameRange(first, names, query));
        }
      }
    }

    @Override
    public boolean step(List<? super T> out) {
      if (!gathered) {
        gather();
        return true;
      }
      Source source = merge.poll();
      if (source == null) {
        return false;
      }
      Listed entry = source.head;
      if (source.advance()) {
        merge.add(source);
      }
      if (entry != last) {
        last = entry;
        @SuppressWarnings("unchecked") // only entries of type T are indexed or listed by name
        T match = (T) entry;
        if (keep.test(match)) {
          out.add(match);
        }
      }
      return true;
    }

    /** One step of gathering: a matching term of the current group, or a probe of the next. */
    private void gather() {
      if (terms.hasNext()) {
        Map.Entry<String, Listed[]> term = terms.next();
        if (!startsWith(term.getKey(), 0, query)) {
          terms = Collections.emptyIterator();
          return;
        }
        Listed[] entries = term.getValue();
        int from = 0;
        if (after.isPresent()) {
          int at = Arrays.binarySearch(entries, after.get(), Listed.ORDER);
          from = at >= 0 ? at + 1 : -at - 1;
        }
        if (from < entries.length) {
          merge.add(new Postings(entries, from));
        }
        return;
      }
      while (probeEnd < folded.length()) {
        probeEnd += Character.charCount(folded.codePointAt(probeEnd));
        probeLength++;
        if (probeLength <= MAX_QUERY_LENGTH && index.groupsOfLength[probeLength] > 0) {
          ConcurrentSkipListMap<String, Listed[]> group =
              index.groups.get(folded.substring(0, probeEnd));
          if (group != null) {
            terms = group.tailMap(query, true).entrySet().iterator();
          }
          return;
        }
      }
      gathered = true;
    }

    /** Where the merge takes entries from, positioned at its next entry, {@link #head}. */
    private abstract static class Source {
      Listed head;

      Source(Listed head) {
        this.head = head;
      }

      /** Moves to the next entry; false if there is none. */
      abstract boolean advance();
    }

    /** The entries of one term, from a position on. */
    private static final class Postings extends Source {
      private final Listed[] entries;
      private int next;

      Postings(Listed[] entries, int from) {
        super(entries[from]);
        this.entries = entries;
        this.next = from + 1;
      }

      @Override
      boolean advance() {
        if (next < entries.length) {
          head = entries[next++];
          return true;
        }
        return false;
      }
    }

    /** The entries whose display name starts with the query: a range of directory order. */
    private static final class NameRange extends Source {
      private final Iterator<? extends Listed> names;
      private final String query;

      NameRange(Listed first, Iterator<? extends Listed> names, String query) {
        super(first);
        this.names = names;
        this.query = query;
      }

      @Override
      boolean advance() {
        if (names.hasNext()) {
          Listed n = names.next();
          if (startsWith(n.displayName(), 0, query)) {
            head = n;
            return true;
          }
        }
        return false;
      }
    }
  }
}
