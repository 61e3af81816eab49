package io.mystaff.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.junit.jupiter.api.Test;

/**
 * {@link SortedRun} against a {@link TreeMap} of the same entries: the skip list built from it, and
 * its views, first and last keys, at random bounds.
 *
 * <p>Seeded: replay with {@code -Dmystaff.seed=<seed>}; every failure names the seed and round.
 */
class SortedRunTest {
  private static final long SEED = Long.getLong("mystaff.seed", 0x50_12_7EL);

  @Test
  void sortedRun_randomEntries_actsAsATreeMapOfThem() {
    Random random = new Random(SEED);
    for (int round = 0; round < 200; round++) {
      String context = "seed " + SEED + " (-Dmystaff.seed=" + SEED + "), round " + round;
      TreeMap<Listed, Listed> tree = new TreeMap<>(Listed.ORDER);
      for (int i = random.nextInt(40); i > 0; i--) {
        Listed key = key(random);
        tree.putIfAbsent(key, key); // a key equal in order keeps the first instance
      }
      Listed[] sorted = tree.keySet().toArray(new Listed[0]);
      SortedRun<Listed> run = new SortedRun<>(sorted);
      assertThat(new ConcurrentSkipListMap<>(run)).as(context).isEqualTo(tree);
      assertThat(new ArrayList<>(new ConcurrentSkipListMap<>(run).keySet()))
          .as(context)
          .containsExactlyElementsOf(tree.keySet());
      assertThat(run).as(context).isEqualTo(tree).hasSize(tree.size());
      Listed a = key(random);
      Listed b = key(random);
      Listed low = Listed.ORDER.compare(a, b) <= 0 ? a : b;
      Listed high = low == a ? b : a;
      assertThat(List.copyOf(run.headMap(a).keySet()))
          .as(context)
          .isEqualTo(List.copyOf(tree.headMap(a).keySet()));
      assertThat(List.copyOf(run.tailMap(a).keySet()))
          .as(context)
          .isEqualTo(List.copyOf(tree.tailMap(a).keySet()));
      assertThat(List.copyOf(run.subMap(low, high).keySet()))
          .as(context)
          .isEqualTo(List.copyOf(tree.subMap(low, high).keySet()));
      if (tree.isEmpty()) {
        assertThatThrownBy(run::firstKey).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(run::lastKey).isInstanceOf(NoSuchElementException.class);
      } else {
        assertThat(run.firstKey()).as(context).isEqualTo(tree.firstKey());
        assertThat(run.lastKey()).as(context).isEqualTo(tree.lastKey());
      }
    }
  }

  private static Listed key(Random random) {
    String[] names = {"Anna", "anna", "Ben", "b", "Zoë", "\u212Aelvin", "kelvin"};
    return new Listed.Key(names[random.nextInt(names.length)], "u" + random.nextInt(5));
  }
}
