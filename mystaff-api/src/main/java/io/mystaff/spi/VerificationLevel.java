package io.mystaff.spi;

/**
 * How strongly a caller proved to be the user a change is for, ordered from weakest to strongest. A
 * {@link VerificationGate} attests one level; a change needs the level the settings' {@code
 * verificationLevel} names or, for privileged-adjacent users and users whose channel changed
 * recently, their {@code elevatedVerificationLevel}.
 *
 * @since 0.2.0
 */
public enum VerificationLevel {
  /** No verification. */
  NONE,
  /**
   * Proof of holding the user's registered channel, e.g. a one-time code sent to the registered
   * phone ({@code io.mystaff.core.OneTimeCodeVerificationGate}).
   */
  STANDARD,
  /**
   * Proof beyond the registered channel, e.g. an identity document checked in person or a
   * phishing-resistant sign-in by the user.
   */
  STRONG;

  /** {@return true if this level is at least {@code required}} */
  public boolean satisfies(VerificationLevel required) {
    return compareTo(required) >= 0;
  }
}
