package io.mystaff.spi;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.UserId;
import io.mystaff.api.password.Secret;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks that the person asking a manager for a password reset or a phone change is the user, for
 * example by a one-time code sent to the user's registered phone that the user reads out ({@code
 * io.mystaff.core.OneTimeCodeVerificationGate}). Optional: without one, no change needs
 * verification. mystaff audits every start and every answer, rate-limits them per manager, and
 * decides which {@link #level()} a change needs.
 *
 * <p>Contract for implementations: thread-safe; {@link #start} issues a fresh challenge each call,
 * never a secret in the challenge; {@link #check} compares answers in constant time, never logs
 * them, passes a challenge at most once, answers {@link VerificationCheck#EXPIRED} from the
 * challenge's {@link VerificationChallenge#expiresAt()} on, and ends a challenge after its allowed
 * wrong answers ({@link VerificationCheck#ATTEMPTS_EXHAUSTED}); a challenge is checked only for the
 * user it was issued for. {@code io.mystaff.testkit.contract.VerificationGateTestSuiteBuilder}
 * checks these laws.
 *
 * @since 0.2.0
 */
public interface VerificationGate {

  /**
   * {@return the level a passed challenge of this gate attests}
   *
   * @since 0.2.0
   */
  VerificationLevel level();

  /**
   * Issues a challenge for {@code user}, e.g. sends a code to the user's registered phone.
   *
   * @param user the user the caller claims to be
   * @param correlationId the correlation id of the verification's audit events
   * @return the challenge, without its answer
   * @throws io.mystaff.api.ProviderFailureException if the challenge could not be issued (e.g. the
   *     user has no registered channel)
   * @since 0.2.0
   */
  VerificationChallenge start(UserId user, CorrelationId correlationId);

  /**
   * Checks the caller's answer to a challenge this gate issued for {@code user}.
   *
   * @param challengeId the challenge's id
   * @param user the user the challenge was issued for
   * @param answer what the caller answered; the gate does not keep it
   * @return the verdict
   * @since 0.2.0
   */
  VerificationCheck check(String challengeId, UserId user, Secret answer);

  /**
   * When the channel this gate's challenges go to was registered or last changed for {@code user};
   * empty if unknown. A recent change makes the user need the elevated level: a code sent to a
   * number an attacker just registered proves nothing.
   *
   * @param user the user
   * @return the instant of the last change, if known
   * @since 0.2.0
   */
  Optional<Instant> channelChangedAt(UserId user);
}
