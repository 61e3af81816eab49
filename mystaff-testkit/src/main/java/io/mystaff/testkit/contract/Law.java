package io.mystaff.testkit.contract;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * One law of a contract suite: a name in {@code operation_condition_outcome} form, the optional
 * features it needs, what it checks in one sentence (for the generated law table, {@code
 * docs/contract-laws.md}), and the check.
 */
record Law<S, F extends Enum<F>>(String name, Set<F> requires, String checks, Check<S> check) {
  Law {
    requireNonNull(name, "name");
    requires = Set.copyOf(requires);
    requireNonNull(checks, "checks");
    requireNonNull(check, "check");
  }

  static <S, F extends Enum<F>> Law<S, F> of(String name, Check<S> check) {
    return new Law<S, F>(name, Set.<F>of(), spelledOut(name), check);
  }

  static <S, F extends Enum<F>> Law<S, F> of(String name, F requires, Check<S> check) {
    return new Law<>(name, Set.of(requires), spelledOut(name), check);
  }

  /**
   * This law, described by {@code sentence} in the law table instead of by its spelled-out name.
   */
  Law<S, F> checking(String sentence) {
    return new Law<>(name, requires, sentence, check);
  }

  /**
   * {@code members_everyPageSize_allMembersInDirectoryOrderOnce} as {@code "members, every page
   * size: all members in directory order once"}.
   */
  static String spelledOut(String name) {
    String[] parts = name.split("_", 3);
    StringBuilder out = new StringBuilder(parts[0]);
    if (parts.length == 3) {
      out.append(", ").append(words(parts[1])).append(": ").append(words(parts[2]));
    } else if (parts.length == 2) {
      out.append(": ").append(words(parts[1]));
    }
    return out.toString();
  }

  private static String words(String camel) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        out.append(' ').append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The body of a law; throws {@link AssertionError} (or anything else) when it is broken. */
  @FunctionalInterface
  interface Check<S> {
    void run(Trial<S> trial) throws Exception;
  }
}
