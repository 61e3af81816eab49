package io.mystaff.testkit.random;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A property did not hold for one generated case. The message names the property's seed and the
 * case's iteration seed, and says how to replay: the whole run with the run's {@link Seeds#base()
 * base seed}, from which tests derive theirs, or this one case with {@link Property#replay}.
 */
public final class PropertyFailure extends AssertionError {
  private static final long serialVersionUID = 1L;

  private final long seed;
  private final int iteration;
  private final long iterationSeed;

  PropertyFailure(
      long seed,
      int iteration,
      int iterations,
      long iterationSeed,
      @Nullable Object value,
      Throwable cause) {
    super(message(seed, iteration, iterations, iterationSeed, value, cause), cause);
    this.seed = seed;
    this.iteration = iteration;
    this.iterationSeed = iterationSeed;
  }

  /** The base seed of the run. */
  public long seed() {
    return seed;
  }

  /** The failing iteration, from 0. */
  public int iteration() {
    return iteration;
  }

  /** The seed that generated the failing case; {@link Property#replay} takes it. */
  public long iterationSeed() {
    return iterationSeed;
  }

  private static String message(
      long seed,
      int iteration,
      int iterations,
      long iterationSeed,
      @Nullable Object value,
      Throwable cause) {
    String prefix =
        iterations < 0 ? "replayed case" : "iteration " + iteration + " of " + iterations;
    return "Property failed at "
        + prefix
        + ", seed "
        + seed
        + " (iteration seed "
        + iterationSeed
        + "L)"
        + "\n  replay the run:  "
        + Seeds.replayFlag(Seeds.base())
        + " (the run's base seed)"
        + "\n  replay the case: Property.replay("
        + iterationSeed
        + "L, generator, check)"
        + "\n  case: "
        + Objects.toString(value)
        + "\n  "
        + cause;
  }
}
