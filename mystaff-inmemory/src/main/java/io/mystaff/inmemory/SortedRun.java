package io.mystaff.inmemory;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;

/**
 * Entries already in {@link Listed#ORDER directory order}, each mapped to itself, as a read-only
 * {@link SortedMap} view of an array: what {@code new ConcurrentSkipListMap<>(SortedMap)} builds
 * from in linear time, without comparing a single pair.
 *
 * @param <T> the entries
 */
// A SortedMap on purpose: it is what ConcurrentSkipListMap's linear-time constructor takes.
@SuppressWarnings("JdkObsolete")
final class SortedRun<T extends Listed> extends AbstractMap<Listed, T>
    implements SortedMap<Listed, T> {
  private final T[] entries;
  private final int from;
  private final int to;

  /**
   * A view of {@code entries}, which must be in directory order without two equal entries; the view
   * reads the array, which must not change while it is in use.
   */
  SortedRun(T[] entries) {
    this(entries, 0, entries.length);
  }

  private SortedRun(T[] entries, int from, int to) {
    this.entries = entries;
    this.from = from;
    this.to = to;
  }

  @Override
  public Comparator<? super Listed> comparator() {
    return Listed.ORDER;
  }

  @Override
  public SortedMap<Listed, T> subMap(Listed fromKey, Listed toKey) {
    if (Listed.ORDER.compare(fromKey, toKey) > 0) {
      throw new IllegalArgumentException("fromKey > toKey");
    }
    return new SortedRun<>(entries, at(fromKey), at(toKey));
  }

  @Override
  public SortedMap<Listed, T> headMap(Listed toKey) {
    return new SortedRun<>(entries, from, at(toKey));
  }

  @Override
  public SortedMap<Listed, T> tailMap(Listed fromKey) {
    return new SortedRun<>(entries, at(fromKey), to);
  }

  @Override
  public Listed firstKey() {
    if (from == to) {
      throw new NoSuchElementException();
    }
    return entries[from];
  }

  @Override
  public Listed lastKey() {
    if (from == to) {
      throw new NoSuchElementException();
    }
    return entries[to - 1];
  }

  @Override
  public int size() {
    return to - from;
  }

  @Override
  public Set<Map.Entry<Listed, T>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<Listed, T>> iterator() {
        return new Iterator<>() {
          private int next = from;

          @Override
          public boolean hasNext() {
            return next < to;
          }

          @Override
          public Map.Entry<Listed, T> next() {
            if (next == to) {
              throw new NoSuchElementException();
            }
            T entry = entries[next++];
            return new SimpleImmutableEntry<>(entry, entry);
          }
        };
      }

      @Override
      public int size() {
        return to - from;
      }
    };
  }

  /** The position of the first entry at or after {@code key}, within this view. */
  private int at(Listed key) {
    int found = Arrays.binarySearch(entries, from, to, key, Listed.ORDER);
    return found >= 0 ? found : -found - 1;
  }
}
