package io.mystaff.tests.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.ProviderFailureException;
import io.mystaff.api.UnknownUserException;
import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.authz.AccessDeniedException;
import io.mystaff.api.authz.DenyReason;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.core.PhoneView;
import io.mystaff.core.StaffSession;
import io.mystaff.core.UserProfile;
import io.mystaff.testkit.fakes.FailingDirectory;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProfileTest {
  private final Harness harness = Harness.storeChain();

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void profile_memberOfManagersUnit_fullProfileAndOneSucceededEvent() {
    StaffSession nina = harness.signIn("nina");
    int before = harness.log.size();

    UserProfile alice = nina.profile(UserId.of("alice"));

    assertThat(alice.user()).isEqualTo(harness.user("alice").toBuilder().phones(Map.of()).build());
    assertThat(alice.units())
        .extracting(AdministrativeUnit::displayName)
        .containsExactly("North Store");
    assertThat(alice.phones())
        .containsEntry(PhoneType.MOBILE, PhoneView.of(PhoneNumber.of(StoreChain.ALICE_MOBILE)));
    assertThat(alice.phonesMasked()).isFalse();
    // Everything but unlocking an on-premises account: alice is cloud-only.
    assertThat(alice.allowedActions())
        .isEqualTo(EnumSet.complementOf(EnumSet.of(StaffAction.UNLOCK_ACCOUNT)));
    AuditEvent event = harness.eventsSince(before).get(0);
    assertThat(harness.eventsSince(before)).hasSize(1);
    assertThat(event.activity()).isEqualTo(AuditActivity.VIEW_PROFILE);
    assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
    assertThat(event.targets())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.id()).isEqualTo("alice");
              assertThat(t.displayName()).contains("Alice");
              assertThat(t.userPrincipalName()).contains("alice@contoso.com");
              assertThat(t.modifiedProperties()).isEmpty();
            });
    assertThat(event.additionalDetails())
        .containsKey("grantedByAssignment")
        .containsEntry("origin", "MyStaff");
  }

  @Test
  void profile_userOutsideManagersUnits_viewableButNotChangeable() {
    UserProfile dora = harness.signIn("nina").profile(UserId.of("dora"));
    assertThat(dora.allowedActions()).containsExactly(StaffAction.VIEW_PROFILE);
    assertThat(dora.may(StaffAction.RESET_PASSWORD)).isFalse();
  }

  @Test
  void profile_userInSeveralUnits_unitsSortedByName() {
    UserProfile erin = harness.signIn("val").profile(UserId.of("erin"));
    assertThat(erin.units())
        .extracting(AdministrativeUnit::displayName)
        .containsExactly("North Store", "Vault");
  }

  @Test
  void profile_roleExpiredDuringSession_deniedWithOneEvent() {
    harness.clock.set(
        StoreChain.TIM_ROLE_ENDS.minusSeconds(30)); // within the session's recheck interval
    StaffSession tim = harness.signIn("tim");
    harness.clock.set(StoreChain.TIM_ROLE_ENDS);
    int before = harness.log.size();

    assertThatThrownBy(() -> tim.profile(UserId.of("alice")))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(DenyReason.NO_ACTIVE_ROLE);
              assertThat(e.action()).isEqualTo(StaffAction.VIEW_PROFILE);
            });
    assertThat(harness.eventsSince(before))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.activity()).isEqualTo(AuditActivity.VIEW_PROFILE);
              assertThat(e.outcome()).isEqualTo(AuditOutcome.DENIED);
              assertThat(e.resultReason()).contains("NO_ACTIVE_ROLE");
            });
  }

  @Test
  void profile_unknownOrMissingUser_rejectedWithoutEvent() {
    StaffSession nina = harness.signIn("nina");
    int before = harness.log.size();
    assertThatThrownBy(() -> nina.profile(UserId.of("ghost")))
        .isInstanceOf(UnknownUserException.class);
    assertThatThrownBy(() -> nina.profile(null)).isInstanceOf(InvalidInputException.class);
    assertThat(harness.log.size()).isEqualTo(before);
  }

  @Test
  void profile_directoryFailsReadingFacts_oneFailedEvent() {
    var directory = Harness.directoryOf(StoreChain.fixture().build());
    FailingDirectory failing = FailingDirectory.wrapping(directory);
    try (Harness wired = Harness.storeChain(b -> b.directory(failing).directoryWriter(failing))) {
      StaffSession nina = wired.signIn("nina");
      failing.failAlways(FailingDirectory.Operation.UNITS_OF);

      assertThatThrownBy(() -> nina.profile(UserId.of("alice")))
          .isInstanceOf(ProviderFailureException.class);
      assertThat(wired.eventsSince(1))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.activity()).isEqualTo(AuditActivity.VIEW_PROFILE);
                assertThat(e.outcome()).isEqualTo(AuditOutcome.FAILED);
                assertThat(e.resultReason()).contains("PROVIDER_FAILURE");
              });
    }
  }

  @Test
  void profile_sinkDown_notShown() {
    StaffSession nina = harness.signIn("nina");
    harness.sink.failAlways();
    assertThatThrownBy(() -> nina.profile(UserId.of("alice")))
        .isInstanceOf(ProviderFailureException.class);
  }
}
