package io.mystaff.testkit.fakes;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.ProviderFailureException;
import io.mystaff.api.UserId;
import io.mystaff.api.password.Secret;
import io.mystaff.spi.VerificationChallenge;
import io.mystaff.spi.VerificationCheck;
import io.mystaff.spi.VerificationGate;
import io.mystaff.spi.VerificationLevel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A working {@link VerificationGate} of any {@link VerificationLevel} whose codes tests can read:
 * each challenge gets a seeded random 6-digit code, which {@link #codeOf} tells (as if read off the
 * user's phone). Challenges expire {@link #TIME_TO_LIVE} after they were issued by the given clock
 * and allow {@link #MAX_ATTEMPTS} answers. {@link #failNextStart} makes a start throw; {@link
 * #channelChangedAt(UserId, Instant)} sets when a user's channel changed. Every verdict is recorded
 * ({@link #checks}).
 *
 * <p>Thread-safe.
 *
 * @since 0.2.0
 */
public final class FakeVerificationGate implements VerificationGate {
  /** How long a challenge can pass. */
  public static final Duration TIME_TO_LIVE = Duration.ofMinutes(5);

  /** How many answers a challenge allows. */
  public static final int MAX_ATTEMPTS = 3;

  private record Issued(UserId user, String code, Instant expiresAt) {}

  private final VerificationLevel level;
  private final Clock clock;
  private final Random random;
  private final Map<String, Issued> open = new HashMap<>();
  private final Map<String, Integer> answers = new HashMap<>();
  private final Map<String, String> codes = new HashMap<>();
  private final Map<UserId, String> lastCodes = new HashMap<>();
  private final Map<UserId, Instant> channelChanges = new HashMap<>();
  private final List<VerificationCheck> checks = new ArrayList<>();
  private final Deque<RuntimeException> startFailures = new ArrayDeque<>();
  private int issued;

  private FakeVerificationGate(VerificationLevel level, Clock clock, long seed) {
    this.level = requireNonNull(level, "level");
    this.clock = requireNonNull(clock, "clock");
    this.random = new Random(seed);
  }

  /**
   * A gate attesting {@code level}, expiring challenges by {@code clock}, drawing codes from {@code
   * seed}.
   */
  public static FakeVerificationGate of(VerificationLevel level, Clock clock, long seed) {
    return new FakeVerificationGate(level, clock, seed);
  }

  /** Records that {@code user}'s channel changed at {@code at}. */
  public synchronized FakeVerificationGate channelChangedAt(UserId user, Instant at) {
    channelChanges.put(requireNonNull(user, "user"), requireNonNull(at, "at"));
    return this;
  }

  /** Makes the next {@link #start} throw {@code failure}; calls queue up. */
  public synchronized void failNextStart(RuntimeException failure) {
    startFailures.add(requireNonNull(failure, "failure"));
  }

  @Override
  public VerificationLevel level() {
    return level;
  }

  @Override
  public synchronized VerificationChallenge start(UserId user, CorrelationId correlationId) {
    requireNonNull(user, "user");
    requireNonNull(correlationId, "correlationId");
    if (!startFailures.isEmpty()) {
      throw startFailures.remove();
    }
    issued++;
    String id = "challenge-" + issued + "-" + Long.toHexString(random.nextLong());
    String code = String.format("%06d", random.nextInt(1_000_000));
    Instant expiresAt = clock.instant().plus(TIME_TO_LIVE);
    open.put(id, new Issued(user, code, expiresAt));
    codes.put(id, code);
    lastCodes.put(user, code);
    answers.put(id, 0);
    return new VerificationChallenge(id, user, expiresAt, "mobile of " + user.value());
  }

  @Override
  public synchronized VerificationCheck check(String challengeId, UserId user, Secret answer) {
    VerificationCheck verdict = verdict(challengeId, user, answer);
    checks.add(verdict);
    return verdict;
  }

  private VerificationCheck verdict(String challengeId, UserId user, Secret answer) {
    Issued issued = open.get(requireNonNull(challengeId, "challengeId"));
    if (issued == null || !issued.user().equals(user)) {
      return VerificationCheck.UNKNOWN_CHALLENGE;
    }
    int used = answers.getOrDefault(challengeId, 0);
    if (used >= MAX_ATTEMPTS) {
      return VerificationCheck.ATTEMPTS_EXHAUSTED;
    }
    if (!clock.instant().isBefore(issued.expiresAt())) {
      open.remove(challengeId);
      return VerificationCheck.EXPIRED;
    }
    answers.put(challengeId, used + 1);
    if (Secret.of(issued.code()).matches(answer)) {
      open.remove(challengeId);
      return VerificationCheck.PASSED;
    }
    return used + 1 >= MAX_ATTEMPTS
        ? VerificationCheck.ATTEMPTS_EXHAUSTED
        : VerificationCheck.WRONG_ANSWER;
  }

  @Override
  public synchronized Optional<Instant> channelChangedAt(UserId user) {
    return Optional.ofNullable(channelChanges.get(requireNonNull(user, "user")));
  }

  /**
   * The code of challenge {@code challengeId}, as the user's phone shows it.
   *
   * @throws ProviderFailureException if this gate issued no such challenge
   */
  public synchronized String codeOf(String challengeId) {
    String code = codes.get(challengeId);
    if (code == null) {
      throw new ProviderFailureException("verification gate", "no such challenge");
    }
    return code;
  }

  /**
   * The code of the last challenge issued for {@code user}, as the user's phone shows it.
   *
   * @throws ProviderFailureException if this gate issued no challenge for the user
   */
  public synchronized String lastCodeFor(UserId user) {
    requireNonNull(user, "user");
    String code = lastCodes.get(user);
    if (code == null) {
      throw new ProviderFailureException("verification gate", "no challenge for " + user);
    }
    return code;
  }

  /** Every verdict so far, oldest first. */
  public synchronized List<VerificationCheck> checks() {
    return List.copyOf(checks);
  }

  @Override
  public synchronized String toString() {
    return "FakeVerificationGate{level=" + level + ", " + issued + " issued}";
  }
}
