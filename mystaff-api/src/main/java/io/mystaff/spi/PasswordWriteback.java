package io.mystaff.spi;

import io.mystaff.api.UserId;
import io.mystaff.api.password.PasswordHistory;
import io.mystaff.api.password.WritebackResult;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Writes passwords of synced users back to the on-premises directory, asynchronously.
 *
 * <p>Contract: {@code submit} returns promptly without blocking on the on-premises directory,
 * reports {@link io.mystaff.api.password.WritebackStatus#IN_PROGRESS} through the listener when it
 * starts, and completes the stage exactly once with a {@link WritebackResult} (a failure with a
 * reason, not an exceptional completion, for every outcome it understands). Submitting the same
 * correlation id twice must not apply the password twice (idempotent). Immediately before applying
 * a password, it asks the request's {@link WritebackRequest#precondition()}; if that does not hold
 * (or throws), it applies nothing and completes with {@link
 * io.mystaff.api.password.WritebackFailure#AUTHORIZATION_REVOKED}. Thread-safe.
 *
 * @since 0.1.0
 */
public interface PasswordWriteback {

  /**
   * Starts writing a password back to the on-premises directory.
   *
   * @param request the user, the password and the precondition to check before applying it
   * @param listener told of every status change, {@link
   *     io.mystaff.api.password.WritebackStatus#IN_PROGRESS} first
   * @return completes exactly once with the final result
   */
  CompletionStage<WritebackResult> submit(WritebackRequest request, WritebackListener listener);

  /**
   * Whether the on-premises side is reachable as far as this writeback knows now (Entra checks that
   * the writeback service is up before it offers a reset). Core asks before every synced reset and,
   * on false, refuses it up front: nothing is checked or submitted, the attempt is audited as
   * FAILED with {@code WRITEBACK_UNREACHABLE}, and the manager gets a {@link
   * io.mystaff.api.ProviderFailureException}. It must answer quickly from what the writeback
   * already knows (a health check's last result), never by blocking on the network. The default
   * says true: a writeback that cannot tell lets the reset go ahead and fails it later with {@link
   * io.mystaff.api.password.WritebackFailure#UNREACHABLE}.
   *
   * @return false if the on-premises side is known to be unreachable now
   * @since 0.1.0
   */
  default boolean isAvailable() {
    return true;
  }

  /**
   * The user's on-premises password history, for the synchronous policy check before submitting. A
   * writeback that cannot read history returns {@link PasswordHistory#none()}; the on-premises
   * directory then enforces history itself and the writeback fails with {@code POLICY_VIOLATION}.
   *
   * @param user the synced user
   * @return the history, or {@link PasswordHistory#none()}
   */
  PasswordHistory historyOf(UserId user);

  /**
   * The writeback's capability to unlock synced users' on-premises accounts, if it has one. The
   * default has none: My Staff then does not offer {@link
   * io.mystaff.api.authz.StaffAction#UNLOCK_ACCOUNT} ({@link
   * io.mystaff.api.authz.DenyReason#ACTION_NOT_SUPPORTED}) and refuses it with {@link
   * io.mystaff.api.CapabilityNotSupportedException}.
   *
   * @return the unlocker, or empty
   * @since 0.2.0
   */
  default Optional<AccountUnlocker> accountUnlocker() {
    return Optional.empty();
  }
}
