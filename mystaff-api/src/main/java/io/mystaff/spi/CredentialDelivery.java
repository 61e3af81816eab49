package io.mystaff.spi;

import io.mystaff.api.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * Sends a secret (a temporary password, the second part of one, or a verification code) to the
 * user's own registered channel, such as the mobile phone or alternate email address the directory
 * knows, so that the manager never sees it.
 *
 * <p>mystaff calls {@link #deliver} only once the engine permits the change the secret belongs to,
 * on the thread of the change, and before the change is written: a {@link DeliveryOutcome.Failed}
 * (or a throw, which counts as {@link DeliveryOutcome.Failure#UNAVAILABLE}) writes nothing. The
 * secret is the caller's: an implementation sends it and keeps no copy (no logs, no queue that
 * outlives the send, no exception message holding it); mystaff destroys it once {@code deliver}
 * returns.
 *
 * <p>Contract for implementations: thread-safe; answers a user without a registered channel with
 * {@link DeliveryOutcome.Failure#NO_REGISTERED_CHANNEL}, never by sending elsewhere; {@link
 * DeliveryOutcome.Delivered#channel()} describes the channel masked (e.g. {@code mobile ending 67})
 * and never holds the secret; {@link #channelChangedAt} answers for every user. {@code
 * io.mystaff.testkit.contract.CredentialDeliveryTestSuiteBuilder} checks these laws.
 *
 * @since 0.2.0
 */
public interface CredentialDelivery {

  /**
   * Sends {@code message} to its user's registered channel.
   *
   * @param message the secret and what it is for
   * @return where it went, or why it could not be sent
   * @since 0.2.0
   */
  DeliveryOutcome deliver(CredentialMessage message);

  /**
   * When the channel {@link #deliver} would use for {@code user} was registered or last changed;
   * empty if the user has none or the time is unknown. Caller verification is stricter for a user
   * whose channel changed recently: a code sent to a number an attacker just registered proves
   * nothing.
   *
   * @param user the user
   * @return the instant of the last change of the user's channel, if known
   * @since 0.2.0
   */
  Optional<Instant> channelChangedAt(UserId user);
}
