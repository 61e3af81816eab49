package io.mystaff.core;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.UserId;
import io.mystaff.spi.VerificationChallenge;
import java.time.Instant;

/**
 * A verification a manager started with {@link StaffSession#startVerification}: the challenge the
 * gate issued (where it went, until when it can pass), to answer with {@link StaffSession#verify}
 * from a session of the same manager. Only mystaff creates it. It holds no code.
 *
 * @since 0.2.0
 */
public final class VerificationHandle {
  private final VerificationChallenge challenge;
  private final UserId manager;
  private final CorrelationId correlationId;

  VerificationHandle(VerificationChallenge challenge, UserId manager, CorrelationId correlationId) {
    this.challenge = requireNonNull(challenge, "challenge");
    this.manager = requireNonNull(manager, "manager");
    this.correlationId = requireNonNull(correlationId, "correlationId");
  }

  /** {@return the user the caller claims to be} */
  public UserId user() {
    return challenge.user();
  }

  /** {@return where the challenge went, masked} */
  public String channel() {
    return challenge.channel();
  }

  /** {@return the instant from which the challenge can no longer pass} */
  public Instant expiresAt() {
    return challenge.expiresAt();
  }

  /** {@return the correlation id of the VERIFICATION_STARTED event} */
  public CorrelationId correlationId() {
    return correlationId;
  }

  VerificationChallenge challenge() {
    return challenge;
  }

  UserId manager() {
    return manager;
  }

  @Override
  public String toString() {
    return "VerificationHandle{user="
        + user()
        + ", channel="
        + channel()
        + ", expiresAt="
        + expiresAt()
        + "}";
  }
}
