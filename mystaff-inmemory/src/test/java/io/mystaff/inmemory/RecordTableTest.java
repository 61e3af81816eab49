package io.mystaff.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link RecordTable} against a {@link HashMap} model under seeded random writes and reads, with a
 * good hash and with one that puts every key in a few slots (long probe runs, tombstones reused),
 * and lock-free readers alongside a writer.
 */
class RecordTableTest {
  /** A record holding its key, as a user record holds its id. */
  record Rec(String key, int serial) {}

  private static RecordTable<String, Rec> table(boolean collide) {
    return new RecordTable<>(
        new RecordTable.Keys<>() {
          @Override
          public int hash(String key) {
            return collide ? key.hashCode() & 3 : key.hashCode();
          }

          @Override
          public String keyOf(Rec record) {
            return record.key();
          }

          @Override
          public boolean matches(String key, Rec record) {
            return key.equals(record.key());
          }
        });
  }

  @Test
  @SuppressWarnings("ReferenceEquality") // remove(key, record) removes that very instance only
  void behavesAsAHashMap_underSeededRandomOperations() {
    for (boolean collide : new boolean[] {false, true}) {
      long seed = collide ? 0x13_7AB1L : 0x13_7AB0L;
      Random r = new Random(seed);
      RecordTable<String, Rec> table = table(collide);
      Map<String, Rec> model = new HashMap<>();
      int keySpace = collide ? 40 : 400;
      for (int step = 0; step < 40_000; step++) {
        String key = "k" + r.nextInt(keySpace);
        String why = "seed " + seed + ", step " + step + ", key " + key;
        switch (r.nextInt(5)) {
          case 0, 1 -> {
            Rec rec = new Rec(key, step);
            assertThat(table.put(key, rec)).as(why).isEqualTo(model.put(key, rec));
          }
          case 2 -> assertThat(table.remove(key)).as(why).isEqualTo(model.remove(key));
          case 3 -> {
            // removes only the very record given
            Rec current = model.get(key);
            Rec given = current != null && r.nextBoolean() ? current : new Rec(key, -1);
            boolean removed = table.remove(key, given);
            assertThat(removed).as(why).isEqualTo(given == current);
            if (removed) {
              model.remove(key);
            }
          }
          default -> assertThat(table.get(key)).as(why).isEqualTo(model.get(key));
        }
        assertThat(table.size()).as(why).isEqualTo(model.size());
        if (step % 997 == 0) {
          for (int k = 0; k < keySpace; k++) {
            assertThat(table.get("k" + k)).as(why).isEqualTo(model.get("k" + k));
          }
          List<Rec> all = new ArrayList<>();
          table.forEach(all::add);
          assertThat(all).as(why).containsExactlyInAnyOrderElementsOf(model.values());
        }
      }
    }
  }

  @Test
  void growsAndKeepsEveryRecord_throughRemovals() {
    RecordTable<String, Rec> table = table(false);
    int n = 100_000;
    for (int i = 0; i < n; i++) {
      table.put("k" + i, new Rec("k" + i, i));
    }
    assertThat(table.size()).isEqualTo(n);
    for (int i = 0; i < n; i++) {
      assertThat(table.get("k" + i)).isEqualTo(new Rec("k" + i, i));
    }
    assertThat(table.get("absent")).isNull();
    for (int i = 0; i < n; i += 2) {
      assertThat(table.remove("k" + i)).isNotNull();
    }
    assertThat(table.size()).isEqualTo(n / 2);
    for (int i = 0; i < n; i++) {
      assertThat(table.get("k" + i)).isEqualTo(i % 2 == 0 ? null : new Rec("k" + i, i));
    }
  }

  /**
   * Readers without a lock always find the records that stay in the table, and never a record of
   * another key, while a writer churns other keys through the same slots (collisions, tombstones,
   * growth).
   */
  @Test
  void lockFreeReaders_alwaysFindTheRecordsThatStay() throws Exception {
    long seed = 0x13_7AB2L;
    for (boolean collide : new boolean[] {false, true}) {
      RecordTable<String, Rec> table = table(collide);
      int stable = collide ? 30 : 300;
      for (int i = 0; i < stable; i++) {
        table.put("s" + i, new Rec("s" + i, i));
      }
      Set<String> churn = new HashSet<>();
      Throwable failure =
          LockFreeReaders.whileWriting(
              2,
              () -> {
                for (int i = 0; i < stable; i++) {
                  Rec rec = table.get("s" + i);
                  if (rec == null || rec.serial() != i || !rec.key().equals("s" + i)) {
                    throw new AssertionError("s" + i + " read as " + rec);
                  }
                }
                Rec churned = table.get("c7");
                if (churned != null && !churned.key().equals("c7")) {
                  throw new AssertionError("c7 read as " + churned);
                }
                Set<String> seen = new HashSet<>();
                for (Rec rec : table) {
                  seen.add(rec.key());
                }
                for (int i = 0; i < stable; i++) {
                  if (!seen.contains("s" + i)) {
                    throw new AssertionError("iteration missed s" + i);
                  }
                }
              },
              failed -> {
                Random r = new Random(seed);
                for (int step = 0; step < 200_000 && !failed.getAsBoolean(); step++) {
                  String key = "c" + r.nextInt(collide ? 20 : 2_000);
                  if (churn.add(key)) {
                    table.put(key, new Rec(key, step));
                  } else {
                    table.remove(key);
                    churn.remove(key);
                  }
                }
              });
      assertThat(failure).as("seed %d, collide %s", seed, collide).isNull();
      assertThat(table.size()).isEqualTo(stable + churn.size());
    }
  }
}
