package io.mystaff.inmemory;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.UserId;
import io.mystaff.api.directory.User;
import io.mystaff.api.password.PasswordCheck;
import io.mystaff.api.password.PasswordContext;
import io.mystaff.api.password.PasswordHistory;
import io.mystaff.api.password.Secret;
import io.mystaff.api.password.WritebackFailure;
import io.mystaff.api.password.WritebackResult;
import io.mystaff.api.password.WritebackStatus;
import io.mystaff.spi.AccountUnlocker;
import io.mystaff.spi.Directory;
import io.mystaff.spi.PasswordPolicy;
import io.mystaff.spi.PasswordWriteback;
import io.mystaff.spi.WritebackListener;
import io.mystaff.spi.WritebackPrecondition;
import io.mystaff.spi.WritebackRequest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link PasswordWriteback} that simulates an on-premises Active Directory behind Entra Connect:
 * asynchronous, with its own password policy and password history, and with failures that tests can
 * inject.
 *
 * <p><b>One writeback.</b> {@link #submit} copies the password, returns at once and, on the
 * executor, reports {@link WritebackStatus#IN_PROGRESS}; after the configured {@linkplain
 * Builder#latency latency} it decides the outcome, reports it ({@code SUCCEEDED} or {@code FAILED})
 * and then completes the stage. The outcome is, in this order of precedence: an injected failure
 * ({@link #failFor}, then {@link #failNext}); {@link WritebackFailure#AUTHORIZATION_REVOKED} if the
 * request's {@linkplain WritebackRequest#precondition() precondition}, asked just then, does not
 * hold (or throws); {@link WritebackFailure#USER_NOT_FOUND} for a user the on-premises directory
 * does not know; {@link WritebackFailure#POLICY_VIOLATION} if the {@linkplain Builder#policy
 * on-premises policy} rejects the password (it is checked here, when the writeback runs, with this
 * simulator's own history in its context) or the password is among the user's last {@linkplain
 * Builder#historyDepth history depth} passwords; otherwise success, which makes the password the
 * user's current one and adds its salted hash to the history.
 *
 * <p><b>Idempotency.</b> Submitting a correlation id again returns the first submission's outcome
 * (the same result, whatever the new request says) and applies nothing twice; the new listener
 * still hears {@code IN_PROGRESS} and the outcome.
 *
 * <p><b>Listeners</b> are called in order, at most once per status, from an executor thread (or,
 * for a resubmission of a writeback already under way, the submitting thread). A listener that
 * throws is logged and otherwise ignored.
 *
 * <p>Thread-safe. {@link #close()} shuts down the simulator's own scheduler (not an executor passed
 * to the builder) and fails every unfinished writeback, and every later one, with {@link
 * WritebackFailure#UNREACHABLE}.
 */
public final class SimulatedOnPremisesWriteback implements PasswordWriteback, AutoCloseable {
  /** How many previous passwords the on-premises directory remembers by default, as AD does. */
  public static final int DEFAULT_HISTORY_DEPTH = 24;

  private static final Logger LOG = LoggerFactory.getLogger(SimulatedOnPremisesWriteback.class);

  private final PasswordPolicy policy;
  private final Duration latency;
  private final ScheduledExecutorService executor;
  private final boolean ownsExecutor;
  private final Map<UserId, User> knownUsers;
  private final Optional<Directory> knownDirectory;
  private final Set<UserId> unknownUsers;
  private final int historyDepth;
  private final int hashIterations;
  private final Duration minimumPasswordAge;
  private final Clock clock;
  private final Set<UserId> neverExpire;
  private final SecureRandom random = new SecureRandom();

  private final ConcurrentHashMap<CorrelationId, Operation> operations = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<UserId, Account> accounts = new ConcurrentHashMap<>();
  private final Set<UserId> lockedOut = ConcurrentHashMap.newKeySet();
  private final AccountUnlocker unlocker = this::unlock;

  // Guarded by this.
  private int failNextCount;
  private @Nullable WritebackFailure failNextReason;
  private final Map<UserId, WritebackFailure> failFor = new HashMap<>();
  private boolean stalled;
  private final List<Operation> parked = new ArrayList<>();
  private int inFlight;
  private boolean closed;
  private boolean reachable = true;

  private SimulatedOnPremisesWriteback(Builder b) {
    this.policy = b.policy;
    this.latency = b.latency;
    ScheduledExecutorService given = b.executor;
    this.ownsExecutor = given == null;
    this.executor = given == null ? ownScheduler() : given;
    this.knownUsers = Map.copyOf(b.knownUsers);
    this.knownDirectory = Optional.ofNullable(b.knownDirectory);
    this.unknownUsers = Set.copyOf(b.unknownUsers);
    this.historyDepth = b.historyDepth;
    this.hashIterations = b.hashIterations;
    this.minimumPasswordAge = b.minimumPasswordAge;
    this.clock = b.clock;
    this.neverExpire = Set.copyOf(b.neverExpire);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts writing {@code request}'s password back; see the class documentation for what happens.
   * The stage never completes exceptionally.
   *
   * @throws InvalidInputException if the request's password was already destroyed
   */
  @Override
  public CompletionStage<WritebackResult> submit(
      WritebackRequest request, WritebackListener listener) {
    requireNonNull(request, "request");
    requireNonNull(listener, "listener");
    Operation existing = operations.get(request.correlationId());
    if (existing == null) {
      Operation created = new Operation(request, copyOf(request.password()));
      existing = operations.putIfAbsent(request.correlationId(), created);
      if (existing == null) {
        created.subscribe(listener);
        launch(created);
        return created.future.minimalCompletionStage();
      }
      created.password.destroy();
    }
    existing.subscribe(listener);
    return existing.future.minimalCompletionStage();
  }

  /**
   * The user's on-premises password history as it stands now: the last {@linkplain
   * Builder#historyDepth history depth} passwords written back successfully, as salted hashes.
   * Empty for a user never written back.
   */
  @Override
  public PasswordHistory historyOf(UserId user) {
    requireNonNull(user, "user");
    Account account = accounts.get(user);
    return account == null ? PasswordHistory.none() : account.history();
  }

  /** Whether {@code candidate} is the user's current on-premises password (for demos and tests). */
  public boolean verifyPassword(UserId user, Secret candidate) {
    requireNonNull(user, "user");
    requireNonNull(candidate, "candidate");
    Account account = accounts.get(user);
    return account != null && account.isCurrent(candidate);
  }

  /** How many passwords have been written back successfully for the user. */
  public int appliedCount(UserId user) {
    requireNonNull(user, "user");
    Account account = accounts.get(user);
    return account == null ? 0 : account.applied();
  }

  /**
   * Whether the user must change the password at next on-premises sign-in, as the last successful
   * writeback asked.
   */
  public boolean mustChangePassword(UserId user) {
    requireNonNull(user, "user");
    Account account = accounts.get(user);
    return account != null && account.mustChange();
  }

  /**
   * Makes the next {@code count} writebacks to be decided fail with {@code reason}, replacing any
   * earlier {@code failNext}; {@code count} 0 cancels it.
   *
   * @throws InvalidInputException if {@code count} is negative
   */
  public synchronized void failNext(int count, WritebackFailure reason) {
    requireNonNull(reason, "reason");
    if (count < 0) {
      throw InvalidInputException.of("failure count", "must not be negative");
    }
    failNextCount = count;
    failNextReason = reason;
  }

  /** Makes every writeback for {@code user} decided from now on fail with {@code reason}. */
  public synchronized void failFor(UserId user, WritebackFailure reason) {
    failFor.put(requireNonNull(user, "user"), requireNonNull(reason, "reason"));
  }

  /**
   * Takes the simulated on-premises directory off the network ({@code false}) or back: while it is
   * unreachable, {@link #isAvailable()} is false and every writeback decided fails with {@link
   * WritebackFailure#UNREACHABLE}.
   */
  public synchronized void setReachable(boolean reachable) {
    this.reachable = reachable;
  }

  /** False once closed or while {@linkplain #setReachable unreachable}. */
  @Override
  public synchronized boolean isAvailable() {
    return reachable && !closed;
  }

  /**
   * Locks the user's on-premises account, as too many wrong passwords would (for demos and tests).
   *
   * @since 0.2.0
   */
  public void lockOut(UserId user) {
    lockedOut.add(requireNonNull(user, "user"));
  }

  /**
   * Whether the user's on-premises account is locked.
   *
   * @since 0.2.0
   */
  public boolean isLockedOut(UserId user) {
    return lockedOut.contains(requireNonNull(user, "user"));
  }

  /**
   * This simulator unlocks accounts: synchronously, failing with {@link
   * WritebackFailure#UNREACHABLE} while unreachable or closed, {@link
   * WritebackFailure#USER_NOT_FOUND} for a user it does not know, the {@link #failFor} reason of
   * the user if one is set ({@link #failNext} counts password writebacks only), {@link
   * WritebackFailure#AUTHORIZATION_REVOKED} if the precondition does not hold; else it unlocks the
   * account (locked or not) and succeeds.
   *
   * @since 0.2.0
   */
  @Override
  public Optional<AccountUnlocker> accountUnlocker() {
    return Optional.of(unlocker);
  }

  private WritebackResult unlock(UserId user, WritebackPrecondition precondition) {
    requireNonNull(user, "user");
    requireNonNull(precondition, "precondition");
    WritebackFailure injected;
    synchronized (this) {
      if (closed || !reachable) {
        return WritebackResult.failed(WritebackFailure.UNREACHABLE);
      }
      injected = failFor.get(user);
    }
    if (!knows(user)) {
      return WritebackResult.failed(WritebackFailure.USER_NOT_FOUND);
    }
    if (injected != null) {
      return WritebackResult.failed(injected);
    }
    if (!holds(precondition)) {
      return WritebackResult.failed(WritebackFailure.AUTHORIZATION_REVOKED);
    }
    lockedOut.remove(user);
    return WritebackResult.succeeded();
  }

  /** Whether the simulated on-premises directory has an account for {@code user}. */
  private boolean knows(UserId user) {
    if (unknownUsers.contains(user)) {
      return false;
    }
    if (knownUsers.containsKey(user)) {
      return true;
    }
    if (knownDirectory.isPresent()) {
      return knownDirectory.get().findUser(user).filter(User::isSynced).isPresent();
    }
    return knownUsers.isEmpty();
  }

  /** Cancels every injected failure ({@link #failNext} and {@link #failFor}). */
  public synchronized void clearFailures() {
    failNextCount = 0;
    failNextReason = null;
    failFor.clear();
  }

  /**
   * Holds every writeback that reaches its decision from now on {@code IN_PROGRESS}, until {@link
   * #resume()}.
   */
  public synchronized void stall() {
    stalled = true;
  }

  /** Lets held writebacks, and later ones, be decided. */
  public void resume() {
    List<Operation> released;
    synchronized (this) {
      stalled = false;
      released = List.copyOf(parked);
      parked.clear();
    }
    for (Operation op : released) {
      dispatch(op, () -> decide(op));
    }
  }

  /**
   * Waits until no writeback is under way (submitted and not yet completed), or the timeout passes.
   *
   * @return true if idle, false on timeout or interruption (the interrupt status is kept)
   */
  public boolean awaitIdle(Duration timeout) {
    long deadline = System.nanoTime() + requireNonNull(timeout, "timeout").toNanos();
    synchronized (this) {
      while (inFlight > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(this, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    }
  }

  /**
   * Fails every unfinished writeback with {@link WritebackFailure#UNREACHABLE}, makes later ones
   * fail the same way, and shuts down the simulator's own scheduler. Idempotent.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      parked.clear();
    }
    if (ownsExecutor) {
      executor.shutdownNow();
    }
    for (Operation op : operations.values()) {
      finish(op, WritebackResult.failed(WritebackFailure.UNREACHABLE));
    }
  }

  @Override
  public String toString() {
    return "SimulatedOnPremisesWriteback{policy=" + policy.name() + ", latency=" + latency + "}";
  }

  private void launch(Operation op) {
    synchronized (this) {
      if (!closed) {
        inFlight++;
      }
    }
    dispatch(
        op,
        () -> {
          op.start();
          if (latency.isZero()) {
            decide(op);
          } else {
            try {
              // decide(op) finishes the operation itself; the scheduled future carries nothing.
              ScheduledFuture<?> unused =
                  executor.schedule(() -> decide(op), latency.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
              finish(op, WritebackResult.failed(WritebackFailure.UNREACHABLE));
            }
          }
        });
  }

  /** Runs {@code step} on the executor; a closed or refusing executor fails the writeback. */
  private void dispatch(Operation op, Runnable step) {
    boolean isClosed;
    synchronized (this) {
      isClosed = closed;
    }
    if (isClosed) {
      finish(op, WritebackResult.failed(WritebackFailure.UNREACHABLE));
      return;
    }
    try {
      executor.execute(step);
    } catch (RejectedExecutionException e) {
      finish(op, WritebackResult.failed(WritebackFailure.UNREACHABLE));
    }
  }

  private void decide(Operation op) {
    WritebackFailure injected;
    synchronized (this) {
      if (closed || !reachable) {
        injected = WritebackFailure.UNREACHABLE;
      } else if (stalled) {
        parked.add(op);
        return;
      } else {
        injected = failFor.get(op.user);
        if (injected == null && failNextCount > 0) {
          failNextCount--;
          injected = failNextReason;
        }
      }
    }
    WritebackResult result;
    try {
      result = injected != null ? WritebackResult.failed(injected) : apply(op);
    } catch (RuntimeException e) {
      LOG.warn("Simulated writeback {} failed unexpectedly", op.correlationId, e);
      result = WritebackResult.failed(WritebackFailure.UNKNOWN);
    }
    finish(op, result);
  }

  private WritebackResult apply(Operation op) {
    if (!holds(op.precondition)) {
      return WritebackResult.failed(WritebackFailure.AUTHORIZATION_REVOKED);
    }
    Optional<PasswordContext> context = contextOf(op);
    if (context.isEmpty()) {
      return WritebackResult.failed(WritebackFailure.USER_NOT_FOUND);
    }
    Account account = accounts.computeIfAbsent(op.user, u -> new Account());
    synchronized (account) {
      PasswordHistory history = account.history();
      PasswordContext withHistory =
          new PasswordContext(
              op.user,
              context.get().userPrincipalName(),
              context.get().displayName(),
              context.get().samAccountName(),
              history);
      PasswordCheck check = policy.check(op.password, withHistory);
      if (!check.isAccepted()
          || history.contains(op.password)
          || account.tooYoung(clock.instant(), minimumPasswordAge)) {
        return WritebackResult.failed(WritebackFailure.POLICY_VIOLATION);
      }
      account.apply(
          PasswordHash.of(op.password, hashIterations, random),
          op.forceChange && !neverExpires(op.user),
          historyDepth,
          clock.instant());
      return WritebackResult.succeeded();
    }
  }

  /** The request's precondition, asked now; one that throws does not hold (fail closed). */
  private static boolean holds(WritebackPrecondition precondition) {
    try {
      return precondition.holds();
    } catch (RuntimeException e) {
      LOG.warn("A writeback precondition failed; the password is not applied", e);
      return false;
    }
  }

  /** Whether the user's on-premises password never expires (so a reset sets no forced change). */
  private boolean neverExpires(UserId user) {
    if (neverExpire.contains(user)) {
      return true;
    }
    User known = knownUsers.get(user);
    if (known == null && knownDirectory.isPresent()) {
      known = knownDirectory.get().findUser(user).orElse(null);
    }
    return known != null
        && known
            .attribute("passwordPolicies")
            .map(p -> p.toLowerCase(Locale.ROOT).contains("disablepasswordexpiration"))
            .orElse(false);
  }

  /** What the on-premises directory knows of the user (without history), if it knows the user. */
  private Optional<PasswordContext> contextOf(Operation op) {
    if (unknownUsers.contains(op.user)) {
      return Optional.empty();
    }
    User known = knownUsers.get(op.user);
    if (known == null && knownDirectory.isPresent()) {
      known = knownDirectory.get().findUser(op.user).filter(User::isSynced).orElse(null);
    }
    if (known != null) {
      return Optional.of(
          new PasswordContext(
              op.user,
              known.userPrincipalName(),
              known.displayName(),
              known.onPremisesSamAccountName().or(() -> op.samAccountName),
              PasswordHistory.none()));
    }
    if (!knownUsers.isEmpty() || knownDirectory.isPresent()) {
      return Optional.empty();
    }
    String name = op.samAccountName.orElse(op.user.value());
    return Optional.of(
        new PasswordContext(
            op.user, op.user.value(), name, op.samAccountName, PasswordHistory.none()));
  }

  private void finish(Operation op, WritebackResult result) {
    if (op.complete(result)) {
      op.password.destroy();
      synchronized (this) {
        if (inFlight > 0) {
          inFlight--;
        }
        if (closed) {
          inFlight = 0;
        }
        notifyAll();
      }
    }
  }

  private static Secret copyOf(Secret password) {
    char[] chars;
    try {
      chars = password.toCharArray();
    } catch (IllegalStateException e) {
      throw InvalidInputException.of("password", "was destroyed before it was submitted");
    }
    try {
      return Secret.of(chars);
    } finally {
      Arrays.fill(chars, '\0');
    }
  }

  private static ScheduledExecutorService ownScheduler() {
    return Executors.newSingleThreadScheduledExecutor(
        task -> {
          Thread t = new Thread(task, "mystaff-simulated-writeback");
          t.setDaemon(true);
          return t;
        });
  }

  /** One writeback, shared by every submission of its correlation id. */
  private static final class Operation {
    final CorrelationId correlationId;
    final UserId user;
    final Optional<String> samAccountName;
    final boolean forceChange;
    final Secret password;
    final WritebackPrecondition precondition;
    final CompletableFuture<WritebackResult> future = new CompletableFuture<>();

    // Guarded by this.
    private final List<Subscriber> subscribers = new ArrayList<>();
    private boolean started;
    private @Nullable WritebackResult result;

    Operation(WritebackRequest request, Secret password) {
      this.correlationId = request.correlationId();
      this.user = request.user();
      this.samAccountName = request.samAccountName();
      this.forceChange = request.forceChangeNextSignIn();
      this.password = password;
      this.precondition = request.precondition();
    }

    void subscribe(WritebackListener listener) {
      Subscriber s = new Subscriber(listener);
      boolean isStarted;
      WritebackResult done;
      synchronized (this) {
        subscribers.add(s);
        isStarted = started;
        done = result;
      }
      if (done != null) {
        s.deliver(done.status());
      } else if (isStarted) {
        s.deliver(WritebackStatus.IN_PROGRESS);
      }
    }

    void start() {
      List<Subscriber> current;
      synchronized (this) {
        if (started || result != null) {
          return;
        }
        started = true;
        current = List.copyOf(subscribers);
      }
      current.forEach(s -> s.deliver(WritebackStatus.IN_PROGRESS));
    }

    /** Reports and completes with {@code outcome}; false if already completed. */
    boolean complete(WritebackResult outcome) {
      List<Subscriber> current;
      synchronized (this) {
        if (result != null) {
          return false;
        }
        result = outcome;
        current = List.copyOf(subscribers);
      }
      current.forEach(s -> s.deliver(outcome.status()));
      future.complete(outcome);
      return true;
    }
  }

  /** One listener: hears IN_PROGRESS, then the outcome, each at most once. */
  private static final class Subscriber {
    private final WritebackListener listener;
    private boolean heardProgress;
    private boolean heardOutcome;

    Subscriber(WritebackListener listener) {
      this.listener = listener;
    }

    synchronized void deliver(WritebackStatus status) {
      if (heardOutcome) {
        return;
      }
      if (!heardProgress) {
        heardProgress = true;
        notify(WritebackStatus.IN_PROGRESS);
      }
      if (status.isTerminal()) {
        heardOutcome = true;
        notify(status);
      }
    }

    private void notify(WritebackStatus status) {
      try {
        listener.onStatus(status);
      } catch (Throwable e) { // a broken listener must not stop the writeback
        LOG.warn("A writeback listener failed on {}", status, e);
      }
    }
  }

  /** The on-premises state of one user's password. */
  private static final class Account {
    // Guarded by this; newest first.
    private final ArrayDeque<PasswordHash> history = new ArrayDeque<>();
    private @Nullable PasswordHash current;
    private int applied;
    private boolean mustChange;
    private @Nullable Instant lastSet;

    synchronized void apply(PasswordHash hash, boolean forceChange, int depth, Instant now) {
      current = hash;
      applied++;
      mustChange = forceChange;
      lastSet = now;
      if (depth > 0) {
        history.addFirst(hash);
        while (history.size() > depth) {
          history.removeLast();
        }
      }
    }

    synchronized PasswordHistory history() {
      List<PasswordHash> snapshot = List.copyOf(history);
      return candidate -> snapshot.stream().anyMatch(h -> h.matches(candidate));
    }

    synchronized boolean isCurrent(Secret candidate) {
      return current != null && current.matches(candidate);
    }

    synchronized int applied() {
      return applied;
    }

    synchronized boolean mustChange() {
      return mustChange;
    }

    /** Whether the current password was set less than {@code minimumAge} before {@code now}. */
    synchronized boolean tooYoung(Instant now, Duration minimumAge) {
      return lastSet != null && !minimumAge.isZero() && now.isBefore(lastSet.plus(minimumAge));
    }
  }

  /**
   * Configures a {@link SimulatedOnPremisesWriteback}. By default: a policy that accepts every
   * password, no latency, a private daemon scheduler, every user known, a history of {@value
   * SimulatedOnPremisesWriteback#DEFAULT_HISTORY_DEPTH} passwords hashed with 600,000 PBKDF2
   * iterations.
   */
  public static final class Builder {
    private PasswordPolicy policy = AcceptAll.INSTANCE;
    private Duration latency = Duration.ZERO;
    private @Nullable ScheduledExecutorService executor;
    private final Map<UserId, User> knownUsers = new HashMap<>();
    private @Nullable Directory knownDirectory;
    private final Set<UserId> unknownUsers = new HashSet<>();
    private int historyDepth = DEFAULT_HISTORY_DEPTH;
    private int hashIterations = PasswordHash.DEFAULT_ITERATIONS;
    private Duration minimumPasswordAge = Duration.ZERO;
    private Clock clock = Clock.systemUTC();
    private final Set<UserId> neverExpire = new HashSet<>();

    private Builder() {}

    /**
     * Refuses ({@link WritebackFailure#POLICY_VIOLATION}) a reset of a password set less than
     * {@code age} ago by this simulator; default zero, as Active Directory, which applies "Minimum
     * password age" to users' own changes, lets administrators reset at any time. Set it to
     * simulate a domain (or password filter) that applies it to resets too.
     *
     * @throws InvalidInputException if negative
     */
    public Builder minimumPasswordAge(Duration age) {
      if (requireNonNull(age, "age").isNegative()) {
        throw InvalidInputException.of("minimum password age", "must not be negative");
      }
      this.minimumPasswordAge = age;
      return this;
    }

    /** The clock {@link #minimumPasswordAge} is measured on; default {@link Clock#systemUTC()}. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Marks the users whose on-premises password never expires ({@code DONT_EXPIRE_PASSWORD}): a
     * writeback for them never sets "must change password at next logon", whatever the request
     * asks, as Active Directory and Entra do. Known users whose {@code passwordPolicies} attribute
     * holds {@code DisablePasswordExpiration} are treated the same way.
     */
    public Builder passwordNeverExpires(UserId... users) {
      for (UserId u : users) {
        neverExpire.add(requireNonNull(u, "user"));
      }
      return this;
    }

    /** The on-premises password policy, checked when each writeback runs. */
    public Builder policy(PasswordPolicy policy) {
      this.policy = requireNonNull(policy, "policy");
      return this;
    }

    /**
     * How long the on-premises directory takes to decide a writeback.
     *
     * @throws InvalidInputException if negative
     */
    public Builder latency(Duration latency) {
      if (requireNonNull(latency, "latency").isNegative()) {
        throw InvalidInputException.of("writeback latency", "must not be negative");
      }
      this.latency = latency;
      return this;
    }

    /** Runs writebacks on this executor, which {@link #close()} leaves running. */
    public Builder executor(ScheduledExecutorService executor) {
      this.executor = requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Adds on-premises accounts; their names feed the policy's context. Once any known users are
     * given (here or by {@link #knownUsers(Directory)}), every other user is {@link
     * WritebackFailure#USER_NOT_FOUND}. Without known users every user is known, and the policy
     * sees the request's sAMAccountName (or else the user id) as the user's names.
     */
    public Builder knownUsers(Collection<User> users) {
      for (User u : users) {
        knownUsers.put(u.id(), u);
      }
      return this;
    }

    /**
     * Treats the synced users of {@code directory} as the on-premises accounts, looked up when each
     * writeback runs.
     */
    public Builder knownUsers(Directory directory) {
      this.knownDirectory = requireNonNull(directory, "directory");
      return this;
    }

    /** Makes writebacks for this user fail with {@link WritebackFailure#USER_NOT_FOUND}. */
    public Builder unknownUser(UserId user) {
      unknownUsers.add(requireNonNull(user, "user"));
      return this;
    }

    /**
     * How many previous passwords each user may not reuse; 0 disables history.
     *
     * @throws InvalidInputException if negative or above 1024
     */
    public Builder historyDepth(int depth) {
      if (depth < 0 || depth > 1024) {
        throw InvalidInputException.of("password history depth", "must be between 0 and 1024");
      }
      this.historyDepth = depth;
      return this;
    }

    /**
     * The PBKDF2-HMAC-SHA256 iteration count of the stored history hashes: 600,000 by default and
     * at the least, as for {@link InMemoryDirectory.Builder#passwordHashIterations}.
     *
     * @throws InvalidInputException if below that floor
     */
    public Builder hashIterations(int iterations) {
      this.hashIterations = PasswordHash.requireIterations(iterations);
      return this;
    }

    public SimulatedOnPremisesWriteback build() {
      return new SimulatedOnPremisesWriteback(this);
    }
  }

  /** The default policy: the on-premises directory accepts every password (history aside). */
  private static final class AcceptAll implements PasswordPolicy {
    static final AcceptAll INSTANCE = new AcceptAll();

    @Override
    public String name() {
      return "accept-all";
    }

    @Override
    public PasswordCheck check(Secret candidate, PasswordContext context) {
      return PasswordCheck.accepted();
    }
  }
}
