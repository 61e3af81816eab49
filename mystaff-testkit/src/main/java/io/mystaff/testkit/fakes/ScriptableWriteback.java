package io.mystaff.testkit.fakes;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.ProviderFailureException;
import io.mystaff.api.UserId;
import io.mystaff.api.password.PasswordHistory;
import io.mystaff.api.password.Secret;
import io.mystaff.api.password.WritebackFailure;
import io.mystaff.api.password.WritebackResult;
import io.mystaff.api.password.WritebackStatus;
import io.mystaff.spi.AccountUnlocker;
import io.mystaff.spi.PasswordWriteback;
import io.mystaff.spi.WritebackListener;
import io.mystaff.spi.WritebackPrecondition;
import io.mystaff.spi.WritebackRequest;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * A {@link PasswordWriteback} whose outcomes a test scripts: succeed, fail with a {@link
 * WritebackFailure}, hang until {@linkplain #release released}, or complete exceptionally.
 *
 * <p><b>Choosing an outcome.</b> A submission for a user with a {@linkplain #scriptUser per-user
 * outcome} gets it (every time); otherwise the next {@linkplain #script per-call outcome} is used
 * up; otherwise the {@linkplain #defaultOutcome default}, initially {@link Outcome#succeed()}.
 *
 * <p><b>Keeping the contract.</b> Each accepted submission reports {@link
 * WritebackStatus#IN_PROGRESS}, then its terminal status, to its listener, and completes its stage
 * exactly once. A second submission with a correlation id already seen is recorded as a duplicate,
 * is not applied again (its password is ignored, nothing is reported to its listener) and gets a
 * stage completing with the first submission's result. A scripted success is applied only if the
 * request's {@linkplain WritebackRequest#precondition() precondition}, asked when the writeback
 * completes, holds; otherwise it fails with {@link WritebackFailure#AUTHORIZATION_REVOKED}. A
 * successful writeback adds the password to the user's {@linkplain #historyOf history}.
 *
 * <p><b>Secrets.</b> The fake never keeps a {@link Secret} or its characters: it records whether a
 * password was given and keeps only a digest salted per instance, enough for {@link
 * #passwordMatches} and for history.
 *
 * <p><b>Unlocking.</b> The fake also unlocks on-premises accounts ({@link #accountUnlocker()}),
 * synchronously, unless {@linkplain #unlocks(boolean) told it cannot}: each unlock asks its
 * precondition (one that does not hold, or throws, fails {@link
 * WritebackFailure#AUTHORIZATION_REVOKED}), then ends with the user's {@linkplain #scriptUser
 * per-user} failure if one is scripted, else the {@linkplain #unlockOutcome scripted result}
 * (initially success), and is recorded in {@link #unlocked()} when it succeeds.
 *
 * <p><b>Threads.</b> A {@linkplain #synchronous() synchronous} writeback reports and completes on
 * the submitting (or releasing) thread before returning; one {@linkplain #completingOn(Executor)
 * completing on an executor} does all reporting and completing there. Thread-safe.
 */
public final class ScriptableWriteback implements PasswordWriteback {
  /** The {@link ProviderFailureException#provider()} of exceptional completions. */
  public static final String PROVIDER = "password writeback";

  private final Optional<Executor> executor;
  private final byte[] salt = new byte[16];
  private final Map<CorrelationId, Attempt> attempts = new HashMap<>();
  private final List<Submission> submissions = new ArrayList<>();
  private final Map<UserId, Outcome> perUser = new HashMap<>();
  private final Queue<Outcome> perCall = new ArrayDeque<>();
  private final Map<UserId, List<byte[]>> history = new HashMap<>();
  private final List<RuntimeException> listenerErrors = new ArrayList<>();
  private Outcome defaultOutcome = Outcome.succeed();
  private volatile boolean available = true;
  private volatile boolean unlocks = true;
  private WritebackResult unlockOutcome = WritebackResult.succeeded();
  private final List<UserId> unlocked = new ArrayList<>();
  private final AccountUnlocker unlocker = this::unlock;

  private ScriptableWriteback(Optional<Executor> executor) {
    this.executor = executor;
    new SecureRandom().nextBytes(salt);
  }

  /**
   * A writeback that reports and completes on the calling thread, before {@code submit} returns.
   */
  public static ScriptableWriteback synchronous() {
    return new ScriptableWriteback(Optional.empty());
  }

  /**
   * A writeback that reports and completes every submission (and every release) on {@code
   * executor}.
   */
  public static ScriptableWriteback completingOn(Executor executor) {
    return new ScriptableWriteback(Optional.of(requireNonNull(executor, "executor")));
  }

  /**
   * Sets the outcome of submissions that have neither a per-user nor a per-call outcome.
   *
   * @return this writeback
   */
  public synchronized ScriptableWriteback defaultOutcome(Outcome outcome) {
    this.defaultOutcome = requireNonNull(outcome, "outcome");
    return this;
  }

  /**
   * Appends outcomes for the next submissions, one each, in order (submissions of users with a
   * per-user outcome do not use them up).
   *
   * @return this writeback
   */
  public synchronized ScriptableWriteback script(Outcome... nextCalls) {
    for (Outcome o : nextCalls) {
      perCall.add(requireNonNull(o, "outcome"));
    }
    return this;
  }

  /**
   * Gives every later submission for {@code user} this outcome.
   *
   * @return this writeback
   */
  public synchronized ScriptableWriteback scriptUser(UserId user, Outcome outcome) {
    perUser.put(requireNonNull(user, "user"), requireNonNull(outcome, "outcome"));
    return this;
  }

  /**
   * Adds passwords to {@code user}'s on-premises history, as if set earlier. The secrets are
   * digested at once and not kept.
   *
   * @return this writeback
   */
  public ScriptableWriteback rememberHistory(UserId user, Secret... passwords) {
    requireNonNull(user, "user");
    List<byte[]> digests = new ArrayList<>();
    for (Secret s : passwords) {
      digests.add(digest(requireNonNull(s, "password")));
    }
    synchronized (this) {
      history.computeIfAbsent(user, k -> new ArrayList<>()).addAll(digests);
    }
    return this;
  }

  /**
   * Submits a writeback with the scripted outcome; a duplicate correlation id is not applied again.
   *
   * @throws IllegalArgumentException if the request's password was already destroyed (the
   *     submission is still recorded, with {@code passwordGiven} false)
   */
  @Override
  public CompletionStage<WritebackResult> submit(
      WritebackRequest request, WritebackListener listener) {
    requireNonNull(request, "request");
    requireNonNull(listener, "listener");
    boolean given = !request.password().isDestroyed();
    byte[] digest = given ? digest(request.password()) : null;
    Attempt attempt;
    synchronized (this) {
      Attempt first = attempts.get(request.correlationId());
      Submission s =
          new Submission(
              request.correlationId(),
              request.user(),
              request.samAccountName(),
              request.forceChangeNextSignIn(),
              given,
              first != null);
      submissions.add(s);
      if (!given) {
        throw new IllegalArgumentException(
            "the password of writeback "
                + request.correlationId()
                + " was destroyed before submit");
      }
      if (first != null) {
        return first.future.copy();
      }
      Outcome outcome = perUser.get(request.user());
      if (outcome == null) {
        outcome = perCall.isEmpty() ? defaultOutcome : perCall.remove();
      }
      attempt = new Attempt(s, outcome, digest, listener, request.precondition());
      attempts.put(request.correlationId(), attempt);
    }
    dispatch(attempt::start);
    return attempt.future.copy();
  }

  /**
   * What {@link #isAvailable()} answers from now on (initially true). Submissions are still
   * accepted and scripted either way: core is what refuses a reset up front.
   */
  public ScriptableWriteback available(boolean available) {
    this.available = available;
    return this;
  }

  @Override
  public boolean isAvailable() {
    return available;
  }

  /**
   * Whether this writeback offers an {@link #accountUnlocker()} from now on (initially true).
   *
   * @since 0.2.0
   */
  public ScriptableWriteback unlocks(boolean unlocks) {
    this.unlocks = unlocks;
    return this;
  }

  /**
   * The result of every unlock whose precondition holds, from now on (initially success).
   *
   * @since 0.2.0
   */
  public synchronized ScriptableWriteback unlockOutcome(WritebackResult result) {
    this.unlockOutcome = requireNonNull(result, "result");
    return this;
  }

  /**
   * The users unlocked successfully, in order.
   *
   * @since 0.2.0
   */
  public synchronized List<UserId> unlocked() {
    return List.copyOf(unlocked);
  }

  /**
   * This writeback's unlocker, unless {@linkplain #unlocks(boolean) switched off}.
   *
   * @since 0.2.0
   */
  @Override
  public Optional<AccountUnlocker> accountUnlocker() {
    return unlocks ? Optional.of(unlocker) : Optional.empty();
  }

  private WritebackResult unlock(UserId user, WritebackPrecondition precondition) {
    requireNonNull(user, "user");
    boolean holds;
    try {
      holds = precondition.holds();
    } catch (RuntimeException e) {
      holds = false;
    }
    if (!holds) {
      return WritebackResult.failed(WritebackFailure.AUTHORIZATION_REVOKED);
    }
    synchronized (this) {
      Outcome own = perUser.get(user);
      WritebackResult result =
          own != null && own.kind == Kind.COMPLETE && !own.result.orElseThrow().isSuccess()
              ? own.result.orElseThrow()
              : unlockOutcome;
      if (result.isSuccess()) {
        unlocked.add(user);
      }
      return result;
    }
  }

  /**
   * Completes a hanging writeback successfully.
   *
   * @return false if {@code id} is not a hanging writeback (unknown, not scripted to hang, or
   *     already released)
   */
  public boolean release(CorrelationId id) {
    return release(id, WritebackResult.succeeded());
  }

  /**
   * Completes a hanging writeback with {@code result}, on the executor if there is one.
   *
   * @return false if {@code id} is not a hanging writeback (unknown, not scripted to hang, or
   *     already released)
   */
  public boolean release(CorrelationId id, WritebackResult result) {
    requireNonNull(id, "id");
    requireNonNull(result, "result");
    Attempt attempt;
    synchronized (this) {
      attempt = attempts.get(id);
      if (attempt == null || attempt.outcome.kind != Kind.HANG || attempt.releaseRequested) {
        return false;
      }
      attempt.releaseRequested = true;
    }
    dispatch(() -> attempt.release(result));
    return true;
  }

  /**
   * Completes every hanging writeback with {@code result}.
   *
   * @return the correlation ids released
   */
  public Set<CorrelationId> releaseAll(WritebackResult result) {
    Set<CorrelationId> released = new LinkedHashSet<>();
    for (CorrelationId id : hanging()) {
      if (release(id, result)) {
        released.add(id);
      }
    }
    return released;
  }

  /** The correlation ids of writebacks scripted to hang and not yet released, oldest first. */
  public synchronized Set<CorrelationId> hanging() {
    Set<CorrelationId> ids = new LinkedHashSet<>();
    for (Submission s : submissions) {
      Attempt a = attempts.get(s.correlationId());
      if (!s.duplicate() && a != null && a.outcome.kind == Kind.HANG && !a.releaseRequested) {
        ids.add(s.correlationId());
      }
    }
    return ids;
  }

  /** Every call to {@code submit}, duplicates included, oldest first. */
  public synchronized List<Submission> submissions() {
    return List.copyOf(submissions);
  }

  /** The calls to {@code submit} for {@code user}, oldest first. */
  public synchronized List<Submission> submissions(UserId user) {
    requireNonNull(user, "user");
    return submissions.stream().filter(s -> s.user().equals(user)).toList();
  }

  /**
   * True if the first submission with this correlation id carried a password equal to {@code
   * candidate}; false if there was no such submission.
   */
  public boolean passwordMatches(CorrelationId id, Secret candidate) {
    requireNonNull(id, "id");
    byte[] d = digest(requireNonNull(candidate, "candidate"));
    Attempt a;
    synchronized (this) {
      a = attempts.get(id);
    }
    return a != null && MessageDigest.isEqual(a.digest, d);
  }

  /** Exceptions thrown by listeners; the writeback carried on (and completed) regardless. */
  public synchronized List<RuntimeException> listenerErrors() {
    return List.copyOf(listenerErrors);
  }

  /**
   * The user's remembered history: scripted passwords plus every successful writeback, as of now.
   */
  @Override
  public synchronized PasswordHistory historyOf(UserId user) {
    requireNonNull(user, "user");
    List<byte[]> snapshot = List.copyOf(history.getOrDefault(user, List.of()));
    return candidate -> {
      byte[] d = digest(candidate);
      return snapshot.stream().anyMatch(h -> MessageDigest.isEqual(h, d));
    };
  }

  @Override
  public synchronized String toString() {
    return "ScriptableWriteback["
        + submissions.size()
        + " submissions, "
        + hanging().size()
        + " hanging]";
  }

  private void dispatch(Runnable task) {
    if (executor.isPresent()) {
      executor.get().execute(task);
    } else {
      task.run();
    }
  }

  private byte[] digest(Secret secret) {
    char[] chars = secret.toCharArray();
    ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
    Arrays.fill(chars, '\0');
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt);
      sha.update(bytes.duplicate());
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    } finally {
      if (bytes.hasArray()) {
        // Wipes the whole buffer: the encoder may have left secret bytes beyond the limit.
        Arrays.fill(
            bytes.array(), bytes.arrayOffset(), bytes.arrayOffset() + bytes.capacity(), (byte) 0);
      }
    }
  }

  private void report(WritebackListener listener, WritebackStatus status) {
    try {
      listener.onStatus(status);
    } catch (RuntimeException e) {
      synchronized (this) {
        listenerErrors.add(e);
      }
    }
  }

  private void succeeded(UserId user, byte[] digest) {
    synchronized (this) {
      history.computeIfAbsent(user, k -> new ArrayList<>()).add(digest);
    }
  }

  /** One accepted (non-duplicate) submission and its progress; guarded by its own monitor. */
  private final class Attempt {
    final Submission submission;
    final Outcome outcome;
    final byte @Nullable [] digest;
    final WritebackListener listener;
    final WritebackPrecondition precondition;
    final CompletableFuture<WritebackResult> future = new CompletableFuture<>();
    boolean releaseRequested; // guarded by ScriptableWriteback.this
    private boolean started;
    private @Nullable WritebackResult earlyRelease;

    Attempt(
        Submission submission,
        Outcome outcome,
        byte @Nullable [] digest,
        WritebackListener listener,
        WritebackPrecondition precondition) {
      this.submission = submission;
      this.outcome = outcome;
      this.digest = digest;
      this.listener = listener;
      this.precondition = precondition;
    }

    synchronized void start() {
      report(listener, WritebackStatus.IN_PROGRESS);
      started = true;
      switch (outcome.kind) {
        case COMPLETE -> finish(outcome.result.orElseThrow());
        case CRASH ->
            future.completeExceptionally(
                new ProviderFailureException(PROVIDER, outcome.message.orElseThrow()));
        case HANG -> {
          if (earlyRelease != null) {
            finish(earlyRelease);
          }
        }
      }
    }

    synchronized void release(WritebackResult result) {
      if (started) {
        finish(result);
      } else {
        earlyRelease = result;
      }
    }

    private void finish(WritebackResult scripted) {
      WritebackResult result =
          scripted.isSuccess() && !holds(precondition)
              ? WritebackResult.failed(WritebackFailure.AUTHORIZATION_REVOKED)
              : scripted;
      if (result.isSuccess() && digest != null) {
        succeeded(submission.user(), digest);
      }
      report(listener, result.status());
      future.complete(result);
    }
  }

  /** A precondition that throws does not hold (fail closed). */
  private static boolean holds(WritebackPrecondition precondition) {
    try {
      return precondition.holds();
    } catch (RuntimeException e) {
      return false;
    }
  }

  private enum Kind {
    COMPLETE,
    HANG,
    CRASH
  }

  /** What a scripted submission does after reporting {@code IN_PROGRESS}. Immutable. */
  public static final class Outcome {
    private static final Outcome SUCCEED =
        new Outcome(Kind.COMPLETE, Optional.of(WritebackResult.succeeded()), Optional.empty());
    private static final Outcome HANG = new Outcome(Kind.HANG, Optional.empty(), Optional.empty());

    private final Kind kind;
    private final Optional<WritebackResult> result;
    private final Optional<String> message;

    private Outcome(Kind kind, Optional<WritebackResult> result, Optional<String> message) {
      this.kind = kind;
      this.result = result;
      this.message = message;
    }

    /** The on-premises directory takes the password: {@code SUCCEEDED}. */
    public static Outcome succeed() {
      return SUCCEED;
    }

    /** The writeback fails for {@code reason}: {@code FAILED} with that reason. */
    public static Outcome fail(WritebackFailure reason) {
      return new Outcome(
          Kind.COMPLETE,
          Optional.of(WritebackResult.failed(requireNonNull(reason, "reason"))),
          Optional.empty());
    }

    /** The writeback stays in progress until {@link ScriptableWriteback#release released}. */
    public static Outcome hang() {
      return HANG;
    }

    /**
     * The stage completes exceptionally with a {@link ProviderFailureException} carrying {@code
     * message} and no terminal status is reported: a provider bug or crash, for testing how the
     * caller copes with an outcome the contract does not allow.
     */
    public static Outcome crash(String message) {
      return new Outcome(
          Kind.CRASH, Optional.empty(), Optional.of(requireNonNull(message, "message")));
    }

    @Override
    public String toString() {
      return switch (kind) {
        case COMPLETE ->
            result.orElseThrow().failure().map(f -> "fail(" + f + ")").orElse("succeed()");
        case HANG -> "hang()";
        case CRASH -> "crash(" + message.orElseThrow() + ")";
      };
    }
  }

  /**
   * One call to {@code submit}, without its password.
   *
   * @param passwordGiven whether the request carried a readable (not destroyed) password
   * @param duplicate whether an earlier submission had the same correlation id (so this one was not
   *     applied)
   */
  public record Submission(
      CorrelationId correlationId,
      UserId user,
      Optional<String> samAccountName,
      boolean forceChangeNextSignIn,
      boolean passwordGiven,
      boolean duplicate) {

    public Submission {
      requireNonNull(correlationId, "correlationId");
      requireNonNull(user, "user");
      requireNonNull(samAccountName, "samAccountName");
    }
  }
}
