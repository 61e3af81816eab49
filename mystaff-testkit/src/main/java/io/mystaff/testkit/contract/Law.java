package io.mystaff.testkit.contract;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * One law of a contract suite: a name in {@code operation_condition_outcome} form, the optional
 * features it needs, and the check.
 */
record Law<S, F extends Enum<F>>(String name, Set<F> requires, Check<S> check) {
  Law {
    requireNonNull(name, "name");
    requires = Set.copyOf(requires);
    requireNonNull(check, "check");
  }

  static <S, F extends Enum<F>> Law<S, F> of(String name, Check<S> check) {
    return new Law<S, F>(name, Set.<F>of(), check);
  }

  static <S, F extends Enum<F>> Law<S, F> of(String name, F requires, Check<S> check) {
    return new Law<>(name, Set.of(requires), check);
  }

  /** The body of a law; throws {@link AssertionError} (or anything else) when it is broken. */
  @FunctionalInterface
  interface Check<S> {
    void run(Trial<S> trial) throws Exception;
  }
}
