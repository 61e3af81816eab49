package io.mystaff.core;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.UnitId;
import io.mystaff.api.authz.ActorFacts;
import io.mystaff.api.authz.Decision;
import io.mystaff.api.authz.Delegation;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.RoleCatalog;
import io.mystaff.api.authz.Scope;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.authz.TargetFacts;
import io.mystaff.core.authz.AuthorizationEngine;
import io.mystaff.spi.DelegationStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A manager as they act at one instant: their own assignments, and the delegations they hold as
 * deputy then, each with the delegator's assignments read at that instant and restricted to the
 * delegated units. The engine decides on the manager's own assignments first; only when those do
 * not permit does it decide, delegation by delegation in the store's order, on the delegator's
 * restricted assignments, for a delegated action, within the window. So a delegation never widens
 * what the deputy can do beyond (the delegator's rights now) ∩ (delegated units and actions) ∩
 * (window), and without delegations every decision is exactly the manager's own.
 *
 * @param engine the engine
 * @param actor the manager's own facts
 * @param covers the delegations the manager holds as deputy at {@code now}, with the delegator's
 *     restricted facts
 * @param now the instant of every decision
 */
record Acting(AuthorizationEngine engine, ActorFacts actor, List<Cover> covers, Instant now) {

  Acting {
    requireNonNull(engine, "engine");
    requireNonNull(actor, "actor");
    covers = List.copyOf(covers);
    requireNonNull(now, "now");
  }

  /**
   * One delegation held at {@code now} and the delegator's assignments that may serve it.
   *
   * @param delegation the delegation
   * @param delegator the delegator's facts now, only the assignments scoped to a delegated unit
   */
  record Cover(Delegation delegation, ActorFacts delegator) {
    Cover {
      requireNonNull(delegation, "delegation");
      requireNonNull(delegator, "delegator");
    }
  }

  /**
   * The manager {@code actor} at {@code now}, with the delegations {@code store} holds for them
   * then (none without a store); each delegator's assignments read through {@code reader} now.
   */
  static Acting of(
      AuthorizationEngine engine,
      Optional<DelegationStore> store,
      DirectoryFacts reader,
      ActorFacts actor,
      Instant now) {
    if (store.isEmpty()) {
      return new Acting(engine, actor, List.of(), now);
    }
    List<Cover> covers = new ArrayList<>();
    for (Delegation d : store.get().activeFor(actor.id(), now)) {
      if (d.deputy().equals(actor.id()) && d.isActiveAt(now)) {
        covers.add(new Cover(d, restricted(reader.manager(d.delegator()), d.units())));
      }
    }
    return new Acting(engine, actor, covers, now);
  }

  /** {@code facts} with only the assignments scoped to one of {@code units}. */
  static ActorFacts restricted(ActorFacts facts, Set<UnitId> units) {
    List<RoleAssignment> kept = new ArrayList<>();
    for (RoleAssignment a : facts.assignments()) {
      if (a.scope() instanceof Scope.Unit unit && units.contains(unit.unit())) {
        kept.add(a);
      }
    }
    return new ActorFacts(facts.id(), kept);
  }

  /**
   * The engine's decision on the manager's own assignments; when that denies, the first permit a
   * held delegation of {@code action} gives (marked as the deputy's), else the own deny. A deputy
   * never acts on themselves through a delegation.
   */
  Decision decide(StaffAction action, TargetFacts target, RoleCatalog roles) {
    Decision own = engine.decide(actor, action, target, roles, now);
    if (own.isPermit() || covers.isEmpty() || target.id().equals(actor.id())) {
      return own;
    }
    for (Cover c : covers) {
      if (c.delegation().delegates(action)
          && engine.decide(c.delegator(), action, target, roles, now)
              instanceof Decision.Permit p) {
        return p.asDeputyUnder(c.delegation());
      }
    }
    return own;
  }

  /** The actions {@link #decide} permits on {@code target}. */
  Set<StaffAction> allowedActions(TargetFacts target, RoleCatalog roles) {
    if (covers.isEmpty()) {
      return engine.allowedActions(actor, target, roles, now);
    }
    Set<StaffAction> allowed = EnumSet.noneOf(StaffAction.class);
    for (StaffAction a : StaffAction.values()) {
      if (decide(a, target, roles).isPermit()) {
        allowed.add(a);
      }
    }
    return Set.copyOf(allowed);
  }

  /**
   * Where the manager's own roles, and the held delegations of {@code action}, grant it: the
   * deputy's scopes are the delegator's unit scopes on delegated units.
   */
  Set<Scope> scopesFor(StaffAction action, RoleCatalog roles) {
    Set<Scope> own = engine.scopesFor(actor, action, roles, now);
    if (covers.isEmpty()) {
      return own;
    }
    Set<Scope> scopes = new LinkedHashSet<>(own);
    for (Cover c : covers) {
      if (c.delegation().delegates(action)) {
        scopes.addAll(engine.scopesFor(c.delegator(), action, roles, now));
      }
    }
    return Collections.unmodifiableSet(scopes);
  }
}
