package io.mystaff.core;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.UserId;
import io.mystaff.spi.VerificationLevel;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Evidence that a caller passed a verification for one user, from {@link StaffSession#verify}: it
 * goes with one password reset or phone change of that user by the same manager ({@link
 * ChangeRequest.ResetPassword#verifiedBy}, {@link ChangeRequest.SetPhone#verifiedBy}, {@link
 * ChangeRequest.RemovePhone#verifiedBy}) within {@link #VALIDITY} of passing, and is used up by the
 * first change that needs it. Only mystaff creates it. It holds no code.
 *
 * @since 0.2.0
 */
public final class Verification {
  /** How long after passing a verification can authorize a change. */
  public static final Duration VALIDITY = Duration.ofMinutes(10);

  private final String challengeId;
  private final UserId user;
  private final UserId manager;
  private final VerificationLevel level;
  private final Instant validUntil;
  private final AtomicBoolean used = new AtomicBoolean();

  Verification(
      String challengeId, UserId user, UserId manager, VerificationLevel level, Instant passedAt) {
    this.challengeId = requireNonNull(challengeId, "challengeId");
    this.user = requireNonNull(user, "user");
    this.manager = requireNonNull(manager, "manager");
    this.level = requireNonNull(level, "level");
    this.validUntil = passedAt.plus(VALIDITY);
  }

  /** {@return the user the caller proved to be} */
  public UserId user() {
    return user;
  }

  /** {@return the level the gate attested} */
  public VerificationLevel level() {
    return level;
  }

  /** {@return the instant from which it no longer authorizes a change} */
  public Instant validUntil() {
    return validUntil;
  }

  /** {@return true once a change used it} */
  public boolean isUsed() {
    return used.get();
  }

  /** Whether it can authorize a change of {@code target} by {@code by} at {@code now}. */
  boolean admits(UserId target, UserId by, VerificationLevel required, Instant now) {
    return !used.get()
        && user.equals(target)
        && manager.equals(by)
        && level.satisfies(required)
        && now.isBefore(validUntil);
  }

  /** Uses it up; false if it was already used (by a racing change). */
  boolean use() {
    return used.compareAndSet(false, true);
  }

  String challengeId() {
    return challengeId;
  }

  @Override
  public String toString() {
    return "Verification{user="
        + user
        + ", level="
        + level
        + ", validUntil="
        + validUntil
        + (used.get() ? ", used" : "")
        + "}";
  }
}
