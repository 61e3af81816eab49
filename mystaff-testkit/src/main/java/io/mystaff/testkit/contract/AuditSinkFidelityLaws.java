package io.mystaff.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.inmemory.InMemoryAuditLog;
import io.mystaff.testkit.contract.Differential.Outcome;
import io.mystaff.testkit.fixtures.Tenant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Audit-sink laws on exactness: times kept to the microsecond with every part of an event, and the
 * differential law against the in-memory audit log.
 */
final class AuditSinkFidelityLaws {
  static final String DIFFERENTIAL = "differential_randomRecordsAndRedeliveries_matchReference";
  private static final Tenant NO_TENANT = Tenant.builder().build();
  private static final int RUNS = 6;
  private static final int OPERATIONS = 40;

  static final List<Law<ReadableAuditSink, AuditSinkFeature>> ALL =
      List.of(
          Law.<ReadableAuditSink, AuditSinkFeature>of(
                  "record_everyFieldAndMicroseconds_storedExactly", AuditSinkFidelityLaws::exact)
              .checking(
                  "events with several targets, modified properties, non-ASCII details and times"
                      + " with a microsecond part (and on whole seconds) are stored equal"),
          Law.<ReadableAuditSink, AuditSinkFeature>of(
                  DIFFERENTIAL, AuditSinkFidelityLaws::differential)
              .checking(
                  "seeded random records, redeliveries of stored ids and reads give what the"
                      + " in-memory audit log gives: as a multiset, in order if"
                      + " KEEPS_RECORDING_ORDER, without duplicates if DEDUPLICATES_BY_ID"));

  private AuditSinkFidelityLaws() {}

  private static void exact(Trial<ReadableAuditSink> t) throws Exception {
    ReadableAuditSink s = t.subject(NO_TENANT);
    List<AuditEvent> recorded = new ArrayList<>();
    Instant[] times = {
      DirectoryWriterFidelityLaws.MICROS,
      DirectoryWriterFidelityLaws.MICROS.plusNanos(1_000),
      Instant.parse("2025-01-01T00:00:00Z"),
      Instant.parse("2024-02-29T12:00:00.000001Z"),
      Instant.parse("2030-12-31T23:59:59.999999Z")
    };
    for (int i = 0; i < times.length; i++) {
      AuditEvent e =
          DirectoryWriterFidelityLaws.richEvent("exact-" + i, UserId.of("u" + i), times[i]);
      s.sink().record(e);
      recorded.add(e);
    }
    List<AuditEvent> stored = s.stored().get();
    for (AuditEvent e : recorded) {
      Optional<AuditEvent> same = stored.stream().filter(x -> x.id().equals(e.id())).findFirst();
      assertThat(same).as("stored events hold %s", e.id()).isPresent();
      assertThat(same.get())
          .as(
              "event %s: %s",
              e.id(), FieldDiff.describe("the stored event", e, same.get()).orElse(""))
          .isEqualTo(e);
    }
  }

  private static void differential(Trial<ReadableAuditSink> t) throws Exception {
    boolean ordered = t.claims(AuditSinkFeature.KEEPS_RECORDING_ORDER);
    boolean deduplicates = t.claims(AuditSinkFeature.DEDUPLICATES_BY_ID);
    for (int n = 0; n < RUNS; n++) {
      Random r = t.random();
      ReadableAuditSink provider = t.subject(NO_TENANT);
      InMemoryAuditLog reference = new InMemoryAuditLog();
      List<AuditEvent> recorded = new ArrayList<>();
      for (int i = 0; i < OPERATIONS; i++) {
        if (r.nextInt(6) == 0) {
          Outcome expected = Outcome.of(() -> view(reference.all(), ordered, deduplicates));
          Outcome actual = Outcome.of(() -> view(provider.stored().get(), ordered, deduplicates));
          Optional<String> difference = Differential.difference(expected, actual);
          if (difference.isPresent()) {
            throw Differential.mismatch(
                DIFFERENTIAL,
                t.seed(),
                n,
                i,
                "reading every stored event",
                difference.get(),
                NO_TENANT);
          }
          continue;
        }
        AuditEvent event =
            !recorded.isEmpty() && r.nextInt(5) == 0
                ? recorded.get(r.nextInt(recorded.size()))
                : DirectoryWriterFidelityLaws.richEvent(
                    "d" + n + "-" + i + "-" + Integer.toHexString(r.nextInt()),
                    UserId.of("u" + r.nextInt(5)),
                    DirectoryWriterFidelityLaws.MICROS.minusNanos(1_000L * r.nextInt(1_000_000)));
        recorded.add(event);
        Outcome expected = Outcome.of(() -> record(reference, event));
        Outcome actual = Outcome.of(() -> record(provider.sink(), event));
        Optional<String> difference = Differential.difference(expected, actual);
        if (difference.isPresent()) {
          throw Differential.mismatch(
              DIFFERENTIAL,
              t.seed(),
              n,
              i,
              "record(" + event.id() + ")",
              difference.get(),
              NO_TENANT);
        }
      }
    }
  }

  private static String record(io.mystaff.spi.AuditSink sink, AuditEvent event) {
    sink.record(event);
    return "recorded";
  }

  /**
   * What of the stored events a sink must match: all of them in order if it keeps recording order,
   * else by count per event; with duplicates removed unless it claims to deduplicate (a sink that
   * keeps redelivered copies is allowed to).
   */
  private static Object view(List<AuditEvent> stored, boolean ordered, boolean deduplicates) {
    List<AuditEvent> events = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (AuditEvent e : stored) {
      if (seen.add(e.id()) || deduplicates) {
        events.add(e);
      }
    }
    if (ordered) {
      return events;
    }
    Map<String, Object> byId = new java.util.TreeMap<>();
    for (AuditEvent e : events) {
      byId.merge(
          e.id(),
          List.of(e),
          (a, b) -> {
            List<Object> both = new ArrayList<>((List<?>) a);
            both.addAll((List<?>) b);
            return both;
          });
    }
    return byId;
  }
}
