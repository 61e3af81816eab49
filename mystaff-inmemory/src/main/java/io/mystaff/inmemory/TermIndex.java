package io.mystaff.inmemory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentSkipListMap;
import org.jspecify.annotations.Nullable;

/**
 * A case-insensitive prefix index from search terms to the entries that have them: one posting per
 * (term, entry), in one skip list ordered by term, then by the entry's directory order.
 *
 * <p>An entry's terms are its display name, each further whitespace-separated word of it, and any
 * extra terms (a user's principal name). A query matches an entry when one of its terms starts with
 * the query, case-insensitively; the postings of all terms starting with a query are contiguous, so
 * finding them costs a seek plus one step per posting.
 *
 * <p>Thread-safe for concurrent reads and writes; callers keep an entry's terms stable while it is
 * indexed (they remove the old terms before a change and add the new ones after).
 */
final class TermIndex<T extends Listed> {
  private final ConcurrentSkipListMap<Posting, T> postings =
      new ConcurrentSkipListMap<>(TermIndex::compare);

  /** One term of one entry. */
  record Posting(String term, Listed owner) {}

  void add(T entry, Collection<String> terms) {
    for (String term : terms) {
      postings.put(new Posting(term, entry), entry);
    }
  }

  void remove(T entry, Collection<String> terms) {
    for (String term : terms) {
      postings.remove(new Posting(term, entry));
    }
  }

  /**
   * The entries having a term that starts with {@code prefix}, in term order: an entry appears once
   * per such term. Lazy: each step reads one posting.
   */
  Iterator<T> startingWith(String prefix) {
    Iterator<Map.Entry<Posting, T>> from =
        postings.tailMap(new Posting(prefix, Listed.FIRST)).entrySet().iterator();
    return new Iterator<>() {
      private @Nullable T next = advance();

      private @Nullable T advance() {
        if (from.hasNext()) {
          Map.Entry<Posting, T> e = from.next();
          if (startsWith(e.getKey().term(), 0, prefix)) {
            return e.getValue();
          }
        }
        return null;
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public T next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        T current = next;
        next = advance();
        return current;
      }
    };
  }

  /** The distinct entries having a term equal to {@code term}, case-insensitively. */
  List<T> withTerm(String term) {
    List<T> found = new ArrayList<>(1);
    for (Map.Entry<Posting, T> e : postings.tailMap(new Posting(term, Listed.FIRST)).entrySet()) {
      if (!e.getKey().term().equalsIgnoreCase(term)) {
        break;
      }
      if (!found.contains(e.getValue())) {
        found.add(e.getValue());
      }
    }
    return found;
  }

  /** The display-name terms of an entry: the name itself and each word after the first. */
  static List<String> nameTerms(String displayName) {
    List<String> terms = new ArrayList<>(3);
    terms.add(displayName);
    int n = displayName.length();
    for (int i = 1; i < n; i++) {
      if (isWordStart(displayName, i)) {
        int end = wordEnd(displayName, i);
        terms.add(displayName.substring(i, end));
        i = end;
      }
    }
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

  private static int compare(Posting a, Posting b) {
    int byTerm = String.CASE_INSENSITIVE_ORDER.compare(a.term(), b.term());
    return byTerm != 0 ? byTerm : Listed.ORDER.compare(a.owner(), b.owner());
  }
}
