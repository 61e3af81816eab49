package io.mystaff.core.authz;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.authz.ActorFacts;
import io.mystaff.api.authz.Decision;
import io.mystaff.api.authz.DenyReason;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.RoleCatalog;
import io.mystaff.api.authz.Scope;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.authz.TargetFacts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Decides what a manager (the actor) may do to a user (the target) through My Staff, following
 * Microsoft Entra's rules. Pure: no I/O, no clock, no state that changes an answer; deny by
 * default; every deny carries the reason a UI can show, every permit names the assignment that
 * grants it.
 *
 * <h2>How a decision is made</h2>
 *
 * Assignments are the parties' effective ones: direct, and held through role-assignable groups
 * (principal the group), which count exactly like direct ones. An assignment of the actor
 * <em>counts</em> at {@code now} when it is active then ({@link RoleAssignment#isActiveAt}: an
 * {@linkplain RoleAssignment#isEligible() eligible} assignment never is) and, if it is scoped to an
 * administrative unit, its role may be assigned there ({@link
 * io.mystaff.api.authz.RoleDefinition#isAssignableAtUnitScope()}; a role the catalog does not know
 * may not). An assignment scoped to a unit whose role may not be is refused by Entra at creation;
 * if a provider returns one anyway, it grants nothing (fail closed).
 *
 * <p>{@link StaffAction#VIEW_PROFILE} is permitted, for any target in the organization including
 * the actor, as soon as the actor holds any counting assignment of any role: My Staff lets managers
 * search and view across the organization and change only within their scope. The permit names the
 * first counting assignment; without one the deny is {@link DenyReason#NO_ACTIVE_ROLE}, or {@link
 * DenyReason#ROLE_NOT_ASSIGNABLE_AT_UNIT_SCOPE} when active assignments exist but none counts.
 *
 * <p>A change action passes the actor's assignments through these filters, in order; the permit
 * names the first assignment, in the actor's list order, that passes all of them, and a deny names
 * the first filter that left no assignment standing:
 *
 * <ol>
 *   <li>{@link DenyReason#SELF_ACTION}: the target is the actor (checked before anything else).
 *   <li>{@link DenyReason#NO_ACTIVE_ROLE}: the actor holds no assignment active at {@code now}.
 *   <li>{@link DenyReason#ROLE_NOT_ASSIGNABLE_AT_UNIT_SCOPE}: every active assignment is scoped to
 *       a unit with a role that may not be assigned at unit scope.
 *   <li>{@link DenyReason#ROLE_LACKS_PERMISSION}: no counting assignment's role grants the action.
 *       A built-in role grants it if it has a column in Entra's matrix for that action (password:
 *       Password, Helpdesk, User, Authentication, Privileged Authentication and Global
 *       Administrator; unlocking an on-premises account: the same; revoking sessions: the same but
 *       Password Administrator; phones: Authentication, Privileged Authentication and Global
 *       Administrator; see {@code ProtectionMatrix} for the sources); a custom role if its
 *       permissions contain {@link StaffAction#resourceAction()}; a role the catalog does not know
 *       grants nothing.
 *   <li>{@link DenyReason#RESTRICTED_MANAGEMENT_UNIT}: the target is a member of a
 *       restricted-management unit, and no granting assignment is scoped to a restricted unit the
 *       target is a member of. For such targets nothing else reaches: not tenant-scoped assignments
 *       (not even Global Administrator), not assignments scoped to other units. A dynamic
 *       restricted unit whose rule could not be decided for the target ({@link
 *       TargetFacts#undecidedRestrictedUnits()}) counts here as one the target is in, but its own
 *       scope does not reach the target: undecided is restricted, never covered.
 *   <li>{@link DenyReason#TARGET_OUT_OF_SCOPE}: no granting assignment's scope covers the target (a
 *       tenant scope covers everyone, a unit scope the unit's members).
 *   <li>{@link DenyReason#TARGET_PROTECTED}: every reaching assignment is barred by Entra's
 *       protection matrix from acting on what the target is, by its roles, membership of a
 *       role-assignable group, and roles scoped to restricted units (see {@code ProtectionMatrix},
 *       which also explains why unit-scoped assignments act only on targets without roles and
 *       outside role-assignable groups). A target is protected by every assignment of theirs that
 *       has not ended at {@code now} ({@link RoleAssignment#hasEndedAt}): active ones, scheduled
 *       ones that start later, and eligible ones, so that nobody can take over an account that is
 *       about to become privileged. Expired assignments protect nobody.
 *   <li>{@link DenyReason#GUEST_ACCOUNT}: the target is a guest ({@link TargetFacts#guest()}), and
 *       an assignment passed every filter above. Guests are view-only in My Staff; the reason comes
 *       last so that it tells a manager only what they could otherwise have done.
 * </ol>
 *
 * The order goes from facts about the actor alone, to the actor's roles, to where the target
 * stands, to who the target is, so a reason is the most specific true one: a manager told the user
 * is "protected" knows that every other condition was met.
 *
 * <h2>Performance</h2>
 *
 * Deciding allocates nothing but a {@link Decision.Permit} (denials are shared constants): roles
 * resolve through precomputed tables, and the engine keeps the compiled form of the last {@link
 * RoleCatalog} instance it was given, so callers should reuse one catalog per tenant.
 *
 * <p>Instances are immutable in behaviour and safe to share between threads.
 */
// Dense tables indexed by ordinal on the decision hot path (docs/performance.md); built from
// values() of closed enums, so no index can go stale.
@SuppressWarnings("EnumOrdinal")
public final class AuthorizationEngine {
  private static final StaffAction[] ACTIONS = StaffAction.values();
  private static final Decision.Deny[][] DENIALS = denials();
  private static final List<Set<StaffAction>> ACTION_SETS = actionSets();
  private static final long UNIT_SCOPED_ROWS = ProtectionMatrix.mask(ProtectionMatrix.UNIT_SCOPED);
  private static final long UNCOMPUTED = -1L;
  private static final AuthorizationEngine STANDARD = new AuthorizationEngine();

  /** The compiled form of the last catalog seen; replaced, never mutated. */
  private volatile @Nullable CatalogRules lastCatalog;

  private AuthorizationEngine() {}

  /** The engine with Entra's rules. Thread-safe and reusable; always the same instance. */
  public static AuthorizationEngine standard() {
    return STANDARD;
  }

  /**
   * Decides whether {@code actor} may perform {@code action} on {@code target} at {@code now}.
   *
   * @param roles resolves the role ids of both parties' assignments; a role it does not know grants
   *     nothing, may not be scoped to a unit, and protects its holder like a custom role
   * @return a permit naming the first granting assignment in the actor's list, or a deny with the
   *     most specific reason (see the class documentation for the order)
   * @throws NullPointerException if an argument is null
   */
  public Decision decide(
      ActorFacts actor, StaffAction action, TargetFacts target, RoleCatalog roles, Instant now) {
    requireNonNull(actor, "actor");
    requireNonNull(action, "action");
    requireNonNull(target, "target");
    requireNonNull(now, "now");
    int outcome = evaluate(actor, action, target, rules(requireNonNull(roles, "roles")), now);
    return outcome >= 0
        ? new Decision.Permit(action, actor.assignments().get(outcome))
        : DENIALS[action.ordinal()][-outcome - 1];
  }

  /**
   * The actions {@link #decide} permits for this actor and target at {@code now}.
   *
   * @return an immutable set, possibly empty
   * @throws NullPointerException if an argument is null
   */
  public Set<StaffAction> allowedActions(
      ActorFacts actor, TargetFacts target, RoleCatalog roles, Instant now) {
    requireNonNull(actor, "actor");
    requireNonNull(target, "target");
    requireNonNull(now, "now");
    CatalogRules rules = rules(requireNonNull(roles, "roles"));
    int allowed = 0;
    for (StaffAction action : ACTIONS) {
      if (evaluate(actor, action, target, rules, now) >= 0) {
        allowed |= 1 << action.ordinal();
      }
    }
    return ACTION_SETS.get(allowed);
  }

  /**
   * True if any of the actor's assignments, of any role and scope, is active at {@code now}
   * (eligible assignments never are). Without a catalog this cannot tell whether a unit-scoped
   * custom role may be assigned there; {@link #decide} and {@link #scopesFor} can, and grant
   * nothing from one that may not.
   *
   * @throws NullPointerException if an argument is null
   */
  public boolean holdsActiveRole(ActorFacts actor, Instant now) {
    requireNonNull(actor, "actor");
    requireNonNull(now, "now");
    return anyActive(actor.assignments(), now);
  }

  /**
   * Where the actor's roles active at {@code now} grant {@code action}: the distinct scopes of the
   * granting assignments, in the order of the actor's list. It contains {@link Scope#tenant()} if a
   * grant is tenant-wide, which for {@link StaffAction#VIEW_PROFILE} is the case as soon as any
   * assignment is active. A scope in this set does not mean every user in it may be changed: the
   * restricted-unit and protection rules of {@link #decide} still apply per target.
   *
   * @return an immutable set, empty when no active role grants the action
   * @throws NullPointerException if an argument is null
   */
  public Set<Scope> scopesFor(
      ActorFacts actor, StaffAction action, RoleCatalog roles, Instant now) {
    requireNonNull(actor, "actor");
    requireNonNull(action, "action");
    requireNonNull(now, "now");
    CatalogRules rules = rules(requireNonNull(roles, "roles"));
    List<RoleAssignment> assignments = actor.assignments();
    if (!action.isChange()) {
      return firstCounting(assignments, rules, now) >= 0 ? Set.of(Scope.tenant()) : Set.of();
    }
    Set<Scope> scopes = new LinkedHashSet<>();
    for (int i = 0, n = assignments.size(); i < n; i++) {
      RoleAssignment a = assignments.get(i);
      RoleRules role = rules.resolve(a.role());
      if (a.isActiveAt(now) && counts(a, role) && role.grants(action)) {
        scopes.add(a.scope());
      }
    }
    return Collections.unmodifiableSet(scopes);
  }

  @Override
  public String toString() {
    return "AuthorizationEngine.standard()";
  }

  /**
   * The index of the granting assignment in the actor's list, or {@code -(reason.ordinal() + 1)}.
   * The filters of the class documentation, in one pass over the actor's assignments.
   */
  private static int evaluate(
      ActorFacts actor, StaffAction action, TargetFacts target, CatalogRules rules, Instant now) {
    boolean change = action.isChange();
    if (change && actor.id().equals(target.id())) {
      return denied(DenyReason.SELF_ACTION);
    }
    List<RoleAssignment> assignments = actor.assignments();
    if (!change) {
      int first = firstCounting(assignments, rules, now);
      if (first >= 0) {
        return first;
      }
      return denied(
          anyActive(assignments, now)
              ? DenyReason.ROLE_NOT_ASSIGNABLE_AT_UNIT_SCOPE
              : DenyReason.NO_ACTIVE_ROLE);
    }
    boolean restricted = target.inRestrictedUnit();
    boolean active = false;
    boolean counting = false;
    boolean granted = false;
    boolean reached = false;
    long protection = UNCOMPUTED;
    for (int i = 0, n = assignments.size(); i < n; i++) {
      RoleAssignment a = assignments.get(i);
      if (!a.isActiveAt(now)) {
        continue;
      }
      active = true;
      RoleRules role = rules.resolve(a.role());
      if (!counts(a, role)) {
        continue;
      }
      counting = true;
      long rows = role.rows(action);
      if (rows == 0L) {
        continue;
      }
      granted = true;
      if (!reaches(a, target, restricted)) {
        continue;
      }
      reached = true;
      if (a.isUnitScoped()) {
        rows &= UNIT_SCOPED_ROWS;
      }
      if (protection == UNCOMPUTED) {
        protection = protection(target, rules, now);
      }
      if ((rows & protection) == protection) {
        return target.guest() ? denied(DenyReason.GUEST_ACCOUNT) : i;
      }
    }
    if (!active) {
      return denied(DenyReason.NO_ACTIVE_ROLE);
    }
    if (!counting) {
      return denied(DenyReason.ROLE_NOT_ASSIGNABLE_AT_UNIT_SCOPE);
    }
    if (!granted) {
      return denied(DenyReason.ROLE_LACKS_PERMISSION);
    }
    if (!reached) {
      return denied(
          restricted ? DenyReason.RESTRICTED_MANAGEMENT_UNIT : DenyReason.TARGET_OUT_OF_SCOPE);
    }
    return denied(DenyReason.TARGET_PROTECTED);
  }

  /**
   * Whether an active assignment of {@code role} counts: not scoped to a unit its role may not be.
   */
  private static boolean counts(RoleAssignment a, RoleRules role) {
    return !a.isUnitScoped() || role.assignableAtUnitScope();
  }

  /**
   * Whether an assignment may change the target at all: members of a restricted unit only through a
   * scope on a restricted unit they belong to; anyone else when covered.
   */
  private static boolean reaches(RoleAssignment a, TargetFacts target, boolean restricted) {
    if (restricted) {
      return a.isUnitScoped() && a.covers(target.restrictedUnits()) && a.covers(target.units());
    }
    return a.covers(target.units());
  }

  /**
   * The {@link TargetRow}s the target falls in at {@code now}, as a mask: by every assignment that
   * has not ended (active, scheduled or eligible; wherever it is scoped, even where its role may
   * not be).
   */
  private static long protection(TargetFacts target, CatalogRules rules, Instant now) {
    long rows = TargetRow.NON_ADMIN.bit();
    if (target.roleAssignableGroupMember()) {
      rows |= TargetRow.ROLE_ASSIGNABLE_GROUP_MEMBER.bit();
    }
    List<RoleAssignment> held = target.assignments();
    for (int i = 0, n = held.size(); i < n; i++) {
      RoleAssignment t = held.get(i);
      if (t.hasEndedAt(now)) {
        continue;
      }
      rows |= rules.resolve(t.role()).rowAsTarget();
      if (t.isUnitScoped() && t.covers(target.restrictedUnits())) {
        rows |= TargetRow.ROLE_IN_RESTRICTED_UNIT.bit();
      }
    }
    return rows;
  }

  private static int firstCounting(
      List<RoleAssignment> assignments, CatalogRules rules, Instant now) {
    for (int i = 0, n = assignments.size(); i < n; i++) {
      RoleAssignment a = assignments.get(i);
      if (a.isActiveAt(now) && counts(a, rules.resolve(a.role()))) {
        return i;
      }
    }
    return -1;
  }

  private static boolean anyActive(List<RoleAssignment> assignments, Instant now) {
    for (int i = 0, n = assignments.size(); i < n; i++) {
      if (assignments.get(i).isActiveAt(now)) {
        return true;
      }
    }
    return false;
  }

  private static int denied(DenyReason reason) {
    return -reason.ordinal() - 1;
  }

  private CatalogRules rules(RoleCatalog roles) {
    CatalogRules r = lastCatalog;
    if (r == null || !r.isFor(roles)) {
      r = CatalogRules.compile(roles);
      lastCatalog = r;
    }
    return r;
  }

  private static Decision.Deny[][] denials() {
    DenyReason[] reasons = DenyReason.values();
    Decision.Deny[][] d = new Decision.Deny[ACTIONS.length][reasons.length];
    for (StaffAction a : ACTIONS) {
      for (DenyReason r : reasons) {
        d[a.ordinal()][r.ordinal()] = new Decision.Deny(a, r);
      }
    }
    return d;
  }

  /** Every subset of the actions, indexed by its bit mask of ordinals. */
  private static List<Set<StaffAction>> actionSets() {
    List<Set<StaffAction>> sets = new ArrayList<>();
    for (int mask = 0; mask < 1 << ACTIONS.length; mask++) {
      EnumSet<StaffAction> s = EnumSet.noneOf(StaffAction.class);
      for (StaffAction a : ACTIONS) {
        if ((mask & 1 << a.ordinal()) != 0) {
          s.add(a);
        }
      }
      sets.add(Collections.unmodifiableSet(s));
    }
    return List.copyOf(sets);
  }
}
