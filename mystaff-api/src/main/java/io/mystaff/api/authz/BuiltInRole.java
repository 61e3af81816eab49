package io.mystaff.api.authz;

import io.mystaff.api.RoleId;
import java.util.Optional;

/**
 * The Microsoft Entra built-in roles that matter to My Staff, with their real, tenant-independent
 * template ids. The first six can reset passwords; some of the rest matter because holding them
 * protects a user from lower administrators (Entra's "who can reset passwords" matrix). Each knows
 * whether it may be assigned at administrative-unit scope ({@link #isAssignableAtUnitScope()}).
 */
public enum BuiltInRole {
  GLOBAL_ADMINISTRATOR("62e90394-69f5-4237-9190-012177145e10", "Global Administrator", false),
  PRIVILEGED_AUTHENTICATION_ADMINISTRATOR(
      "7be44c8a-adaf-4e2a-84d6-ab2649e08a13", "Privileged Authentication Administrator", true),
  AUTHENTICATION_ADMINISTRATOR("c4e39bd9-1100-46d3-8c65-fb160da0071f", "Authentication Administrator", true),
  USER_ADMINISTRATOR("fe930be7-5e62-47db-91af-98c3a49a38b1", "User Administrator", true),
  HELPDESK_ADMINISTRATOR("729827e3-9c14-49f7-bb1b-9608f156bbb8", "Helpdesk Administrator", true),
  PASSWORD_ADMINISTRATOR("966707d0-3269-4727-9be2-8c3a10f19b9d", "Password Administrator", true),
  PRIVILEGED_ROLE_ADMINISTRATOR("e8611ab8-c189-46e8-94e1-60213ab1f814", "Privileged Role Administrator", false),
  GROUPS_ADMINISTRATOR("fdd7a751-b60b-444a-984c-02652fe8fa1c", "Groups Administrator", true),
  SECURITY_ADMINISTRATOR("194ae4cb-b126-40b2-bd5b-6091b380977d", "Security Administrator", false),
  GLOBAL_READER("f2ef992c-3afb-46b9-b7cf-a126ee74c451", "Global Reader", false),
  DIRECTORY_READERS("88d8e3e3-8f55-4a1e-953a-9b9898b8876b", "Directory Readers", false),
  GUEST_INVITER("95e79109-95c0-4d8e-aee3-d01accf2d47b", "Guest Inviter", false),
  MESSAGE_CENTER_READER("790c1fb9-7f7d-4f88-86a1-ef1f95c05c1b", "Message Center Reader", false),
  REPORTS_READER("4a5d8f65-41da-4de4-8968-e035b65339cf", "Reports Reader", false),
  USAGE_SUMMARY_REPORTS_READER("75934031-6c7e-415a-99d7-48dbd49e875e", "Usage Summary Reports Reader", false),
  /** A row of Entra's "who can reset passwords" matrix: Helpdesk and higher may reset its holders. */
  USER_EXPERIENCE_SUCCESS_MANAGER(
      "27460883-1df1-4691-b032-3b79643e5e63", "User Experience Success Manager", false);

  private final RoleId templateId;
  private final String displayName;
  private final boolean assignableAtUnitScope;

  BuiltInRole(String templateId, String displayName, boolean assignableAtUnitScope) {
    this.templateId = RoleId.of(templateId);
    this.displayName = displayName;
    this.assignableAtUnitScope = assignableAtUnitScope;
  }

  /** The role's template id, the same in every tenant. */
  public RoleId templateId() {
    return templateId;
  }

  public String displayName() {
    return displayName;
  }

  /**
   * Whether Entra lets this role be assigned at the scope of an administrative unit ("Assign
   * Microsoft Entra roles", section "Roles that can be assigned with administrative unit scope").
   * Any other built-in role is refused there: Global Administrator, Privileged Role Administrator,
   * Security Administrator, the reader roles, Guest Inviter, User Experience Success Manager.
   */
  public boolean isAssignableAtUnitScope() {
    return assignableAtUnitScope;
  }

  /** The built-in role with this template id, if it is one of these. */
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
