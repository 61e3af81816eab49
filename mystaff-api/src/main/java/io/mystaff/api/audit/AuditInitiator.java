package io.mystaff.api.audit;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.UserId;
import java.util.Optional;

/**
 * Who initiated an event ({@code initiatedBy.user} in Graph: id, display name, UPN, IP address).
 *
 * @param id the manager's user id
 * @param displayName the manager's display name, if known
 * @param userPrincipalName the manager's user principal name, if known
 * @param ipAddress the client IP address of the sign-in, if the host gave one
 * @since 0.1.0
 */
public record AuditInitiator(
    UserId id,
    Optional<String> displayName,
    Optional<String> userPrincipalName,
    Optional<String> ipAddress) {
  /**
   * Rejects a missing component.
   *
   * @param id the manager's user id
   * @param displayName the manager's display name, if known
   * @param userPrincipalName the manager's user principal name, if known
   * @param ipAddress the client IP address of the sign-in, if the host gave one
   */
  public AuditInitiator {
    requireNonNull(id, "id");
    requireNonNull(displayName, "displayName");
    requireNonNull(userPrincipalName, "userPrincipalName");
    requireNonNull(ipAddress, "ipAddress");
  }

  /**
   * An initiator whose display name is not known.
   *
   * @param id the manager's user id
   * @param userPrincipalName the manager's user principal name, if known
   * @param ipAddress the client IP address of the sign-in, if the host gave one
   */
  public AuditInitiator(UserId id, Optional<String> userPrincipalName, Optional<String> ipAddress) {
    this(id, Optional.empty(), userPrincipalName, ipAddress);
  }
}
