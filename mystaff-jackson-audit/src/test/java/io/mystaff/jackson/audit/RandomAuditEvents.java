package io.mystaff.jackson.audit;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditInitiator;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.audit.AuditTarget;
import io.mystaff.api.audit.ModifiedProperty;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Seeded generator of arbitrary {@link AuditEvent}s: strings mix ASCII, quotes, backslashes,
 * control characters, line separators, astral code points and lone surrogates; instants span the
 * whole {@link Instant} range; details sometimes reuse the codec's own {@code outcome} key.
 */
final class RandomAuditEvents {
  private static final String[] AWKWARD = {
    "\"",
    "\\",
    "\\\"",
    "\u0000",
    "\n",
    "\r\n",
    "\t",
    "\u001F",
    "\u007F",
    "\u2028",
    "\u2029",
    "\uFEFF",
    "</script>",
    "{\"a\":1}",
    "null",
    "\uD83D\uDE00",
    "\uD800",
    "\uDFFF",
    "é",
    "中文",
    "\u200B",
    AuditJson.OUTCOME_KEY,
    "DENIED",
    " "
  };

  private final Random random;

  RandomAuditEvents(Random random) {
    this.random = random;
  }

  AuditEvent event() {
    List<AuditTarget> targets = new ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      targets.add(target());
    }
    Map<String, String> details = new LinkedHashMap<>();
    for (int i = random.nextInt(5); i > 0; i--) {
      details.put(random.nextInt(8) == 0 ? AuditJson.OUTCOME_KEY : string(), string());
    }
    return new AuditEvent(
        string(),
        instant(),
        pick(AuditActivity.values()),
        pick(AuditOutcome.values()),
        optional(),
        CorrelationId.of(token()),
        new AuditInitiator(UserId.of(token()), optional(), optional()),
        targets,
        details,
        string());
  }

  List<AuditEvent> events() {
    List<AuditEvent> events = new ArrayList<>();
    for (int i = random.nextInt(6); i > 0; i--) {
      events.add(event());
    }
    return events;
  }

  private AuditTarget target() {
    List<ModifiedProperty> properties = new ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      properties.add(ModifiedProperty.of(string(), optional(), optional()));
    }
    return new AuditTarget(string(), string(), optional(), optional(), properties);
  }

  private Instant instant() {
    long seconds =
        random.nextBoolean()
            ? random.nextLong(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond() + 1)
            : random.nextLong(0, 4_102_444_800L); // 1970 to 2100
    int nanos =
        switch (random.nextInt(4)) {
          case 0 -> 0;
          case 1 -> random.nextInt(1000) * 1_000_000;
          default -> random.nextInt(1_000_000_000);
        };
    return Instant.ofEpochSecond(seconds, nanos);
  }

  private Optional<String> optional() {
    return random.nextInt(3) == 0 ? Optional.empty() : Optional.of(string());
  }

  String string() {
    StringBuilder s = new StringBuilder();
    for (int i = random.nextInt(random.nextInt(10) == 0 ? 200 : 12); i > 0; i--) {
      switch (random.nextInt(5)) {
        case 0 -> s.append(AWKWARD[random.nextInt(AWKWARD.length)]);
        case 1 -> s.append((char) random.nextInt(0x80));
        case 2 -> s.append((char) random.nextInt(0x10000)); // any UTF-16 unit, surrogates included
        case 3 -> s.appendCodePoint(random.nextInt(0x10000, Character.MAX_CODE_POINT + 1));
        default -> s.append((char) ('a' + random.nextInt(26)));
      }
    }
    return s.toString();
  }

  /**
   * A string the typed ids accept: 1 to 256 characters, no whitespace, control or format characters
   * (the zero-width and bidirectional controls the ids reject are format characters).
   */
  private String token() {
    StringBuilder s = new StringBuilder();
    string()
        .chars()
        .filter(
            c ->
                !Character.isWhitespace(c)
                    && !Character.isISOControl(c)
                    && Character.getType(c) != Character.FORMAT)
        .forEach(c -> s.append((char) c));
    if (s.length() == 0) {
      s.append('t');
    }
    return s.length() > 256 ? s.substring(0, 256) : s.toString();
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }
}
