package io.mystaff.core.access;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.GroupId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.UserId;
import io.mystaff.api.directory.User;
import java.util.Set;

/**
 * Who may open My Staff at all, before roles are considered: everyone, no one, or selected users
 * and groups (Entra's "Users can use My Staff: All / Selected / None" setting). Availability never
 * grants anything by itself: an admitted manager still needs an administrator role active now.
 */
public sealed interface FeatureAvailability
    permits FeatureAvailability.All, FeatureAvailability.None, FeatureAvailability.Selected {

  /** The feature is on for every user. */
  static FeatureAvailability all() {
    return All.INSTANCE;
  }

  /** The feature is off for every user. */
  static FeatureAvailability none() {
    return None.INSTANCE;
  }

  /**
   * The feature is on for the given users and for the direct members of the given groups.
   *
   * @throws InvalidInputException if both sets are empty (use {@link #none()} to switch it off)
   */
  static FeatureAvailability selected(Set<UserId> users, Set<GroupId> groups) {
    return new Selected(users, groups);
  }

  /** True if {@code user} may open My Staff under this setting. */
  boolean isEnabledFor(User user);

  /** On for everyone. */
  enum All implements FeatureAvailability {
    INSTANCE;

    @Override
    public boolean isEnabledFor(User user) {
      requireNonNull(user, "user");
      return true;
    }
  }

  /** Off for everyone. */
  enum None implements FeatureAvailability {
    INSTANCE;

    @Override
    public boolean isEnabledFor(User user) {
      requireNonNull(user, "user");
      return false;
    }
  }

  /**
   * On for the listed users and for the direct members of the listed groups (as {@link
   * User#groups()} reports them); at least one of the two sets is non-empty.
   */
  record Selected(Set<UserId> users, Set<GroupId> groups) implements FeatureAvailability {
    public Selected {
      users = Set.copyOf(users);
      groups = Set.copyOf(groups);
      if (users.isEmpty() && groups.isEmpty()) {
        throw InvalidInputException.of(
            "feature availability", "select at least one user or group, or use none()");
      }
    }

    @Override
    public boolean isEnabledFor(User user) {
      if (users.contains(user.id())) {
        return true;
      }
      for (GroupId g : user.groups()) {
        if (groups.contains(g)) {
          return true;
        }
      }
      return false;
    }
  }
}
