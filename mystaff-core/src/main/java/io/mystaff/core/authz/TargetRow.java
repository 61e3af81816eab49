package io.mystaff.core.authz;

import io.mystaff.api.authz.BuiltInRole;

/**
 * The rows of Entra's protection matrices: what a target user is, as far as protection goes. A
 * target falls in several rows at once (every user is {@link #NON_ADMIN}; each role it holds adds
 * its row), and an actor role may change the target only if its column contains all of them.
 */
// Dense tables indexed by ordinal on the decision hot path (docs/performance.md); built from
// values() of closed enums, so no index can go stale.
@SuppressWarnings("EnumOrdinal")
enum TargetRow {
  /** "User (no admin role)": every user, whatever else they hold. */
  NON_ADMIN,
  /** "User (no admin role, but member or owner of a role-assignable group)". */
  ROLE_ASSIGNABLE_GROUP_MEMBER,
  /** "User with a role scoped to a restricted management administrative unit". */
  ROLE_IN_RESTRICTED_UNIT,
  /** "All other built-in and custom roles", and roles the catalog does not know. */
  OTHER_ROLE,
  AUTHENTICATION_ADMINISTRATOR,
  DIRECTORY_READERS,
  GLOBAL_ADMINISTRATOR,
  GROUPS_ADMINISTRATOR,
  GUEST_INVITER,
  HELPDESK_ADMINISTRATOR,
  MESSAGE_CENTER_READER,
  PASSWORD_ADMINISTRATOR,
  PRIVILEGED_AUTHENTICATION_ADMINISTRATOR,
  PRIVILEGED_ROLE_ADMINISTRATOR,
  REPORTS_READER,
  USER_ADMINISTRATOR,
  USER_EXPERIENCE_SUCCESS_MANAGER,
  USAGE_SUMMARY_REPORTS_READER;

  /** This row as a bit of a {@code long} mask. */
  long bit() {
    return 1L << ordinal();
  }

  /**
   * The row of a target holding {@code role}: the role's own row when the matrix has one, else
   * {@link #OTHER_ROLE} (the most protected row, so a role added to {@link BuiltInRole} later is
   * safe by default).
   */
  static TargetRow of(BuiltInRole role) {
    return switch (role) {
      case AUTHENTICATION_ADMINISTRATOR -> AUTHENTICATION_ADMINISTRATOR;
      case DIRECTORY_READERS -> DIRECTORY_READERS;
      case GLOBAL_ADMINISTRATOR -> GLOBAL_ADMINISTRATOR;
      case GROUPS_ADMINISTRATOR -> GROUPS_ADMINISTRATOR;
      case GUEST_INVITER -> GUEST_INVITER;
      case HELPDESK_ADMINISTRATOR -> HELPDESK_ADMINISTRATOR;
      case MESSAGE_CENTER_READER -> MESSAGE_CENTER_READER;
      case PASSWORD_ADMINISTRATOR -> PASSWORD_ADMINISTRATOR;
      case PRIVILEGED_AUTHENTICATION_ADMINISTRATOR -> PRIVILEGED_AUTHENTICATION_ADMINISTRATOR;
      case PRIVILEGED_ROLE_ADMINISTRATOR -> PRIVILEGED_ROLE_ADMINISTRATOR;
      case REPORTS_READER -> REPORTS_READER;
      case USER_ADMINISTRATOR -> USER_ADMINISTRATOR;
      case USER_EXPERIENCE_SUCCESS_MANAGER -> USER_EXPERIENCE_SUCCESS_MANAGER;
      case USAGE_SUMMARY_REPORTS_READER -> USAGE_SUMMARY_REPORTS_READER;
      default -> OTHER_ROLE;
    };
  }
}
