package io.mystaff.tests.workflows;

import static io.mystaff.api.authz.BuiltInRole.AUTHENTICATION_ADMINISTRATOR;
import static io.mystaff.api.authz.BuiltInRole.GLOBAL_ADMINISTRATOR;
import static io.mystaff.api.authz.BuiltInRole.HELPDESK_ADMINISTRATOR;
import static io.mystaff.api.authz.BuiltInRole.PRIVILEGED_AUTHENTICATION_ADMINISTRATOR;
import static io.mystaff.api.authz.BuiltInRole.PRIVILEGED_ROLE_ADMINISTRATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.AssignmentId;
import io.mystaff.api.GroupId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.RoleId;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.access.SignInContext;
import io.mystaff.api.access.SignInRefusal;
import io.mystaff.api.access.SignInRefusedException;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.authz.AccessDeniedException;
import io.mystaff.api.authz.DenyReason;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.RoleCatalog;
import io.mystaff.api.authz.RoleDefinition;
import io.mystaff.api.authz.Scope;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.core.MyStaff;
import io.mystaff.core.PasswordResetResult;
import io.mystaff.core.StaffSession;
import io.mystaff.inmemory.InMemoryAuditLog;
import io.mystaff.inmemory.InMemoryDirectory;
import io.mystaff.spi.ForwardingDirectory;
import io.mystaff.testkit.fakes.MutableClock;
import io.mystaff.testkit.fixtures.Fixtures;
import io.mystaff.testkit.fixtures.Tenant;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The escalation paths of issue 9 (items 2 to 4), end to end through {@link MyStaff} on the
 * in-memory provider: each test is named after the attack it stops.
 *
 * <pre>
 * units     store "Store" (assigned)
 * staff     plain (store), gaByGroup (store, member of "global-admins", which holds GA),
 *           ragMember (store, member of "pilots", a role-assignable group whose only assignment, an
 *           eligible Privileged Role Administrator, has ended), soonGa (store, GA from T0 + 1 day),
 *           eligibleGa (store, eligible GA), formerGa (store, GA until T0 - 1 day)
 * managers  helpdeskByGroup  member of "store-helpdesk": Helpdesk Administrator at store, via group
 *           auth             Authentication Administrator at store (direct)
 *           tenantHelpdesk   Helpdesk Administrator, tenant-wide
 *           unitPaa          Privileged Authentication Administrator at store
 *           tenantPaa        Privileged Authentication Administrator, tenant-wide
 *           hopeful          eligible Helpdesk Administrator at store only
 * </pre>
 */
class EscalationPathsTest {
  private final Harness harness = Harness.of(tenant(), b -> {});

  @AfterEach
  void close() {
    harness.close();
  }

  private static Tenant tenant() {
    return Fixtures.tenant()
        .unit("store", "Store")
        .cloudUser("plain", u -> u.in("store"))
        .cloudUser("gaByGroup", u -> u.in("store").group("global-admins"))
        .cloudUser("ragMember", u -> u.in("store").group("pilots"))
        .cloudUser("soonGa", u -> u.in("store"))
        .cloudUser("eligibleGa", u -> u.in("store"))
        .cloudUser("formerGa", u -> u.in("store"))
        .cloudUser("helpdeskByGroup", u -> u.group("store-helpdesk"))
        .groupAdmin("global-admins", GLOBAL_ADMINISTRATOR)
        .groupAssignment(
            "pilots",
            a ->
                a.role(PRIVILEGED_ROLE_ADMINISTRATOR)
                    .eligible()
                    .from(StoreChain.T0.minus(Duration.ofDays(30)))
                    .until(StoreChain.T0.minus(Duration.ofDays(20))))
        .groupAdmin("store-helpdesk", HELPDESK_ADMINISTRATOR, "store")
        .admin("auth", AUTHENTICATION_ADMINISTRATOR, "store")
        .tenantAdmin("tenantHelpdesk", HELPDESK_ADMINISTRATOR)
        .admin("unitPaa", PRIVILEGED_AUTHENTICATION_ADMINISTRATOR, "store")
        .tenantAdmin("tenantPaa", PRIVILEGED_AUTHENTICATION_ADMINISTRATOR)
        .assignment(
            "soonGa",
            a ->
                a.role(GLOBAL_ADMINISTRATOR)
                    .from(StoreChain.T0.plus(Duration.ofDays(1)))
                    .until(StoreChain.T0.plus(Duration.ofDays(60))))
        .assignment("eligibleGa", a -> a.role(GLOBAL_ADMINISTRATOR).eligible())
        .assignment(
            "formerGa",
            a ->
                a.role(GLOBAL_ADMINISTRATOR)
                    .from(StoreChain.T0.minus(Duration.ofDays(60)))
                    .until(StoreChain.T0.minus(Duration.ofDays(1))))
        .assignment("hopeful", a -> a.role(HELPDESK_ADMINISTRATOR).unit("store").eligible())
        .build();
  }

  private static UserId id(String alias) {
    return UserId.of(alias);
  }

  private static DenyReason denial(Runnable change) {
    try {
      change.run();
    } catch (AccessDeniedException e) {
      return e.reason();
    }
    throw new AssertionError("the change was permitted");
  }

  @Test
  void managerWithHelpdeskThroughGroupIsAdmittedAndResetsPlainMember() {
    StaffSession manager = harness.signIn("helpdeskByGroup");
    assertThat(manager.locations())
        .extracting(l -> l.scope())
        .containsExactly(Scope.unit(UnitId.of("store")));

    PasswordResetResult result = manager.resetPassword(id("plain"));

    assertThat(result).isInstanceOf(PasswordResetResult.TemporaryPassword.class);
    AuditEvent event = harness.events().get(harness.events().size() - 1);
    assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
    assertThat(event.additionalDetails())
        .containsEntry("grantedByAssignment", "store-helpdesk:HELPDESK_ADMINISTRATOR:store");
  }

  @Test
  void groupHeldGlobalAdminIsProtected() {
    StaffSession helpdesk = harness.signIn("tenantHelpdesk");
    StaffSession auth = harness.signIn("auth");
    assertThat(denial(() -> helpdesk.resetPassword(id("gaByGroup"))))
        .isEqualTo(DenyReason.TARGET_PROTECTED);
    assertThat(denial(() -> auth.resetPassword(id("gaByGroup"))))
        .isEqualTo(DenyReason.TARGET_PROTECTED);
    assertThat(denial(() -> auth.setPhone(id("gaByGroup"), PhoneType.MOBILE, "+14255550100")))
        .isEqualTo(DenyReason.TARGET_PROTECTED);
    assertThat(harness.signIn("tenantPaa").resetPassword(id("gaByGroup")))
        .isInstanceOf(PasswordResetResult.TemporaryPassword.class);
  }

  @Test
  void groupHeldGlobalAdminCannotBeResetByAGroupHeldHelpdeskEither() {
    StaffSession manager = harness.signIn("helpdeskByGroup");
    assertThat(denial(() -> manager.resetPassword(id("gaByGroup"))))
        .isEqualTo(DenyReason.TARGET_PROTECTED);
    assertThat(manager.profile(id("gaByGroup")).allowedActions())
        .doesNotContain(StaffAction.RESET_PASSWORD);
  }

  @Test
  void unitScopedAdminCannotResetRoleAssignableGroupMember() {
    // ragMember holds nothing now (the group's only assignment ended), but is in a group that
    // holds a role: only Privileged Authentication or Global Administrator at tenant scope.
    assertThat(harness.directory.isRoleAssignableGroupMember(id("ragMember"))).isTrue();
    StaffSession unitPaa = harness.signIn("unitPaa");
    assertThat(denial(() -> unitPaa.resetPassword(id("ragMember"))))
        .isEqualTo(DenyReason.TARGET_PROTECTED);
    assertThat(denial(() -> unitPaa.setPhone(id("ragMember"), PhoneType.MOBILE, "+14255550100")))
        .isEqualTo(DenyReason.TARGET_PROTECTED);
    assertThat(unitPaa.resetPassword(id("plain")))
        .isInstanceOf(PasswordResetResult.TemporaryPassword.class);
    assertThat(harness.signIn("tenantPaa").resetPassword(id("ragMember")))
        .isInstanceOf(PasswordResetResult.TemporaryPassword.class);
  }

  @Test
  void targetWithScheduledGlobalAdminIsProtectedNow() {
    StaffSession auth = harness.signIn("auth");
    assertThat(denial(() -> auth.resetPassword(id("soonGa"))))
        .isEqualTo(DenyReason.TARGET_PROTECTED);
    assertThat(denial(() -> auth.setPhone(id("soonGa"), PhoneType.MOBILE, "+14255550100")))
        .isEqualTo(DenyReason.TARGET_PROTECTED);
    harness.clock.advance(Duration.ofDays(2));
    StaffSession later = harness.signIn("auth"); // sessions last 8 hours
    assertThat(denial(() -> later.resetPassword(id("soonGa"))))
        .as("once active")
        .isEqualTo(DenyReason.TARGET_PROTECTED);
    harness.clock.advance(Duration.ofDays(60));
    assertThat(harness.signIn("auth").resetPassword(id("soonGa")))
        .as("after it ended")
        .isInstanceOf(PasswordResetResult.TemporaryPassword.class);
  }

  @Test
  void targetWithEligibleGlobalAdminIsProtected() {
    StaffSession auth = harness.signIn("auth");
    assertThat(denial(() -> auth.resetPassword(id("eligibleGa"))))
        .isEqualTo(DenyReason.TARGET_PROTECTED);
    assertThat(denial(() -> auth.setPhone(id("eligibleGa"), PhoneType.MOBILE, "+14255550100")))
        .isEqualTo(DenyReason.TARGET_PROTECTED);
  }

  @Test
  void expiredAssignmentDoesNotProtect() {
    StaffSession auth = harness.signIn("auth");
    assertThat(auth.resetPassword(id("formerGa")))
        .isInstanceOf(PasswordResetResult.TemporaryPassword.class);
    assertThat(auth.setPhone(id("formerGa"), PhoneType.MOBILE, "+14255550100")).isNotNull();
  }

  @Test
  void eligibleManagerIsRefusedAtSignIn() {
    assertThatThrownBy(() -> harness.signIn("hopeful"))
        .isInstanceOfSatisfying(
            SignInRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(SignInRefusal.NO_ADMIN_ROLE));
  }

  @Test
  void globalAdminScopedToUnitRejectedAtCreation() {
    assertThatThrownBy(
            () ->
                RoleAssignment.of(
                    AssignmentId.of("x"),
                    id("plain"),
                    GLOBAL_ADMINISTRATOR,
                    Scope.unit(UnitId.of("store"))))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () ->
                Fixtures.tenant()
                    .unit("store", "Store")
                    .admin("ga", GLOBAL_ADMINISTRATOR, "store")
                    .build())
        .isInstanceOf(InvalidInputException.class);
    RoleDefinition apps =
        RoleDefinition.custom(
            RoleId.of("apps"),
            "App registrations",
            Set.of("microsoft.directory/applications/create"));
    harness.directory.putCustomRole(apps);
    assertThatThrownBy(
            () ->
                harness.directory.addAssignment(
                    RoleAssignment.of(
                        AssignmentId.of("x"),
                        id("plain"),
                        apps.id(),
                        Scope.unit(UnitId.of("store")))))
        .isInstanceOf(InvalidInputException.class);
  }

  /**
   * A provider that still reports a unit-scoped assignment of a role Entra refuses there (here a
   * custom role redefined without user permissions after it was assigned; a unit-scoped Global
   * Administrator cannot even be constructed): the engine grants nothing from it.
   */
  @Test
  void providerReturningUnitScopedUnassignableRoleGrantsNothing() {
    RoleId phones = RoleId.of("store-phones");
    RoleDefinition granted =
        RoleDefinition.custom(
            phones,
            "Store phones",
            Set.of(
                StaffAction.MANAGE_PHONES.resourceAction(),
                StaffAction.RESET_PASSWORD.resourceAction()));
    InMemoryDirectory real =
        Fixtures.inMemoryDirectory(
            Fixtures.tenant()
                .unit("store", "Store")
                .cloudUser("plain", u -> u.in("store"))
                .customRole(granted)
                .admin("mgr", phones.value(), "store")
                .build());
    RoleCatalog redefined =
        RoleCatalog.of(
            List.of(
                RoleDefinition.custom(
                    phones, "Store phones", Set.of("microsoft.directory/applications/create"))));
    java.util.concurrent.atomic.AtomicBoolean redefinedNow =
        new java.util.concurrent.atomic.AtomicBoolean();
    ForwardingDirectory stale =
        new ForwardingDirectory(real) {
          @Override
          public RoleCatalog roles() {
            return redefinedNow.get() ? redefined : super.roles();
          }
        };
    MutableClock clock = MutableClock.at(StoreChain.T0);
    InMemoryAuditLog log = new InMemoryAuditLog();
    try (MyStaff myStaff =
        MyStaff.builder()
            .directory(stale)
            .directoryWriter(real)
            .auditSink(log)
            .clock(clock)
            .auditRelay(Runnable::run)
            .build()) {
      StaffSession mgr = myStaff.signIn(SignInContext.of(id("mgr"), true));
      redefinedNow.set(true); // the role loses its user permissions while the session is open
      assertThatThrownBy(() -> myStaff.signIn(SignInContext.of(id("mgr"), true)))
          .as("a new sign-in with only that role")
          .isInstanceOfSatisfying(
              SignInRefusedException.class,
              e -> assertThat(e.reason()).isEqualTo(SignInRefusal.NO_MY_STAFF_PERMISSION));

      assertThat(denial(() -> mgr.resetPassword(id("plain"))))
          .isEqualTo(DenyReason.ROLE_NOT_ASSIGNABLE_AT_UNIT_SCOPE);
      assertThat(denial(() -> mgr.setPhone(id("plain"), PhoneType.MOBILE, "+14255550100")))
          .isEqualTo(DenyReason.ROLE_NOT_ASSIGNABLE_AT_UNIT_SCOPE);
      assertThat(denial(() -> mgr.profile(id("plain"))))
          .isEqualTo(DenyReason.ROLE_NOT_ASSIGNABLE_AT_UNIT_SCOPE);
      assertThat(mgr.locations()).isEmpty();
      assertThat(log.all())
          .last()
          .satisfies(
              e -> {
                assertThat(e.outcome()).isEqualTo(AuditOutcome.DENIED);
                assertThat(e.resultReason())
                    .hasValueSatisfying(
                        r -> assertThat(r).contains("ROLE_NOT_ASSIGNABLE_AT_UNIT_SCOPE"));
              });
    }
    assertThat(DenyReason.ROLE_NOT_ASSIGNABLE_AT_UNIT_SCOPE.message())
        .doesNotContain("_")
        .contains("location");
  }

  @Test
  void groupRolesFollowMembership() {
    GroupId helpdesk = GroupId.of("store-helpdesk");
    assertThat(harness.directory.assignmentsOf(id("helpdeskByGroup")))
        .extracting(RoleAssignment::principal)
        .containsExactly(helpdesk);
    harness.directory.putUser(harness.user("helpdeskByGroup").toBuilder().groups(Set.of()).build());
    assertThatThrownBy(() -> harness.signIn("helpdeskByGroup"))
        .isInstanceOf(SignInRefusedException.class);
  }
}
