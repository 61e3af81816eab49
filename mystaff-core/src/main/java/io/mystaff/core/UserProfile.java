package io.mystaff.core;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.directory.User;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One user's profile as a manager may see it: the directory's user, the administrative units the
 * user belongs to (ordered by display name, then id), and the actions the manager may perform on
 * the user at the time it was read.
 */
public record UserProfile(User user, List<AdministrativeUnit> units, Set<StaffAction> allowedActions) {
  public UserProfile {
    requireNonNull(user, "user");
    units = List.copyOf(units);
    allowedActions = StaffActions.copyOf(allowedActions);
  }

  /** The user as a listing would show them. */
  public UserSummary summary() {
    return UserSummary.of(user);
  }

  /** The user's phone authentication methods, at most one per type. */
  public Map<PhoneType, PhoneNumber> phones() {
    return user.phones();
  }

  /** True if the manager may perform {@code action} on this user. */
  public boolean may(StaffAction action) {
    return allowedActions.contains(action);
  }
}
