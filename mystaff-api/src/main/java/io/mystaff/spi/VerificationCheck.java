package io.mystaff.spi;

/**
 * The verdict of {@link VerificationGate#check} on one answer.
 *
 * @since 0.2.0
 */
public enum VerificationCheck {
  /** The answer was right: the caller holds the user's channel. The challenge is used up. */
  PASSED,
  /** The answer was wrong; the challenge allows another answer. */
  WRONG_ANSWER,
  /** The answer came at or after the challenge's expiry; the challenge is over. */
  EXPIRED,
  /** The answer was wrong and the challenge allows no more; or it had already ended so. */
  ATTEMPTS_EXHAUSTED,
  /** The gate issued no such challenge for the user, or it already passed. */
  UNKNOWN_CHALLENGE
}
