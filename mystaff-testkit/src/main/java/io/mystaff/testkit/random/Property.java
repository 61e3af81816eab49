package io.mystaff.testkit.random;

import static java.util.Objects.requireNonNull;

import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a property over seeded random cases: the check must hold for every case the generator makes.
 * Iteration {@code i} draws from {@code new Random(Seeds.derive(seed, i))}, so any failing case is
 * replayable from the base seed alone or from its own iteration seed; a failure is reported as a
 * {@link PropertyFailure} naming both.
 *
 * <pre>{@code
 * Property.forAll(Seeds.forTest("resetIsAudited"), 1_000, r -> tenants.apply(r), tenant -> {
 *   assertThat(...).isTrue();
 * });
 * }</pre>
 *
 * <p>There is no shrinking: generators should make small cases, and checks should describe the case
 * in their assertion messages.
 */
public final class Property {
  private Property() {}

  /**
   * Checks {@code check} on {@code iterations} cases, stopping at the first that fails.
   *
   * @param generator makes one case from a seeded {@link Random}; must use no other randomness
   * @param check throws (an {@link AssertionError} or any runtime exception) when the case fails
   * @throws PropertyFailure for the first failing case, with the original failure as cause
   * @throws IllegalArgumentException if {@code iterations} is negative
   */
  public static <T> void forAll(
      long seed,
      int iterations,
      Function<? super Random, ? extends T> generator,
      Consumer<? super T> check) {
    requireNonNull(generator, "generator");
    requireNonNull(check, "check");
    if (iterations < 0) {
      throw new IllegalArgumentException("iterations must not be negative, was " + iterations);
    }
    for (int i = 0; i < iterations; i++) {
      long iterationSeed = Seeds.derive(seed, i);
      run(seed, i, iterations, iterationSeed, generator, check);
    }
  }

  /**
   * Checks the single case generated from {@code iterationSeed}, as reported by {@link
   * PropertyFailure#iterationSeed()}.
   *
   * @throws PropertyFailure if the case fails
   */
  public static <T> void replay(
      long iterationSeed,
      Function<? super Random, ? extends T> generator,
      Consumer<? super T> check) {
    run(
        iterationSeed,
        0,
        -1,
        iterationSeed,
        requireNonNull(generator, "generator"),
        requireNonNull(check, "check"));
  }

  private static <T> void run(
      long seed,
      int i,
      int iterations,
      long iterationSeed,
      Function<? super Random, ? extends T> generator,
      Consumer<? super T> check) {
    T value = null;
    try {
      value = generator.apply(Seeds.random(iterationSeed));
      check.accept(value);
    } catch (AssertionError | RuntimeException e) {
      throw new PropertyFailure(seed, i, iterations, iterationSeed, value, e);
    }
  }
}
