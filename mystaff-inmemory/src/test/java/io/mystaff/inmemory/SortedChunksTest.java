package io.mystaff.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link SortedChunks} against a {@link TreeMap} model under seeded random writes and reads (each
 * failure names its seed and step), as a set of directory entries and as a map of terms, across
 * chunk splits and merges; and lock-free walks alongside a writer.
 */
class SortedChunksTest {
  private static Listed.Key key(int i) {
    // display names shared by many keys, so the id breaks ties as in the directory
    return new Listed.Key("Name " + (i % 37), String.format("id%05d", i));
  }

  private static <V> List<V> drain(Iterator<V> walk) {
    List<V> out = new ArrayList<>();
    walk.forEachRemaining(out::add);
    return out;
  }

  @Test
  void setBehavesAsATreeMap_underSeededRandomOperations() {
    for (long seed : new long[] {0x5C_0001L, 0x5C_0002L, 0x5C_0003L}) {
      Random r = new Random(seed);
      SortedChunks<Listed, Listed.Key> set = SortedChunks.setOf(Listed.ORDER);
      TreeMap<Listed, Listed.Key> model = new TreeMap<>(Listed.ORDER);
      int keySpace = 200 + r.nextInt(3_000);
      if (r.nextBoolean()) {
        // start from a bulk fill, as the builder does
        for (int i = 0; i < keySpace; i += 1 + r.nextInt(3)) {
          model.put(key(i), key(i));
        }
        set.addAllInOrder(new ArrayList<>(model.values()));
      }
      for (int step = 0; step < 30_000; step++) {
        Listed.Key k = key(r.nextInt(keySpace));
        String why = "seed 0x" + Long.toHexString(seed) + ", step " + step + ", key " + k;
        // phases that grow and shrink the set, so chunks split and merge
        boolean growing = (step / 5_000) % 2 == 0;
        switch (r.nextInt(6)) {
          case 0, 1 -> {
            if (growing) {
              assertThat(set.add(k)).as(why).isEqualTo(model.putIfAbsent(k, k));
            } else {
              assertThat(set.remove(k)).as(why).isEqualTo(model.remove(k));
            }
          }
          case 2 -> assertThat(set.remove(k)).as(why).isEqualTo(model.remove(k));
          case 3 -> assertThat(set.get(k)).as(why).isEqualTo(model.get(k));
          case 4 -> {
            boolean inclusive = r.nextBoolean();
            Listed probe =
                r.nextBoolean() ? k : new Listed.Key("Name " + r.nextInt(40), "id" + r.nextInt(9));
            List<Listed.Key> tail = drain(set.walk(probe, inclusive));
            assertThat(tail)
                .as(why + ", walk from " + probe + (inclusive ? " inclusive" : ""))
                .containsExactlyElementsOf(model.tailMap(probe, inclusive).values());
          }
          default -> assertThat(set.add(k) == null).as(why).isEqualTo(model.put(k, k) == null);
        }
        assertThat(set.size()).as(why).isEqualTo(model.size());
        if (step % 1_009 == 0) {
          assertThat(drain(set.walk())).as(why).containsExactlyElementsOf(model.values());
        }
      }
      assertThat(drain(set.walk())).containsExactlyElementsOf(model.values());
    }
  }

  @Test
  void mapBehavesAsATreeMap_underSeededRandomOperations() {
    Comparator<String> order = String.CASE_INSENSITIVE_ORDER;
    for (long seed : new long[] {0x5C_0011L, 0x5C_0012L}) {
      Random r = new Random(seed);
      SortedChunks<String, Integer> map = SortedChunks.mapOf(order);
      TreeMap<String, Integer> model = new TreeMap<>(order);
      int keySpace = 2_000;
      if (seed % 2 == 0) {
        for (int i = 0; i < keySpace; i += 2) {
          model.put("term" + i, i);
        }
        map.putAllInOrder(model);
      }
      for (int step = 0; step < 30_000; step++) {
        // keys equal ignoring case map to one entry, as terms do
        String k = (r.nextBoolean() ? "term" : "TERM") + r.nextInt(keySpace);
        int v = r.nextInt(1_000);
        String why = "seed 0x" + Long.toHexString(seed) + ", step " + step + ", key " + k;
        switch (r.nextInt(6)) {
          case 0 -> assertThat(map.put(k, v)).as(why).isEqualTo(model.put(k, v));
          case 1 -> assertThat(map.putIfAbsent(k, v)).as(why).isEqualTo(model.putIfAbsent(k, v));
          case 2 -> assertThat(map.remove(k)).as(why).isEqualTo(model.remove(k));
          case 3 -> assertThat(map.get(k)).as(why).isEqualTo(model.get(k));
          case 4 -> {
            boolean inclusive = r.nextBoolean();
            SortedChunks.Walk<String, Integer> walk = map.walk(k, inclusive);
            List<Map.Entry<String, Integer>> tail = new ArrayList<>();
            while (walk.hasNext()) {
              Integer value = walk.next();
              tail.add(Map.entry(walk.key(), value));
            }
            assertThat(tail)
                .as(why + (inclusive ? " inclusive" : ""))
                .containsExactlyElementsOf(
                    model.tailMap(k, inclusive).entrySet().stream()
                        .map(e -> Map.entry(e.getKey(), e.getValue()))
                        .toList());
          }
          default -> {
            if (r.nextInt(4) == 0) {
              assertThat(map.remove(k)).as(why).isEqualTo(model.remove(k));
            } else {
              assertThat(map.put(k, v)).as(why).isEqualTo(model.put(k, v));
            }
          }
        }
        assertThat(map.size()).as(why).isEqualTo(model.size());
        assertThat(map.isEmpty()).as(why).isEqualTo(model.isEmpty());
      }
      assertThat(drain(map.walk())).containsExactlyElementsOf(model.values());
    }
  }

  @Test
  void emptiedAndRefilled_walksAndSeeksAsEmpty() {
    SortedChunks<Listed, Listed.Key> set = SortedChunks.setOf(Listed.ORDER);
    assertThat(set.walk().hasNext()).isFalse();
    assertThat(set.walk(key(3), true).hasNext()).isFalse();
    assertThat(set.get(key(3))).isNull();
    assertThat(set.remove(key(3))).isNull();
    for (int i = 0; i < 1_000; i++) {
      set.add(key(i));
    }
    for (int i = 0; i < 1_000; i++) {
      assertThat(set.remove(key(i))).isEqualTo(key(i));
    }
    assertThat(set.isEmpty()).isTrue();
    assertThat(set.walk().hasNext()).isFalse();
    assertThat(set.add(key(7))).isNull();
    assertThat(drain(set.walk())).containsExactly(key(7));
    Iterator<Listed.Key> walk = set.walk(key(7), false);
    assertThat(walk.hasNext()).isFalse();
    assertThatThrownBy(walk::next).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void theWrongShape_isRefused() {
    SortedChunks<Listed, Listed.Key> set = SortedChunks.setOf(Listed.ORDER);
    SortedChunks<String, Integer> map = SortedChunks.mapOf(String.CASE_INSENSITIVE_ORDER);
    assertThatThrownBy(() -> set.putAllInOrder(new TreeMap<>(Listed.ORDER)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> set.put(key(1), key(1)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map.addAllInOrder(List.of()))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map.add(1)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(set.isEmpty()).isTrue();
    assertThat(map.isEmpty()).isTrue();
    assertThatThrownBy(() -> map.walk().key()).isInstanceOf(IllegalStateException.class);
  }

  /**
   * Walks without a lock always return the entries that stay in the set, once each and in order,
   * while a writer adds and removes others around them (splitting and merging their chunks).
   */
  @Test
  void lockFreeWalks_returnTheEntriesThatStay_onceAndInOrder() throws Exception {
    long seed = 0x5C_0021L;
    SortedChunks<Listed, Listed.Key> set = SortedChunks.setOf(Listed.ORDER);
    List<Listed.Key> stable = new ArrayList<>();
    for (int i = 0; i < 20_000; i += 10) {
      stable.add(key(i));
      set.add(key(i));
    }
    Throwable failure =
        LockFreeReaders.whileWriting(
            2,
            () -> {
              Listed previous = null;
              int seen = 0;
              for (Iterator<Listed.Key> walk = set.walk(); walk.hasNext(); ) {
                Listed.Key k = walk.next();
                if (previous != null && Listed.ORDER.compare(previous, k) >= 0) {
                  throw new AssertionError(k + " after " + previous);
                }
                previous = k;
                if (Integer.parseInt(k.sortId().substring(2)) % 10 == 0) {
                  seen++;
                }
              }
              if (seen != stable.size()) {
                throw new AssertionError("saw " + seen + " of " + stable.size());
              }
              Listed.Key probe = stable.get(seen % 97 * 7);
              if (set.get(probe) == null) {
                throw new AssertionError("lost " + probe);
              }
            },
            failed -> {
              Random r = new Random(seed);
              for (int step = 0; step < 200_000 && !failed.getAsBoolean(); step++) {
                int i = r.nextInt(20_000);
                if (i % 10 == 0) {
                  continue;
                }
                if (r.nextBoolean()) {
                  set.add(key(i));
                } else {
                  set.remove(key(i));
                }
              }
            });
    assertThat(failure).as("seed 0x" + Long.toHexString(seed)).isNull();
  }
}
