package io.mystaff.api.audit;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.UserId;
import java.util.Optional;

/** Who initiated an event ({@code initiatedBy.user} in Graph). */
public record AuditInitiator(UserId id, Optional<String> userPrincipalName, Optional<String> ipAddress) {
  public AuditInitiator {
    requireNonNull(id, "id");
    requireNonNull(userPrincipalName, "userPrincipalName");
    requireNonNull(ipAddress, "ipAddress");
  }
}
