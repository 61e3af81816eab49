package io.mystaff.spi;

import io.mystaff.api.UserId;
import io.mystaff.api.password.PasswordHistory;
import io.mystaff.api.password.WritebackResult;
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
 */
public interface PasswordWriteback {

  CompletionStage<WritebackResult> submit(WritebackRequest request, WritebackListener listener);

  /**
   * The user's on-premises password history, for the synchronous policy check before submitting.
   * A writeback that cannot read history returns {@link PasswordHistory#none()}; the on-premises
   * directory then enforces history itself and the writeback fails with {@code POLICY_VIOLATION}.
   */
  PasswordHistory historyOf(UserId user);
}
