package io.mystaff.spi;

import io.mystaff.api.UserId;
import io.mystaff.api.password.WritebackResult;

/**
 * Unlocks a synced user's on-premises account (for Active Directory, clears {@code lockoutTime}),
 * through the same connection the {@link PasswordWriteback} writes passwords with. A writeback
 * capability ({@link PasswordWriteback#accountUnlocker()}): a writeback that cannot unlock offers
 * none, and My Staff then neither offers nor performs {@link
 * io.mystaff.api.authz.StaffAction#UNLOCK_ACCOUNT}. Cloud-only users have no on-premises account;
 * core never asks to unlock one.
 *
 * <p>Contract: {@code unlock} asks {@code precondition} immediately before it changes anything; if
 * that does not hold (or throws), it changes nothing and answers {@link
 * io.mystaff.api.password.WritebackFailure#AUTHORIZATION_REVOKED}. Otherwise it answers {@link
 * WritebackResult#succeeded()} once the account is unlocked; unlocking an account that is not
 * locked succeeds and changes nothing (idempotent). Every outcome it understands is a failed result
 * ({@code USER_NOT_FOUND}, {@code ACCESS_DENIED}, {@code UNREACHABLE}, {@code UNKNOWN}), not an
 * exception. It blocks for at most one round trip to the on-premises directory. Thread-safe. The
 * contract suite {@code AccountUnlockerLaws} (module {@code mystaff-testkit}) checks it.
 *
 * @since 0.2.0
 */
public interface AccountUnlocker {

  /**
   * Unlocks {@code user}'s on-premises account if {@code precondition} holds right before.
   *
   * @param user the synced user
   * @param precondition the manager's authorization, re-checked just before the unlock
   * @return succeeded, or failed with the reason
   */
  WritebackResult unlock(UserId user, WritebackPrecondition precondition);
}
