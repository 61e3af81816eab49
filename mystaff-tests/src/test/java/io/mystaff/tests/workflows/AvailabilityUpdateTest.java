package io.mystaff.tests.workflows;

import static io.mystaff.api.authz.BuiltInRole.GLOBAL_ADMINISTRATOR;
import static io.mystaff.api.authz.BuiltInRole.PRIVILEGED_ROLE_ADMINISTRATOR;
import static io.mystaff.api.authz.BuiltInRole.USER_ADMINISTRATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.AssignmentId;
import io.mystaff.api.ErrorCode;
import io.mystaff.api.GroupId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.ProviderFailureException;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.access.AvailabilityChangeDeniedException;
import io.mystaff.api.access.SignInContext;
import io.mystaff.api.access.SignInRefusal;
import io.mystaff.api.access.SignInRefusedException;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.audit.ModifiedProperty;
import io.mystaff.api.authz.DenyReason;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.Scope;
import io.mystaff.core.StaffSession;
import io.mystaff.core.access.FeatureAvailability;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Who may use My Staff, changed at run time by an administrator, audited. */
class AvailabilityUpdateTest {
  private final Harness harness = Harness.storeChain();

  @AfterEach
  void close() {
    harness.close();
  }

  private static SignInContext as(String alias) {
    return SignInContext.of(UserId.of(alias), true).withClientIp("203.0.113.9");
  }

  @Test
  void userAdministrator_switchesItOff_signInsAndOpenSessionsRefused_oneSucceededEvent() {
    StaffSession nina = harness.signIn("nina");
    int before = harness.log.size();

    harness.myStaff.updateAvailability(as("pam"), FeatureAvailability.none());

    assertThat(harness.myStaff.availability()).isEqualTo(FeatureAvailability.none());
    assertThat(harness.myStaff.settings().availability()).isEqualTo(FeatureAvailability.none());
    List<AuditEvent> events = harness.eventsSince(before);
    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.activity()).isEqualTo(AuditActivity.UPDATE_FEATURE_VALUE);
              assertThat(e.activity().displayName()).isEqualTo("Update MyStaff feature value");
              assertThat(e.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
              assertThat(e.loggedByService()).isEqualTo("Self-service group management");
              assertThat(e.initiatedBy().id()).isEqualTo(UserId.of("pam"));
              assertThat(e.initiatedBy().ipAddress()).contains("203.0.113.9");
              assertThat(e.isFromMyStaff()).isTrue();
              assertThat(e.targets())
                  .singleElement()
                  .satisfies(
                      t -> {
                        assertThat(t.type()).isEqualTo("Setting");
                        assertThat(t.modifiedProperties())
                            .containsExactly(
                                ModifiedProperty.of(
                                    "availability", Optional.of("All"), Optional.of("None")));
                      });
            });

    assertThatThrownBy(() -> harness.signIn("sam"))
        .isInstanceOfSatisfying(
            SignInRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(SignInRefusal.FEATURE_NOT_ENABLED));
    harness.clock.advance(Duration.ofMinutes(2)); // past the session recheck interval
    assertThatThrownBy(nina::locations)
        .isInstanceOfSatisfying(
            SignInRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(SignInRefusal.FEATURE_NOT_ENABLED));

    harness.myStaff.updateAvailability(
        as("pam"),
        FeatureAvailability.selected(
            Set.of(UserId.of("sam"), UserId.of("nina")), Set.of(GroupId.of("g1"))));
    assertThat(
            harness
                .events()
                .get(harness.log.size() - 1)
                .targets()
                .get(0)
                .modifiedProperties()
                .get(0)
                .newValue())
        .contains("Selected users=[nina, sam] groups=[g1]");
    assertThat(harness.signIn("sam").locations()).isNotEmpty();
    assertThat(nina.locations()).isNotEmpty();
  }

  @Test
  void privilegedRoleAndGlobalAdministrators_tenantWide_mayChangeIt() {
    harness.directory.addAssignment(
        RoleAssignment.of(
            AssignmentId.of("pra"),
            UserId.of("eve"),
            PRIVILEGED_ROLE_ADMINISTRATOR,
            Scope.tenant()));
    harness.myStaff.updateAvailability(as("eve"), FeatureAvailability.none());
    harness.directory.removeAssignment(AssignmentId.of("pra"));
    harness.directory.addAssignment(
        RoleAssignment.of(
            AssignmentId.of("ga"), UserId.of("eve"), GLOBAL_ADMINISTRATOR, Scope.tenant()));
    harness.myStaff.updateAvailability(as("eve"), FeatureAvailability.all());
    assertThat(harness.myStaff.availability()).isEqualTo(FeatureAvailability.all());
  }

  @Test
  void othersDenied_withTheReason_oneDeniedEvent_nothingChanged() {
    harness.directory.addAssignment(
        RoleAssignment.of(
            AssignmentId.of("au-ua"),
            UserId.of("eve"),
            USER_ADMINISTRATOR,
            Scope.unit(UnitId.of("north"))));
    record Case(String alias, DenyReason reason) {}
    List<Case> cases =
        List.of(
            new Case(
                "tara",
                DenyReason.ROLE_LACKS_PERMISSION), // tenant-wide Authentication Administrator
            new Case("rita", DenyReason.ROLE_LACKS_PERMISSION), // Global Reader
            new Case(
                "eve", DenyReason.ROLE_LACKS_PERMISSION), // User Administrator scoped to a unit
            new Case("alice", DenyReason.NO_ACTIVE_ROLE),
            new Case("ghost", DenyReason.NO_ACTIVE_ROLE));
    for (Case c : cases) {
      int before = harness.log.size();
      assertThatThrownBy(
              () -> harness.myStaff.updateAvailability(as(c.alias()), FeatureAvailability.none()))
          .as(c.alias())
          .isInstanceOfSatisfying(
              AvailabilityChangeDeniedException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(c.reason());
                assertThat(e.code()).isEqualTo(ErrorCode.ACCESS_DENIED);
                assertThat(e.actor()).isEqualTo(UserId.of(c.alias()));
              });
      assertThat(harness.eventsSince(before))
          .as(c.alias())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.activity()).isEqualTo(AuditActivity.UPDATE_FEATURE_VALUE);
                assertThat(e.outcome()).isEqualTo(AuditOutcome.DENIED);
                assertThat(e.resultReason()).contains(c.reason().name());
              });
    }
    assertThat(harness.myStaff.availability()).isEqualTo(FeatureAvailability.all());
  }

  @Test
  void expiredRole_denied() {
    harness.clock.advance(
        Duration.ofHours(2)); // tim's role at north ended; not a tenant role anyway
    assertThatThrownBy(
            () -> harness.myStaff.updateAvailability(as("tim"), FeatureAvailability.none()))
        .isInstanceOfSatisfying(
            AvailabilityChangeDeniedException.class,
            e -> assertThat(e.reason()).isEqualTo(DenyReason.NO_ACTIVE_ROLE));
  }

  @Test
  void sinkDown_nothingChanges() {
    harness.sink.failAlways();
    assertThatThrownBy(
            () -> harness.myStaff.updateAvailability(as("pam"), FeatureAvailability.none()))
        .isInstanceOf(ProviderFailureException.class);
    harness.sink.recover();
    assertThat(harness.myStaff.availability()).isEqualTo(FeatureAvailability.all());
  }

  @Test
  void missingArguments_invalidInputRecordingNothing() {
    int before = harness.log.size();
    assertThatThrownBy(() -> harness.myStaff.updateAvailability(null, FeatureAvailability.none()))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.violations().get(0).field()).isEqualTo("actor"));
    assertThatThrownBy(() -> harness.myStaff.updateAvailability(as("pam"), null))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.violations().get(0).field()).isEqualTo("availability"));
    assertThat(harness.log.size()).isEqualTo(before);
  }
}
