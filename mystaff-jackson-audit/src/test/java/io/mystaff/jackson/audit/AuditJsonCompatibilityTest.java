package io.mystaff.jackson.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditInitiator;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.audit.AuditTarget;
import io.mystaff.api.audit.ModifiedProperty;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The codec writes byte for byte what its Jackson 2 predecessor ({@code io.mystaff.core.audit},
 * until 0.1) wrote: {@code written-by-0.1-jackson2.txt} is that code's output for the event below,
 * whose strings hold what Jackson lines escape differently ({@code /}, quotes, backslash, control
 * characters, U+2028, non-ASCII letters, a surrogate pair, {@code </script>}).
 */
class AuditJsonCompatibilityTest {
  private final AuditJson json = AuditJson.standard();

  private static AuditEvent awkward() {
    return AuditEvent.builder()
        .id("4f2b/1c9e")
        .activityDateTime(Instant.parse("2024-03-15T09:30:12.345Z"))
        .activity(AuditActivity.UPDATE_PHONE)
        .outcome(AuditOutcome.SUCCEEDED)
        .resultReason("a/b \"q\" \\ \u00e9 \u2028 \u0001 \t \ud83d\ude00 </script>")
        .correlationId(CorrelationId.of("d2b6e6a0-1c7f"))
        .initiatedBy(
            new AuditInitiator(
                UserId.of("m-1"), Optional.of("manager@contoso.com"), Optional.of("203.0.113.7")))
        .target(
            new AuditTarget(
                "t-2",
                "User",
                Optional.of("Ad\u00e8le / Vance"),
                Optional.empty(),
                List.of(
                    ModifiedProperty.of("mobile", Optional.of("+1 4255550100"), Optional.empty()))))
        .additionalDetail("path", "/users/1?x=<y>&z='w'")
        .additionalDetail(AuditJson.OUTCOME_KEY, "mine")
        .build();
  }

  @Test
  void writeAndWriteAll_sameBytesAsTheJackson2Codec() throws IOException {
    String expected;
    try (InputStream in = getClass().getResourceAsStream("written-by-0.1-jackson2.txt")) {
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    AuditEvent event = awkward();
    assertThat(json.write(event) + "\n" + json.writeAll(List.of(event, event))).isEqualTo(expected);
  }

  @Test
  void read_jackson2Output_sameEvents() throws IOException {
    String written;
    try (InputStream in = getClass().getResourceAsStream("written-by-0.1-jackson2.txt")) {
      written = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String[] lines = written.split("\n", -1);
    assertThat(json.read(lines[0])).isEqualTo(awkward());
    assertThat(json.readAll(lines[1])).containsExactly(awkward(), awkward());
  }
}
