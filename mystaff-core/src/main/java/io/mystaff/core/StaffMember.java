package io.mystaff.core;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.authz.StaffAction;
import java.util.Set;

/**
 * A user as one manager sees them in a listing or search: the summary, and the actions that manager
 * may perform on them at the time of the listing (empty if none). The actions are a hint for a UI;
 * every action is authorized again when it is performed.
 */
public record StaffMember(UserSummary user, Set<StaffAction> allowedActions) {
  public StaffMember {
    requireNonNull(user, "user");
    allowedActions = StaffActions.copyOf(allowedActions);
  }

  /** True if the manager may perform {@code action} on this user. */
  public boolean may(StaffAction action) {
    return allowedActions.contains(action);
  }

  /** True if the manager may change this user in some way (reset a password, manage phones). */
  public boolean canManage() {
    return StaffActions.anyChange(allowedActions);
  }
}
