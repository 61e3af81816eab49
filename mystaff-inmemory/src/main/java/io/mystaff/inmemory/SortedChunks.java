package io.mystaff.inmemory;

import static java.util.Objects.requireNonNull;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SortedMap;
import org.jspecify.annotations.Nullable;

/**
 * A sorted map without a node per entry: the entries in order, in immutable arrays ("chunks") of at
 * most {@value #MAX_CHUNK} entries each, replaced on write, under one array of the chunks. It is
 * what the directory keeps in order per user (the directory order, each unit's members, the term
 * index's principal names): a million entries cost about 4 MB as a set and 8 MB as a map, against
 * about 36 MB in a {@code ConcurrentSkipListMap} (a 24-byte node per entry, an index node per two).
 *
 * <p>Two shapes: a <em>set</em> ({@link #setOf}), whose entries are their own keys (a record
 * ordered by its own sort key; a chunk holds the entries), and a <em>map</em> ({@link #mapOf}),
 * whose chunks hold each key followed by its value.
 *
 * <p><b>Threads.</b> Writes ({@link #add}, {@link #put}, {@link #putIfAbsent}, {@link #remove},
 * {@link #addAllInOrder}) must be serialized by the caller (the directory's write lock). Reads
 * ({@link #get}, {@link #walk}, {@link #size}) need no lock and run alongside a write, weakly
 * consistent as a {@code ConcurrentSkipListMap}'s: a write that changes one chunk publishes a new
 * copy of it into its slot of the array of chunks (with release semantics); a write that changes
 * several (a chunk split in two, two merged) publishes a new array of chunks, and the old one is
 * never written again. So an entry that stays in the map throughout a walk is returned once, in
 * order, and a walk never sees a chunk change under it.
 *
 * <p>Keys must not change their order while they are in the map (the directory removes a user
 * before renaming it and adds it back after).
 *
 * @param <K> the keys
 * @param <V> the values; for a set, the entries, which are keys themselves
 */
final class SortedChunks<K, V> {
  /** The most entries a chunk holds: a write copies one chunk, a seek searches one. */
  static final int MAX_CHUNK = 128;

  /** A chunk left with fewer entries than this after a removal joins a neighbour if they fit. */
  static final int MIN_CHUNK = MAX_CHUNK / 4;

  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[][].class);
  private static final Object[][] NO_CHUNKS = new Object[0][];

  private final Comparator<? super K> order;

  /** Array slots per entry: 1 for a set (the entry), 2 for a map (key, then value). */
  private final int stride;

  /** The non-empty chunks, in order; each chunk is immutable once published. */
  private volatile Object[][] chunks = NO_CHUNKS;

  private volatile int size;

  private SortedChunks(Comparator<? super K> order, int stride) {
    this.order = requireNonNull(order, "order");
    this.stride = stride;
  }

  /** {@return an empty set ordered by {@code order}, whose entries are their own keys} */
  static <K, V extends K> SortedChunks<K, V> setOf(Comparator<? super K> order) {
    return new SortedChunks<>(order, 1);
  }

  /** {@return an empty map ordered by {@code order}} */
  static <K, V> SortedChunks<K, V> mapOf(Comparator<? super K> order) {
    return new SortedChunks<>(order, 2);
  }

  /** {@return how many entries the map holds} */
  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** {@return the value of the key equal to {@code key} in this map's order, or null} */
  @Nullable V get(K key) {
    Object[][] top = chunks;
    if (top.length == 0) {
      return null;
    }
    Object[] chunk = chunk(top, chunkOf(top, key));
    int i = indexIn(chunk, key);
    return i < 0 ? null : valueAt(chunk, i);
  }

  /**
   * Adds {@code entry} to this set unless an equal entry is there; the caller serializes writes.
   *
   * @return the equal entry already there (nothing changed), or null if {@code entry} was added
   */
  @SuppressWarnings("unchecked") // a set's entries are keys (V extends K where a set is made)
  @Nullable V add(V entry) {
    requireSet();
    return insert((K) entry, entry, false);
  }

  /**
   * Maps {@code key} to {@code value}, replacing the value of an equal key (which stays the key);
   * the caller serializes writes.
   *
   * @return the value replaced, or null
   */
  @Nullable V put(K key, V value) {
    requireMap();
    return insert(key, value, true);
  }

  /**
   * Maps {@code key} to {@code value} unless an equal key is there; the caller serializes writes.
   *
   * @return the value of the equal key already there (nothing changed), or null
   */
  @Nullable V putIfAbsent(K key, V value) {
    requireMap();
    return insert(key, value, false);
  }

  /**
   * Removes the key equal to {@code key} and its value; the caller serializes writes.
   *
   * @return the value removed (for a set, the entry), or null if there was none
   */
  // writes (and so updates of size) are serialized by the caller
  @SuppressWarnings("NonAtomicVolatileUpdate")
  @Nullable V remove(K key) {
    Object[][] top = chunks;
    if (top.length == 0) {
      return null;
    }
    int c = chunkOf(top, key);
    Object[] chunk = top[c];
    int i = indexIn(chunk, key);
    if (i < 0) {
      return null;
    }
    V old = valueAt(chunk, i);
    int at = i * stride;
    if (chunk.length == stride) {
      chunks = without(top, c);
    } else {
      Object[] shrunk = new Object[chunk.length - stride];
      System.arraycopy(chunk, 0, shrunk, 0, at);
      System.arraycopy(chunk, at + stride, shrunk, at, chunk.length - at - stride);
      int neighbour = c + 1 < top.length ? c + 1 : c - 1;
      if (shrunk.length / stride < MIN_CHUNK
          && neighbour >= 0
          && (shrunk.length + top[neighbour].length) / stride <= MAX_CHUNK) {
        int first = Math.min(c, neighbour);
        Object[] left = first == c ? shrunk : top[neighbour];
        Object[] right = first == c ? top[neighbour] : shrunk;
        Object[] merged = Arrays.copyOf(left, left.length + right.length);
        System.arraycopy(right, 0, merged, left.length, right.length);
        Object[][] joined = without(top, first + 1);
        joined[first] = merged;
        chunks = joined;
      } else {
        SLOT.setRelease(top, c, shrunk);
      }
    }
    size = size - 1;
    return old;
  }

  /**
   * Adds {@code inOrder}, in this map's order without two equal entries, to this set, which must be
   * empty: in linear time, without comparing a pair (the caller vouches for the order). On a set
   * that is not empty it adds them one by one.
   */
  void addAllInOrder(List<? extends V> inOrder) {
    requireSet();
    if (size != 0) {
      inOrder.forEach(this::add);
      return;
    }
    fill(inOrder.toArray(), inOrder.size());
  }

  /**
   * Puts the entries of {@code sorted}, a map in this map's order, into this map, which must be
   * empty: in linear time. On a map that is not empty it puts them one by one.
   */
  void putAllInOrder(SortedMap<K, ? extends V> sorted) {
    requireMap();
    if (size != 0) {
      sorted.forEach(this::put);
      return;
    }
    Object[] slots = new Object[2 * sorted.size()];
    int i = 0;
    for (Map.Entry<K, ? extends V> e : sorted.entrySet()) {
      slots[i++] = requireNonNull(e.getKey(), "key");
      slots[i++] = requireNonNull(e.getValue(), "value");
    }
    fill(slots, sorted.size());
  }

  /** Publishes {@code slots} ({@code entries} entries, in order) as full chunks. */
  private void fill(Object[] slots, int entries) {
    int count = (entries + MAX_CHUNK - 1) / MAX_CHUNK;
    Object[][] top = new Object[count][];
    for (int c = 0; c < count; c++) {
      int from = c * MAX_CHUNK * stride;
      int to = Math.min(entries * stride, from + MAX_CHUNK * stride);
      top[c] = Arrays.copyOfRange(slots, from, to);
    }
    size = entries;
    chunks = top; // publishes the filled chunks
  }

  /** {@return every entry's value (for a set, every entry) in order} */
  Walk<K, V> walk() {
    Object[][] top = chunks;
    return new Walk<>(top, 0, top.length == 0 ? null : chunk(top, 0), 0, stride);
  }

  /**
   * {@return the values (for a set, the entries) in order from {@code from} on: from the first key
   * at or after it if {@code inclusive}, else strictly after it}
   */
  Walk<K, V> walk(K from, boolean inclusive) {
    Object[][] top = chunks;
    if (top.length == 0) {
      return new Walk<>(top, 0, null, 0, stride);
    }
    int c = chunkOf(top, from);
    Object[] chunk = chunk(top, c);
    int i = indexIn(chunk, from);
    int start = i >= 0 ? (inclusive ? i : i + 1) : -i - 1;
    // the walk starts in the very chunk searched: a later read of the slot may be a newer copy
    return new Walk<>(top, c, chunk, start * stride, stride);
  }

  /**
   * The values (for a set, the entries) of a map in order, from a position on, read from the chunks
   * as they were when the walk began or later (see the class documentation).
   */
  static final class Walk<K, V> implements Iterator<V> {
    private final Object[][] top;
    private final int stride;
    private int chunkIndex;
    private Object @Nullable [] chunk;

    /** The slot of the next entry in {@link #chunk}. */
    private int at;

    private @Nullable Object lastKey;

    private Walk(Object[][] top, int chunkIndex, Object @Nullable [] chunk, int at, int stride) {
      this.top = top;
      this.stride = stride;
      this.chunkIndex = chunkIndex;
      this.chunk = chunk;
      this.at = at;
    }

    @Override
    public boolean hasNext() {
      while (chunk != null && at >= chunk.length) {
        chunkIndex++;
        chunk = chunkIndex < top.length ? chunk(top, chunkIndex) : null;
        at = 0;
      }
      return chunk != null;
    }

    @Override
    @SuppressWarnings("unchecked") // only keys of type K and values of type V are stored
    public V next() {
      Object[] c = hasNext() ? chunk : null;
      if (c == null) {
        throw new NoSuchElementException();
      }
      lastKey = c[at];
      V value = (V) c[at + stride - 1];
      at += stride;
      return value;
    }

    /** {@return the key of the entry {@link #next} returned last} */
    @SuppressWarnings("unchecked") // only keys of type K are stored
    K key() {
      if (lastKey == null) {
        throw new IllegalStateException("next() was not called");
      }
      return (K) lastKey;
    }
  }

  private void requireSet() {
    if (stride != 1) {
      throw new UnsupportedOperationException("a map, not a set");
    }
  }

  private void requireMap() {
    if (stride != 2) {
      throw new UnsupportedOperationException("a set, not a map");
    }
  }

  // writes (and so updates of size) are serialized by the caller
  @SuppressWarnings("NonAtomicVolatileUpdate")
  private @Nullable V insert(K key, V value, boolean replace) {
    requireNonNull(key, "key");
    requireNonNull(value, "value");
    Object[][] top = chunks;
    if (top.length == 0) {
      chunks = new Object[][] {entry(key, value)};
      size = 1;
      return null;
    }
    int c = chunkOf(top, key);
    Object[] chunk = top[c];
    int i = indexIn(chunk, key);
    if (i >= 0) {
      V old = valueAt(chunk, i);
      if (replace) {
        // the key already there stays, as in a TreeMap (only a map replaces: stride is 2)
        Object[] changed = chunk.clone();
        changed[i * stride + 1] = value;
        SLOT.setRelease(top, c, changed);
      }
      return old;
    }
    int at = (-i - 1) * stride;
    Object[] grown = new Object[chunk.length + stride];
    System.arraycopy(chunk, 0, grown, 0, at);
    System.arraycopy(chunk, at, grown, at + stride, chunk.length - at);
    grown[at] = key;
    grown[at + stride - 1] = value;
    if (grown.length / stride > MAX_CHUNK) {
      int half = grown.length / stride / 2 * stride;
      Object[][] split = new Object[top.length + 1][];
      System.arraycopy(top, 0, split, 0, c);
      split[c] = Arrays.copyOfRange(grown, 0, half);
      split[c + 1] = Arrays.copyOfRange(grown, half, grown.length);
      System.arraycopy(top, c + 1, split, c + 2, top.length - c - 1);
      chunks = split;
    } else {
      SLOT.setRelease(top, c, grown);
    }
    size = size + 1;
    return null;
  }

  private Object[] entry(K key, V value) {
    return stride == 1 ? new Object[] {key} : new Object[] {key, value};
  }

  private static Object[][] without(Object[][] top, int c) {
    Object[][] rest = new Object[top.length - 1][];
    System.arraycopy(top, 0, rest, 0, c);
    System.arraycopy(top, c + 1, rest, c, top.length - c - 1);
    return rest;
  }

  private static Object[] chunk(Object[][] top, int c) {
    return (Object[]) SLOT.getAcquire(top, c);
  }

  @SuppressWarnings("unchecked") // only keys of type K are stored
  private K keyAt(Object[] chunk, int entry) {
    return (K) chunk[entry * stride];
  }

  @SuppressWarnings("unchecked") // only values of type V are stored
  private V valueAt(Object[] chunk, int entry) {
    return (V) chunk[entry * stride + stride - 1];
  }

  /**
   * The chunk {@code key} belongs in: the last whose first key is at or before it, or the first.
   */
  private int chunkOf(Object[][] top, K key) {
    int lo = 1;
    int hi = top.length - 1;
    int found = 0;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (order.compare(keyAt(chunk(top, mid), 0), key) <= 0) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  /** The entry of {@code key} in {@code chunk}, or {@code -(insertion point) - 1}. */
  private int indexIn(Object[] chunk, K key) {
    int lo = 0;
    int hi = chunk.length / stride - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = order.compare(keyAt(chunk, mid), key);
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -(lo + 1);
  }

  @Override
  public String toString() {
    return "SortedChunks{" + size + " entries in " + chunks.length + " chunks}";
  }
}
