package io.mystaff.core;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.directory.User;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One user's profile as a manager may see it: the directory's user, the administrative units the
 * user belongs to (ordered by display name, then id), the actions the manager may perform on the
 * user at the time it was read, and the user's phone methods as that manager may see them.
 *
 * <p>Phone numbers are privileged: they are whole only if the manager may {@link
 * StaffAction#MANAGE_PHONES manage this user's phones} (by the same decision as {@link
 * #allowedActions()}); for anyone else they are {@linkplain PhoneView#masked() masked} to their
 * last two digits. They reach the caller only through {@link #phones()}: {@link #user()} holds no
 * phone methods, and neither does {@link #toString()}. Immutable.
 */
public final class UserProfile {
  private final User user;
  private final List<AdministrativeUnit> units;
  private final Set<StaffAction> allowedActions;
  private final Map<PhoneType, PhoneView> phones;

  private UserProfile(User user, List<AdministrativeUnit> units, Set<StaffAction> allowedActions) {
    requireNonNull(user, "user");
    this.units = List.copyOf(units);
    this.allowedActions = StaffActions.copyOf(allowedActions);
    boolean reveal = this.allowedActions.contains(StaffAction.MANAGE_PHONES);
    Map<PhoneType, PhoneView> views = new EnumMap<>(PhoneType.class);
    for (Map.Entry<PhoneType, PhoneNumber> e : user.phones().entrySet()) {
      views.put(e.getKey(), reveal ? PhoneView.of(e.getValue()) : PhoneView.masked(e.getValue()));
    }
    this.phones = Collections.unmodifiableMap(views);
    this.user = user.phones().isEmpty() ? user : user.toBuilder().phones(Map.of()).build();
  }

  /**
   * The profile of {@code user} for a manager allowed {@code allowedActions} on them: phone numbers
   * whole if those include {@link StaffAction#MANAGE_PHONES}, else masked.
   */
  public static UserProfile of(
      User user, List<AdministrativeUnit> units, Set<StaffAction> allowedActions) {
    return new UserProfile(user, units, allowedActions);
  }

  /**
   * The user as the directory held them, without phone methods (see {@link #phones()}): id, names,
   * source, user type, account state, attributes, groups and version.
   */
  public User user() {
    return user;
  }

  /** The administrative units the user belongs to, by display name, then id. */
  public List<AdministrativeUnit> units() {
    return units;
  }

  /** The actions the manager may perform on the user, at the time the profile was read. */
  public Set<StaffAction> allowedActions() {
    return allowedActions;
  }

  /** The user as a listing would show them. */
  public UserSummary summary() {
    return UserSummary.of(user);
  }

  /**
   * The user's phone authentication methods, at most one per type, whole or masked as the class
   * describes.
   */
  public Map<PhoneType, PhoneView> phones() {
    return phones;
  }

  /** True if the manager may not manage this user's phones, so their numbers are masked. */
  public boolean phonesMasked() {
    return !allowedActions.contains(StaffAction.MANAGE_PHONES);
  }

  /** True if the manager may perform {@code action} on this user. */
  public boolean may(StaffAction action) {
    return allowedActions.contains(action);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UserProfile p
        && user.equals(p.user)
        && units.equals(p.units)
        && allowedActions.equals(p.allowedActions)
        && phones.equals(p.phones);
  }

  @Override
  public int hashCode() {
    return user.hashCode() * 31 + allowedActions.hashCode();
  }

  /** The user, units and actions; phone numbers never appear here, not even masked. */
  @Override
  public String toString() {
    return "UserProfile{user="
        + user
        + ", units="
        + units
        + ", allowedActions="
        + allowedActions
        + ", phoneTypes="
        + phones.keySet()
        + ", phonesMasked="
        + phonesMasked()
        + "}";
  }
}
