package io.mystaff.tests.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.CapabilityNotSupportedException;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.PageRequest;
import io.mystaff.api.UnitId;
import io.mystaff.api.UnknownUserException;
import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.authz.AccessDeniedException;
import io.mystaff.api.authz.Decision;
import io.mystaff.api.authz.Delegation;
import io.mystaff.api.authz.DenyReason;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.core.ChangePreview;
import io.mystaff.core.ChangeRequest;
import io.mystaff.core.Location;
import io.mystaff.core.PasswordResetResult;
import io.mystaff.core.StaffMember;
import io.mystaff.core.StaffSession;
import io.mystaff.inmemory.InMemoryDelegationStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 part 7: a manager hands locations (and actions) to a deputy for a time window; the
 * deputy's decisions come from the same engine on the delegator's current assignments, restricted
 * to the delegation; expiry is exact; every step is audited.
 */
class DeputiesTest {
  private static final UserId DORA = UserId.of("dora");
  private static final UserId ALICE = UserId.of("alice");
  private static final UserId NINA = UserId.of("nina");
  private static final UserId SAM = UserId.of("sam");
  private static final UnitId NORTH = UnitId.of("north");
  private static final UnitId SOUTH = UnitId.of("south");
  private static final Set<StaffAction> RESETS = Set.of(StaffAction.RESET_PASSWORD);
  private static final Duration TWO_HOURS = Duration.ofHours(2);

  private final InMemoryDelegationStore store = new InMemoryDelegationStore();
  private Harness harness = Harness.storeChain(b -> b.delegations(store));

  @AfterEach
  void close() {
    harness.close();
  }

  private Instant until() {
    return harness.clock.instant().plus(TWO_HOURS);
  }

  private Delegation samHandsSouthToNina() {
    return harness.signIn("sam").delegate(NINA, Set.of(SOUTH), RESETS, until());
  }

  @Test
  void delegate_deputyResetsInDelegatedUnit_permitSaysAsDeputyAndAuditNamesDelegator() {
    StaffSession nina = harness.signIn("nina");
    assertThatThrownBy(() -> nina.resetPassword(DORA))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.reason()).isEqualTo(DenyReason.TARGET_OUT_OF_SCOPE));
    StaffSession sam = harness.signIn("sam");
    int before = harness.log.size();
    Delegation d = sam.delegate(NINA, Set.of(SOUTH), RESETS, until());
    List<AuditEvent> delegated = harness.eventsSince(before);
    assertThat(delegated).hasSize(1);
    assertThat(delegated.get(0).activity()).isEqualTo(AuditActivity.DELEGATE);
    assertThat(delegated.get(0).activity().loggedByService()).isEqualTo("My Staff");
    assertThat(delegated.get(0).outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
    assertThat(delegated.get(0).additionalDetails()).containsEntry("delegationId", d.id().value());
    assertThat(d.delegator()).isEqualTo(SAM);
    assertThat(d.deputy()).isEqualTo(NINA);
    assertThat(d.from()).isEqualTo(harness.clock.instant());

    StaffMember row =
        nina.members(SOUTH, PageRequest.first(50)).items().stream()
            .filter(m -> m.user().id().equals(DORA))
            .findFirst()
            .orElseThrow();
    Decision decision = row.decision(StaffAction.RESET_PASSWORD);
    assertThat(decision).isInstanceOf(Decision.Permit.class);
    Decision.Permit permit = (Decision.Permit) decision;
    assertThat(permit.asDeputy()).contains(d);
    assertThat(permit.deputyNote()).contains("as deputy of sam until " + d.until());
    assertThat(row.may(StaffAction.MANAGE_PHONES)).as("phones were not delegated").isFalse();

    int beforeReset = harness.log.size();
    PasswordResetResult result = nina.resetPassword(DORA);
    assertThat(result.user()).isEqualTo(DORA);
    AuditEvent reset =
        harness.eventsSince(beforeReset).stream()
            .filter(e -> e.activity() == AuditActivity.RESET_PASSWORD)
            .filter(e -> e.outcome() == AuditOutcome.SUCCEEDED)
            .findFirst()
            .orElseThrow();
    assertThat(reset.additionalDetails())
        .containsEntry("asDeputyOf", "sam")
        .containsEntry("delegationId", d.id().value());
    assertThatThrownBy(() -> nina.setPhone(DORA, PhoneType.MOBILE, "+14255550199"))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void ownPermit_isNotMarkedAsDeputy() {
    samHandsSouthToNina();
    StaffMember alice =
        harness.signIn("nina").members(NORTH, PageRequest.first(50)).items().stream()
            .filter(m -> m.user().id().equals(ALICE))
            .findFirst()
            .orElseThrow();
    Decision.Permit own = (Decision.Permit) alice.decision(StaffAction.RESET_PASSWORD);
    assertThat(own.asDeputy()).isEmpty();
    assertThat(own.deputyNote()).isEmpty();
  }

  @Test
  void locations_deputySeesDelegatedUnitWhileActive() {
    samHandsSouthToNina();
    StaffSession nina = harness.signIn("nina");
    assertThat(nina.locations())
        .extracting(Location::scope)
        .extracting(Object::toString)
        .anySatisfy(s -> assertThat(s).contains("south"));
    harness.clock.advance(TWO_HOURS);
    assertThat(nina.locations())
        .extracting(Location::scope)
        .extracting(Object::toString)
        .noneSatisfy(s -> assertThat(s).contains("south"));
  }

  @Test
  void expiry_exactAtUntil() {
    Delegation d = samHandsSouthToNina();
    StaffSession nina = harness.signIn("nina");
    harness.clock.advance(Duration.between(harness.clock.instant(), d.until()).minusNanos(1));
    assertThat(decisionOnDora(nina).isPermit()).isTrue();
    harness.clock.advance(Duration.ofNanos(1));
    assertThat(decisionOnDora(nina).denyReason()).contains(DenyReason.TARGET_OUT_OF_SCOPE);
  }

  @Test
  void start_exactAtFrom() {
    Instant from = harness.clock.instant().plus(Duration.ofHours(1));
    harness.signIn("sam").delegate(NINA, Set.of(SOUTH), RESETS, from, from.plus(TWO_HOURS));
    StaffSession nina = harness.signIn("nina");
    harness.clock.advance(Duration.ofHours(1).minusNanos(1));
    assertThat(decisionOnDora(nina).isPermit()).isFalse();
    harness.clock.advance(Duration.ofNanos(1));
    assertThat(decisionOnDora(nina).isPermit()).isTrue();
  }

  @Test
  void delegatorLosesRole_deputyLosesItToo() {
    samHandsSouthToNina();
    StaffSession nina = harness.signIn("nina");
    assertThat(decisionOnDora(nina).isPermit()).isTrue();
    for (RoleAssignment a : harness.directory.assignmentsOf(SAM)) {
      harness.directory.removeAssignment(a.id());
    }
    assertThat(decisionOnDora(nina).denyReason()).contains(DenyReason.TARGET_OUT_OF_SCOPE);
  }

  @Test
  void revoke_restoresOwnDecisionsAndIsAuditedOnce() {
    Delegation d = samHandsSouthToNina();
    StaffSession sam = harness.signIn("sam");
    StaffSession nina = harness.signIn("nina");
    assertThat(sam.delegations()).containsExactly(d);
    assertThat(nina.delegations()).containsExactly(d);
    int before = harness.log.size();
    sam.revokeDelegation(d.id());
    assertThat(harness.eventsSince(before))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.activity()).isEqualTo(AuditActivity.REVOKE_DELEGATION);
              assertThat(e.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
            });
    assertThat(decisionOnDora(nina).denyReason()).contains(DenyReason.TARGET_OUT_OF_SCOPE);
    assertThat(sam.delegations()).isEmpty();
    assertThatThrownBy(() -> sam.revokeDelegation(d.id()))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.codes()).containsExactly("delegation.unknown"));
  }

  @Test
  void revoke_byStranger_unknown() {
    Delegation d = samHandsSouthToNina();
    assertThatThrownBy(() -> harness.signIn("tara").revokeDelegation(d.id()))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.codes()).containsExactly("delegation.unknown"));
    assertThat(store.find(d.id())).contains(d);
  }

  @Test
  void noSelfDelegation() {
    assertRefused(
        () -> harness.signIn("sam").delegate(SAM, Set.of(SOUTH), RESETS, until()),
        "delegation.self");
  }

  @Test
  void onlyManagedUnits() {
    assertRefused(
        () -> harness.signIn("nina").delegate(SAM, Set.of(SOUTH), RESETS, until()),
        "delegation.units.notManaged");
    assertRefused(
        () -> harness.signIn("tara").delegate(SAM, Set.of(), RESETS, until()),
        "delegation.units.notManaged");
  }

  @Test
  void noRedelegation() {
    samHandsSouthToNina();
    assertRefused(
        () -> harness.signIn("nina").delegate(UserId.of("hank"), Set.of(SOUTH), RESETS, until()),
        "delegation.redelegation");
  }

  @Test
  void allUnits_whenNoneNamed() {
    Delegation d = harness.signIn("sam").delegate(NINA, Set.of(), Set.of(), until());
    assertThat(d.units()).containsExactlyInAnyOrder(NORTH, SOUTH);
    assertThat(d.actions()).containsExactlyInAnyOrder(StaffAction.values());
  }

  @Test
  void deputyMustExistAndBeEnabled() {
    StaffSession sam = harness.signIn("sam");
    assertThatThrownBy(() -> sam.delegate(UserId.of("nobody"), Set.of(SOUTH), RESETS, until()))
        .isInstanceOf(UnknownUserException.class);
    harness.directory.putUser(harness.user("dora").toBuilder().accountEnabled(false).build());
    assertRefused(
        () -> sam.delegate(DORA, Set.of(SOUTH), RESETS, until()), "delegation.deputy.disabled");
  }

  @Test
  void emptyOrPastWindow_refused() {
    StaffSession sam = harness.signIn("sam");
    Instant now = harness.clock.instant();
    assertRefused(
        () -> sam.delegate(NINA, Set.of(SOUTH), RESETS, now), "delegation.window.invalid");
    assertRefused(
        () -> sam.delegate(NINA, Set.of(SOUTH), RESETS, now.minusSeconds(1), until()),
        "delegation.window.invalid");
  }

  @Test
  void deputyNeverActsOnThemselvesOrTheDelegator() {
    harness.signIn("sam").delegate(NINA, Set.of(NORTH, SOUTH), Set.of(), until());
    StaffSession nina = harness.signIn("nina");
    assertThatThrownBy(() -> nina.resetPassword(NINA))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.reason()).isEqualTo(DenyReason.SELF_ACTION));
    assertThatThrownBy(() -> nina.resetPassword(SAM)).isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void withoutStore_delegateIsUnsupported() {
    harness.close();
    harness = Harness.storeChain();
    StaffSession sam = harness.signIn("sam");
    assertThatThrownBy(() -> sam.delegate(NINA, Set.of(SOUTH), RESETS, until()))
        .isInstanceOf(CapabilityNotSupportedException.class);
    assertThatThrownBy(sam::delegations).isInstanceOf(CapabilityNotSupportedException.class);
  }

  private void assertRefused(Runnable call, String code) {
    int before = harness.log.size();
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.codes()).containsExactly(code));
    assertThat(harness.eventsSince(before))
        .filteredOn(e -> e.activity() == AuditActivity.DELEGATE)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.activity()).isEqualTo(AuditActivity.DELEGATE);
              assertThat(e.outcome()).isEqualTo(AuditOutcome.FAILED);
              assertThat(e.resultReason()).contains(code);
            });
  }

  /** The row decision and the preview, which must agree; the row's is returned. */
  private static Decision decisionOnDora(StaffSession nina) {
    Decision row =
        nina.searchUsers("dora", PageRequest.first(50)).items().stream()
            .filter(m -> m.user().id().equals(DORA))
            .findFirst()
            .map(m -> m.decision(StaffAction.RESET_PASSWORD))
            .orElseThrow();
    ChangePreview preview = nina.preview(ChangeRequest.resetPassword(DORA));
    assertThat(preview.isAllowed()).isEqualTo(row.isPermit());
    assertThat(preview.denyReason()).isEqualTo(row.denyReason());
    return row;
  }
}
