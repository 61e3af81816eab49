package io.mystaff.spi;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.UserId;
import io.mystaff.api.password.Secret;

/**
 * One secret for {@link CredentialDelivery} to send to a user. Its {@code toString} never shows the
 * secret.
 *
 * @param user the user to send to, on the user's own registered channel
 * @param kind what the secret is, so the message can say so
 * @param secret the secret; mystaff destroys it once {@link CredentialDelivery#deliver} returns
 * @param correlationId the correlation id of the change or verification the secret belongs to
 * @since 0.2.0
 */
public record CredentialMessage(
    UserId user, Kind kind, Secret secret, CorrelationId correlationId) {

  /**
   * What a delivered secret is.
   *
   * @since 0.2.0
   */
  public enum Kind {
    /** The whole temporary password; the user must change it at next sign-in. */
    TEMPORARY_PASSWORD,
    /**
     * The second part of a temporary password; the manager tells the user the first part, and the
     * user types the first part then this one.
     */
    TEMPORARY_PASSWORD_SECOND_PART,
    /** A one-time code the user reads out to the manager to prove who is calling. */
    VERIFICATION_CODE
  }

  /** Rejects a missing component. */
  public CredentialMessage {
    requireNonNull(user, "user");
    requireNonNull(kind, "kind");
    requireNonNull(secret, "secret");
    requireNonNull(correlationId, "correlationId");
  }

  @Override
  public String toString() {
    return "CredentialMessage{user="
        + user
        + ", kind="
        + kind
        + ", secret=[redacted], correlationId="
        + correlationId
        + "}";
  }
}
