package io.mystaff.api.audit;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A resource an event concerns ({@code targetResources} in Graph), e.g. the user reset.
 *
 * @param id the resource's id
 * @param type the resource's type (for example {@code User})
 * @param displayName the resource's display name, if known
 * @param userPrincipalName a user's principal name, if the resource is a user
 * @param modifiedProperties the properties the change touched
 * @since 0.1.0
 */
public record AuditTarget(
    String id,
    String type,
    Optional<String> displayName,
    Optional<String> userPrincipalName,
    List<ModifiedProperty> modifiedProperties) {

  /**
   * Copies the collections and rejects a missing component.
   *
   * @param id the resource's id
   * @param type the resource's type (for example {@code User})
   * @param displayName the resource's display name, if known
   * @param userPrincipalName a user's principal name, if the resource is a user
   * @param modifiedProperties the properties the change touched
   */
  public AuditTarget {
    requireNonNull(id, "id");
    requireNonNull(type, "type");
    requireNonNull(displayName, "displayName");
    requireNonNull(userPrincipalName, "userPrincipalName");
    modifiedProperties = List.copyOf(modifiedProperties);
  }
}
