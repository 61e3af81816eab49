package io.mystaff.benchmarks;

import io.mystaff.api.UserId;
import io.mystaff.api.directory.User;
import io.mystaff.membership.MembershipRule;
import io.mystaff.membership.RuleOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Worst cases of dynamic membership rules: one evaluation of a rule of at most 3,072 characters on
 * a user whose values have 256 characters, for rules built to be slow (patterns that make a
 * backtracking matcher take exponential time, groups that repeat the empty string, rules whose
 * evaluation spends the whole step budget). The promise under test: every evaluation decides, or
 * gives up as undecided, within about 10 ms.
 *
 * <p>Run: {@code java -jar mystaff-benchmarks/target/benchmarks.jar MembershipRuleBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MembershipRuleBenchmark {

  /** The rule and the value it is evaluated on. */
  public enum Case {
    /** {@code (a*)*b} on 256 a's: exponential for a backtracking matcher. */
    NESTED_STAR("user.department -match \"(a*)*b\"", "a".repeat(256)),
    /** {@code (|a)*z}: a loop whose body can match the empty string. */
    EMPTY_ALTERNATIVE_LOOP("user.department -match \"(|a)*z\"", "a".repeat(256)),
    /** {@code (.*a){25}b}: 25 ways to split at every position. */
    COUNTED_BACKTRACKING("user.department -match \"(.*a){25}b\"", "a".repeat(256)),
    /** 64 nested starred groups on a value they almost match. */
    NESTED_GROUPS_64(
        "user.department -match \"" + "(".repeat(64) + "a|b" + ")*".repeat(64) + "$\"",
        "ab".repeat(127) + "cd"),
    /** About 8,000 empty repeats per character: the evaluation spends its whole budget. */
    EMPTY_REPEATS_BUDGET(
        "user.department -match \"(?:(?:)*(?:)*(?:)*(?:)*){999}z\"", "a".repeat(256)),
    /** A chain of 4,000 optional a's, all alive at every position. */
    OPTIONAL_CHAIN("user.department -match \"" + "(?:a?){1000}".repeat(4) + "z\"", "a".repeat(256)),
    /** 3,033 characters of -match comparisons sharing one budget. */
    MANY_MATCHES_3072(manyMatches(), "a".repeat(256)),
    /** A 200-character -contains operand that almost matches at each of 57 positions. */
    LONG_CONTAINS("user.department -contains \"" + "a".repeat(199) + "b\"", "a".repeat(256));

    final String rule;
    final String value;

    Case(String rule, String value) {
      this.rule = rule;
      this.value = value;
    }
  }

  @Param public Case rule;

  private MembershipRule parsed;
  private User user;

  @Setup
  public void setUp() {
    parsed = MembershipRule.parse(rule.rule);
    user =
        User.builder()
            .id(UserId.of("u"))
            .userPrincipalName("u@contoso.com")
            .displayName("U")
            .attribute("department", rule.value)
            .build();
  }

  @Benchmark
  public RuleOutcome evaluate() {
    return parsed.evaluate(user);
  }

  private static String manyMatches() {
    String one = "user.department -match \"(?:(?:)*(?:)*){99}x\"";
    List<String> parts = new ArrayList<>();
    while (String.join(" -or ", parts).length() + one.length() + 5 <= MembershipRule.MAX_LENGTH) {
      parts.add(one);
    }
    return String.join(" -or ", parts);
  }
}
