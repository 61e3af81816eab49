package io.mystaff.tests.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.User;
import io.mystaff.core.phone.PhoneNumberParser;
import io.mystaff.membership.MembershipRule;
import io.mystaff.membership.RuleOutcome;
import java.util.List;

/**
 * Jazzer fuzz targets for two parsers of untrusted text (the audit JSON codec's is {@code
 * AuditJsonFuzzTest} in mystaff-jackson), and for the bounded evaluation of membership rules. Each
 * parser either returns a value or throws {@link InvalidInputException}; anything else (or a broken
 * round trip) is a finding.
 *
 * <p>In a normal build ({@code mvn verify}) Jazzer runs in regression mode: each target runs once
 * per file of its seed corpus under {@code src/test/resources/io/mystaff/tests/reliability/
 * ParserFuzzTestInputs/<target>/} (and once on empty input), which takes well under a second. To
 * fuzz one target, with coverage of mystaff's own classes:
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -o -pl mystaff-tests test -Dtest=ParserFuzzTest#membershipRule \
 *     -Djazzer.instrument='io.mystaff.core.**,io.mystaff.api.**'
 * </pre>
 *
 * {@code @FuzzTest(maxDuration)} bounds each target; findings land in the inputs directory as new
 * regression cases (the instrumentation is not set for the normal build, where it would only slow
 * the other tests sharing the JVM).
 */
class ParserFuzzTest {
  private static final PhoneNumberParser INTERNATIONAL = PhoneNumberParser.international();
  private static final PhoneNumberParser US = PhoneNumberParser.withDefaultRegion("US");

  @FuzzTest(maxDuration = "1m")
  void phoneNumber(FuzzedDataProvider data) {
    PhoneNumberParser parser = data.consumeBoolean() ? INTERNATIONAL : US;
    String raw = data.consumeRemainingAsString();
    PhoneNumber number;
    try {
      number = parser.parse(raw);
    } catch (InvalidInputException rejected) {
      return;
    }
    assertThat(INTERNATIONAL.parse(number.e164()))
        .as("E.164 re-parses to itself")
        .isEqualTo(new PhoneNumber(number.e164(), java.util.Optional.empty()));
  }

  @FuzzTest(maxDuration = "1m")
  void membershipRule(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    MembershipRule rule;
    try {
      rule = MembershipRule.parse(text);
    } catch (InvalidInputException rejected) {
      return;
    }
    assertThat(MembershipRule.parse(rule.expression().canonicalText()))
        .as("canonical text re-parses")
        .isEqualTo(rule);
  }

  /** Values of at most 256 characters that the rule under test is evaluated on. */
  private static final List<String> VALUES =
      List.of(
          "",
          "a",
          "Sales",
          "a".repeat(256),
          "ab".repeat(128),
          "a".repeat(255) + "b",
          "z".repeat(256),
          "\u00e9".repeat(256),
          "x\n".repeat(128),
          "_1 aB.".repeat(42));

  private static final List<String> PROPERTIES =
      List.of(
          "department", "city", "jobTitle", "mail", "country", "employeeId", "extensionAttribute1");

  /**
   * The step budget holds for any rule of at most 3,072 characters on any value of at most 256
   * characters: evaluation terminates (Jazzer reports an input that hangs) with MATCH, NO_MATCH or
   * UNDECIDED, never an exception (only parsing may throw, and only {@link InvalidInputException});
   * {@code matches} is exactly "evaluates to MATCH", and {@code -not} swaps MATCH and NO_MATCH and
   * keeps UNDECIDED (Kleene's logic), so an undecided comparison never decides a rule.
   */
  @FuzzTest(maxDuration = "1m")
  void membershipRuleEvaluation(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    MembershipRule rule;
    try {
      rule = MembershipRule.parse(text);
    } catch (InvalidInputException rejected) {
      return;
    }
    List<String> values = new java.util.ArrayList<>(VALUES);
    values.add(text.length() > 256 ? text.substring(0, 256) : text);
    java.util.Optional<MembershipRule> negated =
        text.length() + 8 <= MembershipRule.MAX_LENGTH
            ? optionalParse("-not (" + text + ")")
            : java.util.Optional.empty();
    for (String value : values) {
      User user;
      try {
        User.Builder builder =
            User.builder()
                .id(io.mystaff.api.UserId.of("fuzz"))
                .userPrincipalName("fuzz@contoso.com")
                .displayName("Fuzz");
        for (String property : PROPERTIES) {
          builder.attribute(property, value);
        }
        user = builder.build();
      } catch (InvalidInputException notAUser) {
        continue; // a value no directory holds
      }
      RuleOutcome outcome = rule.evaluate(user);
      assertThat(outcome).as("outcome").isNotNull();
      assertThat(rule.matches(user)).as("matches").isEqualTo(outcome == RuleOutcome.MATCH);
      if (negated.isPresent()) {
        RuleOutcome opposite = negated.get().evaluate(user);
        assertThat(opposite)
            .as("-not")
            .isEqualTo(
                outcome == RuleOutcome.MATCH
                    ? RuleOutcome.NO_MATCH
                    : outcome == RuleOutcome.NO_MATCH ? RuleOutcome.MATCH : RuleOutcome.UNDECIDED);
      }
    }
  }

  private static java.util.Optional<MembershipRule> optionalParse(String text) {
    try {
      return java.util.Optional.of(MembershipRule.parse(text));
    } catch (InvalidInputException e) {
      return java.util.Optional.empty(); // e.g. the added -not nests one level too deep
    }
  }
}
