package io.mystaff.testkit.contract;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.CapabilityNotSupportedException;
import io.mystaff.testkit.random.Seeds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.TestAbortedException;

/**
 * The common half of every contract suite builder (Guava testlib's {@code
 * FeatureSpecificTestSuiteBuilder}, with JUnit 5 dynamic tests): the vendor names the suite, states
 * which optional features its provider has or lacks, may suppress a law with a reason, and {@link
 * #build()}s one {@link DynamicContainer} to return from a {@code @TestFactory} method.
 *
 * <p><b>Features</b> have three states. {@linkplain #withFeatures Claimed}: the laws needing the
 * feature run, and a {@link CapabilityNotSupportedException} from the provider fails them (a
 * provider may claim a feature only if its laws pass). {@linkplain #withoutFeatures Declared
 * absent}: those laws are reported as skipped (aborted) without running. Neither: the laws run, and
 * a {@code CapabilityNotSupportedException} reports them as skipped, naming the feature. A law that
 * needs no optional feature fails on a {@code CapabilityNotSupportedException}. No law ever passes
 * because a feature is missing.
 *
 * <p><b>Randomness.</b> Laws that draw random tenants or inputs derive them from one seed per law:
 * from {@link #withSeed(long)} if given, else from the run's base seed ({@code -Dmystaff.seed}, see
 * {@link Seeds}) and the suite and law names. A failure message names the seed to replay.
 *
 * <p>A builder is not thread-safe; {@link #build()} may be called more than once.
 *
 * @param <B> the concrete builder, so that chained calls keep their type
 * @param <S> what the suite tests
 * @param <F> the suite's optional features
 */
public abstract class ContractSuiteBuilder<
    B extends ContractSuiteBuilder<B, S, F>, S, F extends Enum<F>> {
  private final String suite;
  private final Class<F> featureType;
  private final SubjectFactory<? extends S> factory;
  private final EnumSet<F> claimed;
  private final EnumSet<F> absent;
  private final Map<String, String> suppressed = new LinkedHashMap<>();
  private @Nullable String name;
  private OptionalLong seed = OptionalLong.empty();
  private Duration timeout = Duration.ofSeconds(10);

  ContractSuiteBuilder(String suite, Class<F> features, SubjectFactory<? extends S> factory) {
    this.suite = suite;
    this.featureType = features;
    this.factory = requireNonNull(factory, "factory");
    this.claimed = EnumSet.noneOf(features);
    this.absent = EnumSet.noneOf(features);
  }

  /** The laws of this suite, in the order they are reported. */
  abstract List<Law<S, F>> laws();

  /**
   * Names the provider under test, as shown in test reports (e.g. {@code "Acme LDAP"}).
   *
   * @throws IllegalArgumentException if blank
   */
  public final B named(String name) {
    if (requireNonNull(name, "name").isBlank()) {
      throw new IllegalArgumentException("the suite name must not be blank");
    }
    this.name = name;
    return self();
  }

  /**
   * Claims optional features: their laws must pass, and a {@link CapabilityNotSupportedException}
   * fails them.
   *
   * @throws IllegalStateException if a feature was already declared absent
   */
  @SafeVarargs
  public final B withFeatures(F... features) {
    for (F f : features) {
      if (absent.contains(f)) {
        throw new IllegalStateException(f + " was already declared absent");
      }
      claimed.add(f);
    }
    return self();
  }

  /**
   * Declares optional features absent: their laws are reported as skipped without running.
   *
   * @throws IllegalStateException if a feature was already claimed
   */
  @SafeVarargs
  public final B withoutFeatures(F... features) {
    for (F f : features) {
      if (claimed.contains(f)) {
        throw new IllegalStateException(f + " was already claimed");
      }
      absent.add(f);
    }
    return self();
  }

  /**
   * Reports the law {@code lawName} as skipped, with {@code reason} in the report, instead of
   * running it (a known deviation, documented where the provider is).
   *
   * @throws IllegalArgumentException if the suite has no such law or the reason is blank
   */
  public final B suppressing(String lawName, String reason) {
    requireNonNull(lawName, "lawName");
    if (requireNonNull(reason, "reason").isBlank()) {
      throw new IllegalArgumentException("suppressing " + lawName + " needs a reason");
    }
    if (!lawNames().contains(lawName)) {
      throw new IllegalArgumentException(
          suite + " has no law named " + lawName + "; laws: " + lawNames());
    }
    suppressed.put(lawName, reason);
    return self();
  }

  /** Fixes the seed of every random draw (default: derived from {@code -Dmystaff.seed}). */
  public final B withSeed(long seed) {
    this.seed = OptionalLong.of(seed);
    return self();
  }

  /**
   * How long a law waits for anything asynchronous (a writeback's outcome, concurrent writers)
   * before it fails; default 10 seconds.
   *
   * @throws IllegalArgumentException if not positive
   */
  public final B withTimeout(Duration timeout) {
    if (requireNonNull(timeout, "timeout").isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the timeout must be positive, was " + timeout);
    }
    this.timeout = timeout;
    return self();
  }

  /**
   * The names of this suite's laws, which are also the names of the tests {@link #build()} makes.
   */
  public final List<String> lawNames() {
    return laws().stream().map(Law::name).toList();
  }

  /**
   * One container named {@code "<suite> contract: <name>"} holding one dynamic test per law.
   *
   * @throws IllegalStateException if {@link #named} was not called
   */
  public final DynamicContainer build() {
    if (name == null) {
      throw new IllegalStateException(
          "call named(...) before build(), so reports say which provider failed");
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Law<S, F> law : laws()) {
      tests.add(DynamicTest.dynamicTest(law.name(), () -> run(law)));
    }
    return DynamicContainer.dynamicContainer(suite + " contract: " + name, tests);
  }

  private void run(Law<S, F> law) throws Exception {
    String reason = suppressed.get(law.name());
    if (reason != null) {
      Assumptions.abort("suppressed: " + reason);
    }
    Set<F> missing = EnumSet.noneOf(featureType);
    law.requires().stream().filter(absent::contains).forEach(missing::add);
    if (!missing.isEmpty()) {
      Assumptions.abort("the provider is declared without " + missing);
    }
    long lawSeed = seed.orElseGet(() -> Seeds.forTest(suite + "/" + name + "/" + law.name()));
    try (Trial<S> trial = new Trial<>(factory, lawSeed, timeout, claimed, absent)) {
      law.check().run(trial);
    } catch (CapabilityNotSupportedException e) {
      if (law.requires().isEmpty()) {
        throw new AssertionError(
            law.name()
                + ": the provider does not support '"
                + e.capability()
                + "', which every "
                + suite
                + " must support",
            e);
      }
      Set<F> claimedHere = EnumSet.noneOf(featureType);
      law.requires().stream().filter(claimed::contains).forEach(claimedHere::add);
      if (!claimedHere.isEmpty()) {
        throw new AssertionError(
            law.name()
                + ": the provider claims "
                + claimedHere
                + " but does not support '"
                + e.capability()
                + "'",
            e);
      }
      Assumptions.abort(
          "the provider does not support " + law.requires() + " ('" + e.capability() + "')");
    } catch (TestAbortedException e) {
      throw e;
    } catch (AssertionError | Exception e) {
      throw new AssertionError(
          law.name()
              + " is broken by "
              + name
              + " ("
              + replayHint(lawSeed)
              + "): "
              + e.getMessage(),
          e);
    }
  }

  private String replayHint(long lawSeed) {
    return seed.isPresent()
        ? "seed " + lawSeed + ", set with withSeed"
        : "replay with " + Seeds.replayFlag(Seeds.base());
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }
}
