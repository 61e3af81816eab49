package io.mystaff.api.directory;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * The immutable map behind {@link User#attributes()}: keys compared with {@link
 * String#CASE_INSENSITIVE_ORDER}, in that order, as the unmodifiable view of a {@link TreeMap} it
 * replaces, but without its objects: one small object for a single attribute (most users have one
 * or two), one object and one array for more, instead of a wrapper, a tree and a node per entry (a
 * million users with one attribute each held 120 MB in those).
 *
 * <p>It behaves as {@code Collections.unmodifiableSortedMap(treeMap)} did: every mutator throws
 * {@link UnsupportedOperationException}, also when it would change nothing; {@link #get} of a key
 * that is not a {@code String} throws {@link ClassCastException} and of {@code null} throws {@link
 * NullPointerException} (both only when there are attributes, as the tree compared only then);
 * equality and hash code are those of {@link Map}; the sub-map views are those of such a tree (they
 * are made from a copy, on request).
 */
// SortedMap, not NavigableMap: it is what the unmodifiable tree view it replaces was.
@SuppressWarnings("JdkObsolete")
abstract class Attributes implements SortedMap<String, String> {
  private static final Comparator<String> ORDER = String.CASE_INSENSITIVE_ORDER;
  private static final Attributes EMPTY = new Many(new String[0]);

  /** Values that are not yet {@link #of} sorted attributes. */
  private Attributes() {}

  /**
   * {@return the attributes of {@code sorted}, a map ordered by {@link
   * String#CASE_INSENSITIVE_ORDER} without null keys or values}
   */
  static Attributes of(SortedMap<String, String> sorted) {
    if (sorted.comparator() != ORDER) {
      throw new IllegalArgumentException("attributes must be ordered case-insensitively");
    }
    int n = sorted.size();
    if (n == 0) {
      return EMPTY;
    }
    if (n == 1) {
      Map.Entry<String, String> e = sorted.entrySet().iterator().next();
      return new One(e.getKey(), e.getValue());
    }
    String[] keysAndValues = new String[2 * n];
    int i = 0;
    for (Map.Entry<String, String> e : sorted.entrySet()) {
      keysAndValues[i++] = Objects.requireNonNull(e.getKey(), "key");
      keysAndValues[i++] = Objects.requireNonNull(e.getValue(), "value");
    }
    return new Many(keysAndValues);
  }

  abstract String keyAt(int index);

  abstract String valueAt(int index);

  /** The index of the key equal to {@code key} ignoring case, or a negative number. */
  abstract int indexOf(String key);

  /**
   * The index of {@code key}, or a negative number; throws for keys the tree could not compare,
   * when there are keys to compare with.
   */
  private int find(@Nullable Object key) {
    if (isEmpty()) {
      return -1;
    }
    return indexOf((String) Objects.requireNonNull(key));
  }

  @Override
  public final boolean isEmpty() {
    return size() == 0;
  }

  @Override
  public final @Nullable String get(@Nullable Object key) {
    int i = find(key);
    return i < 0 ? null : valueAt(i);
  }

  @Override
  public final boolean containsKey(@Nullable Object key) {
    return find(key) >= 0;
  }

  @Override
  public final boolean containsValue(@Nullable Object value) {
    for (int i = 0, n = size(); i < n; i++) {
      if (valueAt(i).equals(value)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public final void forEach(BiConsumer<? super String, ? super String> action) {
    Objects.requireNonNull(action, "action");
    for (int i = 0, n = size(); i < n; i++) {
      action.accept(keyAt(i), valueAt(i));
    }
  }

  @Override
  public final Comparator<? super String> comparator() {
    return ORDER;
  }

  @Override
  public final String firstKey() {
    if (isEmpty()) {
      throw new NoSuchElementException();
    }
    return keyAt(0);
  }

  @Override
  public final String lastKey() {
    if (isEmpty()) {
      throw new NoSuchElementException();
    }
    return keyAt(size() - 1);
  }

  /** The view the sub-maps are taken from: what this map replaced, made on request. */
  private SortedMap<String, String> tree() {
    return Collections.unmodifiableSortedMap(new TreeMap<>(this));
  }

  @Override
  public final SortedMap<String, String> subMap(String fromKey, String toKey) {
    return tree().subMap(fromKey, toKey);
  }

  @Override
  public final SortedMap<String, String> headMap(String toKey) {
    return tree().headMap(toKey);
  }

  @Override
  public final SortedMap<String, String> tailMap(String fromKey) {
    return tree().tailMap(fromKey);
  }

  @Override
  public final Set<String> keySet() {
    return Collections.unmodifiableSet(
        new AbstractSet<>() {
          @Override
          public Iterator<String> iterator() {
            return new Walk<>(Attributes.this::keyAt);
          }

          @Override
          public int size() {
            return Attributes.this.size();
          }

          @Override
          public boolean contains(@Nullable Object o) {
            return containsKey(o);
          }
        });
  }

  @Override
  public final Collection<String> values() {
    return Collections.unmodifiableCollection(
        new AbstractCollection<>() {
          @Override
          public Iterator<String> iterator() {
            return new Walk<>(Attributes.this::valueAt);
          }

          @Override
          public int size() {
            return Attributes.this.size();
          }
        });
  }

  @Override
  public final Set<Map.Entry<String, String>> entrySet() {
    return Collections.unmodifiableSet(
        new AbstractSet<>() {
          @Override
          public Iterator<Map.Entry<String, String>> iterator() {
            return new Walk<>(i -> new AbstractMap.SimpleImmutableEntry<>(keyAt(i), valueAt(i)));
          }

          @Override
          public int size() {
            return Attributes.this.size();
          }
        });
  }

  /** Iterates over the indexes in order; does not remove. */
  private final class Walk<T> implements Iterator<T> {
    private final IntFunction<T> at;
    private int next;

    Walk(IntFunction<T> at) {
      this.at = at;
    }

    @Override
    public boolean hasNext() {
      return next < size();
    }

    @Override
    public T next() {
      if (next >= size()) {
        throw new NoSuchElementException();
      }
      return at.apply(next++);
    }
  }

  @Override
  public final boolean equals(@Nullable Object o) {
    if (o == this) {
      return true;
    }
    if (!(o instanceof Map<?, ?> other) || other.size() != size()) {
      return false;
    }
    try {
      for (int i = 0, n = size(); i < n; i++) {
        if (!valueAt(i).equals(other.get(keyAt(i)))) {
          return false;
        }
      }
    } catch (ClassCastException | NullPointerException e) {
      return false; // as AbstractMap: the other map cannot hold such keys
    }
    return true;
  }

  @Override
  public final int hashCode() {
    int h = 0;
    for (int i = 0, n = size(); i < n; i++) {
      h += keyAt(i).hashCode() ^ valueAt(i).hashCode();
    }
    return h;
  }

  @Override
  public final String toString() {
    StringBuilder s = new StringBuilder("{");
    for (int i = 0, n = size(); i < n; i++) {
      if (i > 0) {
        s.append(", ");
      }
      s.append(keyAt(i)).append('=').append(valueAt(i));
    }
    return s.append('}').toString();
  }

  // Immutable: every mutator throws, as the unmodifiable view did, even when it would change
  // nothing.

  @Override
  public final String put(String key, String value) {
    throw new UnsupportedOperationException();
  }

  @Override
  public final String remove(@Nullable Object key) {
    throw new UnsupportedOperationException();
  }

  @Override
  public final void putAll(Map<? extends String, ? extends String> m) {
    throw new UnsupportedOperationException();
  }

  @Override
  public final void clear() {
    throw new UnsupportedOperationException();
  }

  @Override
  public final void replaceAll(BiFunction<? super String, ? super String, ? extends String> f) {
    throw new UnsupportedOperationException();
  }

  @Override
  public final String putIfAbsent(String key, String value) {
    throw new UnsupportedOperationException();
  }

  @Override
  public final boolean remove(@Nullable Object key, @Nullable Object value) {
    throw new UnsupportedOperationException();
  }

  @Override
  public final boolean replace(String key, String oldValue, String newValue) {
    throw new UnsupportedOperationException();
  }

  @Override
  public final String replace(String key, String value) {
    throw new UnsupportedOperationException();
  }

  @Override
  public final String computeIfAbsent(
      String key, Function<? super String, ? extends String> mappingFunction) {
    throw new UnsupportedOperationException();
  }

  @Override
  public final String computeIfPresent(
      String key, BiFunction<? super String, ? super String, ? extends String> remapping) {
    throw new UnsupportedOperationException();
  }

  @Override
  public final String compute(
      String key, BiFunction<? super String, ? super String, ? extends String> f) {
    throw new UnsupportedOperationException();
  }

  @Override
  public final String merge(
      String key,
      String value,
      BiFunction<? super String, ? super String, ? extends String> remapping) {
    throw new UnsupportedOperationException();
  }

  /** One attribute: a header and two references. */
  private static final class One extends Attributes {
    private final String key;
    private final String value;

    One(String key, String value) {
      this.key = Objects.requireNonNull(key, "key");
      this.value = Objects.requireNonNull(value, "value");
    }

    @Override
    public int size() {
      return 1;
    }

    @Override
    String keyAt(int index) {
      Objects.checkIndex(index, 1);
      return key;
    }

    @Override
    String valueAt(int index) {
      Objects.checkIndex(index, 1);
      return value;
    }

    @Override
    int indexOf(String key) {
      return ORDER.compare(key, this.key) == 0 ? 0 : -1;
    }
  }

  /** No attributes or several: keys and values alternate in one array, in key order. */
  private static final class Many extends Attributes {
    private final String[] keysAndValues;

    Many(String[] keysAndValues) {
      this.keysAndValues = keysAndValues;
    }

    @Override
    public int size() {
      return keysAndValues.length >>> 1;
    }

    @Override
    String keyAt(int index) {
      Objects.checkIndex(index, size());
      return keysAndValues[2 * index];
    }

    @Override
    String valueAt(int index) {
      Objects.checkIndex(index, size());
      return keysAndValues[2 * index + 1];
    }

    @Override
    int indexOf(String key) {
      int lo = 0;
      int hi = size() - 1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        int c = ORDER.compare(keysAndValues[2 * mid], key);
        if (c < 0) {
          lo = mid + 1;
        } else if (c > 0) {
          hi = mid - 1;
        } else {
          return mid;
        }
      }
      return -1;
    }
  }
}
