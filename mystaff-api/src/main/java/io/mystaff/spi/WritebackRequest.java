package io.mystaff.spi;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.UserId;
import io.mystaff.api.password.Secret;
import java.util.Optional;

/**
 * A password to write back to the on-premises directory for one synced user.
 *
 * @param precondition checked by the writeback immediately before it applies the password (see
 *     {@link WritebackPrecondition})
 * @param correlationId the correlation id of the reset, carried into the writeback's audit events
 * @param user the synced user
 * @param samAccountName the on-premises account name, if the directory knows it
 * @param password the new password; never logged or shown by {@link #toString()}
 * @param forceChangeNextSignIn whether the user must choose a new password at the next sign-in
 * @since 0.1.0
 */
public record WritebackRequest(
    CorrelationId correlationId,
    UserId user,
    Optional<String> samAccountName,
    Secret password,
    boolean forceChangeNextSignIn,
    WritebackPrecondition precondition) {

  /**
   * Rejects a missing component.
   *
   * @param correlationId the correlation id of the reset, carried into the writeback's audit events
   * @param user the synced user
   * @param samAccountName the on-premises account name, if the directory knows it
   * @param password the new password; never logged or shown by {@link #toString()}
   * @param forceChangeNextSignIn whether the user must choose a new password at the next sign-in
   * @param precondition checked by the writeback immediately before it applies the password (see
   *     {@link WritebackPrecondition})
   */
  public WritebackRequest {
    requireNonNull(correlationId, "correlationId");
    requireNonNull(user, "user");
    requireNonNull(samAccountName, "samAccountName");
    requireNonNull(password, "password");
    requireNonNull(precondition, "precondition");
  }

  /**
   * A request whose precondition always holds (tests, administration).
   *
   * @param correlationId the correlation id of the reset
   * @param user the synced user
   * @param samAccountName the on-premises account name, if the directory knows it
   * @param password the new password
   * @param forceChangeNextSignIn whether the user must choose a new password at the next sign-in
   */
  public WritebackRequest(
      CorrelationId correlationId,
      UserId user,
      Optional<String> samAccountName,
      Secret password,
      boolean forceChangeNextSignIn) {
    this(
        correlationId,
        user,
        samAccountName,
        password,
        forceChangeNextSignIn,
        WritebackPrecondition.always());
  }
}
