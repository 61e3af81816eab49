package io.mystaff.tests.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.core.audit.AuditJson;
import io.mystaff.core.membership.MembershipRule;
import io.mystaff.core.phone.PhoneNumberParser;

/**
 * Jazzer fuzz targets for the three parsers of untrusted text. Each either returns a value or
 * throws {@link InvalidInputException}; anything else (or a broken round trip) is a finding.
 *
 * <p>In a normal build ({@code mvn verify}) Jazzer runs in regression mode: each target runs once
 * per file of its seed corpus under {@code src/test/resources/io/mystaff/tests/reliability/
 * ParserFuzzTestInputs/<target>/} (and once on empty input), which takes well under a second.
 * To fuzz one target, with coverage of mystaff's own classes:
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
  private static final AuditJson JSON = AuditJson.standard();

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
    assertThat(INTERNATIONAL.parse(number.e164())).as("E.164 re-parses to itself")
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
    assertThat(MembershipRule.parse(rule.expression().canonicalText())).as("canonical text re-parses")
        .isEqualTo(rule);
  }

  @FuzzTest(maxDuration = "1m")
  void auditJson(FuzzedDataProvider data) {
    String json = data.consumeRemainingAsString();
    AuditEvent event;
    try {
      event = JSON.read(json);
    } catch (InvalidInputException rejected) {
      return;
    }
    assertThat(JSON.read(JSON.write(event))).as("write then read").isEqualTo(event);
  }
}
