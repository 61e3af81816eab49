package io.mystaff.core;

/**
 * Why a signed-in manager has no location to pick ({@link StaffSession#whyNoLocations()}), with a
 * sentence a UI may show instead of an empty list.
 *
 * @since 0.1.0
 */
public enum NoLocationsReason {
  /**
   * The manager's roles that change passwords or phone numbers are scoped to administrative units
   * that no longer exist.
   */
  UNITS_REMOVED(
      "The administrative units your roles are assigned to no longer exist. Ask an administrator"
          + " to check your role assignments."),
  /**
   * None of the manager's roles active now changes passwords or phone numbers (an assignment ended
   * or was removed since sign-in; the next session check will refuse the manager).
   */
  NO_CHANGE_ROLE(
      "None of your administrator roles active now lets you reset passwords or manage phone numbers.");

  private final String message;

  NoLocationsReason(String message) {
    this.message = message;
  }

  /** A short sentence for the manager. */
  public String message() {
    return message;
  }
}
