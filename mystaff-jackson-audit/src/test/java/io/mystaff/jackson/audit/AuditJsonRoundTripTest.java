package io.mystaff.jackson.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.audit.AuditEvent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Seeded property tests of {@link AuditJson}: the round-trip laws over arbitrary events, Graph's
 * field set on every written object, and that mangled JSON only ever reads or throws the typed
 * error. Every failure names the seed; replay with {@code -Dmystaff.seed=<seed>}.
 */
class AuditJsonRoundTripTest {
  private static final Set<String> GRAPH_FIELDS =
      Set.of(
          "id",
          "category",
          "correlationId",
          "result",
          "resultReason",
          "activityDisplayName",
          "activityDateTime",
          "loggedByService",
          "operationType",
          "initiatedBy",
          "targetResources",
          "additionalDetails");

  private final AuditJson json = AuditJson.standard();
  private final ObjectMapper plain = new ObjectMapper();

  static long seed() {
    return Long.getLong("mystaff.seed", ThreadLocalRandom.current().nextLong());
  }

  @Test
  void readWrite_randomEvents_roundTripInGraphShape() throws Exception {
    long seed = seed();
    RandomAuditEvents events = new RandomAuditEvents(new Random(seed));
    for (int i = 0; i < 3_000; i++) {
      AuditEvent event = events.event();
      String written = json.write(event);

      assertThat(replayable(seed, i, () -> json.read(written)))
          .as("seed=%d case=%d", seed, i)
          .isEqualTo(event);
      JsonNode tree = plain.readTree(written);
      assertThat(fieldNames(tree))
          .as("seed=%d case=%d", seed, i)
          .isEqualTo(new TreeSet<>(GRAPH_FIELDS));
      assertThat(tree.get("result").stringValue())
          .as("seed=%d case=%d", seed, i)
          .isEqualTo(event.outcome().graphResult());
      assertThat(tree.get("activityDateTime").stringValue())
          .as("seed=%d case=%d", seed, i)
          .isEqualTo(event.activityDateTime().toString())
          .endsWith("Z");
    }
  }

  @Test
  void readAllWriteAll_randomLists_roundTrip() {
    long seed = seed();
    RandomAuditEvents events = new RandomAuditEvents(new Random(seed));
    for (int i = 0; i < 500; i++) {
      List<AuditEvent> list = events.events();

      assertThat(replayable(seed, i, () -> json.readAll(json.writeAll(list))))
          .as("seed=%d case=%d", seed, i)
          .isEqualTo(list);
    }
  }

  /**
   * Mangled documents (characters inserted, deleted, replaced; truncation) either read, and then
   * read back identically after rewriting, or fail with {@link InvalidInputException}.
   */
  @Test
  void read_mutatedJson_returnsOrThrowsTypedError() {
    long seed = seed();
    Random random = new Random(seed);
    RandomAuditEvents events = new RandomAuditEvents(random);
    String[] inserts = {"{", "}", "[", "]", "\"", ",", ":", "null", "1", "\\", "\u0000", "x", " "};
    List<String> written = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      written.add(json.write(events.event()));
    }
    int read = 0;
    for (int i = 0; i < 10_000; i++) {
      StringBuilder doc = new StringBuilder(written.get(random.nextInt(written.size())));
      for (int m = random.nextInt(3); m >= 0 && doc.length() > 0; m--) {
        int at = random.nextInt(doc.length());
        switch (random.nextInt(4)) {
          case 0 -> doc.insert(at, inserts[random.nextInt(inserts.length)]);
          case 1 -> doc.deleteCharAt(at);
          case 2 -> doc.setCharAt(at, inserts[random.nextInt(inserts.length)].charAt(0));
          default -> doc.setLength(at);
        }
      }
      String context = "seed=" + seed + " case=" + i;
      AuditEvent parsed;
      try {
        parsed = json.read(doc.toString());
      } catch (InvalidInputException e) {
        continue;
      } catch (RuntimeException | Error e) {
        throw new AssertionError(context + ": escaped " + e, e);
      }
      read++;
      assertThat(replayable(seed, i, () -> json.read(json.write(parsed))))
          .as(context)
          .isEqualTo(parsed);
    }
    assertThat(read).as("seed=%d: some mutations stay readable", seed).isPositive();
  }

  /** Runs a step of case {@code index}, so that an exception it throws still names the seed. */
  private static <T> T replayable(long seed, int index, Supplier<T> step) {
    try {
      return step.get();
    } catch (RuntimeException e) {
      throw new AssertionError(
          "seed=" + seed + " case=" + index + " (replay with -Dmystaff.seed=" + seed + "): " + e,
          e);
    }
  }

  private static Set<String> fieldNames(JsonNode tree) {
    Set<String> names = new TreeSet<>();
    for (Iterator<String> it = tree.propertyNames().iterator(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}
