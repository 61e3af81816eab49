package io.mystaff.api.audit;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A resource an event concerns ({@code targetResources} in Graph), e.g. the user reset.
 *
 * @since 0.1.0
 */
public record AuditTarget(
    String id,
    String type,
    Optional<String> displayName,
    Optional<String> userPrincipalName,
    List<ModifiedProperty> modifiedProperties) {

  public AuditTarget {
    requireNonNull(id, "id");
    requireNonNull(type, "type");
    requireNonNull(displayName, "displayName");
    requireNonNull(userPrincipalName, "userPrincipalName");
    modifiedProperties = List.copyOf(modifiedProperties);
  }
}
