package io.mystaff.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The README's PostgreSQL demo command: the same story, with the organization, outbox, audit log
 * and writeback journal in embedded PostgreSQL, tells every step and the same audit trail.
 */
class RetailDemoOnPostgresTest {
  @Test
  void demoOnEmbeddedPostgres_sameStoryAndTrailAsInMemory() {
    String onPostgres = run(Optional.of("embedded"));
    String inMemory = run(Optional.empty());
    assertThat(onPostgres)
        .contains("are in embedded PostgreSQL")
        .containsSubsequence(
            "1. Sam Okafor, manager of one store, signs in",
            "3. Members of Seattle Store",
            "6. Reset the password of a synced user",
            "10. The audit trail (PostgresAuditSink)",
            "Demo complete.");
    assertThat(trailSummary(onPostgres)).isEqualTo(trailSummary(inMemory));
  }

  private static String run(Optional<String> postgres) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      RetailDemo.run(out, Optional.empty(), postgres);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** The demo's closing line about the trail: how many events, all from My Staff, no secrets. */
  private static String trailSummary(String output) {
    return output.lines().filter(l -> l.contains("events say origin=")).findFirst().orElse("");
  }
}
