package io.mystaff.api.authz;

import io.mystaff.api.RoleId;
import java.util.Optional;

/**
 * The Microsoft Entra built-in roles that matter to My Staff, with their real, tenant-independent
 * template ids. The first six can reset passwords; some of the rest matter because holding them
 * protects a user from lower administrators (Entra's "who can reset passwords" matrix). Each knows
 * whether it may be assigned at administrative-unit scope ({@link #isAssignableAtUnitScope()}).
 *
 * @since 0.1.0
 */
public enum BuiltInRole {
  /** Every permission in the tenant, including resetting any user's password. */
  GLOBAL_ADMINISTRATOR("62e90394-69f5-4237-9190-012177145e10", "Global Administrator", false),
  /** Manages the authentication methods and passwords of every user, administrators included. */
  PRIVILEGED_AUTHENTICATION_ADMINISTRATOR(
      "7be44c8a-adaf-4e2a-84d6-ab2649e08a13", "Privileged Authentication Administrator", true),
  /** Manages the authentication methods and passwords of non-administrators and some readers. */
  AUTHENTICATION_ADMINISTRATOR(
      "c4e39bd9-1100-46d3-8c65-fb160da0071f", "Authentication Administrator", true),
  /** Manages users and groups; resets passwords of non-administrators and some administrators. */
  USER_ADMINISTRATOR("fe930be7-5e62-47db-91af-98c3a49a38b1", "User Administrator", true),
  /** Resets passwords of non-administrators and of some low-privilege administrators. */
  HELPDESK_ADMINISTRATOR("729827e3-9c14-49f7-bb1b-9608f156bbb8", "Helpdesk Administrator", true),
  /**
   * Resets passwords of non-administrators, readers, guest inviters and Password Administrators.
   */
  PASSWORD_ADMINISTRATOR("966707d0-3269-4727-9be2-8c3a10f19b9d", "Password Administrator", true),
  /** Manages role assignments and Privileged Identity Management. */
  PRIVILEGED_ROLE_ADMINISTRATOR(
      "e8611ab8-c189-46e8-94e1-60213ab1f814", "Privileged Role Administrator", false),
  /** Manages groups and their settings. */
  GROUPS_ADMINISTRATOR("fdd7a751-b60b-444a-984c-02652fe8fa1c", "Groups Administrator", true),
  /** Manages security settings and policies. */
  SECURITY_ADMINISTRATOR("194ae4cb-b126-40b2-bd5b-6091b380977d", "Security Administrator", false),
  /** Reads everything a Global Administrator can, changes nothing. */
  GLOBAL_READER("f2ef992c-3afb-46b9-b7cf-a126ee74c451", "Global Reader", false),
  /** Reads basic directory information. */
  DIRECTORY_READERS("88d8e3e3-8f55-4a1e-953a-9b9898b8876b", "Directory Readers", false),
  /** Invites guest users. */
  GUEST_INVITER("95e79109-95c0-4d8e-aee3-d01accf2d47b", "Guest Inviter", false),
  /** Reads Message Center posts and updates. */
  MESSAGE_CENTER_READER("790c1fb9-7f7d-4f88-86a1-ef1f95c05c1b", "Message Center Reader", false),
  /** Reads usage and adoption reports. */
  REPORTS_READER("4a5d8f65-41da-4de4-8968-e035b65339cf", "Reports Reader", false),
  /** Reads usage reports and the adoption score, aggregated only. */
  USAGE_SUMMARY_REPORTS_READER(
      "75934031-6c7e-415a-99d7-48dbd49e875e", "Usage Summary Reports Reader", false),
  /**
   * A row of Entra's "who can reset passwords" matrix: Helpdesk and higher may reset its holders.
   */
  USER_EXPERIENCE_SUCCESS_MANAGER(
      "27460883-1df1-4691-b032-3b79643e5e63", "User Experience Success Manager", false);

  @SuppressWarnings("ImmutableEnumChecker") // RoleId is a record of one String: immutable
  private final RoleId templateId;

  private final String displayName;
  private final boolean assignableAtUnitScope;

  BuiltInRole(String templateId, String displayName, boolean assignableAtUnitScope) {
    this.templateId = RoleId.of(templateId);
    this.displayName = displayName;
    this.assignableAtUnitScope = assignableAtUnitScope;
  }

  /** {@return the role's template id, the same in every tenant} */
  public RoleId templateId() {
    return templateId;
  }

  /** {@return the role's name as Entra shows it} */
  public String displayName() {
    return displayName;
  }

  /**
   * Whether Entra lets this role be assigned at the scope of an administrative unit ("Assign
   * Microsoft Entra roles", section "Roles that can be assigned with administrative unit scope").
   * Any other built-in role is refused there: Global Administrator, Privileged Role Administrator,
   * Security Administrator, the reader roles, Guest Inviter, User Experience Success Manager.
   *
   * @return true if Entra allows assigning this role at administrative-unit scope
   */
  public boolean isAssignableAtUnitScope() {
    return assignableAtUnitScope;
  }

  /**
   * The built-in role with this template id, if it is one of these.
   *
   * @param id a role id
   * @return the built-in role, or empty for any other id
   */
  public static Optional<BuiltInRole> byTemplateId(RoleId id) {
    java.util.Objects.requireNonNull(id, "id");
    for (BuiltInRole r : values()) {
      if (r.templateId.equals(id)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
