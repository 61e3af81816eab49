package io.mystaff.core.authz;

import static io.mystaff.core.authz.TargetRow.AUTHENTICATION_ADMINISTRATOR;
import static io.mystaff.core.authz.TargetRow.DIRECTORY_READERS;
import static io.mystaff.core.authz.TargetRow.GROUPS_ADMINISTRATOR;
import static io.mystaff.core.authz.TargetRow.GUEST_INVITER;
import static io.mystaff.core.authz.TargetRow.HELPDESK_ADMINISTRATOR;
import static io.mystaff.core.authz.TargetRow.MESSAGE_CENTER_READER;
import static io.mystaff.core.authz.TargetRow.NON_ADMIN;
import static io.mystaff.core.authz.TargetRow.PASSWORD_ADMINISTRATOR;
import static io.mystaff.core.authz.TargetRow.REPORTS_READER;
import static io.mystaff.core.authz.TargetRow.USAGE_SUMMARY_REPORTS_READER;
import static io.mystaff.core.authz.TargetRow.USER_ADMINISTRATOR;
import static io.mystaff.core.authz.TargetRow.USER_EXPERIENCE_SUCCESS_MANAGER;

import io.mystaff.api.authz.BuiltInRole;
import io.mystaff.api.authz.StaffAction;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which built-in roles may perform each change action, and on which {@link TargetRow targets}:
 * Entra's protection matrices kept as readable data, one column per actor role.
 *
 * <p>Source: Microsoft Entra documentation, "Privileged roles and permissions in Microsoft Entra
 * ID" (identity/role-based-access-control/privileged-roles-permissions.md):
 *
 * <ul>
 *   <li>{@link StaffAction#RESET_PASSWORD}: section "Who can reset passwords" (columns Password
 *       Admin, Helpdesk Admin, Auth Admin, User Admin, Privileged Auth Admin, Global Admin).
 *   <li>{@link StaffAction#MANAGE_PHONES}: section "Who can perform sensitive actions" (update
 *       business / mobile phone), restricted to the roles that may manage a user's authentication
 *       methods (section "Compare authentication roles"): Auth Admin, Privileged Auth Admin and
 *       Global Admin. User Admin may update the phone <em>properties</em> but not authentication
 *       methods, so it has no column here.
 *   <li>{@link StaffAction#REVOKE_SESSIONS}: the built-in roles that hold {@code
 *       microsoft.directory/users/invalidateAllRefreshTokens} ("Microsoft Entra built-in roles":
 *       Helpdesk, User, Authentication, Privileged Authentication and Global Administrator;
 *       Password Administrator does not), each on the targets of its "Who can reset passwords"
 *       column: the Helpdesk Administrator's description says whether it may "reset a user's
 *       password and invalidate refresh tokens depends on the role the user is assigned", the same
 *       table.
 *   <li>{@link StaffAction#UNLOCK_ACCOUNT}: not an Entra action (its self-service reset unlocks a
 *       user's own account). mystaff grants it like a password reset, column for column, because a
 *       reset through the writeback would unlock the account as well.
 * </ul>
 *
 * <p>Two columns are not in the documents' tables and are this library's reading of them:
 *
 * <ul>
 *   <li>A custom role whose permissions contain the action's resource action acts on {@link
 *       TargetRow#NON_ADMIN} targets only: the tables give custom roles no column, so a custom role
 *       gets the one row every column has.
 *   <li>An assignment scoped to an administrative unit acts only on targets that hold no role and
 *       are in no role-assignable group (row {@link TargetRow#NON_ADMIN} alone): "Assign Microsoft
 *       Entra roles", section "Roles that can be assigned with administrative unit scope", says
 *       password reset and authentication-method and sensitive-property changes "are restricted
 *       when the target of an action is a user with another role or an administrator"; the tables
 *       above are stated "for roles assigned at the scope of a tenant"; and changing the
 *       credentials of a role-assignable group's member or owner needs Privileged Authentication
 *       Administrator or Global Administrator at tenant scope ("Use Microsoft Entra groups to
 *       manage role assignments"), so not even a unit-scoped Privileged Authentication
 *       Administrator may.
 * </ul>
 */
final class ProtectionMatrix {

  /** Actor role → the target rows it may change, per change action. Unlisted roles may not. */
  static final Map<StaffAction, Map<BuiltInRole, Set<TargetRow>>> ENTRA;

  /** The rows a custom role granting the action may change. */
  static final Set<TargetRow> CUSTOM_ROLE = Collections.unmodifiableSet(EnumSet.of(NON_ADMIN));

  /** The rows any assignment scoped to an administrative unit may change. */
  static final Set<TargetRow> UNIT_SCOPED = Collections.unmodifiableSet(EnumSet.of(NON_ADMIN));

  static {
    Set<TargetRow> everyone = EnumSet.allOf(TargetRow.class);

    Map<BuiltInRole, Set<TargetRow>> reset = new EnumMap<>(BuiltInRole.class);
    reset.put(
        BuiltInRole.PASSWORD_ADMINISTRATOR,
        EnumSet.of(NON_ADMIN, DIRECTORY_READERS, GUEST_INVITER, PASSWORD_ADMINISTRATOR));
    reset.put(
        BuiltInRole.HELPDESK_ADMINISTRATOR,
        EnumSet.of(
            NON_ADMIN,
            DIRECTORY_READERS,
            GUEST_INVITER,
            HELPDESK_ADMINISTRATOR,
            MESSAGE_CENTER_READER,
            PASSWORD_ADMINISTRATOR,
            REPORTS_READER,
            USER_EXPERIENCE_SUCCESS_MANAGER,
            USAGE_SUMMARY_REPORTS_READER));
    reset.put(
        BuiltInRole.AUTHENTICATION_ADMINISTRATOR,
        EnumSet.of(
            NON_ADMIN,
            AUTHENTICATION_ADMINISTRATOR,
            DIRECTORY_READERS,
            GUEST_INVITER,
            MESSAGE_CENTER_READER,
            PASSWORD_ADMINISTRATOR,
            REPORTS_READER,
            USER_EXPERIENCE_SUCCESS_MANAGER,
            USAGE_SUMMARY_REPORTS_READER));
    reset.put(
        BuiltInRole.USER_ADMINISTRATOR,
        EnumSet.of(
            NON_ADMIN,
            DIRECTORY_READERS,
            GROUPS_ADMINISTRATOR,
            GUEST_INVITER,
            HELPDESK_ADMINISTRATOR,
            MESSAGE_CENTER_READER,
            PASSWORD_ADMINISTRATOR,
            REPORTS_READER,
            USER_ADMINISTRATOR,
            USER_EXPERIENCE_SUCCESS_MANAGER,
            USAGE_SUMMARY_REPORTS_READER));
    reset.put(BuiltInRole.PRIVILEGED_AUTHENTICATION_ADMINISTRATOR, everyone);
    reset.put(BuiltInRole.GLOBAL_ADMINISTRATOR, everyone);

    Map<BuiltInRole, Set<TargetRow>> phones = new EnumMap<>(BuiltInRole.class);
    phones.put(
        BuiltInRole.AUTHENTICATION_ADMINISTRATOR,
        EnumSet.of(
            NON_ADMIN,
            AUTHENTICATION_ADMINISTRATOR,
            DIRECTORY_READERS,
            GUEST_INVITER,
            MESSAGE_CENTER_READER,
            PASSWORD_ADMINISTRATOR,
            REPORTS_READER,
            USER_EXPERIENCE_SUCCESS_MANAGER,
            USAGE_SUMMARY_REPORTS_READER));
    phones.put(BuiltInRole.PRIVILEGED_AUTHENTICATION_ADMINISTRATOR, everyone);
    phones.put(BuiltInRole.GLOBAL_ADMINISTRATOR, everyone);

    // Revoking sessions: the roles holding microsoft.directory/users/invalidateAllRefreshTokens
    // (Helpdesk, User, Authentication, Privileged Authentication and Global Administrator; not
    // Password Administrator), each on its password reset targets.
    Map<BuiltInRole, Set<TargetRow>> revoke = new EnumMap<>(reset);
    revoke.remove(BuiltInRole.PASSWORD_ADMINISTRATOR);

    // Unlocking an on-premises account: mystaff's own action, granted exactly like a reset, which
    // would unlock the account too (Entra's self-service reset unlocks it with the new password).
    Map<BuiltInRole, Set<TargetRow>> unlock = new EnumMap<>(reset);

    Map<StaffAction, Map<BuiltInRole, Set<TargetRow>>> m = new EnumMap<>(StaffAction.class);
    m.put(StaffAction.RESET_PASSWORD, freeze(reset));
    m.put(StaffAction.MANAGE_PHONES, freeze(phones));
    m.put(StaffAction.REVOKE_SESSIONS, freeze(revoke));
    m.put(StaffAction.UNLOCK_ACCOUNT, freeze(unlock));
    ENTRA = Collections.unmodifiableMap(m);
  }

  private ProtectionMatrix() {}

  /** The rows {@code role} may change by {@code action}, as a bit mask; 0 if it may not act. */
  static long mask(StaffAction action, BuiltInRole role) {
    Map<BuiltInRole, Set<TargetRow>> columns = ENTRA.get(action);
    return columns == null ? 0L : mask(columns.getOrDefault(role, Set.of()));
  }

  static long mask(Set<TargetRow> rows) {
    long m = 0L;
    for (TargetRow r : rows) {
      m |= r.bit();
    }
    return m;
  }

  private static Map<BuiltInRole, Set<TargetRow>> freeze(Map<BuiltInRole, Set<TargetRow>> columns) {
    Map<BuiltInRole, Set<TargetRow>> frozen = new EnumMap<>(BuiltInRole.class);
    columns.forEach(
        (role, rows) -> frozen.put(role, Collections.unmodifiableSet(EnumSet.copyOf(rows))));
    return Collections.unmodifiableMap(frozen);
  }
}
