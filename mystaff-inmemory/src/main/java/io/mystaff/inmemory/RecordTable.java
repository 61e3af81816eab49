package io.mystaff.inmemory;

import static java.util.Objects.requireNonNull;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * A hash table of records looked up by a key each record holds (a user's id, its principal name),
 * without a node per entry: open addressing with linear probing over an array of records and an
 * array of one-byte tags (eight bits of their keys' hashes, which the slot's index does not use),
 * at most half full. A probe compares a record's key only when its tag matches (a wrong record
 * passes one time in 256), and growing recomputes the hashes from the records' keys. A million
 * users cost 10.5 MB per table this way, against 40 MB in a {@code ConcurrentHashMap} (a 32-byte
 * node per entry and its table).
 *
 * <p><b>Threads.</b> Writes ({@link #put}, {@link #remove}) must be serialized by the caller (the
 * directory's write lock). Reads ({@link #get}, {@link #iterator}, {@link #size}) need no lock and
 * run alongside a write: a slot's tag is written before its record, and the record with release
 * semantics, so a reader that sees a record sees its tag; removal leaves a tombstone instead of
 * moving later records, so a reader never misses a record that stays; growing fills new arrays and
 * publishes them at once. A read that overlaps a write sees it or not, as a read of a {@code
 * ConcurrentHashMap} would.
 *
 * <p>A record's key must not change while it is in the table (the directory removes a user from the
 * principal-name table before a rename and puts it back after).
 *
 * @param <K> the key
 * @param <R> the record, which holds its key
 */
final class RecordTable<K, R> implements Iterable<R> {
  /** How a table finds the key of a record. */
  interface Keys<K, R> {
    /** The hash of {@code key}: equal for keys that {@link #matches} the same records. */
    int hash(K key);

    /** The key {@code record} holds. */
    K keyOf(R record);

    /** Whether {@code record} is the record of {@code key}. */
    boolean matches(K key, R record);
  }

  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);

  /** A removed record's slot: readers and writers probe past it, inserts may reuse it. */
  private static final Object TOMBSTONE = new Object();

  private static final int MIN_CAPACITY = 16;

  /** The arrays, replaced together when the table grows. */
  private static final class Slots {
    final byte[] tags;
    final Object[] records;

    Slots(int capacity) {
      this.tags = new byte[capacity];
      this.records = new Object[capacity];
    }
  }

  private final Keys<K, R> keys;
  private volatile Slots slots = new Slots(MIN_CAPACITY);
  private volatile int size;

  /** Slots holding a record or a tombstone: at most half the capacity. */
  private int used;

  RecordTable(Keys<K, R> keys) {
    this.keys = requireNonNull(keys, "keys");
  }

  /** {@code hash} with its bits mixed into the low ones, which pick the slot. */
  private static int spread(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  /** The tag of a spread hash: its top byte, which picks no slot below 2^24 slots. */
  private static byte tag(int spread) {
    return (byte) (spread >>> 24);
  }

  /** {@return the record of {@code key}, or null} */
  @SuppressWarnings("unchecked") // only records of type R are stored
  @Nullable R get(K key) {
    int h = spread(keys.hash(key));
    byte t = tag(h);
    Slots s = slots;
    Object[] records = s.records;
    byte[] tags = s.tags;
    int mask = records.length - 1;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      Object r = SLOT.getAcquire(records, i);
      if (r == null) {
        return null;
      }
      if (r != TOMBSTONE && tags[i] == t && keys.matches(key, (R) r)) {
        return (R) r;
      }
    }
  }

  /**
   * Maps {@code key} to {@code record}, which must hold that key; the caller serializes writes.
   *
   * @return the record {@code key} had before, or null
   */
  // only records of type R are stored; writes (and so updates of size) are serialized by the caller
  @SuppressWarnings({"unchecked", "NonAtomicVolatileUpdate"})
  @Nullable R put(K key, R record) {
    requireNonNull(record, "record");
    int h = spread(keys.hash(key));
    byte t = tag(h);
    Slots s = slots;
    Object[] records = s.records;
    int mask = records.length - 1;
    int free = -1;
    int i = h & mask;
    for (; ; i = (i + 1) & mask) {
      Object r = records[i];
      if (r == null) {
        break;
      }
      if (r == TOMBSTONE) {
        if (free < 0) {
          free = i;
        }
      } else if (s.tags[i] == t && keys.matches(key, (R) r)) {
        SLOT.setRelease(records, i, record);
        return (R) r;
      }
    }
    if (free < 0) {
      if (2 * (used + 1) > records.length) {
        grow(size + 1);
        return put(key, record);
      }
      used++;
      free = i;
    }
    s.tags[free] = t;
    SLOT.setRelease(records, free, record);
    size++;
    return null;
  }

  /**
   * Removes {@code key}'s mapping if it is {@code record} (the same instance); the caller
   * serializes writes.
   *
   * @return whether it was removed
   */
  boolean remove(K key, R record) {
    return removeIf(key, record) != null;
  }

  /**
   * Removes {@code key}'s mapping; the caller serializes writes.
   *
   * @return the record removed, or null if there was none
   */
  @Nullable R remove(K key) {
    return removeIf(key, null);
  }

  // Identity is the point: remove(key, record) removes that very record. Writes (and so updates of
  // size) are serialized by the caller.
  @SuppressWarnings({"unchecked", "ReferenceEquality", "NonAtomicVolatileUpdate"})
  private @Nullable R removeIf(K key, @Nullable R only) {
    int h = spread(keys.hash(key));
    byte t = tag(h);
    Slots s = slots;
    Object[] records = s.records;
    int mask = records.length - 1;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      Object r = records[i];
      if (r == null) {
        return null;
      }
      if (r != TOMBSTONE && s.tags[i] == t && keys.matches(key, (R) r)) {
        if (only != null && r != only) {
          return null;
        }
        SLOT.setRelease(records, i, TOMBSTONE);
        size--;
        return (R) r;
      }
    }
  }

  /**
   * Moves the records to arrays with room for twice {@code atLeast} (tombstones are dropped), then
   * publishes them.
   */
  @SuppressWarnings("unchecked") // only records of type R are stored
  private void grow(int atLeast) {
    int capacity = MIN_CAPACITY;
    while (capacity < 2 * atLeast) {
      capacity <<= 1;
    }
    Slots old = slots;
    Slots grown = new Slots(capacity);
    int mask = capacity - 1;
    int n = 0;
    for (int j = 0; j < old.records.length; j++) {
      Object r = old.records[j];
      if (r != null && r != TOMBSTONE) {
        int h = spread(keys.hash(keys.keyOf((R) r)));
        int i = h & mask;
        while (grown.records[i] != null) {
          i = (i + 1) & mask;
        }
        grown.tags[i] = tag(h);
        grown.records[i] = r;
        n++;
      }
    }
    used = n;
    slots = grown; // publishes the filled arrays
  }

  /** {@return how many records the table holds} */
  int size() {
    return size;
  }

  /**
   * {@return the records, in no particular order} Weakly consistent alongside a write, as a {@code
   * ConcurrentHashMap}'s iteration: it returns each record that stays in the table throughout once.
   */
  @Override
  public Iterator<R> iterator() {
    Object[] records = slots.records;
    return new Iterator<>() {
      private int index = -1;
      private @Nullable Object pending = advance();

      /** The next record after {@link #index}, read once (a later read could see a tombstone). */
      private @Nullable Object advance() {
        while (++index < records.length) {
          Object r = SLOT.getAcquire(records, index);
          if (r != null && r != TOMBSTONE) {
            return r;
          }
        }
        return null;
      }

      @Override
      public boolean hasNext() {
        return pending != null;
      }

      @Override
      @SuppressWarnings("unchecked") // only records of type R are stored
      public R next() {
        Object r = pending;
        if (r == null) {
          throw new NoSuchElementException();
        }
        pending = advance();
        return (R) r;
      }
    };
  }
}
