package io.mystaff.core.authz;

import static io.mystaff.api.authz.BuiltInRole.AUTHENTICATION_ADMINISTRATOR;
import static io.mystaff.api.authz.BuiltInRole.DIRECTORY_READERS;
import static io.mystaff.api.authz.BuiltInRole.GLOBAL_ADMINISTRATOR;
import static io.mystaff.api.authz.BuiltInRole.GROUPS_ADMINISTRATOR;
import static io.mystaff.api.authz.BuiltInRole.HELPDESK_ADMINISTRATOR;
import static io.mystaff.api.authz.BuiltInRole.PASSWORD_ADMINISTRATOR;
import static io.mystaff.api.authz.BuiltInRole.PRIVILEGED_AUTHENTICATION_ADMINISTRATOR;
import static io.mystaff.api.authz.BuiltInRole.USER_ADMINISTRATOR;
import static io.mystaff.api.authz.StaffAction.MANAGE_PHONES;
import static io.mystaff.api.authz.StaffAction.RESET_PASSWORD;
import static io.mystaff.api.authz.StaffAction.REVOKE_SESSIONS;
import static io.mystaff.api.authz.StaffAction.UNLOCK_ACCOUNT;
import static io.mystaff.api.authz.StaffAction.VIEW_PROFILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.AssignmentId;
import io.mystaff.api.GroupId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.Principal;
import io.mystaff.api.RoleId;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.authz.ActorFacts;
import io.mystaff.api.authz.BuiltInRole;
import io.mystaff.api.authz.Decision;
import io.mystaff.api.authz.DenyReason;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.RoleCatalog;
import io.mystaff.api.authz.RoleDefinition;
import io.mystaff.api.authz.Scope;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.authz.TargetFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class AuthorizationEngineTest {
  private static final AuthorizationEngine ENGINE = AuthorizationEngine.standard();
  private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
  private static final UserId ACTOR = UserId.of("actor");
  private static final UserId TARGET = UserId.of("target");
  private static final UnitId SALES = UnitId.of("sales");
  private static final UnitId PARIS = UnitId.of("paris");
  private static final UnitId EXEC = UnitId.of("exec");
  private static final UnitId VAULT = UnitId.of("vault");
  private static final RoleId RESETTER = RoleId.of("custom-resetter");
  private static final RoleId PHONER = RoleId.of("custom-phoner");
  private static final RoleId READER = RoleId.of("custom-reader");

  /** A custom role without any user, group or device permission: not assignable at unit scope. */
  private static final RoleId APPS = RoleId.of("custom-apps");

  private static final RoleCatalog CATALOG =
      RoleCatalog.of(
          List.of(
              RoleDefinition.custom(
                  APPS, "App registrations", Set.of("microsoft.directory/applications/create")),
              RoleDefinition.custom(
                  RESETTER, "Store password resetter", Set.of(RESET_PASSWORD.resourceAction())),
              RoleDefinition.custom(
                  PHONER, "Store phone manager", Set.of(MANAGE_PHONES.resourceAction())),
              RoleDefinition.custom(
                  READER, "Store reader", Set.of(VIEW_PROFILE.resourceAction()))));

  private static final AtomicInteger IDS = new AtomicInteger();

  private static final BuiltInRole PRIVILEGED_ROLE_ADMINISTRATOR_ROLE =
      BuiltInRole.PRIVILEGED_ROLE_ADMINISTRATOR;

  private static RoleAssignment grant(Principal who, RoleId role, Scope scope) {
    return RoleAssignment.of(AssignmentId.of("a" + IDS.incrementAndGet()), who, role, scope);
  }

  private static RoleAssignment grant(Principal who, BuiltInRole role, Scope scope) {
    return grant(who, role.templateId(), scope);
  }

  private static ActorFacts actor(RoleAssignment... assignments) {
    return new ActorFacts(ACTOR, List.of(assignments));
  }

  private static ActorFacts actorWith(BuiltInRole role, Scope scope) {
    return actor(grant(ACTOR, role, scope));
  }

  private static TargetFacts plainTarget(UnitId... units) {
    return TargetFacts.member(TARGET, Set.of(units));
  }

  private static TargetFacts targetHolding(BuiltInRole role) {
    return new TargetFacts(
        TARGET, Set.of(SALES), Set.of(), List.of(grant(TARGET, role, Scope.tenant())), false);
  }

  private static Decision decide(ActorFacts actor, StaffAction action, TargetFacts target) {
    return ENGINE.decide(actor, action, target, CATALOG, NOW);
  }

  private static DenyReason reason(Decision d) {
    assertThat(d.isPermit()).as("expected a deny, got %s", d).isFalse();
    return d.denyReason().orElseThrow();
  }

  private static RoleAssignment grantedBy(Decision d) {
    assertThat(d).as("expected a permit").isInstanceOf(Decision.Permit.class);
    return ((Decision.Permit) d).grantedBy();
  }

  @Nested
  class Guests {
    private final TargetFacts guest = plainTarget(SALES).asGuest();

    @Test
    void guestPasswordResetDenied() {
      assertThat(
              reason(
                  decide(actorWith(GLOBAL_ADMINISTRATOR, Scope.tenant()), RESET_PASSWORD, guest)))
          .isEqualTo(DenyReason.GUEST_ACCOUNT);
      assertThat(
              reason(
                  decide(
                      actorWith(HELPDESK_ADMINISTRATOR, Scope.unit(SALES)), RESET_PASSWORD, guest)))
          .isEqualTo(DenyReason.GUEST_ACCOUNT);
    }

    @Test
    void guestPhoneChangeDenied() {
      assertThat(
              reason(
                  decide(
                      actorWith(AUTHENTICATION_ADMINISTRATOR, Scope.unit(SALES)),
                      MANAGE_PHONES,
                      guest)))
          .isEqualTo(DenyReason.GUEST_ACCOUNT);
      assertThat(reason(decide(actor(grant(ACTOR, PHONER, Scope.tenant())), MANAGE_PHONES, guest)))
          .isEqualTo(DenyReason.GUEST_ACCOUNT);
    }

    @Test
    void guestProfileStillViewable() {
      ActorFacts tenantAdmin = actorWith(PRIVILEGED_AUTHENTICATION_ADMINISTRATOR, Scope.tenant());
      assertThat(decide(tenantAdmin, VIEW_PROFILE, guest).isPermit()).isTrue();
      assertThat(ENGINE.allowedActions(tenantAdmin, guest, CATALOG, NOW))
          .containsExactly(VIEW_PROFILE);
      assertThat(ENGINE.allowedActions(tenantAdmin, plainTarget(SALES), CATALOG, NOW))
          .containsExactlyInAnyOrder(
              VIEW_PROFILE, RESET_PASSWORD, MANAGE_PHONES, REVOKE_SESSIONS, UNLOCK_ACCOUNT);
    }

    @Test
    void guestDeniedOnlyWhenEverythingElseWouldPermit() {
      // Each earlier filter keeps its own reason for a guest, so the reason stays the most
      // specific.
      assertThat(reason(decide(actor(), RESET_PASSWORD, guest)))
          .isEqualTo(DenyReason.NO_ACTIVE_ROLE);
      assertThat(reason(decide(actor(grant(ACTOR, PHONER, Scope.tenant())), RESET_PASSWORD, guest)))
          .isEqualTo(DenyReason.ROLE_LACKS_PERMISSION);
      assertThat(
              reason(
                  decide(
                      actorWith(HELPDESK_ADMINISTRATOR, Scope.unit(PARIS)), RESET_PASSWORD, guest)))
          .isEqualTo(DenyReason.TARGET_OUT_OF_SCOPE);
      TargetFacts restrictedGuest =
          new TargetFacts(TARGET, Set.of(VAULT), Set.of(VAULT), List.of(), false, true);
      assertThat(
              reason(
                  decide(
                      actorWith(GLOBAL_ADMINISTRATOR, Scope.tenant()),
                      RESET_PASSWORD,
                      restrictedGuest)))
          .isEqualTo(DenyReason.RESTRICTED_MANAGEMENT_UNIT);
      TargetFacts adminGuest =
          new TargetFacts(
              TARGET,
              Set.of(SALES),
              Set.of(),
              List.of(grant(TARGET, GLOBAL_ADMINISTRATOR, Scope.tenant())),
              false,
              true);
      assertThat(
              reason(
                  decide(
                      actorWith(HELPDESK_ADMINISTRATOR, Scope.tenant()),
                      RESET_PASSWORD,
                      adminGuest)))
          .isEqualTo(DenyReason.TARGET_PROTECTED);
      assertThat(
              reason(
                  decide(
                      actorWith(HELPDESK_ADMINISTRATOR, Scope.tenant()),
                      RESET_PASSWORD,
                      TargetFacts.member(ACTOR, Set.of()).asGuest())))
          .isEqualTo(DenyReason.SELF_ACTION);
    }

    @Test
    void guestFlag_keptByFactoryAndOldConstructorMeansMember() {
      assertThat(guest.guest()).isTrue();
      assertThat(guest.asGuest()).isEqualTo(guest);
      assertThat(plainTarget(SALES).guest()).isFalse();
      assertThat(new TargetFacts(TARGET, Set.of(), Set.of(), List.of(), true).guest()).isFalse();
      assertThat(guest.units()).containsExactly(SALES);
      assertThat(DenyReason.GUEST_ACCOUNT.message()).contains("guest");
    }
  }

  @Nested
  class GroupsEligibilityAndUnitScope {
    private final GroupId admins = GroupId.of("helpdesk-group");
    private final GroupId globals = GroupId.of("global-admins");

    @Test
    void groupHeldGlobalAdminIsProtected() {
      RoleAssignment viaGroup = grant(globals, GLOBAL_ADMINISTRATOR, Scope.tenant());
      TargetFacts t = new TargetFacts(TARGET, Set.of(SALES), Set.of(), List.of(viaGroup), true);
      for (BuiltInRole role :
          List.of(
              HELPDESK_ADMINISTRATOR,
              USER_ADMINISTRATOR,
              PASSWORD_ADMINISTRATOR,
              AUTHENTICATION_ADMINISTRATOR)) {
        assertThat(reason(decide(actorWith(role, Scope.tenant()), RESET_PASSWORD, t)))
            .as("%s", role)
            .isEqualTo(DenyReason.TARGET_PROTECTED);
      }
      assertThat(
              decide(
                      actorWith(PRIVILEGED_AUTHENTICATION_ADMINISTRATOR, Scope.tenant()),
                      RESET_PASSWORD,
                      t)
                  .isPermit())
          .isTrue();
    }

    @Test
    void managerWithHelpdeskThroughGroupCanResetPlainMember() {
      RoleAssignment viaGroup = grant(admins, HELPDESK_ADMINISTRATOR, Scope.unit(SALES));
      ActorFacts manager = actor(viaGroup);
      assertThat(grantedBy(decide(manager, RESET_PASSWORD, plainTarget(SALES))))
          .isEqualTo(viaGroup);
      assertThat(grantedBy(decide(manager, VIEW_PROFILE, plainTarget()))).isEqualTo(viaGroup);
      assertThat(ENGINE.holdsActiveRole(manager, NOW)).isTrue();
      assertThat(reason(decide(manager, RESET_PASSWORD, plainTarget(PARIS))))
          .isEqualTo(DenyReason.TARGET_OUT_OF_SCOPE);
    }

    @Test
    void targetWithScheduledGlobalAdminIsProtectedNow() {
      RoleAssignment tomorrow =
          grant(TARGET, GLOBAL_ADMINISTRATOR, Scope.tenant())
              .during(NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)));
      TargetFacts t = new TargetFacts(TARGET, Set.of(SALES), Set.of(), List.of(tomorrow), false);
      for (StaffAction action : List.of(RESET_PASSWORD, MANAGE_PHONES)) {
        assertThat(
                reason(
                    decide(actorWith(AUTHENTICATION_ADMINISTRATOR, Scope.unit(SALES)), action, t)))
            .as("%s", action)
            .isEqualTo(DenyReason.TARGET_PROTECTED);
        assertThat(
                reason(decide(actorWith(AUTHENTICATION_ADMINISTRATOR, Scope.tenant()), action, t)))
            .as("%s at tenant scope", action)
            .isEqualTo(DenyReason.TARGET_PROTECTED);
      }
    }

    @Test
    void targetWithEligibleGlobalAdminIsProtected() {
      RoleAssignment eligible = grant(TARGET, GLOBAL_ADMINISTRATOR, Scope.tenant()).eligible();
      TargetFacts t = new TargetFacts(TARGET, Set.of(SALES), Set.of(), List.of(eligible), false);
      assertThat(
              reason(decide(actorWith(HELPDESK_ADMINISTRATOR, Scope.tenant()), RESET_PASSWORD, t)))
          .isEqualTo(DenyReason.TARGET_PROTECTED);
      assertThat(
              decide(actorWith(GLOBAL_ADMINISTRATOR, Scope.tenant()), RESET_PASSWORD, t).isPermit())
          .isTrue();
    }

    @Test
    void expiredAssignmentDoesNotProtect() {
      RoleAssignment expired =
          grant(TARGET, GLOBAL_ADMINISTRATOR, Scope.tenant())
              .during(NOW.minus(Duration.ofDays(2)), NOW);
      RoleAssignment expiredEligible =
          grant(TARGET, PRIVILEGED_ROLE_ADMINISTRATOR_ROLE, Scope.tenant())
              .during(NOW.minus(Duration.ofDays(2)), NOW)
              .eligible();
      TargetFacts t =
          new TargetFacts(
              TARGET, Set.of(SALES), Set.of(), List.of(expired, expiredEligible), false);
      assertThat(
              decide(actorWith(HELPDESK_ADMINISTRATOR, Scope.unit(SALES)), RESET_PASSWORD, t)
                  .isPermit())
          .isTrue();
      // one nanosecond earlier both are still in force and protect
      assertThat(
              ENGINE
                  .decide(
                      actorWith(HELPDESK_ADMINISTRATOR, Scope.unit(SALES)),
                      RESET_PASSWORD,
                      t,
                      CATALOG,
                      NOW.minusNanos(1))
                  .denyReason())
          .contains(DenyReason.TARGET_PROTECTED);
    }

    @Test
    void eligibleAssignmentGrantsNothingAndDoesNotAdmit() {
      ActorFacts eligibleGa = actor(grant(ACTOR, GLOBAL_ADMINISTRATOR, Scope.tenant()).eligible());
      for (StaffAction action : StaffAction.values()) {
        assertThat(reason(decide(eligibleGa, action, plainTarget())))
            .as("%s", action)
            .isEqualTo(DenyReason.NO_ACTIVE_ROLE);
      }
      assertThat(ENGINE.holdsActiveRole(eligibleGa, NOW)).isFalse();
      assertThat(ENGINE.scopesFor(eligibleGa, RESET_PASSWORD, CATALOG, NOW)).isEmpty();
      assertThat(ENGINE.scopesFor(eligibleGa, VIEW_PROFILE, CATALOG, NOW)).isEmpty();
    }

    @Test
    void unitScopedRoleNotAssignableThereGrantsNothing() {
      RoleAssignment apps = grant(ACTOR, APPS, Scope.unit(SALES));
      ActorFacts a = actor(apps);
      for (StaffAction action : StaffAction.values()) {
        assertThat(reason(decide(a, action, plainTarget(SALES))))
            .as("%s", action)
            .isEqualTo(DenyReason.ROLE_NOT_ASSIGNABLE_AT_UNIT_SCOPE);
      }
      assertThat(ENGINE.scopesFor(a, VIEW_PROFILE, CATALOG, NOW)).isEmpty();
      assertThat(ENGINE.allowedActions(a, plainTarget(SALES), CATALOG, NOW)).isEmpty();
      // At tenant scope the same role counts: it lets its holder view, and lacks the changes.
      ActorFacts tenantWide = actor(grant(ACTOR, APPS, Scope.tenant()));
      assertThat(decide(tenantWide, VIEW_PROFILE, plainTarget()).isPermit()).isTrue();
      assertThat(reason(decide(tenantWide, RESET_PASSWORD, plainTarget())))
          .isEqualTo(DenyReason.ROLE_LACKS_PERMISSION);
    }

    @Test
    void unitScopedRoleUnknownToCatalog_deniedNotAssignableAtUnitScope() {
      ActorFacts a = actor(grant(ACTOR, RoleId.of("not-in-catalog"), Scope.unit(SALES)));
      assertThat(reason(decide(a, VIEW_PROFILE, plainTarget(SALES))))
          .isEqualTo(DenyReason.ROLE_NOT_ASSIGNABLE_AT_UNIT_SCOPE);
      assertThat(reason(decide(a, RESET_PASSWORD, plainTarget(SALES))))
          .isEqualTo(DenyReason.ROLE_NOT_ASSIGNABLE_AT_UNIT_SCOPE);
    }

    @Test
    void notAssignableNextToValidAssignment_laterFiltersDecide() {
      RoleAssignment apps = grant(ACTOR, APPS, Scope.unit(SALES));
      RoleAssignment reader = grant(ACTOR, DIRECTORY_READERS, Scope.tenant());
      RoleAssignment helpdesk = grant(ACTOR, HELPDESK_ADMINISTRATOR, Scope.unit(PARIS));
      assertThat(grantedBy(decide(actor(apps, reader), VIEW_PROFILE, plainTarget())))
          .isEqualTo(reader);
      assertThat(reason(decide(actor(apps, reader), RESET_PASSWORD, plainTarget(SALES))))
          .isEqualTo(DenyReason.ROLE_LACKS_PERMISSION);
      assertThat(reason(decide(actor(apps, helpdesk), RESET_PASSWORD, plainTarget(SALES))))
          .isEqualTo(DenyReason.TARGET_OUT_OF_SCOPE);
      assertThat(ENGINE.scopesFor(actor(apps, helpdesk), RESET_PASSWORD, CATALOG, NOW))
          .containsExactly(Scope.unit(PARIS));
      // an expired assignment is not active: without any active one the reason stays NO_ACTIVE_ROLE
      RoleAssignment expired =
          grant(ACTOR, HELPDESK_ADMINISTRATOR, Scope.tenant()).during(NOW.minusSeconds(9), NOW);
      assertThat(reason(decide(actor(expired), VIEW_PROFILE, plainTarget())))
          .isEqualTo(DenyReason.NO_ACTIVE_ROLE);
    }

    @Test
    void factsAcceptGroupPrincipalsButNotOtherUsers() {
      RoleAssignment other =
          grant(UserId.of("someone-else"), HELPDESK_ADMINISTRATOR, Scope.tenant());
      assertThatThrownBy(() -> actor(other)).isInstanceOf(InvalidInputException.class);
      assertThatThrownBy(() -> new TargetFacts(TARGET, Set.of(), Set.of(), List.of(other), false))
          .isInstanceOf(InvalidInputException.class);
      RoleAssignment group = grant(admins, HELPDESK_ADMINISTRATOR, Scope.tenant());
      assertThat(actor(group).assignments()).containsExactly(group);
      assertThat(new TargetFacts(TARGET, Set.of(), Set.of(), List.of(group), true).assignments())
          .containsExactly(group);
    }
  }

  @Nested
  class ViewProfile {
    @Test
    void decide_anyActiveRoleAndTargetOutsideScope_permitted() {
      RoleAssignment readers = grant(ACTOR, GROUPS_ADMINISTRATOR, Scope.unit(PARIS));
      Decision d = decide(actor(readers), VIEW_PROFILE, plainTarget(SALES));
      assertThat(grantedBy(d)).isEqualTo(readers);
    }

    @Test
    void decide_onSelf_permitted() {
      Decision d =
          decide(
              actorWith(HELPDESK_ADMINISTRATOR, Scope.tenant()),
              VIEW_PROFILE,
              TargetFacts.member(ACTOR, Set.of()));
      assertThat(d.isPermit()).isTrue();
    }

    @Test
    void decide_targetInRestrictedUnitByTenantAdmin_permitted() {
      TargetFacts vip = new TargetFacts(TARGET, Set.of(EXEC), Set.of(EXEC), List.of(), false);
      assertThat(
              decide(actorWith(HELPDESK_ADMINISTRATOR, Scope.tenant()), VIEW_PROFILE, vip)
                  .isPermit())
          .isTrue();
    }

    @Test
    void decide_protectedTargetByLowestRole_permitted() {
      Decision d =
          decide(
              actorWith(DIRECTORY_READERS, Scope.tenant()),
              VIEW_PROFILE,
              targetHolding(GLOBAL_ADMINISTRATOR));
      assertThat(d.isPermit()).isTrue();
    }

    @Test
    void decide_noActiveRole_deniedNoActiveRole() {
      RoleAssignment expired =
          grant(ACTOR, GLOBAL_ADMINISTRATOR, Scope.tenant())
              .during(NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofDays(1)));
      assertThat(reason(decide(actor(expired), VIEW_PROFILE, plainTarget())))
          .isEqualTo(DenyReason.NO_ACTIVE_ROLE);
    }

    @Test
    void decide_firstAssignmentExpired_permitNamesFirstActiveOne() {
      RoleAssignment expired =
          grant(ACTOR, GLOBAL_ADMINISTRATOR, Scope.tenant())
              .during(NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofDays(1)));
      RoleAssignment readers = grant(ACTOR, GROUPS_ADMINISTRATOR, Scope.unit(PARIS));
      assertThat(grantedBy(decide(actor(expired, readers), VIEW_PROFILE, plainTarget())))
          .isEqualTo(readers);
    }

    @Test
    void decide_customRoleWithoutAnyUserPermission_permitted() {
      RoleAssignment a = grant(ACTOR, PHONER, Scope.unit(PARIS));
      assertThat(decide(actor(a), VIEW_PROFILE, plainTarget()).isPermit()).isTrue();
    }
  }

  @Nested
  class Self {
    @ParameterizedTest
    @EnumSource(
        value = StaffAction.class,
        names = {"RESET_PASSWORD", "MANAGE_PHONES"})
    void decide_changeOnSelfAsGlobalAdministrator_deniedSelfAction(StaffAction action) {
      ActorFacts ga = actorWith(GLOBAL_ADMINISTRATOR, Scope.tenant());
      assertThat(reason(decide(ga, action, TargetFacts.member(ACTOR, Set.of()))))
          .isEqualTo(DenyReason.SELF_ACTION);
    }

    @Test
    void decide_changeOnSelfWithoutRoles_deniedSelfActionBeforeNoActiveRole() {
      assertThat(reason(decide(actor(), RESET_PASSWORD, TargetFacts.member(ACTOR, Set.of()))))
          .isEqualTo(DenyReason.SELF_ACTION);
    }
  }

  @Nested
  class Time {
    private final RoleAssignment windowed =
        grant(ACTOR, HELPDESK_ADMINISTRATOR, Scope.tenant())
            .during(NOW, NOW.plus(Duration.ofHours(8)));

    @Test
    void decide_noAssignments_deniedNoActiveRole() {
      assertThat(reason(decide(actor(), RESET_PASSWORD, plainTarget())))
          .isEqualTo(DenyReason.NO_ACTIVE_ROLE);
    }

    @Test
    void decide_atWindowStart_permitted() {
      assertThat(
              ENGINE
                  .decide(actor(windowed), RESET_PASSWORD, plainTarget(), CATALOG, NOW)
                  .isPermit())
          .isTrue();
    }

    @Test
    void decide_justBeforeWindowStart_deniedNoActiveRole() {
      Decision d =
          ENGINE.decide(actor(windowed), RESET_PASSWORD, plainTarget(), CATALOG, NOW.minusNanos(1));
      assertThat(reason(d)).isEqualTo(DenyReason.NO_ACTIVE_ROLE);
    }

    @Test
    void decide_atWindowEnd_deniedNoActiveRole() {
      Decision d =
          ENGINE.decide(
              actor(windowed),
              RESET_PASSWORD,
              plainTarget(),
              CATALOG,
              NOW.plus(Duration.ofHours(8)));
      assertThat(reason(d)).isEqualTo(DenyReason.NO_ACTIVE_ROLE);
    }

    @Test
    void decide_expiredGranterNextToActiveNonGranter_deniedRoleLacksPermission() {
      RoleAssignment expired =
          grant(ACTOR, GLOBAL_ADMINISTRATOR, Scope.tenant())
              .during(NOW.minus(Duration.ofDays(9)), NOW.minus(Duration.ofDays(1)));
      RoleAssignment reader = grant(ACTOR, DIRECTORY_READERS, Scope.tenant());
      assertThat(reason(decide(actor(expired, reader), RESET_PASSWORD, plainTarget())))
          .isEqualTo(DenyReason.ROLE_LACKS_PERMISSION);
    }

    @Test
    void decide_targetRoleExpired_notProtected() {
      RoleAssignment expiredGa =
          grant(TARGET, GLOBAL_ADMINISTRATOR, Scope.tenant())
              .during(NOW.minus(Duration.ofDays(9)), NOW.minus(Duration.ofDays(1)));
      TargetFacts t = new TargetFacts(TARGET, Set.of(), Set.of(), List.of(expiredGa), false);
      assertThat(
              decide(actorWith(HELPDESK_ADMINISTRATOR, Scope.tenant()), RESET_PASSWORD, t)
                  .isPermit())
          .isTrue();
    }

    @Test
    void decide_targetRoleNotYetActive_protected() {
      RoleAssignment futureGa =
          new RoleAssignment(
              AssignmentId.of("future"),
              TARGET,
              GLOBAL_ADMINISTRATOR.templateId(),
              Scope.tenant(),
              Optional.of(NOW.plusSeconds(1)),
              Optional.empty());
      TargetFacts t = new TargetFacts(TARGET, Set.of(), Set.of(), List.of(futureGa), false);
      assertThat(
              reason(decide(actorWith(PASSWORD_ADMINISTRATOR, Scope.tenant()), RESET_PASSWORD, t)))
          .isEqualTo(DenyReason.TARGET_PROTECTED);
    }
  }

  @Nested
  class Permissions {
    @ParameterizedTest
    @EnumSource(BuiltInRole.class)
    void decide_resetPasswordByBuiltInRole_grantedExactlyToEntrasResetters(BuiltInRole role) {
      Set<BuiltInRole> resetters =
          EnumSet.of(
              PASSWORD_ADMINISTRATOR,
              HELPDESK_ADMINISTRATOR,
              USER_ADMINISTRATOR,
              AUTHENTICATION_ADMINISTRATOR,
              PRIVILEGED_AUTHENTICATION_ADMINISTRATOR,
              GLOBAL_ADMINISTRATOR);
      Decision d = decide(actorWith(role, Scope.tenant()), RESET_PASSWORD, plainTarget());
      if (resetters.contains(role)) {
        assertThat(d.isPermit()).isTrue();
      } else {
        assertThat(reason(d)).isEqualTo(DenyReason.ROLE_LACKS_PERMISSION);
      }
    }

    @ParameterizedTest
    @EnumSource(BuiltInRole.class)
    void decide_managePhonesByBuiltInRole_grantedExactlyToAuthenticationAdmins(BuiltInRole role) {
      Set<BuiltInRole> phoneAdmins =
          EnumSet.of(
              AUTHENTICATION_ADMINISTRATOR,
              PRIVILEGED_AUTHENTICATION_ADMINISTRATOR,
              GLOBAL_ADMINISTRATOR);
      Decision d = decide(actorWith(role, Scope.tenant()), MANAGE_PHONES, plainTarget());
      if (phoneAdmins.contains(role)) {
        assertThat(d.isPermit()).isTrue();
      } else {
        assertThat(reason(d)).isEqualTo(DenyReason.ROLE_LACKS_PERMISSION);
      }
    }

    @Test
    void decide_customRoleWithResetAction_permitsResetOnly() {
      ActorFacts a = actor(grant(ACTOR, RESETTER, Scope.unit(SALES)));
      assertThat(decide(a, RESET_PASSWORD, plainTarget(SALES)).isPermit()).isTrue();
      assertThat(reason(decide(a, MANAGE_PHONES, plainTarget(SALES))))
          .isEqualTo(DenyReason.ROLE_LACKS_PERMISSION);
    }

    @Test
    void decide_customRoleWithPhoneAction_permitsPhonesOnly() {
      ActorFacts a = actor(grant(ACTOR, PHONER, Scope.tenant()));
      assertThat(decide(a, MANAGE_PHONES, plainTarget()).isPermit()).isTrue();
      assertThat(reason(decide(a, RESET_PASSWORD, plainTarget())))
          .isEqualTo(DenyReason.ROLE_LACKS_PERMISSION);
    }

    @Test
    void decide_customRoleWithReadOnly_deniedRoleLacksPermission() {
      ActorFacts a = actor(grant(ACTOR, READER, Scope.tenant()));
      assertThat(reason(decide(a, RESET_PASSWORD, plainTarget())))
          .isEqualTo(DenyReason.ROLE_LACKS_PERMISSION);
    }

    @Test
    void decide_actorRoleUnknownToCatalog_deniedRoleLacksPermission() {
      ActorFacts a = actor(grant(ACTOR, RESETTER, Scope.tenant()));
      Decision d = ENGINE.decide(a, RESET_PASSWORD, plainTarget(), RoleCatalog.builtIns(), NOW);
      assertThat(reason(d)).isEqualTo(DenyReason.ROLE_LACKS_PERMISSION);
    }

    @Test
    void decide_catalogsAlternating_eachAnsweredByItsOwnRoles() {
      ActorFacts a = actor(grant(ACTOR, RESETTER, Scope.tenant()));
      for (int i = 0; i < 3; i++) {
        assertThat(ENGINE.decide(a, RESET_PASSWORD, plainTarget(), CATALOG, NOW).isPermit())
            .isTrue();
        assertThat(
                ENGINE
                    .decide(a, RESET_PASSWORD, plainTarget(), RoleCatalog.builtIns(), NOW)
                    .isPermit())
            .isFalse();
      }
    }
  }

  @Nested
  class Scopes {
    @Test
    void decide_unitScopedAndTargetMember_permitted() {
      assertThat(
              decide(
                      actorWith(HELPDESK_ADMINISTRATOR, Scope.unit(SALES)),
                      RESET_PASSWORD,
                      plainTarget(PARIS, SALES))
                  .isPermit())
          .isTrue();
    }

    @Test
    void decide_unitScopedAndTargetNotMember_deniedTargetOutOfScope() {
      assertThat(
              reason(
                  decide(
                      actorWith(HELPDESK_ADMINISTRATOR, Scope.unit(SALES)),
                      RESET_PASSWORD,
                      plainTarget(PARIS))))
          .isEqualTo(DenyReason.TARGET_OUT_OF_SCOPE);
    }

    @Test
    void decide_unitScopedAndTargetInNoUnit_deniedTargetOutOfScope() {
      assertThat(
              reason(
                  decide(
                      actorWith(AUTHENTICATION_ADMINISTRATOR, Scope.unit(SALES)),
                      MANAGE_PHONES,
                      plainTarget())))
          .isEqualTo(DenyReason.TARGET_OUT_OF_SCOPE);
    }

    @Test
    void decide_tenantScoped_coversUserInNoUnit() {
      assertThat(
              decide(
                      actorWith(PASSWORD_ADMINISTRATOR, Scope.tenant()),
                      RESET_PASSWORD,
                      plainTarget())
                  .isPermit())
          .isTrue();
    }

    @Test
    void decide_scopedGranterOutOfScopeAndTenantNonGranter_deniedTargetOutOfScope() {
      ActorFacts a =
          actor(
              grant(ACTOR, DIRECTORY_READERS, Scope.tenant()),
              grant(ACTOR, HELPDESK_ADMINISTRATOR, Scope.unit(SALES)));
      assertThat(reason(decide(a, RESET_PASSWORD, plainTarget(PARIS))))
          .isEqualTo(DenyReason.TARGET_OUT_OF_SCOPE);
    }
  }

  @Nested
  class RestrictedUnits {
    private final TargetFacts vip =
        new TargetFacts(TARGET, Set.of(EXEC, SALES), Set.of(EXEC), List.of(), false);

    @Test
    void decide_tenantGlobalAdministrator_deniedRestrictedManagementUnit() {
      assertThat(
              reason(decide(actorWith(GLOBAL_ADMINISTRATOR, Scope.tenant()), RESET_PASSWORD, vip)))
          .isEqualTo(DenyReason.RESTRICTED_MANAGEMENT_UNIT);
    }

    @Test
    void decide_scopedToTargetsOrdinaryUnit_deniedRestrictedManagementUnit() {
      assertThat(
              reason(
                  decide(
                      actorWith(HELPDESK_ADMINISTRATOR, Scope.unit(SALES)), RESET_PASSWORD, vip)))
          .isEqualTo(DenyReason.RESTRICTED_MANAGEMENT_UNIT);
    }

    @Test
    void decide_scopedToAnotherRestrictedUnit_deniedRestrictedManagementUnit() {
      assertThat(
              reason(
                  decide(
                      actorWith(HELPDESK_ADMINISTRATOR, Scope.unit(VAULT)), RESET_PASSWORD, vip)))
          .isEqualTo(DenyReason.RESTRICTED_MANAGEMENT_UNIT);
    }

    @Test
    void decide_scopedToUnrelatedUnit_deniedRestrictedManagementUnitBeforeOutOfScope() {
      assertThat(
              reason(
                  decide(
                      actorWith(HELPDESK_ADMINISTRATOR, Scope.unit(PARIS)), RESET_PASSWORD, vip)))
          .isEqualTo(DenyReason.RESTRICTED_MANAGEMENT_UNIT);
    }

    @Test
    void decide_scopedToRestrictedUnitWhereTargetOnlyHoldsARole_deniedRestrictedManagementUnit() {
      // VAULT is among the target's restricted units through its own role there, not membership:
      // a VAULT-scoped assignment does not cover the target, so it does not reach it.
      TargetFacts t =
          new TargetFacts(
              TARGET,
              Set.of(EXEC),
              Set.of(EXEC, VAULT),
              List.of(grant(TARGET, GROUPS_ADMINISTRATOR, Scope.unit(VAULT))),
              false);
      assertThat(
              reason(
                  decide(
                      actorWith(PRIVILEGED_AUTHENTICATION_ADMINISTRATOR, Scope.unit(VAULT)),
                      RESET_PASSWORD,
                      t)))
          .isEqualTo(DenyReason.RESTRICTED_MANAGEMENT_UNIT);
    }

    @Test
    void decide_scopedToTargetsRestrictedUnit_permitted() {
      RoleAssignment tenantGa = grant(ACTOR, GLOBAL_ADMINISTRATOR, Scope.tenant());
      RoleAssignment execHelpdesk = grant(ACTOR, HELPDESK_ADMINISTRATOR, Scope.unit(EXEC));
      assertThat(grantedBy(decide(actor(tenantGa, execHelpdesk), RESET_PASSWORD, vip)))
          .isEqualTo(execHelpdesk);
    }

    @Test
    void decide_restrictedUnitScopeButRoleLacksAction_deniedRoleLacksPermission() {
      assertThat(
              reason(
                  decide(actorWith(HELPDESK_ADMINISTRATOR, Scope.unit(EXEC)), MANAGE_PHONES, vip)))
          .isEqualTo(DenyReason.ROLE_LACKS_PERMISSION);
    }

    @Test
    void decide_globalAdministratorInRestrictedUnit_noUnitScopedRoleCanReset() {
      // Entra: "a Global Administrator in a restricted management administrative unit can't have
      // their password reset by any other administrator", since no unit-scopable role may.
      TargetFacts ga =
          new TargetFacts(
              TARGET,
              Set.of(EXEC),
              Set.of(EXEC),
              List.of(grant(TARGET, GLOBAL_ADMINISTRATOR, Scope.tenant())),
              false);
      Decision d =
          decide(
              actorWith(PRIVILEGED_AUTHENTICATION_ADMINISTRATOR, Scope.unit(EXEC)),
              RESET_PASSWORD,
              ga);
      assertThat(reason(d)).isEqualTo(DenyReason.TARGET_PROTECTED);
    }
  }

  /** A dynamic restricted unit whose rule could not be decided for the target. */
  @Nested
  class UndecidedRestrictedUnits {
    /** In SALES (ordinary), and perhaps in EXEC (restricted): EXEC's rule was undecidable. */
    private final TargetFacts perhapsVip =
        new TargetFacts(TARGET, Set.of(SALES), Set.of(), List.of(), false, Set.of(EXEC));

    @Test
    void undecidableRuleKeepsUserInRestrictedUnit_tenantGlobalAdministratorDenied() {
      assertThat(perhapsVip.inRestrictedUnit()).isTrue();
      assertThat(
              reason(
                  decide(
                      actorWith(GLOBAL_ADMINISTRATOR, Scope.tenant()), RESET_PASSWORD, perhapsVip)))
          .isEqualTo(DenyReason.RESTRICTED_MANAGEMENT_UNIT);
      assertThat(
              reason(
                  decide(
                      actorWith(HELPDESK_ADMINISTRATOR, Scope.unit(SALES)),
                      RESET_PASSWORD,
                      perhapsVip)))
          .isEqualTo(DenyReason.RESTRICTED_MANAGEMENT_UNIT);
    }

    @Test
    void undecidableRuleGrantsNoScope_adminOfTheUndecidedUnitDenied() {
      assertThat(
              reason(
                  decide(
                      actorWith(HELPDESK_ADMINISTRATOR, Scope.unit(EXEC)),
                      RESET_PASSWORD,
                      perhapsVip)))
          .isEqualTo(DenyReason.RESTRICTED_MANAGEMENT_UNIT);
    }

    @Test
    void undecidedRestrictedUnit_adminOfAnotherRestrictedUnitTheTargetIsIn_permitted() {
      TargetFacts t =
          new TargetFacts(TARGET, Set.of(VAULT), Set.of(VAULT), List.of(), false, Set.of(EXEC));
      RoleAssignment vaultHelpdesk = grant(ACTOR, HELPDESK_ADMINISTRATOR, Scope.unit(VAULT));
      assertThat(grantedBy(decide(actor(vaultHelpdesk), RESET_PASSWORD, t)))
          .isEqualTo(vaultHelpdesk);
    }

    @Test
    void noUndecidedUnits_sameAsTheFiveComponentFacts() {
      TargetFacts five = new TargetFacts(TARGET, Set.of(SALES), Set.of(), List.of(), false);
      assertThat(five.undecidedRestrictedUnits()).isEmpty();
      assertThat(five.inRestrictedUnit()).isFalse();
      assertThat(
              decide(actorWith(HELPDESK_ADMINISTRATOR, Scope.unit(SALES)), RESET_PASSWORD, five)
                  .isPermit())
          .isTrue();
    }
  }

  @Nested
  class Protection {
    /**
     * Entra's "Who can reset passwords" table, one row per line as the document prints it: the
     * target's role, then the actor columns that may reset it (PW = Password Admin, HD = Helpdesk
     * Admin, AUTH = Authentication Admin, UA = User Admin, PAA, GA).
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "AUTHENTICATION_ADMINISTRATOR            | AUTH PAA GA",
          "DIRECTORY_READERS                       | PW HD AUTH UA PAA GA",
          "GLOBAL_ADMINISTRATOR                    | PAA GA",
          "GROUPS_ADMINISTRATOR                    | UA PAA GA",
          "GUEST_INVITER                           | PW HD AUTH UA PAA GA",
          "HELPDESK_ADMINISTRATOR                  | HD UA PAA GA",
          "MESSAGE_CENTER_READER                   | HD AUTH UA PAA GA",
          "PASSWORD_ADMINISTRATOR                  | PW HD AUTH UA PAA GA",
          "PRIVILEGED_AUTHENTICATION_ADMINISTRATOR | PAA GA",
          "PRIVILEGED_ROLE_ADMINISTRATOR           | PAA GA",
          "REPORTS_READER                          | HD AUTH UA PAA GA",
          "USER_ADMINISTRATOR                      | UA PAA GA",
          "USER_EXPERIENCE_SUCCESS_MANAGER         | HD AUTH UA PAA GA",
          "USAGE_SUMMARY_REPORTS_READER            | HD AUTH UA PAA GA",
          "SECURITY_ADMINISTRATOR                  | PAA GA",
          "GLOBAL_READER                           | PAA GA",
        })
    void decide_resetPasswordOnRoleHolder_followsEntraMatrixRow(
        BuiltInRole targetRole, String columns) {
      assertRow(RESET_PASSWORD, targetHolding(targetRole), columns);
    }

    /** Entra's "Who can perform sensitive actions" table, Auth Admin / PAA / GA columns. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "AUTHENTICATION_ADMINISTRATOR            | AUTH PAA GA",
          "DIRECTORY_READERS                       | AUTH PAA GA",
          "GLOBAL_ADMINISTRATOR                    | PAA GA",
          "GROUPS_ADMINISTRATOR                    | PAA GA",
          "GUEST_INVITER                           | AUTH PAA GA",
          "HELPDESK_ADMINISTRATOR                  | PAA GA",
          "MESSAGE_CENTER_READER                   | AUTH PAA GA",
          "PASSWORD_ADMINISTRATOR                  | AUTH PAA GA",
          "PRIVILEGED_AUTHENTICATION_ADMINISTRATOR | PAA GA",
          "PRIVILEGED_ROLE_ADMINISTRATOR           | PAA GA",
          "REPORTS_READER                          | AUTH PAA GA",
          "USER_ADMINISTRATOR                      | PAA GA",
          "USER_EXPERIENCE_SUCCESS_MANAGER         | AUTH PAA GA",
          "USAGE_SUMMARY_REPORTS_READER            | AUTH PAA GA",
          "SECURITY_ADMINISTRATOR                  | PAA GA",
          "GLOBAL_READER                           | PAA GA",
        })
    void decide_managePhonesOnRoleHolder_followsEntraMatrixRow(
        BuiltInRole targetRole, String columns) {
      assertRow(MANAGE_PHONES, targetHolding(targetRole), columns);
    }

    @ParameterizedTest
    @EnumSource(
        value = StaffAction.class,
        names = {"RESET_PASSWORD", "MANAGE_PHONES"})
    void decide_targetWithNoRole_everyGranterPermitted(StaffAction action) {
      assertRow(
          action, plainTarget(), action == RESET_PASSWORD ? "PW HD AUTH UA PAA GA" : "AUTH PAA GA");
    }

    @ParameterizedTest
    @EnumSource(
        value = StaffAction.class,
        names = {"RESET_PASSWORD", "MANAGE_PHONES"})
    void decide_roleAssignableGroupMember_onlyPrivilegedAuthenticationAndGlobal(
        StaffAction action) {
      TargetFacts member = new TargetFacts(TARGET, Set.of(), Set.of(), List.of(), true);
      assertRow(action, member, "PAA GA");
    }

    @ParameterizedTest
    @EnumSource(
        value = StaffAction.class,
        names = {"RESET_PASSWORD", "MANAGE_PHONES"})
    void decide_targetWithRoleScopedToRestrictedUnit_onlyPrivilegedAuthenticationAndGlobal(
        StaffAction action) {
      // The target is not a member of the restricted unit, only holds a role scoped to it.
      TargetFacts t =
          new TargetFacts(
              TARGET,
              Set.of(SALES),
              Set.of(EXEC),
              List.of(grant(TARGET, GROUPS_ADMINISTRATOR, Scope.unit(EXEC))),
              false);
      assertRow(action, t, "PAA GA");
    }

    @ParameterizedTest
    @EnumSource(
        value = StaffAction.class,
        names = {"RESET_PASSWORD", "MANAGE_PHONES"})
    void decide_targetWithRoleScopedToOrdinaryUnit_protectedByThatRoleRowOnly(StaffAction action) {
      // A unit-scoped role outside restricted units protects like the same role at tenant scope.
      TargetFacts t =
          new TargetFacts(
              TARGET,
              Set.of(SALES),
              Set.of(),
              List.of(grant(TARGET, PASSWORD_ADMINISTRATOR, Scope.unit(SALES))),
              false);
      assertRow(action, t, action == RESET_PASSWORD ? "PW HD AUTH UA PAA GA" : "AUTH PAA GA");
    }

    @ParameterizedTest
    @EnumSource(
        value = StaffAction.class,
        names = {"RESET_PASSWORD", "MANAGE_PHONES"})
    void decide_targetWithCustomRole_onlyPrivilegedAuthenticationAndGlobal(StaffAction action) {
      TargetFacts t =
          new TargetFacts(
              TARGET, Set.of(), Set.of(), List.of(grant(TARGET, READER, Scope.tenant())), false);
      assertRow(action, t, "PAA GA");
    }

    @Test
    void decide_targetRoleUnknownToCatalog_protectedLikeCustomRole() {
      TargetFacts t =
          new TargetFacts(
              TARGET,
              Set.of(),
              Set.of(),
              List.of(grant(TARGET, RoleId.of("not-in-catalog"), Scope.tenant())),
              false);
      assertRow(RESET_PASSWORD, t, "PAA GA");
    }

    @Test
    void decide_customActorRoleOnAnyRoleHolder_deniedTargetProtected() {
      ActorFacts a = actor(grant(ACTOR, RESETTER, Scope.tenant()));
      assertThat(reason(decide(a, RESET_PASSWORD, targetHolding(DIRECTORY_READERS))))
          .isEqualTo(DenyReason.TARGET_PROTECTED);
      TargetFacts member = new TargetFacts(TARGET, Set.of(), Set.of(), List.of(), true);
      assertThat(reason(decide(a, RESET_PASSWORD, member))).isEqualTo(DenyReason.TARGET_PROTECTED);
    }

    @Test
    void decide_unitScopedHelpdeskOnMemberHoldingReaderRole_deniedTargetProtected() {
      // Tenant-scoped, Helpdesk may reset a Directory Reader; scoped to a unit, only users without
      // roles ("Roles that can be assigned with administrative unit scope").
      assertThat(
              decide(
                      actorWith(HELPDESK_ADMINISTRATOR, Scope.tenant()),
                      RESET_PASSWORD,
                      targetHolding(DIRECTORY_READERS))
                  .isPermit())
          .isTrue();
      assertThat(
              reason(
                  decide(
                      actorWith(HELPDESK_ADMINISTRATOR, Scope.unit(SALES)),
                      RESET_PASSWORD,
                      targetHolding(DIRECTORY_READERS))))
          .isEqualTo(DenyReason.TARGET_PROTECTED);
    }

    @Test
    void unitScopedAdminCannotResetRoleAssignableGroupMember() {
      // Only PAA or GA at tenant scope change a role-assignable group member's credentials.
      TargetFacts member = new TargetFacts(TARGET, Set.of(SALES), Set.of(), List.of(), true);
      for (StaffAction action : List.of(RESET_PASSWORD, MANAGE_PHONES)) {
        assertThat(
                reason(
                    decide(
                        actorWith(PRIVILEGED_AUTHENTICATION_ADMINISTRATOR, Scope.unit(SALES)),
                        action,
                        member)))
            .as("%s", action)
            .isEqualTo(DenyReason.TARGET_PROTECTED);
        assertThat(
                decide(
                        actorWith(PRIVILEGED_AUTHENTICATION_ADMINISTRATOR, Scope.tenant()),
                        action,
                        member)
                    .isPermit())
            .as("%s at tenant scope", action)
            .isTrue();
      }
      assertThat(
              reason(
                  decide(
                      actorWith(HELPDESK_ADMINISTRATOR, Scope.unit(SALES)),
                      RESET_PASSWORD,
                      member)))
          .isEqualTo(DenyReason.TARGET_PROTECTED);
    }

    @Test
    void decide_targetHoldingTwoRoles_needsAColumnAllowingBoth() {
      TargetFacts t =
          new TargetFacts(
              TARGET,
              Set.of(),
              Set.of(),
              List.of(
                  grant(TARGET, HELPDESK_ADMINISTRATOR, Scope.tenant()),
                  grant(TARGET, GROUPS_ADMINISTRATOR, Scope.tenant())),
              false);
      // HD may reset Helpdesk but not Groups Admin; UA may reset both.
      assertRow(RESET_PASSWORD, t, "UA PAA GA");
    }

    @Test
    void decide_firstGranterProtectedSecondNot_permitNamesSecond() {
      RoleAssignment helpdesk = grant(ACTOR, HELPDESK_ADMINISTRATOR, Scope.tenant());
      RoleAssignment paa = grant(ACTOR, PRIVILEGED_AUTHENTICATION_ADMINISTRATOR, Scope.tenant());
      Decision d =
          decide(actor(helpdesk, paa), RESET_PASSWORD, targetHolding(GLOBAL_ADMINISTRATOR));
      assertThat(grantedBy(d)).isEqualTo(paa);
    }

    private void assertRow(StaffAction action, TargetFacts target, String columns) {
      Set<String> allowed = Set.copyOf(Arrays.asList(columns.trim().split("\\s+")));
      String[][] cols = {
        {"PW", "PASSWORD_ADMINISTRATOR"}, {"HD", "HELPDESK_ADMINISTRATOR"},
        {"AUTH", "AUTHENTICATION_ADMINISTRATOR"}, {"UA", "USER_ADMINISTRATOR"},
        {"PAA", "PRIVILEGED_AUTHENTICATION_ADMINISTRATOR"}, {"GA", "GLOBAL_ADMINISTRATOR"}
      };
      List<String> wrong = new ArrayList<>();
      for (String[] col : cols) {
        Decision d = decide(actorWith(BuiltInRole.valueOf(col[1]), Scope.tenant()), action, target);
        boolean expected = allowed.contains(col[0]);
        boolean granter =
            ProtectionMatrix.ENTRA.get(action).containsKey(BuiltInRole.valueOf(col[1]));
        DenyReason expectedReason =
            granter ? DenyReason.TARGET_PROTECTED : DenyReason.ROLE_LACKS_PERMISSION;
        if (expected != d.isPermit()
            || (!expected && d.denyReason().orElseThrow() != expectedReason)) {
          wrong.add(col[0] + " got " + d);
        }
      }
      assertThat(wrong).as("columns that disagree with Entra's table").isEmpty();
    }
  }

  @Nested
  class ReasonOrder {
    @Test
    void decide_noActiveRoleAndOutOfScope_deniedNoActiveRole() {
      RoleAssignment expired =
          grant(ACTOR, HELPDESK_ADMINISTRATOR, Scope.unit(SALES))
              .during(NOW.minusSeconds(60), NOW.minusSeconds(1));
      assertThat(reason(decide(actor(expired), RESET_PASSWORD, plainTarget(PARIS))))
          .isEqualTo(DenyReason.NO_ACTIVE_ROLE);
    }

    @Test
    void decide_lacksPermissionAndRestrictedTarget_deniedRoleLacksPermission() {
      TargetFacts vip = new TargetFacts(TARGET, Set.of(EXEC), Set.of(EXEC), List.of(), false);
      assertThat(
              reason(decide(actorWith(GROUPS_ADMINISTRATOR, Scope.tenant()), RESET_PASSWORD, vip)))
          .isEqualTo(DenyReason.ROLE_LACKS_PERMISSION);
    }

    @Test
    void decide_outOfScopeAndProtected_deniedTargetOutOfScope() {
      assertThat(
              reason(
                  decide(
                      actorWith(HELPDESK_ADMINISTRATOR, Scope.unit(PARIS)),
                      RESET_PASSWORD,
                      targetHolding(GLOBAL_ADMINISTRATOR))))
          .isEqualTo(DenyReason.TARGET_OUT_OF_SCOPE);
    }

    @Test
    void decide_restrictedAndProtected_deniedRestrictedManagementUnit() {
      TargetFacts t =
          new TargetFacts(
              TARGET,
              Set.of(EXEC),
              Set.of(EXEC),
              List.of(grant(TARGET, GLOBAL_ADMINISTRATOR, Scope.tenant())),
              false);
      assertThat(
              reason(decide(actorWith(HELPDESK_ADMINISTRATOR, Scope.tenant()), RESET_PASSWORD, t)))
          .isEqualTo(DenyReason.RESTRICTED_MANAGEMENT_UNIT);
    }

    @Test
    void decide_oneGranterOutOfScopeAnotherProtected_deniedTargetProtected() {
      ActorFacts a =
          actor(
              grant(ACTOR, PRIVILEGED_AUTHENTICATION_ADMINISTRATOR, Scope.unit(PARIS)),
              grant(ACTOR, HELPDESK_ADMINISTRATOR, Scope.tenant()));
      assertThat(reason(decide(a, RESET_PASSWORD, targetHolding(GLOBAL_ADMINISTRATOR))))
          .isEqualTo(DenyReason.TARGET_PROTECTED);
    }

    @Test
    void decide_permit_namesFirstGrantingAssignmentInListOrder() {
      RoleAssignment reader = grant(ACTOR, DIRECTORY_READERS, Scope.tenant());
      RoleAssignment elsewhere = grant(ACTOR, HELPDESK_ADMINISTRATOR, Scope.unit(PARIS));
      RoleAssignment first = grant(ACTOR, PASSWORD_ADMINISTRATOR, Scope.unit(SALES));
      RoleAssignment second = grant(ACTOR, GLOBAL_ADMINISTRATOR, Scope.tenant());
      Decision d =
          decide(actor(reader, elsewhere, first, second), RESET_PASSWORD, plainTarget(SALES));
      assertThat(grantedBy(d)).isEqualTo(first);
    }

    @Test
    void decide_sameDenialTwice_sharedInstance() {
      Decision a = decide(actor(), RESET_PASSWORD, plainTarget());
      Decision b = decide(actor(), RESET_PASSWORD, plainTarget(SALES));
      assertThat(a)
          .isSameAs(b)
          .isEqualTo(new Decision.Deny(RESET_PASSWORD, DenyReason.NO_ACTIVE_ROLE));
    }
  }

  @Nested
  class Queries {
    @Test
    void allowedActions_passwordAdministratorOnPlainMember_viewResetAndUnlockButNotRevoke() {
      Set<StaffAction> actions =
          ENGINE.allowedActions(
              actorWith(PASSWORD_ADMINISTRATOR, Scope.unit(SALES)),
              plainTarget(SALES),
              CATALOG,
              NOW);
      // Password Administrator lacks microsoft.directory/users/invalidateAllRefreshTokens.
      assertThat(actions).containsExactlyInAnyOrder(VIEW_PROFILE, RESET_PASSWORD, UNLOCK_ACCOUNT);
      assertThatThrownBy(() -> actions.add(MANAGE_PHONES))
          .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void allowedActions_noRole_empty() {
      assertThat(ENGINE.allowedActions(actor(), plainTarget(), CATALOG, NOW)).isEmpty();
    }

    @Test
    void allowedActions_self_viewOnly() {
      assertThat(
              ENGINE.allowedActions(
                  actorWith(GLOBAL_ADMINISTRATOR, Scope.tenant()),
                  TargetFacts.member(ACTOR, Set.of()),
                  CATALOG,
                  NOW))
          .containsExactly(VIEW_PROFILE);
    }

    @Test
    void holdsActiveRole_onlyExpiredOrFuture_false() {
      ActorFacts a =
          actor(
              grant(ACTOR, GLOBAL_ADMINISTRATOR, Scope.tenant()).during(NOW.minusSeconds(9), NOW),
              grant(ACTOR, DIRECTORY_READERS, Scope.tenant())
                  .during(NOW.plusSeconds(1), NOW.plusSeconds(9)));
      assertThat(ENGINE.holdsActiveRole(a, NOW)).isFalse();
      assertThat(ENGINE.holdsActiveRole(a, NOW.minusSeconds(1))).isTrue();
    }

    @Test
    void scopesFor_changeAction_distinctGrantingScopesInOrder() {
      ActorFacts a =
          actor(
              grant(ACTOR, HELPDESK_ADMINISTRATOR, Scope.unit(SALES)),
              grant(ACTOR, DIRECTORY_READERS, Scope.tenant()),
              grant(ACTOR, PASSWORD_ADMINISTRATOR, Scope.unit(PARIS)),
              grant(ACTOR, USER_ADMINISTRATOR, Scope.unit(SALES)),
              grant(ACTOR, GLOBAL_ADMINISTRATOR, Scope.tenant())
                  .during(NOW.plusSeconds(1), NOW.plusSeconds(2)));
      assertThat(ENGINE.scopesFor(a, RESET_PASSWORD, CATALOG, NOW))
          .containsExactly(Scope.unit(SALES), Scope.unit(PARIS));
      assertThat(ENGINE.scopesFor(a, MANAGE_PHONES, CATALOG, NOW)).isEmpty();
    }

    @Test
    void scopesFor_tenantWideGrant_containsTenant() {
      ActorFacts a =
          actor(
              grant(ACTOR, RESETTER, Scope.tenant()),
              grant(ACTOR, HELPDESK_ADMINISTRATOR, Scope.unit(SALES)));
      assertThat(ENGINE.scopesFor(a, RESET_PASSWORD, CATALOG, NOW))
          .containsExactly(Scope.tenant(), Scope.unit(SALES));
    }

    @Test
    void scopesFor_viewWithAnyActiveRole_tenant() {
      ActorFacts a = actorWith(GROUPS_ADMINISTRATOR, Scope.unit(SALES));
      assertThat(ENGINE.scopesFor(a, VIEW_PROFILE, CATALOG, NOW)).containsExactly(Scope.tenant());
      assertThat(ENGINE.scopesFor(actor(), VIEW_PROFILE, CATALOG, NOW)).isEmpty();
    }

    @Test
    void decide_nullArgument_throwsNullPointerException() {
      ActorFacts a = actor();
      TargetFacts t = plainTarget();
      assertThatThrownBy(() -> ENGINE.decide(null, VIEW_PROFILE, t, CATALOG, NOW))
          .isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> ENGINE.decide(a, null, t, CATALOG, NOW))
          .isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> ENGINE.decide(a, VIEW_PROFILE, null, CATALOG, NOW))
          .isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> ENGINE.decide(a, VIEW_PROFILE, t, null, NOW))
          .isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> ENGINE.decide(a, VIEW_PROFILE, t, CATALOG, null))
          .isInstanceOf(NullPointerException.class);
    }

    @Test
    void standard_calledTwice_sameInstance() {
      assertThat(AuthorizationEngine.standard()).isSameAs(ENGINE);
    }

    @Test
    void toString_namesTheFactory() {
      assertThat(ENGINE).hasToString("AuthorizationEngine.standard()");
    }
  }
}
