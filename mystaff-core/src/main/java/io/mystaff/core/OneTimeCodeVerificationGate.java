package io.mystaff.core;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.ProviderFailureException;
import io.mystaff.api.UserId;
import io.mystaff.api.password.Secret;
import io.mystaff.spi.CredentialDelivery;
import io.mystaff.spi.CredentialMessage;
import io.mystaff.spi.DeliveryOutcome;
import io.mystaff.spi.VerificationChallenge;
import io.mystaff.spi.VerificationCheck;
import io.mystaff.spi.VerificationGate;
import io.mystaff.spi.VerificationLevel;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reference {@link VerificationGate}: a random numeric code sent through a {@link
 * CredentialDelivery} to the user's registered channel ({@link
 * CredentialMessage.Kind#VERIFICATION_CODE}), which the caller reads out to the manager. It attests
 * {@link VerificationLevel#STANDARD}: holding the registered phone.
 *
 * <p>Each challenge has its own code ({@link Builder#codeLength}, default 6 digits), expires {@link
 * Builder#timeToLive} after it was issued (default 5 minutes) and allows {@link
 * Builder#maxAttempts} answers (default 3); the last wrong answer ends it. Answers are compared in
 * constant time ({@link Secret#matches}) and never logged or kept; a passed challenge is forgotten
 * at once, so it passes only once. At most {@link #MAX_PENDING} challenges are pending; beyond
 * that, expired ones are swept and, if none expired, {@link #start} refuses (fail closed).
 *
 * <p>Thread-safe. Challenges live in this instance's memory: a host running several nodes routes a
 * manager's answer to the node that issued the challenge, or uses a gate with a shared store.
 *
 * @since 0.2.0
 */
public final class OneTimeCodeVerificationGate implements VerificationGate {
  /** The most challenges pending at once. */
  public static final int MAX_PENDING = 100_000;

  private final CredentialDelivery delivery;
  private final Clock clock;
  private final SecureRandom random;
  private final int codeLength;
  private final Duration timeToLive;
  private final int maxAttempts;
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();

  /** One challenge's code and state; guarded by its own monitor. */
  private static final class Pending {
    final UserId user;
    final Secret code;
    final Instant expiresAt;
    int attemptsLeft;

    Pending(UserId user, Secret code, Instant expiresAt, int attempts) {
      this.user = user;
      this.code = code;
      this.expiresAt = expiresAt;
      this.attemptsLeft = attempts;
    }
  }

  private OneTimeCodeVerificationGate(Builder b) {
    this.delivery = requireNonNull(b.delivery, "delivery");
    this.clock = b.clock;
    this.random = b.random;
    this.codeLength = b.codeLength;
    this.timeToLive = b.timeToLive;
    this.maxAttempts = b.maxAttempts;
  }

  /**
   * A builder of a gate that sends its codes through {@code delivery}.
   *
   * @param delivery the channel the codes go to
   * @return the builder
   */
  public static Builder builder(CredentialDelivery delivery) {
    return new Builder(requireNonNull(delivery, "delivery"));
  }

  @Override
  public VerificationLevel level() {
    return VerificationLevel.STANDARD;
  }

  /**
   * Sends a fresh code to {@code user}'s registered channel.
   *
   * @throws ProviderFailureException if the code could not be sent, or too many challenges are
   *     pending
   */
  @Override
  public VerificationChallenge start(UserId user, CorrelationId correlationId) {
    requireNonNull(user, "user");
    requireNonNull(correlationId, "correlationId");
    Instant now = clock.instant();
    if (pending.size() >= MAX_PENDING) {
      pending.values().removeIf(p -> !now.isBefore(p.expiresAt));
      if (pending.size() >= MAX_PENDING) {
        throw new ProviderFailureException(
            "verification gate", "too many verifications are pending; try again shortly");
      }
    }
    Secret code = newCode();
    DeliveryOutcome outcome;
    Secret sent = Secret.of(code.toCharArray());
    try {
      outcome =
          delivery.deliver(
              new CredentialMessage(
                  user, CredentialMessage.Kind.VERIFICATION_CODE, sent, correlationId));
    } catch (RuntimeException e) {
      code.destroy();
      throw new ProviderFailureException(
          "credential delivery", "could not send the verification code", e);
    } finally {
      sent.destroy();
    }
    if (outcome instanceof DeliveryOutcome.Failed failed) {
      code.destroy();
      throw new ProviderFailureException(
          "credential delivery", "could not send the verification code: " + failed.reason());
    }
    String id = newId();
    Instant expiresAt = now.plus(timeToLive);
    pending.put(id, new Pending(user, code, expiresAt, maxAttempts));
    return new VerificationChallenge(
        id, user, expiresAt, ((DeliveryOutcome.Delivered) outcome).channel());
  }

  @Override
  public VerificationCheck check(String challengeId, UserId user, Secret answer) {
    requireNonNull(challengeId, "challengeId");
    requireNonNull(user, "user");
    requireNonNull(answer, "answer");
    Pending p = pending.get(challengeId);
    if (p == null || !p.user.equals(user)) {
      return VerificationCheck.UNKNOWN_CHALLENGE;
    }
    synchronized (p) {
      if (p.attemptsLeft <= 0) {
        return VerificationCheck.ATTEMPTS_EXHAUSTED;
      }
      if (!clock.instant().isBefore(p.expiresAt)) {
        end(challengeId, p);
        return VerificationCheck.EXPIRED;
      }
      p.attemptsLeft--;
      if (!answer.isDestroyed() && p.code.matches(answer)) {
        p.attemptsLeft = 0;
        end(challengeId, p);
        return VerificationCheck.PASSED;
      }
      if (p.attemptsLeft == 0) {
        end(challengeId, p);
        return VerificationCheck.ATTEMPTS_EXHAUSTED;
      }
      return VerificationCheck.WRONG_ANSWER;
    }
  }

  @Override
  public Optional<Instant> channelChangedAt(UserId user) {
    return delivery.channelChangedAt(user);
  }

  /** How many challenges are pending now. */
  int pending() {
    return pending.size();
  }

  private void end(String id, Pending p) {
    pending.remove(id, p);
    p.code.destroy();
  }

  private Secret newCode() {
    char[] digits = new char[codeLength];
    for (int i = 0; i < digits.length; i++) {
      digits[i] = (char) ('0' + random.nextInt(10));
    }
    try {
      return Secret.of(digits);
    } finally {
      java.util.Arrays.fill(digits, '\0');
    }
  }

  private String newId() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public String toString() {
    return "OneTimeCodeVerificationGate{digits="
        + codeLength
        + ", timeToLive="
        + timeToLive
        + ", maxAttempts="
        + maxAttempts
        + "}";
  }

  /** Collects a gate's settings; unset ones keep their defaults. */
  public static final class Builder {
    private final CredentialDelivery delivery;
    private Clock clock = Clock.systemUTC();
    private SecureRandom random = new SecureRandom();
    private int codeLength = 6;
    private Duration timeToLive = Duration.ofMinutes(5);
    private int maxAttempts = 3;

    private Builder(CredentialDelivery delivery) {
      this.delivery = delivery;
    }

    /** The clock expiry is measured by (default the system UTC clock). */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** The source of codes and challenge ids (default a new {@link SecureRandom}). */
    public Builder random(SecureRandom random) {
      this.random = requireNonNull(random, "random");
      return this;
    }

    /**
     * The number of digits of a code, 6 to 10.
     *
     * @throws IllegalArgumentException if out of range
     */
    public Builder codeLength(int digits) {
      if (digits < 6 || digits > 10) {
        throw new IllegalArgumentException("a code has 6 to 10 digits");
      }
      this.codeLength = digits;
      return this;
    }

    /**
     * How long a challenge can pass, more than zero and at most 15 minutes.
     *
     * @throws IllegalArgumentException if out of range
     */
    public Builder timeToLive(Duration ttl) {
      requireNonNull(ttl, "ttl");
      if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(Duration.ofMinutes(15)) > 0) {
        throw new IllegalArgumentException("a challenge lives more than zero, at most 15 minutes");
      }
      this.timeToLive = ttl;
      return this;
    }

    /**
     * How many answers a challenge allows, 1 to 5.
     *
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxAttempts(int attempts) {
      if (attempts < 1 || attempts > 5) {
        throw new IllegalArgumentException("a challenge allows 1 to 5 answers");
      }
      this.maxAttempts = attempts;
      return this;
    }

    /** {@return the gate} */
    public OneTimeCodeVerificationGate build() {
      return new OneTimeCodeVerificationGate(this);
    }
  }
}
