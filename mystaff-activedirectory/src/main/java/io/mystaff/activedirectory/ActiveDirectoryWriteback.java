package io.mystaff.activedirectory;

import static java.util.Objects.requireNonNull;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ModifyRequest;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import io.mystaff.api.CorrelationId;
import io.mystaff.api.UserId;
import io.mystaff.api.password.PasswordHistory;
import io.mystaff.api.password.Secret;
import io.mystaff.api.password.WritebackFailure;
import io.mystaff.api.password.WritebackResult;
import io.mystaff.api.password.WritebackStatus;
import io.mystaff.spi.PasswordWriteback;
import io.mystaff.spi.WritebackListener;
import io.mystaff.spi.WritebackRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes synced users' passwords back to Active Directory: an administrator reset that replaces
 * {@code unicodePwd} (the password in double quotes, UTF-16LE) over LDAPS or StartTLS, as the
 * {@linkplain ActiveDirectoryConnection connection}'s delegated service account, and, when the
 * request asks for it, {@code pwdLastSet=0} in the same modify so the user must change it at next
 * sign-in.
 *
 * <p><b>Steps.</b> {@code submit} returns at once ({@code SUBMITTED}); a worker reports {@code
 * IN_PROGRESS}, finds the user with the {@link UserMapping} under the search base, asks the
 * request's precondition (false or throwing: {@code AUTHORIZATION_REVOKED}, nothing written),
 * writes, and completes with the outcome. Connection failures before anything was written are
 * retried with a short backoff while the {@linkplain Builder#deadline deadline} allows; a write
 * whose answer was lost is not repeated (it may have been applied) and fails {@code UNREACHABLE}.
 * The deadline bounds the whole writeback: past it the stage completes {@code UNREACHABLE}.
 *
 * <p><b>Failures.</b> AD's {@code 0000052D} (length, complexity, history, minimum age) becomes
 * {@code POLICY_VIOLATION}; no such user (or an ambiguous mapping) {@code USER_NOT_FOUND};
 * insufficient rights, including protected accounts under AdminSDHolder and a service account that
 * cannot bind, {@code ACCESS_DENIED}; connection, TLS and timeouts {@code UNREACHABLE}; anything
 * else {@code UNKNOWN}. Only result and error codes are logged, never AD's text or the password.
 *
 * <p><b>Never-expiring passwords.</b> If the user's {@code userAccountControl} has
 * DONT_EXPIRE_PASSWORD, a requested force-change is dropped (Entra's rule; see {@link
 * Builder#forceChangeWhenPasswordNeverExpires}).
 *
 * <p><b>Idempotency.</b> A correlation id is applied at most once: resubmitting it (while it runs
 * or for {@linkplain Builder#idempotencyWindow a window} after) returns the first outcome and
 * replays its progress to the new listener.
 *
 * <p>{@link #historyOf} is {@link PasswordHistory#none()}: AD does not disclose password history,
 * so it enforces history itself (on a user's own change; on an administrator's reset only if the
 * controller honours LDAP_SERVER_POLICY_HINTS, which Samba does not).
 *
 * <p>Thread-safe. {@link #close()} stops the workers; the connection is the host's to close.
 */
public final class ActiveDirectoryWriteback implements PasswordWriteback, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ActiveDirectoryWriteback.class);

  /** userAccountControl: the password never expires. */
  static final int DONT_EXPIRE_PASSWORD = 0x10000;

  /** LDAP_SERVER_POLICY_HINTS: ask AD to apply history to an administrator's reset. */
  static final String POLICY_HINTS_OID = "1.2.840.113556.1.4.2239";

  private final ActiveDirectoryConnection connection;
  private final String searchBase;
  private final UserMapping mapping;
  private final Duration deadline;
  private final Duration idempotencyWindow;
  private final boolean forceWhenNeverExpires;
  private final boolean policyHints;
  private final int maxAttempts;
  private final Clock clock;

  /** How long {@link #close()} lets writebacks under way finish before interrupting them. */
  static final long CLOSE_GRACE_MILLIS = 5_000;

  private final ExecutorService workers;
  private final boolean ownsWorkers;
  private final Map<CorrelationId, Operation> operations = new ConcurrentHashMap<>();
  private final AtomicInteger submissions = new AtomicInteger();

  private ActiveDirectoryWriteback(Builder b) {
    this.connection = b.connection;
    this.searchBase = requireNonNull(b.searchBase, "searchBase"); // build() checked it
    this.mapping = b.mapping;
    this.deadline = b.deadline;
    this.idempotencyWindow = b.idempotencyWindow;
    this.forceWhenNeverExpires = b.forceWhenNeverExpires;
    this.policyHints = b.policyHints;
    this.maxAttempts = b.maxAttempts;
    this.clock = b.clock;
    this.ownsWorkers = b.executor == null;
    this.workers =
        b.executor != null
            ? b.executor
            : Executors.newFixedThreadPool(
                b.workers,
                r -> {
                  Thread t = new Thread(r, "mystaff-activedirectory-writeback");
                  t.setDaemon(true);
                  return t;
                });
  }

  public static Builder builder(ActiveDirectoryConnection connection) {
    return new Builder(connection);
  }

  @Override
  public CompletionStage<WritebackResult> submit(
      WritebackRequest request, WritebackListener listener) {
    requireNonNull(request, "request");
    requireNonNull(listener, "listener");
    if (submissions.incrementAndGet() % 256 == 0) {
      evictExpired();
    }
    Operation existing = operations.get(request.correlationId());
    if (existing == null) {
      Operation created = new Operation(request, Secret.of(request.password().toCharArray()));
      existing = operations.putIfAbsent(request.correlationId(), created);
      if (existing == null) {
        created.subscribe(listener);
        created.report(WritebackStatus.SUBMITTED);
        start(created);
        return created.future.minimalCompletionStage();
      }
      created.password.destroy();
    }
    existing.subscribe(listener);
    return existing.future.minimalCompletionStage();
  }

  private void start(Operation op) {
    long deadlineNanos = System.nanoTime() + deadline.toNanos();
    try {
      workers.execute(() -> op.complete(run(op, deadlineNanos)));
    } catch (RejectedExecutionException e) {
      op.complete(WritebackResult.failed(WritebackFailure.UNREACHABLE));
      return;
    }
    CompletableFuture.delayedExecutor(deadline.toNanos(), TimeUnit.NANOSECONDS)
        .execute(() -> op.complete(WritebackResult.failed(WritebackFailure.UNREACHABLE)));
  }

  private WritebackResult run(Operation op, long deadlineNanos) {
    op.report(WritebackStatus.IN_PROGRESS);
    WritebackRequest request = op.request;
    try {
      Optional<Filter> filter = mapping.filterFor(request.user(), request.samAccountName());
      if (filter.isEmpty()) {
        return WritebackResult.failed(WritebackFailure.USER_NOT_FOUND);
      }
      long backoffMillis = 100;
      for (int attempt = 1; ; attempt++) {
        try {
          return attempt(op, filter.get(), deadlineNanos);
        } catch (LDAPException e) {
          long left = deadlineNanos - System.nanoTime();
          if (!Outcomes.retryable(e)
              || attempt >= maxAttempts
              || left < TimeUnit.MILLISECONDS.toNanos(backoffMillis)) {
            WritebackFailure failure = Outcomes.failureOf(e);
            log.info(
                "Active Directory writeback {} for user {} failed: {} -> {}",
                request.correlationId(),
                request.user(),
                Outcomes.describe(e),
                failure);
            return WritebackResult.failed(failure);
          }
          log.debug(
              "Active Directory writeback {} attempt {} failed ({}); retrying",
              request.correlationId(),
              attempt,
              Outcomes.describe(e));
          Thread.sleep(backoffMillis);
          backoffMillis = Math.min(backoffMillis * 2, 2_000);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return WritebackResult.failed(WritebackFailure.UNREACHABLE);
    } catch (RuntimeException e) {
      log.warn(
          "Active Directory writeback {} failed unexpectedly: {}",
          request.correlationId(),
          e.getClass().getName());
      return WritebackResult.failed(WritebackFailure.UNKNOWN);
    } finally {
      op.password.destroy();
    }
  }

  private WritebackResult attempt(Operation op, Filter filter, long deadlineNanos)
      throws LDAPException {
    return connection.withConnection(
        c -> {
          SearchRequest search =
              new SearchRequest(searchBase, SearchScope.SUB, filter, "userAccountControl");
          search.setSizeLimit(2);
          search.setResponseTimeoutMillis(remainingMillis(deadlineNanos));
          SearchResult found;
          try {
            found = c.search(search);
          } catch (LDAPException e) {
            if (ResultCode.SIZE_LIMIT_EXCEEDED.equals(e.getResultCode())) {
              log.warn(
                  "Active Directory writeback {}: the mapping {} matches more than one user",
                  op.request.correlationId(),
                  mapping);
              return WritebackResult.failed(WritebackFailure.USER_NOT_FOUND);
            }
            throw e;
          }
          if (found.getEntryCount() != 1) {
            return WritebackResult.failed(WritebackFailure.USER_NOT_FOUND);
          }
          SearchResultEntry user = found.getSearchEntries().get(0);
          if (!holds(op)) {
            return WritebackResult.failed(WritebackFailure.AUTHORIZATION_REVOKED);
          }
          List<Modification> mods = new ArrayList<>(2);
          byte[] value = unicodePwd(op.password);
          try {
            mods.add(new Modification(ModificationType.REPLACE, "unicodePwd", value));
            if (op.request.forceChangeNextSignIn()
                && (forceWhenNeverExpires || !neverExpires(user))) {
              mods.add(new Modification(ModificationType.REPLACE, "pwdLastSet", "0"));
            }
            ModifyRequest modify = new ModifyRequest(user.getDN(), mods);
            if (policyHints) {
              modify.addControl(
                  new com.unboundid.ldap.sdk.Control(
                      POLICY_HINTS_OID,
                      false,
                      new com.unboundid.asn1.ASN1OctetString(
                          new com.unboundid.asn1.ASN1Sequence(new com.unboundid.asn1.ASN1Integer(1))
                              .encode())));
            }
            modify.setResponseTimeoutMillis(remainingMillis(deadlineNanos));
            try {
              c.modify(modify);
            } catch (LDAPException e) {
              if (Outcomes.retryable(e)) {
                // The modify was sent; whether it was applied is unknown, so it is not repeated.
                throw new LDAPException(
                    ResultCode.TIMEOUT, "the answer to the password write was lost", e);
              }
              throw e;
            }
          } finally {
            Arrays.fill(value, (byte) 0);
          }
          return WritebackResult.succeeded();
        });
  }

  private static boolean holds(Operation op) {
    try {
      return op.request.precondition().holds();
    } catch (RuntimeException e) {
      log.info(
          "Active Directory writeback {}: the precondition threw {}; nothing applied",
          op.request.correlationId(),
          e.getClass().getSimpleName());
      return false;
    }
  }

  private static boolean neverExpires(SearchResultEntry user) {
    Long uac = user.getAttributeValueAsLong("userAccountControl");
    return uac != null && (uac & DONT_EXPIRE_PASSWORD) != 0;
  }

  private static long remainingMillis(long deadlineNanos) throws LDAPException {
    long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
    if (left <= 0) {
      throw new LDAPException(ResultCode.TIMEOUT, "the writeback deadline passed");
    }
    return left;
  }

  /**
   * The password as {@code unicodePwd} takes it: in double quotes, UTF-16LE, built without a
   * String.
   */
  static byte[] unicodePwd(Secret password) {
    char[] chars = password.toCharArray();
    try {
      byte[] out = new byte[(chars.length + 2) * 2];
      out[0] = '"';
      for (int i = 0; i < chars.length; i++) {
        out[2 + 2 * i] = (byte) chars[i];
        out[3 + 2 * i] = (byte) (chars[i] >>> 8);
      }
      out[out.length - 2] = '"';
      return out;
    } finally {
      Arrays.fill(chars, '\0');
    }
  }

  /**
   * False after the controller could not be reached (the connection's last health check or
   * operation).
   */
  @Override
  public boolean isAvailable() {
    return connection.isAvailable();
  }

  /**
   * {@link PasswordHistory#none()}: Active Directory does not disclose a user's password history.
   */
  @Override
  public PasswordHistory historyOf(UserId user) {
    requireNonNull(user, "user");
    return PasswordHistory.none();
  }

  private void evictExpired() {
    Instant cutoff = clock.instant().minus(idempotencyWindow);
    for (Iterator<Operation> it = operations.values().iterator(); it.hasNext(); ) {
      Operation op = it.next();
      Instant done = op.completedAt;
      if (done != null && done.isBefore(cutoff)) {
        it.remove();
      }
    }
  }

  /**
   * Stops the workers this writeback made (an executor the host gave is left alone): writebacks not
   * started are dropped (their stages end UNREACHABLE at their deadline), and those under way get
   * up to {@value #CLOSE_GRACE_MILLIS} ms to finish before their threads are interrupted. An
   * attempt interrupted while its pool replaces a connection that timed out could leave that new
   * connection open, unknown to the pool and never closed.
   */
  @Override
  public void close() {
    if (!ownsWorkers) {
      return;
    }
    workers.shutdown();
    if (workers instanceof java.util.concurrent.ThreadPoolExecutor pool) {
      pool.getQueue().clear();
    }
    try {
      if (!workers.awaitTermination(CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "ActiveDirectoryWriteback{"
        + connection
        + ", base="
        + searchBase
        + ", "
        + mapping
        + ", deadline="
        + deadline
        + "}";
  }

  /** One correlation id's writeback: its progress, listeners and outcome. */
  private final class Operation {
    final WritebackRequest request;
    final Secret password;
    final CompletableFuture<WritebackResult> future = new CompletableFuture<>();
    private final List<WritebackStatus> heard = new ArrayList<>(3);
    private final List<WritebackListener> listeners = new ArrayList<>(1);
    volatile @Nullable Instant completedAt;

    Operation(WritebackRequest request, Secret password) {
      this.request = request;
      this.password = password;
    }

    synchronized void subscribe(WritebackListener listener) {
      listeners.add(listener);
      for (WritebackStatus s : heard) {
        notify(listener, s);
      }
    }

    synchronized void report(WritebackStatus status) {
      if (heard.contains(status) || heard.stream().anyMatch(WritebackStatus::isTerminal)) {
        return;
      }
      heard.add(status);
      for (WritebackListener l : listeners) {
        notify(l, status);
      }
    }

    void complete(WritebackResult result) {
      synchronized (this) {
        if (future.isDone()) {
          return;
        }
        completedAt = clock.instant();
        report(result.status());
      }
      future.complete(result);
    }

    private void notify(WritebackListener l, WritebackStatus s) {
      try {
        l.onStatus(s);
      } catch (RuntimeException e) {
        log.warn("a writeback listener threw {} on {}", e.getClass().getSimpleName(), s);
      }
    }

    @Override
    public String toString() {
      return "Operation{" + request.correlationId() + "}";
    }
  }

  /** Configures an {@link ActiveDirectoryWriteback}. Not thread-safe. */
  public static final class Builder {
    private final ActiveDirectoryConnection connection;
    private @Nullable String searchBase;
    private UserMapping mapping = UserMapping.samAccountName();
    private Duration deadline = Duration.ofMinutes(2);
    private Duration idempotencyWindow = Duration.ofHours(24);
    private boolean forceWhenNeverExpires;
    private boolean policyHints;
    private int maxAttempts = 3;
    private int workers = 4;
    private @Nullable ExecutorService executor;
    private Clock clock = Clock.systemUTC();

    private Builder(ActiveDirectoryConnection connection) {
      this.connection = requireNonNull(connection, "connection");
    }

    /** Where users are searched (subtree), e.g. {@code DC=contoso,DC=example}. Required. */
    public Builder searchBase(String dn) {
      this.searchBase = requireNonNull(dn, "dn");
      return this;
    }

    /** How users are found; default {@link UserMapping#samAccountName()}. */
    public Builder userMapping(UserMapping mapping) {
      this.mapping = requireNonNull(mapping, "mapping");
      return this;
    }

    /** The longest a writeback may take before it fails {@code UNREACHABLE}; default 2 minutes. */
    public Builder deadline(Duration deadline) {
      if (requireNonNull(deadline, "deadline").isNegative() || deadline.isZero()) {
        throw new IllegalArgumentException("deadline must be positive, was " + deadline);
      }
      this.deadline = deadline;
      return this;
    }

    /**
     * How long a finished correlation id is remembered, so a resubmission is not applied again;
     * default 24 h.
     */
    public Builder idempotencyWindow(Duration window) {
      if (requireNonNull(window, "window").isNegative()) {
        throw new IllegalArgumentException("idempotencyWindow must not be negative, was " + window);
      }
      this.idempotencyWindow = window;
      return this;
    }

    /**
     * Whether a requested force-change is applied even to a user whose password never expires;
     * default false (Entra does not set the flag for such users).
     */
    public Builder forceChangeWhenPasswordNeverExpires(boolean force) {
      this.forceWhenNeverExpires = force;
      return this;
    }

    /**
     * Sends LDAP_SERVER_POLICY_HINTS with each reset, so that Windows Server 2016+ also applies
     * history and minimum age to it; default false. Samba 4.17 ignores the control.
     */
    public Builder enforceHistoryOnReset(boolean enforce) {
      this.policyHints = enforce;
      return this;
    }

    /** Tries of a writeback whose connection failed before anything was written; default 3. */
    public Builder maxAttempts(int attempts) {
      if (attempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be positive, was " + attempts);
      }
      this.maxAttempts = attempts;
      return this;
    }

    /** Worker threads, when no executor is given; default 4. */
    public Builder workers(int count) {
      if (count < 1) {
        throw new IllegalArgumentException("workers must be positive, was " + count);
      }
      this.workers = count;
      return this;
    }

    /** Runs writebacks on the host's executor instead of the writeback's own threads. */
    public Builder executor(ExecutorService executor) {
      this.executor = requireNonNull(executor, "executor");
      return this;
    }

    /** The clock of the idempotency window. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the writeback from the settings given.
     *
     * @return the writeback
     * @throws IllegalStateException if no search base was given
     */
    public ActiveDirectoryWriteback build() {
      if (searchBase == null) {
        throw new IllegalStateException("searchBase(...) is required");
      }
      return new ActiveDirectoryWriteback(this);
    }
  }
}
