package io.mystaff.testkit.random;

import java.util.Random;

/**
 * Where the randomness of a property test comes from. One base seed per run, from the system
 * property {@value #PROPERTY} when it is set and {@link #DEFAULT} otherwise, so a run is
 * reproducible by default and replayable from a failure message; per-iteration and per-test seeds
 * are derived from it with a fixed mixing function.
 *
 * <p>{@value #PROPERTY} takes a decimal or {@code 0x} hexadecimal {@code long}, or the word {@code
 * random} for a fresh seed taken from the clock (reported in every failure, like any other).
 */
public final class Seeds {
  /** The system property that sets the base seed: {@code -Dmystaff.seed=42}. */
  public static final String PROPERTY = "mystaff.seed";

  /** The base seed when {@value #PROPERTY} is not set. */
  public static final long DEFAULT = 0x6D79_5374_6166_6621L;

  private static final long GOLDEN_GAMMA = 0x9E37_79B9_7F4A_7C15L;

  private Seeds() {}

  /**
   * The base seed of this run: read from {@value #PROPERTY} once per JVM, so every test of a run
   * (and, with {@code random}, every failure message) sees the same value.
   *
   * @throws IllegalArgumentException if {@value #PROPERTY} is set to something that is neither a
   *     {@code long} nor {@code random}
   */
  public static long base() {
    return Base.SEED;
  }

  /** Parses a {@value #PROPERTY} value; null or blank means {@link #DEFAULT}. */
  static long parse(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT;
    }
    String v = value.trim();
    if (v.equalsIgnoreCase("random")) {
      return mix(System.nanoTime() ^ System.currentTimeMillis());
    }
    try {
      return v.startsWith("0x") || v.startsWith("0X")
          ? Long.parseUnsignedLong(v.substring(2), 16)
          : Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "-D" + PROPERTY + " must be a long (decimal or 0x hex) or 'random', was '" + value + "'",
          e);
    }
  }

  /** The base seed of this run, decorrelated for one named test so tests do not share worlds. */
  public static long forTest(String name) {
    return derive(base(), name.hashCode());
  }

  /** A seed derived from {@code seed} for stream number {@code index}; a pure function. */
  public static long derive(long seed, long index) {
    return mix(seed + GOLDEN_GAMMA * (index + 1));
  }

  /** A {@link Random} seeded with {@code seed}. */
  public static Random random(long seed) {
    return new Random(seed);
  }

  /** The command-line flag that replays a run with this base seed (see {@link #base()}). */
  public static String replayFlag(long seed) {
    return "-D" + PROPERTY + "=" + seed;
  }

  /** Holds the base seed, computed on first use. */
  private static final class Base {
    static final long SEED = parse(System.getProperty(PROPERTY));
  }

  /** Stafford's variant 13 of the MurmurHash3 finalizer, as in SplittableRandom. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
    return z ^ (z >>> 31);
  }
}
