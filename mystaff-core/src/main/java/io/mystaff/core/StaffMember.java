package io.mystaff.core;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.authz.Decision;
import io.mystaff.api.authz.DenyReason;
import io.mystaff.api.authz.StaffAction;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A user as one manager sees them in a listing or search: the summary, and for every action the
 * engine's decision for that manager at the time of the listing, a permit or a deny with its reason
 * ({@link #denyReason}), so a UI can say why a button is off. Each decision is the very {@link
 * io.mystaff.core.authz.AuthorizationEngine#decide} call that the action's own authorization makes,
 * on facts read for the whole page. The decisions are a hint for a UI: every action is authorized
 * again when it is performed, and the per-manager rate limit ({@link DenyReason#RATE_LIMITED}) is
 * not part of a listing. An action the configured providers cannot perform is denied with {@link
 * DenyReason#ACTION_NOT_SUPPORTED}, and unlocking a cloud-only user's account with {@link
 * DenyReason#ACCOUNT_NOT_SYNCED}, whatever the engine would say: such actions are not offered.
 *
 * @param user the user
 * @param decisions the decision for every {@link StaffAction}, keyed by its action
 */
public record StaffMember(UserSummary user, Map<StaffAction, Decision> decisions) {
  private static final int ACTIONS = StaffAction.values().length;

  /**
   * Copies the decisions.
   *
   * @throws IllegalArgumentException unless there is one decision per action, under its action
   */
  public StaffMember {
    requireNonNull(user, "user");
    EnumMap<StaffAction, Decision> copy = new EnumMap<>(StaffAction.class);
    decisions.forEach(
        (action, decision) -> {
          if (decision.action() != action) {
            throw new IllegalArgumentException(
                "the decision for " + action + " is about " + decision.action());
          }
          copy.put(action, decision);
        });
    if (copy.size() != ACTIONS) {
      throw new IllegalArgumentException("needs a decision for every action, has " + copy.keySet());
    }
    decisions = Collections.unmodifiableMap(copy);
  }

  /** {@return the actions the manager may perform on this user, derived from the decisions} */
  public Set<StaffAction> allowedActions() {
    EnumSet<StaffAction> allowed = EnumSet.noneOf(StaffAction.class);
    decisions.forEach(
        (action, decision) -> {
          if (decision.isPermit()) {
            allowed.add(action);
          }
        });
    return Collections.unmodifiableSet(allowed);
  }

  /** {@return the engine's decision on {@code action}} */
  public Decision decision(StaffAction action) {
    return requireNonNull(
        decisions.get(requireNonNull(action, "action")), "there is a decision for every action");
  }

  /** {@return why the manager may not perform {@code action}; empty if they may} */
  public Optional<DenyReason> denyReason(StaffAction action) {
    return decision(action).denyReason();
  }

  /** True if the manager may perform {@code action} on this user. */
  public boolean may(StaffAction action) {
    return decision(action).isPermit();
  }

  /**
   * True if the manager may change this user in some way (reset a password, manage phones, revoke
   * sessions, unlock the account).
   */
  public boolean canManage() {
    return StaffActions.anyChange(allowedActions());
  }
}
