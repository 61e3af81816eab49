package io.mystaff.tests.workflows;

import static io.mystaff.api.authz.BuiltInRole.AUTHENTICATION_ADMINISTRATOR;
import static io.mystaff.api.authz.BuiltInRole.DIRECTORY_READERS;
import static io.mystaff.api.authz.BuiltInRole.GLOBAL_READER;
import static io.mystaff.api.authz.BuiltInRole.HELPDESK_ADMINISTRATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.AssignmentId;
import io.mystaff.api.GroupId;
import io.mystaff.api.PageRequest;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.access.SignInRefusal;
import io.mystaff.api.access.SignInRefusedException;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.authz.AccessDeniedException;
import io.mystaff.api.authz.DenyReason;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.core.Location;
import io.mystaff.core.MyStaffSettings;
import io.mystaff.core.PhoneView;
import io.mystaff.core.StaffMember;
import io.mystaff.core.StaffSession;
import io.mystaff.core.UserProfile;
import io.mystaff.core.access.FeatureAvailability;
import io.mystaff.testkit.fakes.ScriptedConditionalAccess;
import io.mystaff.testkit.fixtures.Fixtures;
import io.mystaff.testkit.fixtures.Tenant;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, items 6 to 8: what managers see of phone numbers, sessions that do not outlive their
 * grounds, guests and roles that grant nothing in My Staff.
 *
 * <pre>
 * units     north, south
 * staff     alice (north, mobile +14255550155, office +14255550166), dora (south, mobile +14255550177),
 *           gus (north, GUEST, mobile +14255550188)
 * managers  nina   Authentication Administrator at north, member of group "my-staff"
 *           hank   Helpdesk Administrator at north (passwords, not phones)
 *           petra  custom "phones only" role at north
 *           rita   Global Reader, tenant-wide; rhea Directory Readers, tenant-wide
 *           vera   custom "viewer" role (no My Staff permission), tenant-wide
 * </pre>
 */
class SessionGroundsTest {
  private static final GroupId MY_STAFF_GROUP = GroupId.of("my-staff");
  private static final String ALICE_MOBILE = "+14255550155";

  private Harness harness = harness(b -> {});

  private static Tenant tenant() {
    return Fixtures.tenant()
        .unit("north", "North Store")
        .unit("south", "South Store")
        .cloudUser(
            "alice",
            u ->
                u.in("north")
                    .phone(PhoneType.MOBILE, ALICE_MOBILE)
                    .phone(PhoneType.OFFICE, "+14255550166"))
        .cloudUser("dora", u -> u.in("south").phone(PhoneType.MOBILE, "+14255550177"))
        .cloudUser("gus", u -> u.in("north").guest().phone(PhoneType.MOBILE, "+14255550188"))
        .cloudUser("nina", u -> u.group(MY_STAFF_GROUP.value()))
        .admin("nina", AUTHENTICATION_ADMINISTRATOR, "north")
        .admin("hank", HELPDESK_ADMINISTRATOR, "north")
        .customRole("phones-only", "Phone manager", StaffAction.MANAGE_PHONES)
        .admin("petra", "phones-only", "north")
        .tenantAdmin("rita", GLOBAL_READER)
        .tenantAdmin("rhea", DIRECTORY_READERS)
        .customRole("viewer", "Profile viewer", StaffAction.VIEW_PROFILE)
        .tenantAdmin("vera", "viewer")
        .build();
  }

  private static Harness harness(Consumer<io.mystaff.core.MyStaff.Builder> customize) {
    return Harness.of(tenant(), customize);
  }

  private void rewire(Consumer<io.mystaff.core.MyStaff.Builder> customize) {
    harness.close();
    harness = harness(customize);
  }

  @AfterEach
  void close() {
    harness.close();
  }

  // ---- 6. Phone numbers are privileged; a role granting nothing does not admit its holder ----

  @Test
  void readerOnlyRoleIsNotAdmitted() {
    for (String reader : List.of("rita", "rhea", "vera")) {
      int before = harness.log.size();
      assertRefused(() -> harness.signIn(reader), SignInRefusal.NO_MY_STAFF_PERMISSION);
      assertThat(harness.eventsSince(before))
          .as(reader)
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.activity()).isEqualTo(AuditActivity.SIGN_IN);
                assertThat(e.outcome()).isEqualTo(AuditOutcome.DENIED);
                assertThat(e.resultReason()).contains("NO_MY_STAFF_PERMISSION");
                assertThat(e.additionalDetails()).doesNotContainKey("sessionCheck");
              });
    }
    assertThat(SignInRefusal.NO_MY_STAFF_PERMISSION.message()).contains("insufficient permissions");
  }

  @Test
  void phoneOnlyRoleIsAdmittedAndCannotReset() {
    StaffSession petra = harness.signIn("petra");
    assertThat(petra.locations()).extracting(Location::displayName).containsExactly("North Store");
    assertThatThrownBy(() -> petra.resetPassword(UserId.of("alice")))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.reason()).isEqualTo(DenyReason.ROLE_LACKS_PERMISSION));
    UserProfile alice = petra.profile(UserId.of("alice"));
    assertThat(alice.phonesMasked()).isFalse();
    assertThat(alice.phones().get(PhoneType.MOBILE).number())
        .contains(PhoneNumber.of(ALICE_MOBILE));
  }

  @Test
  void phoneNumberMaskedForHelpdeskAdmin() {
    UserProfile alice = harness.signIn("hank").profile(UserId.of("alice"));

    assertThat(alice.may(StaffAction.RESET_PASSWORD)).isTrue();
    assertThat(alice.may(StaffAction.MANAGE_PHONES)).isFalse();
    assertThat(alice.phonesMasked()).isTrue();
    assertThat(alice.phones()).containsOnlyKeys(PhoneType.MOBILE, PhoneType.OFFICE);
    PhoneView mobile = alice.phones().get(PhoneType.MOBILE);
    assertThat(mobile.masked()).isTrue();
    assertThat(mobile.number()).isEmpty();
    assertThat(mobile.display()).isEqualTo(PhoneView.MASK + "55").isEqualTo(mobile.toString());
    assertThat(alice.phones().get(PhoneType.OFFICE).display()).isEqualTo(PhoneView.MASK + "66");
    assertThat(alice.user().phones()).isEmpty();
    assertNoNumberIn(alice.toString(), "4255550155", "4255550166");
    assertNoNumberIn(alice.user().toString(), "4255550155", "4255550166");
    assertNoNumberIn(String.valueOf(alice.summary()), "4255550155", "4255550166");
  }

  @Test
  void phoneNumberMaskedOutsideManagersScope() {
    UserProfile dora = harness.signIn("nina").profile(UserId.of("dora"));
    assertThat(dora.allowedActions()).containsExactly(StaffAction.VIEW_PROFILE);
    assertThat(dora.phonesMasked()).isTrue();
    assertThat(dora.phones().get(PhoneType.MOBILE).display()).isEqualTo(PhoneView.MASK + "77");
  }

  @Test
  void phoneNumberWholeForManagerWhoMayManagePhones() {
    UserProfile alice = harness.signIn("nina").profile(UserId.of("alice"));
    assertThat(alice.phonesMasked()).isFalse();
    PhoneView mobile = alice.phones().get(PhoneType.MOBILE);
    assertThat(mobile.masked()).isFalse();
    assertThat(mobile.number()).contains(PhoneNumber.of(ALICE_MOBILE));
    assertThat(mobile.display()).isEqualTo(ALICE_MOBILE);
  }

  @Test
  void maskedViewsOfDifferentNumbersEndingAlikeAreEqualAndRevealNothing() {
    PhoneView a = PhoneView.masked(PhoneNumber.of("+14255550155"));
    PhoneView b = PhoneView.masked(PhoneNumber.of("+442079460955", "12"));
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(PhoneView.of(PhoneNumber.of("+14255550155")));
    assertThat(PhoneView.of(PhoneNumber.of("+14255550155")))
        .isEqualTo(PhoneView.of(PhoneNumber.of("+14255550155")));
    assertThat(PhoneView.of(PhoneNumber.of("+14255550155", "7")).display())
        .isEqualTo("+14255550155x7");
    assertNoNumberIn(b.toString(), "4420794609", "x12");
  }

  @Test
  void listingsAndSearchesCarryNoPhoneNumbers() {
    StaffSession hank = harness.signIn("hank");
    List<StaffMember> members =
        hank.members(
                Location.of(harness.directory.findUnit(UnitId.of("north")).orElseThrow()),
                PageRequest.first(50))
            .items();
    List<StaffMember> found = hank.searchUsers("alice", PageRequest.first(50)).items();
    assertThat(members).isNotEmpty();
    assertThat(found).isNotEmpty();
    for (StaffMember m :
        java.util.stream.Stream.concat(members.stream(), found.stream()).toList()) {
      assertNoNumberIn(m.toString(), "55501");
    }
  }

  // ---- 7. Sessions do not outlive their grounds ----

  @Test
  void managerRemovedFromSelectedGroupRefusedOnNextCall() {
    rewire(
        b ->
            b.settings(
                MyStaffSettings.builder()
                    .availability(FeatureAvailability.selected(Set.of(), Set.of(MY_STAFF_GROUP)))
                    .build()));
    StaffSession nina = harness.signIn("nina");
    harness.directory.putUser(harness.user("nina").toBuilder().groups(Set.of()).build());

    harness.clock.advance(Duration.ofSeconds(59));
    assertThat(nina.locations()).hasSize(1); // the last check is still fresh
    harness.clock.advance(Duration.ofSeconds(1));
    int before = harness.log.size();
    assertRefused(nina::locations, SignInRefusal.FEATURE_NOT_ENABLED);
    assertOneSessionRefusal(before, "nina", SignInRefusal.FEATURE_NOT_ENABLED, "recheck");

    assertRefused(() -> nina.profile(UserId.of("alice")), SignInRefusal.FEATURE_NOT_ENABLED);
    assertRefused(
        () -> nina.setPhone(UserId.of("alice"), PhoneType.MOBILE, "+14255550100"),
        SignInRefusal.FEATURE_NOT_ENABLED);
    assertThat(harness.user("alice").phone(PhoneType.MOBILE))
        .contains(PhoneNumber.of(ALICE_MOBILE));
    assertThat(harness.log.all().stream().skip(before).map(AuditEvent::activity))
        .containsOnly(AuditActivity.SIGN_IN);
  }

  @Test
  void refusedRecheckDoesNotEndTheSession() {
    rewire(
        b ->
            b.settings(
                MyStaffSettings.builder()
                    .sessionRecheckInterval(Duration.ZERO)
                    .availability(FeatureAvailability.selected(Set.of(), Set.of(MY_STAFF_GROUP)))
                    .build()));
    StaffSession nina = harness.signIn("nina");
    harness.directory.putUser(harness.user("nina").toBuilder().groups(Set.of()).build());
    assertRefused(nina::locations, SignInRefusal.FEATURE_NOT_ENABLED);
    harness.directory.putUser(harness.user("nina").toBuilder().group(MY_STAFF_GROUP).build());
    assertThat(nina.locations()).hasSize(1);
  }

  @Test
  void disabledManagerRefusedWithSignInReasonOnNextCall() {
    rewire(
        b -> b.settings(MyStaffSettings.builder().sessionRecheckInterval(Duration.ZERO).build()));
    StaffSession nina = harness.signIn("nina");
    harness.directory.putUser(harness.user("nina").toBuilder().accountEnabled(false).build());
    int before = harness.log.size();
    assertRefused(() -> nina.resetPassword(UserId.of("alice")), SignInRefusal.ACCOUNT_UNAVAILABLE);
    assertOneSessionRefusal(before, "nina", SignInRefusal.ACCOUNT_UNAVAILABLE, "recheck");
  }

  @Test
  void managerWhoseRoleWasRemovedRefusedOnNextCall() {
    StaffSession nina = harness.signIn("nina");
    harness
        .directory
        .assignmentsOf(UserId.of("nina"))
        .forEach(a -> harness.directory.removeAssignment(a.id()));
    harness.clock.advance(MyStaffSettings.DEFAULT_SESSION_RECHECK_INTERVAL);
    assertRefused(
        () -> nina.searchUsers("alice", PageRequest.first(10)), SignInRefusal.NO_ADMIN_ROLE);
  }

  @Test
  void managerLeftWithReaderRoleRefusedOnNextCall() {
    StaffSession nina = harness.signIn("nina");
    harness
        .directory
        .assignmentsOf(UserId.of("nina"))
        .forEach(a -> harness.directory.removeAssignment(a.id()));
    harness.directory.addAssignment(
        io.mystaff.api.authz.RoleAssignment.of(
            AssignmentId.of("reader"),
            UserId.of("nina"),
            GLOBAL_READER,
            io.mystaff.api.authz.Scope.tenant()));
    harness.clock.advance(MyStaffSettings.DEFAULT_SESSION_RECHECK_INTERVAL);
    assertRefused(() -> nina.profile(UserId.of("alice")), SignInRefusal.NO_MY_STAFF_PERMISSION);
  }

  @Test
  void conditionalAccessAskedAgainOnRecheck() {
    ScriptedConditionalAccess access = ScriptedConditionalAccess.allowingAll();
    rewire(b -> b.conditionalAccess(access));
    StaffSession nina = harness.signIn("nina");
    access.block(UserId.of("nina"), "RISKY_SIGN_IN");

    nina.locations();
    assertThat(access.evaluationsOf(UserId.of("nina"))).isEqualTo(1);
    harness.clock.advance(Duration.ofMinutes(1));
    int before = harness.log.size();
    assertRefused(nina::locations, SignInRefusal.BLOCKED_BY_POLICY);
    assertThat(access.evaluationsOf(UserId.of("nina"))).isEqualTo(2);
    assertThat(harness.eventsSince(before))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.additionalDetails())
                    .containsEntry("conditionalAccessDetail", "RISKY_SIGN_IN")
                    .containsEntry("sessionCheck", "recheck"));
  }

  @Test
  void passingRecheckRecordsNothingAndAsksOncePerInterval() {
    ScriptedConditionalAccess access = ScriptedConditionalAccess.allowingAll();
    rewire(b -> b.conditionalAccess(access));
    StaffSession nina = harness.signIn("nina");
    int before = harness.log.size();
    for (int i = 0; i < 5; i++) {
      harness.clock.advance(Duration.ofSeconds(30));
      nina.locations();
    }
    assertThat(harness.log.size()).isEqualTo(before);
    assertThat(access.evaluationsOf(UserId.of("nina"))).isEqualTo(1 + 2); // at +60 s and +120 s
  }

  @Test
  void sessionPastLifetimeRefused() {
    StaffSession nina = harness.signIn("nina");
    assertThat(nina.expiresAt()).isEqualTo(StoreChain.T0.plus(Duration.ofHours(8)));
    harness.clock.set(nina.expiresAt().minusNanos(1));
    assertThat(nina.locations()).hasSize(1);
    harness.clock.set(nina.expiresAt());
    int before = harness.log.size();
    assertRefused(nina::locations, SignInRefusal.SESSION_EXPIRED);
    assertOneSessionRefusal(before, "nina", SignInRefusal.SESSION_EXPIRED, "lifetime");
    assertRefused(() -> nina.resetPassword(UserId.of("alice")), SignInRefusal.SESSION_EXPIRED);
    assertRefused(nina::manager, SignInRefusal.SESSION_EXPIRED);
    assertThat(harness.signIn("nina").locations())
        .hasSize(1); // signing in again opens a new session
  }

  @Test
  void sessionLifetimeIsConfigurable() {
    rewire(
        b -> b.settings(MyStaffSettings.builder().sessionLifetime(Duration.ofMinutes(15)).build()));
    StaffSession nina = harness.signIn("nina");
    harness.clock.advance(Duration.ofMinutes(15));
    assertRefused(nina::singleLocation, SignInRefusal.SESSION_EXPIRED);
  }

  // ---- 8. Guests are view-only ----

  @Test
  void guestPasswordResetDenied() {
    StaffSession nina = harness.signIn("nina");
    int before = harness.log.size();
    assertThatThrownBy(() -> nina.resetPassword(UserId.of("gus")))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.reason()).isEqualTo(DenyReason.GUEST_ACCOUNT));
    assertThat(harness.eventsSince(before))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.activity()).isEqualTo(AuditActivity.RESET_PASSWORD);
              assertThat(e.outcome()).isEqualTo(AuditOutcome.DENIED);
              assertThat(e.resultReason()).contains("GUEST_ACCOUNT");
            });
  }

  @Test
  void guestPhoneChangeDenied() {
    StaffSession nina = harness.signIn("nina");
    assertThatThrownBy(() -> nina.setPhone(UserId.of("gus"), PhoneType.MOBILE, "+14255550100"))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.reason()).isEqualTo(DenyReason.GUEST_ACCOUNT));
    assertThatThrownBy(() -> nina.removePhone(UserId.of("gus"), PhoneType.MOBILE))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.reason()).isEqualTo(DenyReason.GUEST_ACCOUNT));
    assertThat(harness.user("gus").phone(PhoneType.MOBILE))
        .contains(PhoneNumber.of("+14255550188"));
  }

  @Test
  void guestProfileViewOnlyWithMaskedNumber() {
    StaffSession nina = harness.signIn("nina");
    UserProfile gus = nina.profile(UserId.of("gus"));
    assertThat(gus.allowedActions()).containsExactly(StaffAction.VIEW_PROFILE);
    assertThat(gus.user().isGuest()).isTrue();
    assertThat(gus.phones().get(PhoneType.MOBILE).masked()).isTrue();
    StaffMember listed = nina.searchUsers("gus", PageRequest.first(5)).items().get(0);
    assertThat(listed.canManage()).isFalse();
  }

  private static void assertRefused(ThrowingCallable call, SignInRefusal reason) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            SignInRefusedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  private void assertOneSessionRefusal(
      int before, String manager, SignInRefusal reason, String check) {
    assertThat(harness.eventsSince(before))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.activity()).isEqualTo(AuditActivity.SIGN_IN);
              assertThat(e.outcome()).isEqualTo(AuditOutcome.DENIED);
              assertThat(e.resultReason()).contains(reason.name());
              assertThat(e.initiatedBy().id()).isEqualTo(UserId.of(manager));
              assertThat(e.additionalDetails())
                  .containsEntry("sessionCheck", check)
                  .containsEntry("origin", "MyStaff");
            });
  }

  private static void assertNoNumberIn(String text, String... pieces) {
    for (String piece : pieces) {
      assertThat(text).doesNotContain(piece);
    }
  }
}
