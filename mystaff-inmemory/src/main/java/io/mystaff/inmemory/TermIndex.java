package io.mystaff.inmemory;

import io.mystaff.spi.DirectoryOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ObjIntConsumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

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
 * <p>The groups are the nodes of a trie of prefixes, so a search finds the groups filed under its
 * prefixes by walking the trie along the query, and stops where the trie ends. Within a group the
 * terms are in case-insensitive order, each with its entries as an array in directory order, copied
 * on write; a group also notes which characters follow its prefix in its terms, so a search seeks
 * only in the groups that can hold a term starting with the whole query. A search ({@link
 * #matches}) merges the range of the display names and the arrays of the matching terms with a
 * binary heap, one entry per step, resuming after a cursor's position with a binary search in each
 * array.
 *
 * <p>Writes are serialized by the caller (the directory's write lock). They publish only new
 * arrays, through the groups' {@link SortedChunks} and volatile fields, so a search running
 * alongside a write never sees an array change; it may see some of the write's postings and not
 * others, which the directory's optimistic read detects and retries under its read lock. Callers
 * keep an entry's display name and extra terms stable while it is indexed (they remove it before a
 * change and add it after).
 */
final class TermIndex<T extends Listed> {
  /** The longest query, in characters: no query needs a longer distinguishing prefix. */
  static final int MAX_QUERY_LENGTH = 256;

  private static final Listed[] NONE = new Listed[0];

  /**
   * The trie of distinguishing prefixes, folded, by code point: the node at the end of a prefix
   * holds the terms filed under it. The root holds none.
   */
  private final Node root = new Node();

  /** Indexes the entry's words after the first and its {@code extras}. */
  void add(T entry, List<String> extras) {
    forEachPosting(entry, extras, (term, prefixEnd) -> insert(term, prefixEnd, entry));
  }

  /** Removes what {@link #add} indexed for the same entry, display name and extras. */
  void remove(T entry, List<String> extras) {
    forEachPosting(entry, extras, (term, prefixEnd) -> delete(term, prefixEnd, entry));
  }

  /**
   * Indexes many entries at once, {@code inOrder} in directory order, as {@link #add} would one by
   * one: each term's array is built by appending and stored once, instead of being copied for every
   * entry. Meant for an index being built; on one that already holds postings it adds one by one.
   */
  void addAll(Iterable<T> inOrder, Function<? super T, List<String>> extras) {
    if (root.children.codePoints.length > 0) {
      inOrder.forEach(entry -> add(entry, extras.apply(entry)));
      return;
    }
    Map<String, TreeMap<String, List<Listed>>> collected = new HashMap<>();
    for (T entry : inOrder) {
      forEachPosting(
          entry,
          extras.apply(entry),
          (term, prefixEnd) -> {
            List<Listed> entries =
                collected
                    .computeIfAbsent(
                        fold(term.substring(0, prefixEnd)),
                        p -> new TreeMap<>(DirectoryOrder.NAMES))
                    .computeIfAbsent(term, t -> new ArrayList<>(1));
            // an entry with the same term twice ("Ann Lee Lee") is appended once
            if (entries.isEmpty() || entries.get(entries.size() - 1) != entry) {
              entries.add(entry);
            }
          });
    }
    for (Map.Entry<String, TreeMap<String, List<Listed>>> group : collected.entrySet()) {
      Node node = root.path(group.getKey());
      TreeMap<String, Object> terms = new TreeMap<>(DirectoryOrder.NAMES);
      for (Map.Entry<String, List<Listed>> term : group.getValue().entrySet()) {
        List<Listed> entries = term.getValue();
        terms.put(term.getKey(), entries.size() == 1 ? entries.get(0) : entries.toArray(NONE));
        node.noteNext(
            term.getKey(), term.getKey().offsetByCodePoints(0, codePoints(group.getKey())));
      }
      node.terms.putAllInOrder(terms);
    }
  }

  /**
   * The entries matching {@code query} strictly after {@code after}, in directory order, each once,
   * a step at a time (see {@link Matches}); {@code query} must be {@link #indexable} and at most
   * {@link #MAX_QUERY_LENGTH} characters long.
   *
   * @param byName the entries searched, in directory order: their display names are not indexed
   *     here but read from this set
   * @param keep which entries of this index may be returned (the members of a unit, say); entries
   *     of {@code byName} must all be kept
   */
  Matches<T> matches(
      String query,
      SortedChunks<Listed, T> byName,
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
   * Where the distinguishing prefix of {@code term} ends, for an entry named {@code displayName}:
   * after its first {@code L + 1} code points, where {@code L} is how many it shares with the name
   * ignoring case; 0 if no query can need the posting (the term is a prefix of the name, or the
   * prefix is longer than {@link #MAX_QUERY_LENGTH}).
   */
  static int distinguishingEnd(String term, String displayName) {
    int i = 0;
    int j = 0;
    int count = 0;
    while (i < term.length()) {
      int c = term.codePointAt(i);
      i += Character.charCount(c);
      if (++count > MAX_QUERY_LENGTH) {
        return 0;
      }
      if (j >= displayName.length()) {
        return i;
      }
      int d = displayName.codePointAt(j);
      j += Character.charCount(d);
      if (fold(c) != fold(d)) {
        return i;
      }
    }
    return 0;
  }

  /** Calls {@code posting} with (term, end of its distinguishing prefix) for each posting. */
  private static void forEachPosting(
      Listed entry, List<String> extras, ObjIntConsumer<String> posting) {
    String name = entry.displayName();
    forEachLaterWord(name, word -> file(word, name, posting));
    for (String extra : extras) {
      file(extra, name, posting);
    }
  }

  private static void file(String term, String name, ObjIntConsumer<String> posting) {
    int end = distinguishingEnd(term, name);
    if (end > 0) {
      posting.accept(term, end);
    }
  }

  private void insert(String term, int prefixEnd, Listed entry) {
    Node node = root.path(fold(term.substring(0, prefixEnd)));
    // one traversal for a new term (most principal names are)
    Object old = node.terms.putIfAbsent(term, entry);
    if (old != null) {
      Listed[] entries = entries(old);
      int at = Arrays.binarySearch(entries, entry, Listed.ORDER);
      if (at >= 0) {
        return;
      }
      int insertion = -at - 1;
      Listed[] grown = new Listed[entries.length + 1];
      System.arraycopy(entries, 0, grown, 0, insertion);
      grown[insertion] = entry;
      System.arraycopy(entries, insertion, grown, insertion + 1, entries.length - insertion);
      node.terms.put(term, grown);
    }
    node.noteNext(term, prefixEnd);
  }

  /** The entries of a term, as {@link Node#terms} holds them: one entry, or an array of them. */
  private static Listed[] entries(Object filed) {
    return filed instanceof Listed[] several ? several : new Listed[] {(Listed) filed};
  }

  private void delete(String term, int prefixEnd, Listed entry) {
    String prefix = fold(term.substring(0, prefixEnd));
    List<Node> path = new ArrayList<>(prefix.length() + 1);
    Node node = root;
    path.add(node);
    for (int i = 0; i < prefix.length(); ) {
      int c = prefix.codePointAt(i);
      i += Character.charCount(c);
      int child = node.children.indexOf(c);
      if (child < 0) {
        return;
      }
      node = node.children.nodes[child];
      path.add(node);
    }
    Object filed = node.terms.get(term);
    Listed[] entries = filed == null ? NONE : entries(filed);
    int at = Arrays.binarySearch(entries, entry, Listed.ORDER);
    if (at < 0) {
      return;
    }
    if (entries.length > 2) {
      Listed[] shrunk = new Listed[entries.length - 1];
      System.arraycopy(entries, 0, shrunk, 0, at);
      System.arraycopy(entries, at + 1, shrunk, at, entries.length - at - 1);
      node.terms.put(term, shrunk);
      return;
    }
    if (entries.length == 2) {
      node.terms.put(term, entries[1 - at]);
      return;
    }
    node.terms.remove(term);
    if (node.terms.isEmpty()) {
      node.next = 0;
    }
    // prune the nodes left with neither terms nor children, from the leaf up
    for (int depth = path.size() - 1; depth > 0; depth--) {
      Node n = path.get(depth);
      if (!n.terms.isEmpty() || n.children.codePoints.length > 0) {
        return;
      }
      Node parent = path.get(depth - 1);
      parent.children =
          parent.children.without(parent.children.indexOf(lastCodePoint(prefix, depth)));
    }
  }

  /** The code point at position {@code depth} (1-based, in code points) of {@code prefix}. */
  private static int lastCodePoint(String prefix, int depth) {
    return prefix.codePointAt(prefix.offsetByCodePoints(0, depth - 1));
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

  /** A node of the trie: the terms filed under the prefix spelled by the path to it. */
  private static final class Node {
    /** The children, by folded code point; replaced whole on a write. */
    volatile Children children = Children.NONE;

    /**
     * The terms filed here in case-insensitive order, each with its entries in directory order: the
     * entry itself if it is the only one (as for most principal names, so a million users hold no
     * million one-element arrays), else an array of two or more ({@link #entries}).
     */
    final SortedChunks<String, Object> terms = SortedChunks.mapOf(DirectoryOrder.NAMES);

    /**
     * One bit per folded code point (modulo 64) that follows the prefix in a term filed here: a
     * query whose next character has no bit matches no term here, and skips the seek. A removal
     * leaves its bit set (a wasted seek at worst); the bits are cleared when the node is empty.
     */
    volatile long next;

    /** The node at the end of {@code folded}, created with the nodes on the way if absent. */
    Node path(String folded) {
      Node node = this;
      for (int i = 0; i < folded.length(); ) {
        int c = folded.codePointAt(i);
        i += Character.charCount(c);
        int at = node.children.indexOf(c);
        if (at >= 0) {
          node = node.children.nodes[at];
        } else {
          Node child = new Node();
          node.children = node.children.with(c, child);
          node = child;
        }
      }
      return node;
    }

    /** Notes the character of {@code term} at {@code prefixEnd}, if any. */
    void noteNext(String term, int prefixEnd) {
      if (prefixEnd < term.length()) {
        next |= bit(fold(term.codePointAt(prefixEnd)));
      }
    }

    static long bit(int foldedCodePoint) {
      return 1L << (foldedCodePoint & 63);
    }
  }

  /** Immutable children of a node: code points in ascending order, and their nodes. */
  private static final class Children {
    static final Children NONE = new Children(new int[0], new Node[0]);

    final int[] codePoints;
    final Node[] nodes;

    private Children(int[] codePoints, Node[] nodes) {
      this.codePoints = codePoints;
      this.nodes = nodes;
    }

    /** The index of {@code codePoint}, or a negative number if there is no such child. */
    int indexOf(int codePoint) {
      return Arrays.binarySearch(codePoints, codePoint);
    }

    Children with(int codePoint, Node node) {
      int at = -indexOf(codePoint) - 1;
      int n = codePoints.length;
      int[] cs = new int[n + 1];
      Node[] ns = new Node[n + 1];
      System.arraycopy(codePoints, 0, cs, 0, at);
      System.arraycopy(nodes, 0, ns, 0, at);
      cs[at] = codePoint;
      ns[at] = node;
      System.arraycopy(codePoints, at, cs, at + 1, n - at);
      System.arraycopy(nodes, at, ns, at + 1, n - at);
      return new Children(cs, ns);
    }

    Children without(int at) {
      int n = codePoints.length;
      int[] cs = new int[n - 1];
      Node[] ns = new Node[n - 1];
      System.arraycopy(codePoints, 0, cs, 0, at);
      System.arraycopy(nodes, 0, ns, 0, at);
      System.arraycopy(codePoints, at + 1, cs, at, n - at - 1);
      System.arraycopy(nodes, at + 1, ns, at, n - at - 1);
      return new Children(cs, ns);
    }
  }

  /**
   * One search's matches in directory order, merged lazily from the display-name range and the
   * arrays of the matching terms. Each {@link #step} does a bounded amount of work: while it
   * gathers its sources, a seek in one group of the trie or one matching term; then one entry taken
   * from the merge. So a search that must gather very many terms (a one-letter query on principal
   * names that share no letter with their names) costs steps in proportion, and {@link
   * PrefixSearch} can race it against a walk.
   */
  static final class Matches<T extends Listed> implements PrefixSearch.InOrder<T> {
    private final String query;
    private final Optional<Listed> after;
    private final Predicate<? super T> keep;

    /** The sources, a binary heap by head in directory order. */
    private Source[] heap = new Source[2];

    private int sources;

    /** Where gathering is: the trie node reached and the query's characters consumed. */
    private Node at;

    private int consumed;
    private SortedChunks.@Nullable Walk<String, Object> terms;
    private boolean gathered;
    private Listed last = Listed.FIRST;

    Matches(
        TermIndex<T> index,
        String query,
        SortedChunks<Listed, T> byName,
        Optional<Listed> after,
        Predicate<? super T> keep) {
      this.query = query;
      this.after = after;
      this.keep = keep;
      this.at = index.root;
      Listed start = new Listed.Key(query, "");
      Iterator<T> names =
          after.isPresent() && Listed.ORDER.compare(after.get(), start) >= 0
              ? byName.walk(after.get(), false)
              : byName.walk(start, true);
      if (names.hasNext()) {
        Listed first = names.next();
        if (startsWith(first.displayName(), 0, query)) {
          push(new NameRange(first, names, query));
        }
      }
    }

    @Override
    public boolean step(List<? super T> out) {
      if (!gathered) {
        gather();
        return true;
      }
      if (sources == 0) {
        return false;
      }
      Source source = heap[0];
      Listed entry = source.head;
      if (source.advance()) {
        siftDown(source);
      } else {
        Source moved = heap[--sources];
        heap[sources] = null;
        if (sources > 0) {
          siftDown(moved);
        }
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

    /**
     * One step of gathering: a matching term of the current group, or the next group along the
     * query's path in the trie whose terms may start with the query.
     */
    private void gather() {
      SortedChunks.Walk<String, Object> walk = terms;
      if (walk != null && walk.hasNext()) {
        Object filed = walk.next();
        if (!startsWith(walk.key(), 0, query)) {
          terms = null;
          return;
        }
        Listed[] entries = entries(filed);
        int from = 0;
        if (after.isPresent()) {
          int found = Arrays.binarySearch(entries, after.get(), Listed.ORDER);
          from = found >= 0 ? found + 1 : -found - 1;
        }
        if (from < entries.length) {
          push(new Postings(entries, from));
        }
        return;
      }
      while (consumed < query.length()) {
        int c = query.codePointAt(consumed);
        consumed += Character.charCount(c);
        int child = at.children.indexOf(fold(c));
        if (child < 0) {
          break;
        }
        at = at.children.nodes[child];
        SortedChunks<String, Object> group = at.terms;
        if (group.isEmpty()) {
          continue;
        }
        if (consumed == query.length()) {
          // the prefix is the whole query: every term filed here starts with it
          terms = group.walk();
          return;
        }
        if ((at.next & Node.bit(fold(query.codePointAt(consumed)))) != 0) {
          terms = group.walk(query, true);
          return;
        }
      }
      gathered = true;
    }

    private void push(Source source) {
      if (sources == heap.length) {
        heap = Arrays.copyOf(heap, 2 * sources);
      }
      int i = sources++;
      while (i > 0) {
        int parent = (i - 1) / 2;
        if (Listed.ORDER.compare(heap[parent].head, source.head) <= 0) {
          break;
        }
        heap[i] = heap[parent];
        i = parent;
      }
      heap[i] = source;
    }

    /** Puts {@code source} at the root and moves it down to its place. */
    private void siftDown(Source source) {
      int i = 0;
      while (true) {
        int child = 2 * i + 1;
        if (child >= sources) {
          break;
        }
        if (child + 1 < sources
            && Listed.ORDER.compare(heap[child + 1].head, heap[child].head) < 0) {
          child++;
        }
        if (Listed.ORDER.compare(source.head, heap[child].head) <= 0) {
          break;
        }
        heap[i] = heap[child];
        i = child;
      }
      heap[i] = source;
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
