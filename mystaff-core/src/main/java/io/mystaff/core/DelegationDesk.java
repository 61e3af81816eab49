package io.mystaff.core;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.CapabilityNotSupportedException;
import io.mystaff.api.DelegationId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.MyStaffException;
import io.mystaff.api.ProviderFailureException;
import io.mystaff.api.UnitId;
import io.mystaff.api.UnknownUserException;
import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.authz.ActorFacts;
import io.mystaff.api.authz.Delegation;
import io.mystaff.api.authz.RoleCatalog;
import io.mystaff.api.authz.Scope;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.directory.User;
import io.mystaff.spi.DelegationStore;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Hands a manager's locations to deputies and takes them back ({@link StaffSession#delegate},
 * {@link StaffSession#revokeDelegation}); every outcome after the session check is audited.
 */
final class DelegationDesk {
  static final String CAPABILITY = "delegations";

  private final Workflow workflow;
  private final Configuration config;

  DelegationDesk(Workflow workflow) {
    this.workflow = requireNonNull(workflow, "workflow");
    this.config = workflow.config();
  }

  private DelegationStore store() {
    return config
        .delegations()
        .orElseThrow(
            () ->
                new CapabilityNotSupportedException(
                    CAPABILITY, "configure a DelegationStore with MyStaff.Builder.delegations"));
  }

  Delegation delegate(
      UserId deputy,
      Set<UnitId> units,
      Set<StaffAction> actions,
      Optional<Instant> from,
      Instant until) {
    DelegationStore store = store();
    Attempt attempt = workflow.begin();
    UserId me = workflow.manager().id();
    User deputyUser = readDeputy(deputy);
    Instant now = config.clock().instant();
    Instant start = from.orElse(now);
    if (deputy.equals(me)) {
      throw refuse(
          attempt,
          AuditActivity.DELEGATE,
          deputyUser,
          "deputy",
          "must not be you",
          "delegation.self");
    }
    if (!deputyUser.accountEnabled()) {
      throw refuse(
          attempt,
          AuditActivity.DELEGATE,
          deputyUser,
          "deputy",
          "must be an enabled user",
          "delegation.deputy.disabled");
    }
    if (start.isBefore(now) || !until.isAfter(start)) {
      throw refuse(
          attempt,
          AuditActivity.DELEGATE,
          deputyUser,
          "until",
          "the window must start now or later and end after it starts",
          "delegation.window.invalid");
    }
    Set<UnitId> managed;
    Set<UnitId> heldAsDeputy;
    try {
      DirectoryFacts reader = DirectoryFacts.reading(config.directory());
      ActorFacts own = reader.manager(me);
      RoleCatalog roles = config.directory().roles();
      managed = managedUnits(own, roles, now);
      heldAsDeputy = new LinkedHashSet<>();
      for (Delegation d : store.activeFor(me, now)) {
        heldAsDeputy.addAll(d.units());
      }
    } catch (RuntimeException e) {
      throw workflow.fail(
          attempt,
          AuditActivity.DELEGATE,
          deputyUser,
          AuditTrail.PROVIDER_FAILURE,
          Map.of(),
          "directory",
          e);
    }
    Set<UnitId> handed = units.isEmpty() ? managed : new LinkedHashSet<>(units);
    if (handed.isEmpty()) {
      throw refuse(
          attempt,
          AuditActivity.DELEGATE,
          deputyUser,
          "units",
          "you manage no unit now",
          "delegation.units.notManaged");
    }
    for (UnitId u : handed) {
      if (!managed.contains(u)) {
        boolean deputyOnly = heldAsDeputy.contains(u);
        throw refuse(
            attempt,
            AuditActivity.DELEGATE,
            deputyUser,
            "units",
            deputyOnly
                ? "a unit you hold only as deputy cannot be delegated again"
                : "you can delegate only units you manage now",
            deputyOnly ? "delegation.redelegation" : "delegation.units.notManaged");
      }
    }
    Set<StaffAction> handedActions =
        actions.isEmpty() ? EnumSet.allOf(StaffAction.class) : EnumSet.copyOf(actions);
    Delegation delegation =
        new Delegation(DelegationId.random(), me, deputy, handed, handedActions, start, until);
    try {
      store.add(delegation);
    } catch (MyStaffException e) {
      throw e;
    } catch (RuntimeException e) {
      throw workflow.fail(
          attempt,
          AuditActivity.DELEGATE,
          deputyUser,
          AuditTrail.PROVIDER_FAILURE,
          Map.of(),
          "delegation store",
          e);
    }
    config
        .trail()
        .recordEnd(
            details(attempt.event(AuditActivity.DELEGATE, AuditOutcome.SUCCEEDED), delegation)
                .target(Attempt.target(deputyUser, List.of()))
                .build());
    return delegation;
  }

  void revoke(DelegationId id) {
    DelegationStore store = store();
    Attempt attempt = workflow.begin();
    UserId me = workflow.manager().id();
    Optional<Delegation> found;
    try {
      found = store.find(id);
    } catch (RuntimeException e) {
      throw new ProviderFailureException("delegation store", "could not read delegation " + id, e);
    }
    if (found.isEmpty()
        || !(found.get().delegator().equals(me) || found.get().deputy().equals(me))) {
      throw unknown(id);
    }
    Delegation d = found.get();
    User deputyUser = workflow.readTarget(d.deputy());
    DelegationStore.Revocation outcome;
    try {
      outcome = store.revoke(id);
    } catch (RuntimeException e) {
      throw workflow.fail(
          attempt,
          AuditActivity.REVOKE_DELEGATION,
          deputyUser,
          AuditTrail.PROVIDER_FAILURE,
          Map.of(),
          "delegation store",
          e);
    }
    if (outcome != DelegationStore.Revocation.REVOKED) {
      throw unknown(id);
    }
    config
        .trail()
        .recordEnd(
            details(attempt.event(AuditActivity.REVOKE_DELEGATION, AuditOutcome.SUCCEEDED), d)
                .target(Attempt.target(deputyUser, List.of()))
                .build());
  }

  List<Delegation> delegations() {
    DelegationStore store = store();
    try {
      return store.involving(workflow.manager().id(), config.clock().instant());
    } catch (RuntimeException e) {
      throw new ProviderFailureException("delegation store", "could not list delegations", e);
    }
  }

  /**
   * The units the manager's own assignments active at {@code now} let them change someone in: the
   * unit scopes of {@link io.mystaff.core.authz.AuthorizationEngine#scopesFor} over the change
   * actions (never what they hold as deputy).
   */
  private Set<UnitId> managedUnits(ActorFacts own, RoleCatalog roles, Instant now) {
    Set<UnitId> units = new LinkedHashSet<>();
    for (StaffAction a : StaffAction.values()) {
      if (!a.isChange()) {
        continue;
      }
      for (Scope s : config.engine().scopesFor(own, a, roles, now)) {
        if (s instanceof Scope.Unit unit) {
          units.add(unit.unit());
        }
      }
    }
    return units;
  }

  private User readDeputy(UserId deputy) {
    try {
      return config
          .directory()
          .findUser(deputy)
          .orElseThrow(() -> new UnknownUserException(deputy));
    } catch (MyStaffException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ProviderFailureException("directory", "could not read user " + deputy, e);
    }
  }

  private RuntimeException refuse(
      Attempt attempt,
      AuditActivity activity,
      User deputy,
      String field,
      String reason,
      String code) {
    return config
        .trail()
        .recordEnding(
            attempt
                .event(activity, AuditOutcome.FAILED)
                .resultReason(code)
                .target(Attempt.target(deputy, List.of()))
                .build(),
            InvalidInputException.of(field, reason, code));
  }

  private static InvalidInputException unknown(DelegationId id) {
    return InvalidInputException.of(
        "id", "no delegation " + id + " of yours is in force", "delegation.unknown");
  }

  private static AuditEvent.Builder details(AuditEvent.Builder event, Delegation d) {
    return event
        .additionalDetail(AuditTrail.DELEGATION_KEY, d.id().value())
        .additionalDetail(AuditTrail.DEPUTY_OF_KEY, d.delegator().value())
        .additionalDetail(
            "delegatedUnits",
            d.units().stream().map(UnitId::value).sorted().collect(Collectors.joining(",")))
        .additionalDetail(
            "delegatedActions",
            d.actions().stream().map(StaffAction::name).collect(Collectors.joining(",")))
        .additionalDetail("delegationFrom", d.from().toString())
        .additionalDetail("delegationUntil", d.until().toString());
  }
}
