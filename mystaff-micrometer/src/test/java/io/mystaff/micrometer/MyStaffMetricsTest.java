package io.mystaff.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mystaff.api.CorrelationId;
import io.mystaff.api.UserId;
import io.mystaff.api.access.SignInContext;
import io.mystaff.api.authz.AccessDeniedException;
import io.mystaff.api.authz.BuiltInRole;
import io.mystaff.api.password.Secret;
import io.mystaff.api.password.WritebackResult;
import io.mystaff.core.MyStaff;
import io.mystaff.core.PasswordResetResult;
import io.mystaff.core.StaffSession;
import io.mystaff.inmemory.InMemoryDirectory;
import io.mystaff.testkit.fakes.RecordingAuditSink;
import io.mystaff.testkit.fakes.ScriptableWriteback;
import io.mystaff.testkit.fixtures.Fixtures;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MyStaffMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ScriptableWriteback writeback =
      ScriptableWriteback.synchronous().defaultOutcome(ScriptableWriteback.Outcome.hang());
  private MyStaffMetrics metrics;
  private MyStaff myStaff;
  private StaffSession nina;

  @BeforeEach
  void setUp() {
    InMemoryDirectory directory =
        Fixtures.inMemoryDirectory(
            Fixtures.tenant()
                .unit("north", "North Store")
                .unit("south", "South Store")
                .cloudUser("alice", u -> u.in("north"))
                .cloudUser("dora", u -> u.in("south"))
                .syncedUser("carl", "carl", u -> u.in("north"))
                .admin("nina", BuiltInRole.AUTHENTICATION_ADMINISTRATOR, "north")
                .build());
    metrics = MyStaffMetrics.bindTo(registry);
    myStaff =
        MyStaff.builder()
            .directory(directory)
            .directoryWriter(directory)
            .auditSink(new RecordingAuditSink())
            .passwordWriteback(writeback)
            .auditRelay(Runnable::run)
            .listener(metrics)
            .build();
    nina = myStaff.signIn(SignInContext.of(UserId.of("nina"), true));
  }

  @AfterEach
  void tearDown() {
    myStaff.close();
  }

  @Test
  void attempts_timedByActivityAndOutcome() {
    nina.resetPassword(UserId.of("alice"));
    nina.resetPassword(UserId.of("alice"));
    assertThatThrownBy(() -> nina.resetPassword(UserId.of("dora")))
        .isInstanceOf(AccessDeniedException.class);

    assertThat(
            registry
                .get(MyStaffMetrics.ATTEMPTS)
                .tags("activity", "SIGN_IN", "outcome", "SUCCEEDED")
                .timer()
                .count())
        .isEqualTo(1);
    assertThat(
            registry
                .get(MyStaffMetrics.ATTEMPTS)
                .tags("activity", "RESET_PASSWORD", "outcome", "SUCCEEDED")
                .timer()
                .count())
        .isEqualTo(2);
    assertThat(
            registry
                .get(MyStaffMetrics.ATTEMPTS)
                .tags("activity", "RESET_PASSWORD", "outcome", "DENIED")
                .timer()
                .count())
        .isEqualTo(1);
    assertThat(
            registry
                .get(MyStaffMetrics.ATTEMPTS)
                .tags("activity", "RESET_PASSWORD", "outcome", "SUCCEEDED")
                .timer()
                .totalTime(TimeUnit.NANOSECONDS))
        .isPositive();
  }

  @Test
  void refusals_countedByReason_successesNot() {
    assertThatThrownBy(() -> nina.resetPassword(UserId.of("dora")))
        .isInstanceOf(AccessDeniedException.class);
    nina.resetPassword(UserId.of("alice"));

    assertThat(
            registry
                .get(MyStaffMetrics.REFUSALS)
                .tags(
                    "activity",
                    "RESET_PASSWORD",
                    "outcome",
                    "DENIED",
                    "reason",
                    "TARGET_OUT_OF_SCOPE")
                .counter()
                .count())
        .isEqualTo(1.0);
    assertThat(registry.find(MyStaffMetrics.REFUSALS).tags("outcome", "SUCCEEDED").counters())
        .isEmpty();
  }

  @Test
  void writebacksInFlight_gaugeRisesWhileSubmitted_andFallsWhenEnded() {
    PasswordResetResult.WritebackPending pending =
        (PasswordResetResult.WritebackPending)
            nina.resetPassword(UserId.of("carl"), Secret.of("Quiet-River-58"));
    assertThat(registry.get(MyStaffMetrics.WRITEBACKS_IN_FLIGHT).gauge().value()).isEqualTo(1.0);
    assertThat(registry.get(MyStaffMetrics.WRITEBACKS).counter().count()).isEqualTo(1.0);

    CorrelationId id = pending.correlationId();
    assertThat(writeback.release(id, WritebackResult.succeeded())).isTrue();

    assertThat(pending.writeback().result()).isPresent();
    assertThat(registry.get(MyStaffMetrics.WRITEBACKS_IN_FLIGHT).gauge().value()).isZero();
    assertThat(metrics.writebacksInFlight()).isZero();
    assertThat(
            registry
                .get(MyStaffMetrics.ATTEMPTS)
                .tags("activity", "RESET_PASSWORD", "outcome", "SUCCEEDED")
                .timer()
                .count())
        .isEqualTo(1);
  }

  @Test
  void noMeterCarriesAUserOrCorrelationId() {
    nina.resetPassword(UserId.of("alice"));
    for (Meter meter : registry.getMeters()) {
      assertThat(meter.getId().getTags())
          .allSatisfy(
              tag -> assertThat(tag.getValue()).doesNotContain("alice").doesNotContain("nina"));
      assertThat(meter.getId().getTags())
          .extracting(t -> t.getKey())
          .doesNotContain("correlationId", "user");
    }
  }
}
