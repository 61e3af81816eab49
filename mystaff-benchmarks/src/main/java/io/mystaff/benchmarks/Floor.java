package io.mystaff.benchmarks;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * The floor of a benchmark table: the cheapest reads of the same data on the same heap, in the same
 * run, so every other figure in the table reads as a multiple of them. It holds {@code n} values
 * (one per user of the workload) in an array and in a {@link HashMap} keyed by the users' ids, and
 * a fixed sequence of {@value #POOL} random positions, the size of {@link AuthorizationBenchmark}'s
 * pool of questions: like the benchmarks it sits beside, each read lands on data picked at random
 * from the whole heap.
 *
 * <ul>
 *   <li>{@link #arrayRead}: one element of the array (a load at a computed address);
 *   <li>{@link #hashMapGet}: one {@code HashMap.get} by an equal key that is not the same instance
 *       (as a key parsed from a request would be), so it hashes and compares the id's characters.
 * </ul>
 */
final class Floor {
  static final int POOL = 4096;

  private final Object[] values;
  private final Map<Object, Object> byKey;
  private final Object[] probes;
  private final int[] positions = new int[POOL];

  /**
   * @param n how many values
   * @param key the key of value {@code i}; called twice per {@code i}, and must return equal keys
   *     that are distinct instances
   */
  Floor(int n, IntFunction<Object> key) {
    values = new Object[n];
    byKey = new HashMap<>(n * 4 / 3 + 1);
    for (int i = 0; i < n; i++) {
      Object k = key.apply(i);
      values[i] = k;
      byKey.put(k, k);
    }
    Random r = new Random(n);
    probes = new Object[POOL];
    for (int p = 0; p < POOL; p++) {
      positions[p] = r.nextInt(n);
      probes[p] = key.apply(positions[p]);
    }
  }

  Object arrayRead(long op) {
    return values[positions[(int) (op & (POOL - 1))]];
  }

  Object hashMapGet(long op) {
    Object v = byKey.get(probes[(int) (op & (POOL - 1))]);
    if (v == null) {
      throw new IllegalStateException("floor key missing");
    }
    return v;
  }
}
