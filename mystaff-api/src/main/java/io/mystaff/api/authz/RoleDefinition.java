package io.mystaff.api.authz;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.RoleId;
import java.util.Optional;
import java.util.Set;

/**
 * A role that can be assigned: a built-in Entra role, or a custom role defined by its allowed
 * resource actions (Entra permission strings such as {@code
 * microsoft.directory/users/password/update}, see {@link StaffAction#resourceAction()}).
 */
public record RoleDefinition(
    RoleId id, String displayName, Optional<BuiltInRole> builtIn, Set<String> allowedResourceActions) {

  public RoleDefinition {
    requireNonNull(id, "id");
    if (displayName == null || displayName.isBlank() || displayName.length() > 256) {
      throw InvalidInputException.of("role display name", "must be 1 to 256 characters");
    }
    requireNonNull(builtIn, "builtIn");
    allowedResourceActions = Set.copyOf(allowedResourceActions);
    if (builtIn.isPresent() && !builtIn.get().templateId().equals(id)) {
      throw InvalidInputException.of("role id", "a built-in role's id is its template id");
    }
    if (builtIn.isEmpty() && BuiltInRole.byTemplateId(id).isPresent()) {
      throw InvalidInputException.of("role id", "a custom role may not reuse a built-in template id");
    }
  }

  public static RoleDefinition of(BuiltInRole role) {
    return new RoleDefinition(role.templateId(), role.displayName(), Optional.of(role), Set.of());
  }

  public static RoleDefinition custom(RoleId id, String displayName, Set<String> allowedResourceActions) {
    return new RoleDefinition(id, displayName, Optional.empty(), allowedResourceActions);
  }

  public boolean isBuiltIn() {
    return builtIn.isPresent();
  }
}
