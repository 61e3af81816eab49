package io.mystaff.api.authz;

import io.mystaff.api.RoleId;
import java.util.Optional;

/**
 * The Microsoft Entra built-in roles that matter to My Staff, with their real, tenant-independent
 * template ids. The first six can reset passwords; some of the rest matter because holding them
 * protects a user from lower administrators (Entra's "who can reset passwords" matrix).
 */
public enum BuiltInRole {
  GLOBAL_ADMINISTRATOR("62e90394-69f5-4237-9190-012177145e10", "Global Administrator"),
  PRIVILEGED_AUTHENTICATION_ADMINISTRATOR(
      "7be44c8a-adaf-4e2a-84d6-ab2649e08a13", "Privileged Authentication Administrator"),
  AUTHENTICATION_ADMINISTRATOR("c4e39bd9-1100-46d3-8c65-fb160da0071f", "Authentication Administrator"),
  USER_ADMINISTRATOR("fe930be7-5e62-47db-91af-98c3a49a38b1", "User Administrator"),
  HELPDESK_ADMINISTRATOR("729827e3-9c14-49f7-bb1b-9608f156bbb8", "Helpdesk Administrator"),
  PASSWORD_ADMINISTRATOR("966707d0-3269-4727-9be2-8c3a10f19b9d", "Password Administrator"),
  PRIVILEGED_ROLE_ADMINISTRATOR("e8611ab8-c189-46e8-94e1-60213ab1f814", "Privileged Role Administrator"),
  GROUPS_ADMINISTRATOR("fdd7a751-b60b-444a-984c-02652fe8fa1c", "Groups Administrator"),
  SECURITY_ADMINISTRATOR("194ae4cb-b126-40b2-bd5b-6091b380977d", "Security Administrator"),
  GLOBAL_READER("f2ef992c-3afb-46b9-b7cf-a126ee74c451", "Global Reader"),
  DIRECTORY_READERS("88d8e3e3-8f55-4a1e-953a-9b9898b8876b", "Directory Readers"),
  GUEST_INVITER("95e79109-95c0-4d8e-aee3-d01accf2d47b", "Guest Inviter"),
  MESSAGE_CENTER_READER("790c1fb9-7f7d-4f88-86a1-ef1f95c05c1b", "Message Center Reader"),
  REPORTS_READER("4a5d8f65-41da-4de4-8968-e035b65339cf", "Reports Reader"),
  USAGE_SUMMARY_REPORTS_READER("75934031-6c7e-415a-99d7-48dbd49e875e", "Usage Summary Reports Reader"),
  /** A row of Entra's "who can reset passwords" matrix: Helpdesk and higher may reset its holders. */
  USER_EXPERIENCE_SUCCESS_MANAGER(
      "27460883-1df1-4691-b032-3b79643e5e63", "User Experience Success Manager");

  private final RoleId templateId;
  private final String displayName;

  BuiltInRole(String templateId, String displayName) {
    this.templateId = RoleId.of(templateId);
    this.displayName = displayName;
  }

  /** The role's template id, the same in every tenant. */
  public RoleId templateId() {
    return templateId;
  }

  public String displayName() {
    return displayName;
  }

  /** The built-in role with this template id, if it is one of these. */
  public static Optional<BuiltInRole> byTemplateId(RoleId id) {
    for (BuiltInRole r : values()) {
      if (r.templateId.equals(id)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
