package io.mystaff.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditInitiator;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.audit.AuditTarget;
import io.mystaff.testkit.contract.AuditSinkFeature;
import io.mystaff.testkit.contract.AuditSinkTestSuiteBuilder;
import io.mystaff.testkit.contract.ReadableAuditSink;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class PostgresAuditSinkTest {
  @TestFactory
  DynamicContainer auditSinkContract() {
    return AuditSinkTestSuiteBuilder.using(
            tenant -> {
              PostgresAuditSink sink =
                  PostgresAuditSink.create(
                      TestDatabase.dataSource(), TestDatabase.freshName("log"));
              return new ReadableAuditSink(sink, () -> sink.find(AuditQuery.all()));
            })
        .named("PostgresAuditSink")
        .withFeatures(AuditSinkFeature.values())
        .build();
  }

  @Test
  void find_byTimeActorTargetAndCorrelation_returnsExactlyTheMatches() {
    PostgresAuditSink sink =
        PostgresAuditSink.create(TestDatabase.dataSource(), TestDatabase.freshName("log"));
    Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
    AuditEvent a = event("a", t0, "mgr-1", "ann", "c-1");
    AuditEvent b = event("b", t0.plusSeconds(60), "mgr-2", "bob", "c-2");
    AuditEvent c = event("c", t0.plusSeconds(120), "mgr-1", "bob", "c-2");
    List.of(a, b, c).forEach(sink::record);

    assertThat(sink.find(AuditQuery.all())).containsExactly(a, b, c);
    assertThat(sink.find(AuditQuery.all().actor(UserId.of("mgr-1")))).containsExactly(a, c);
    assertThat(sink.find(AuditQuery.all().target("bob"))).containsExactly(b, c);
    assertThat(sink.find(AuditQuery.all().correlationId(CorrelationId.of("c-2"))))
        .containsExactly(b, c);
    assertThat(sink.find(AuditQuery.all().from(t0.plusSeconds(60)).until(t0.plusSeconds(120))))
        .containsExactly(b);
    assertThat(sink.find(AuditQuery.all().actor(UserId.of("mgr-1")).target("bob")))
        .containsExactly(c);
    assertThat(sink.find(AuditQuery.all().limit(2))).containsExactly(a, b);
    assertThat(sink.find(AuditQuery.all().target("nobody"))).isEmpty();
  }

  static AuditEvent event(String id, Instant at, String actor, String target, String correlation) {
    return new AuditEvent(
        id,
        at,
        AuditActivity.values()[0],
        AuditOutcome.SUCCEEDED,
        Optional.empty(),
        CorrelationId.of(correlation),
        new AuditInitiator(UserId.of(actor), Optional.empty(), Optional.empty()),
        List.of(new AuditTarget(target, "User", Optional.empty(), Optional.empty(), List.of())),
        Map.of(AuditEvent.ORIGIN_KEY, AuditEvent.ORIGIN_MY_STAFF),
        "Core Directory");
  }
}
