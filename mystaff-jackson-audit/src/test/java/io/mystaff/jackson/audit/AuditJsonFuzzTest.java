package io.mystaff.jackson.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.audit.AuditEvent;

/**
 * Jazzer fuzz target for {@link AuditJson#read}: any text either reads as an event that survives
 * the round trip, or is rejected with {@link InvalidInputException}; anything else is a finding.
 *
 * <p>In a normal build ({@code mvn verify}) Jazzer runs in regression mode over the seed corpus
 * under {@code src/test/resources/io/mystaff/jackson/audit/AuditJsonFuzzTestInputs/auditJson/}. To
 * fuzz:
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -o -pl mystaff-jackson test -Dtest=AuditJsonFuzzTest \
 *     -Djazzer.instrument='io.mystaff.jackson.**,io.mystaff.api.**'
 * </pre>
 */
class AuditJsonFuzzTest {
  private static final AuditJson JSON = AuditJson.standard();

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
