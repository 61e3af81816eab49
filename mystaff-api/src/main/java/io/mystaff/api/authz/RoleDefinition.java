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
 *
 * @param id the role's id (a built-in role's template id)
 * @param displayName the name shown for the role
 * @param builtIn the built-in role this is, or empty for a custom role
 * @param allowedResourceActions the Entra permission strings a custom role grants (empty for a
 *     built-in one, whose permissions the engine knows)
 * @since 0.1.0
 */
public record RoleDefinition(
    RoleId id,
    String displayName,
    Optional<BuiltInRole> builtIn,
    Set<String> allowedResourceActions) {

  /**
   * The resource-action prefixes that make a custom role assignable at administrative-unit scope.
   */
  private static final String[] UNIT_SCOPE_RESOURCES = {
    "microsoft.directory/users/", "microsoft.directory/groups/", "microsoft.directory/devices/"
  };

  /**
   * Copies the collections and rejects a malformed component.
   *
   * @param id the role's id (a built-in role's template id)
   * @param displayName the name shown for the role
   * @param builtIn the built-in role this is, or empty for a custom role
   * @param allowedResourceActions the Entra permission strings a custom role grants (empty for a
   *     built-in one, whose permissions the engine knows)
   * @throws InvalidInputException if a component is malformed
   */
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
      throw InvalidInputException.of(
          "role id", "a custom role may not reuse a built-in template id");
    }
  }

  /**
   * The definition of a built-in role.
   *
   * @param role the role
   * @return its definition, with the role's template id and name
   */
  public static RoleDefinition of(BuiltInRole role) {
    return new RoleDefinition(role.templateId(), role.displayName(), Optional.of(role), Set.of());
  }

  /**
   * A custom role.
   *
   * @param id the role's id, not a built-in template id
   * @param displayName the name shown for the role
   * @param allowedResourceActions the Entra permission strings it grants
   * @return the definition
   */
  public static RoleDefinition custom(
      RoleId id, String displayName, Set<String> allowedResourceActions) {
    return new RoleDefinition(id, displayName, Optional.empty(), allowedResourceActions);
  }

  /** {@return true for a built-in role} */
  public boolean isBuiltIn() {
    return builtIn.isPresent();
  }

  /**
   * Whether Entra lets this role be assigned at the scope of an administrative unit: a built-in
   * role if {@link BuiltInRole#isAssignableAtUnitScope()}; a custom role if it has at least one
   * user, group or device permission (an allowed resource action starting with {@code
   * microsoft.directory/users/}, {@code microsoft.directory/groups/} or {@code
   * microsoft.directory/devices/}).
   *
   * @return true if the role may be scoped to an administrative unit
   */
  public boolean isAssignableAtUnitScope() {
    if (builtIn.isPresent()) {
      return builtIn.get().isAssignableAtUnitScope();
    }
    for (String action : allowedResourceActions) {
      for (String prefix : UNIT_SCOPE_RESOURCES) {
        if (action.startsWith(prefix)) {
          return true;
        }
      }
    }
    return false;
  }
}
