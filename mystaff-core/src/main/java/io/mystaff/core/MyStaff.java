package io.mystaff.core;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.MyStaffException;
import io.mystaff.api.ProviderFailureException;
import io.mystaff.api.access.AvailabilityChangeDeniedException;
import io.mystaff.api.access.SignInContext;
import io.mystaff.api.access.SignInRefusedException;
import io.mystaff.api.approval.ApprovalRequest;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditInitiator;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.audit.AuditTarget;
import io.mystaff.api.audit.ModifiedProperty;
import io.mystaff.api.authz.ActorFacts;
import io.mystaff.api.authz.DenyReason;
import io.mystaff.api.directory.User;
import io.mystaff.core.access.Admission;
import io.mystaff.core.access.FeatureAvailability;
import io.mystaff.core.access.SignInGate;
import io.mystaff.core.authz.AuthorizationEngine;
import io.mystaff.core.password.ActiveDirectoryPasswordPolicy;
import io.mystaff.core.password.EntraPasswordPolicy;
import io.mystaff.core.password.TemporaryPasswordGenerator;
import io.mystaff.core.phone.PhoneNumberParser;
import io.mystaff.spi.ApprovalStore;
import io.mystaff.spi.AuditSink;
import io.mystaff.spi.ConditionalAccess;
import io.mystaff.spi.CredentialDelivery;
import io.mystaff.spi.DelegationStore;
import io.mystaff.spi.Directory;
import io.mystaff.spi.DirectoryWriter;
import io.mystaff.spi.MyStaffListener;
import io.mystaff.spi.PasswordPolicy;
import io.mystaff.spi.PasswordWriteback;
import io.mystaff.spi.UserNotifier;
import io.mystaff.spi.VerificationGate;
import io.mystaff.spi.VerificationLevel;
import io.mystaff.spi.WritebackJournal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * My Staff as a library: the entry point a host application builds once and shares. A manager
 * {@linkplain #signIn signs in} and gets a {@link StaffSession}, through which they list their
 * locations and staff, search the organization, view profiles, reset passwords and manage phone
 * methods.
 *
 * <h2>Every operation</h2>
 *
 * Validate the input (a typed exception, nothing changed, nothing recorded) → read the facts from
 * the {@link Directory} (the manager's role assignments; the target's units, the
 * restricted-management units among them and among the scopes of the target's own assignments, the
 * target's assignments and role-assignable group membership; the role catalog) → let the {@link
 * AuthorizationEngine} decide → apply → audit.
 *
 * <h2>Audit rules</h2>
 *
 * <ul>
 *   <li><b>Exactly one event per attempt.</b> Each sign-in, profile view and change attempt records
 *       one event whose outcome is SUCCEEDED, DENIED or FAILED; a password writeback adds one
 *       PENDING event before it (see below). Input rejected before any fact is read (a malformed
 *       value, an unknown target user, a missing capability) is not an attempt and records nothing.
 *   <li><b>Successful changes travel with their change.</b> A SUCCEEDED change event is handed to
 *       the {@link DirectoryWriter} with the write, which commits both atomically (a transactional
 *       outbox); mystaff then relays outbox events to the {@link AuditSink} in the background
 *       ({@link Builder#auditRelay}). So a change always has its event, even when the sink is down
 *       (the event is delivered by a later relay: after every write, and on {@link #flushAudit()}),
 *       a failed write leaves no event claiming a change, and a slow sink never slows a change
 *       down. Relay is at least once; an event keeps its id when delivered again.
 *   <li><b>Attempts that changed nothing go straight to the sink.</b> DENIED and FAILED events,
 *       sign-ins and profile views are recorded directly. If the sink fails there, the operation
 *       throws {@link ProviderFailureException} (nothing was changed; a profile is not shown and a
 *       session is not opened without its event).
 *   <li><b>Asynchronous writeback.</b> A synced user's reset records one PENDING event (reason
 *       {@code WRITEBACK_SUBMITTED}) directly in the sink <em>before</em> submitting; if that fails
 *       nothing is submitted and the reset throws (fail closed). When the writeback completes, one
 *       final SUCCEEDED or FAILED event with the same correlation id is stored in the directory
 *       writer's outbox ({@link DirectoryWriter#appendAuditEvent}), as durable as a change's event,
 *       and relayed like one. Only if the outbox refuses it is it recorded in the sink directly,
 *       and only if both refuse is it held in memory for {@link #flushAudit()}. The PENDING event
 *       has no Graph result of its own: its JSON {@code result} is {@code unknownFutureValue} with
 *       the reason {@code WRITEBACK_SUBMITTED}; read the final event.
 *   <li><b>Contents.</b> Every event has the activity, the initiator (manager id, user principal
 *       name, client IP if known), the target (id, type {@code User}, display name, user principal
 *       name), the modified properties (phones: old and new values in Graph's format, {@code +1
 *       4255550100x123}; passwords: only the names {@code PasswordProfile} and {@code
 *       forceChangePasswordNextSignIn}, never a value), the outcome with a reason code, one
 *       correlation id per attempt, {@link AuditEvent#ORIGIN_KEY} = {@link
 *       AuditEvent#ORIGIN_MY_STAFF}, and for permitted attempts {@code grantedByAssignment}, the
 *       role assignment that permitted it. No event ever holds a secret.
 *   <li><b>Reason codes.</b> DENIED: a {@link io.mystaff.api.authz.DenyReason} name, or for
 *       sign-ins a {@link io.mystaff.api.access.SignInRefusal} name (with {@code
 *       conditionalAccessDetail} when conditional access refused). FAILED: {@code
 *       PASSWORD_POLICY_VIOLATION} (with {@code policyViolations}, the rule keys), {@code
 *       PROVIDER_FAILURE}, {@code CONCURRENT_MODIFICATION}, {@code UNKNOWN_USER}, for phones
 *       Graph's rules ({@code PHONE_METHOD_NOT_FOUND}, {@code ALTERNATE_MOBILE_REQUIRES_MOBILE},
 *       {@code MOBILE_REQUIRED_BY_ALTERNATE_MOBILE}), or for a writeback {@code WRITEBACK_}
 *       followed by a {@link io.mystaff.api.password.WritebackFailure} name.
 * </ul>
 *
 * <p>Thread-safe. {@link #close()} it when the host shuts down.
 */
public final class MyStaff implements AutoCloseable {
  /** The additional detail holding conditional access's reason for a refused sign-in. */
  static final String CONDITIONAL_ACCESS_DETAIL_KEY = "conditionalAccessDetail";

  /** The id of the availability setting as an audit target. */
  static final String AVAILABILITY_TARGET_ID = "myStaffAvailability";

  private static final Logger LOG = LoggerFactory.getLogger(MyStaff.class);

  /** How often an instance with a durable journal takes over expired writebacks, by default. */
  static final Duration DEFAULT_TAKEOVER_INTERVAL = Duration.ofSeconds(5);

  /** The most notifications waiting for the notifier thread this instance starts. */
  static final int NOTIFICATION_QUEUE = 10_000;

  private final Configuration config;

  /** The relay thread this instance started, if the host gave none; stopped by {@link #close()}. */
  private final Optional<ExecutorService> ownRelay;

  /** The notifier thread this instance started, if any; stopped by {@link #close()}. */
  private final Optional<ExecutorService> ownNotifier;

  /**
   * The thread running the journal's takeover of expired writebacks, if this instance runs it; see
   * {@link Builder#writebackTakeoverInterval}. Stopped by {@link #close()}.
   */
  private final Optional<ScheduledExecutorService> takeover;

  /** Serializes availability changes, so each event's old value is the value it replaced. */
  private final Object availabilityLock = new Object();

  private MyStaff(
      Configuration config,
      Optional<ExecutorService> ownRelay,
      Optional<ExecutorService> ownNotifier,
      Duration takeoverInterval) {
    this.config = config;
    this.ownRelay = ownRelay;
    this.ownNotifier = ownNotifier;
    this.takeover =
        takeoverInterval.isZero() || config.journal() == WritebackJournal.none()
            ? Optional.empty()
            : Optional.of(takeoverThread());
    if (takeover.isPresent()) {
      // Runs until close() stops the thread; a failed run is logged by takeOverQuietly.
      var unused =
          takeover
              .get()
              .scheduleWithFixedDelay(
                  this::takeOverQuietly,
                  takeoverInterval.toNanos(),
                  takeoverInterval.toNanos(),
                  TimeUnit.NANOSECONDS);
    }
  }

  /** A builder with nothing wired yet; see {@link Builder} for what is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Lets a manager into My Staff if the gate admits them (see {@link SignInGate} for the checks and
   * their order), recording the attempt as a {@link AuditActivity#SIGN_IN} event: SUCCEEDED, or
   * DENIED with the refusal as reason. The session runs the same gate again on later calls and ends
   * at {@link MyStaffSettings#sessionLifetime()} (see {@link StaffSession}).
   *
   * @throws SignInRefusedException if the gate refused; {@link SignInRefusedException#reason()}
   *     says why
   * @throws ProviderFailureException if the directory or the audit sink failed (no session is
   *     opened without its event)
   * @throws IllegalStateException if this instance was closed
   */
  public StaffSession signIn(SignInContext context) {
    Call call = Call.open();
    try {
      if (context == null) {
        throw InvalidInputException.of("sign-in context", "is required");
      }
      config.ensureOpen();
      Admitted admitted = admit(config, context, Map.of());
      config.trail().recordEnd(admitted.event());
      Workflow workflow = new Workflow(config, admitted.user(), admitted.initiator());
      return new StaffSession(
          workflow, new SessionGuard(context, config.clock().instant(), config.settings()));
    } finally {
      call.close();
    }
  }

  /** A manager the gate let in, with the SUCCEEDED sign-in event that a sign-in records. */
  record Admitted(User user, AuditInitiator initiator, AuditEvent event) {}

  /**
   * Runs the sign-in gate on the manager's facts read now; {@code details} are added to the event
   * of a refused or failed attempt (an open session's re-check names itself there).
   *
   * @throws SignInRefusedException if the gate refused, after one DENIED sign-in event
   * @throws ProviderFailureException if the directory or the audit sink failed, after one FAILED
   *     sign-in event if the sink could take it
   */
  static Admitted admit(Configuration config, SignInContext context, Map<String, String> details) {
    Optional<User> user = Optional.empty();
    AuditInitiator initiator =
        new AuditInitiator(context.user(), Optional.empty(), context.clientIp());
    Admission admission;
    try {
      user = config.directory().findUser(context.user());
      initiator =
          new AuditInitiator(
              context.user(),
              user.map(User::displayName),
              user.map(User::userPrincipalName),
              context.clientIp());
      ActorFacts actor =
          new ActorFacts(context.user(), config.directory().assignmentsOf(context.user()));
      admission =
          gateOf(config)
              .admit(context, user, actor, config.directory().roles(), config.clock().instant());
    } catch (RuntimeException e) {
      Attempt attempt = Attempt.begin(initiator, config.clock());
      AuditEvent.Builder failed =
          attempt
              .event(AuditActivity.SIGN_IN, AuditOutcome.FAILED)
              .resultReason(AuditTrail.PROVIDER_FAILURE);
      user.ifPresent(u -> failed.target(Attempt.target(u, List.of())));
      details.forEach(failed::additionalDetail);
      RuntimeException thrown =
          e instanceof MyStaffException
              ? e
              : new ProviderFailureException("directory", "could not read the manager's facts", e);
      throw config.trail().recordEnding(failed.build(), thrown);
    }
    Attempt attempt = Attempt.begin(initiator, config.clock());
    AuditEvent.Builder event =
        attempt.event(
            AuditActivity.SIGN_IN,
            admission.isAdmitted() ? AuditOutcome.SUCCEEDED : AuditOutcome.DENIED);
    user.ifPresent(u -> event.target(Attempt.target(u, List.of())));
    if (admission instanceof Admission.Refused refused) {
      event.resultReason(refused.reason().name());
      refused.detail().ifPresent(d -> event.additionalDetail(CONDITIONAL_ACCESS_DETAIL_KEY, d));
      details.forEach(event::additionalDetail);
      throw config
          .trail()
          .recordEnding(
              event.build(), new SignInRefusedException(context.user(), refused.reason()));
    }
    return new Admitted(user.orElseThrow(), initiator, event.build());
  }

  /**
   * Delivers to the audit sink, now, the final writeback events the sink refused earlier (held in
   * memory) and every event waiting in the directory writer's outbox. mystaff also relays after
   * every write; call this to catch up once a failed sink has recovered, e.g. on a schedule.
   *
   * @throws ProviderFailureException if the sink or the outbox still fails; the events not yet
   *     delivered stay where they were, to be delivered by a later call
   */
  public void flushAudit() {
    config.trail().flush();
  }

  /**
   * Ends, now, every writeback of the {@linkplain Builder#writebackJournal journal}'s store whose
   * lease expired because the node running it died or lost the store, each with its FAILED event as
   * its one final event ({@link WritebackJournal#takeOverExpired}), and relays those events to the
   * audit sink. An instance with a durable journal also runs this on its own every {@link
   * Builder#writebackTakeoverInterval}; any number of nodes may run it at once.
   *
   * @return the correlation ids of the writebacks this call ended (none with the default journal)
   * @throws ProviderFailureException if the journal's store could not be reached; nothing was ended
   * @throws IllegalStateException if this instance was closed
   * @since 0.2.0
   */
  public List<CorrelationId> takeOverExpiredWritebacks() {
    if (config.closed().get()) {
      throw new IllegalStateException("this MyStaff instance is closed");
    }
    List<CorrelationId> ended = config.journal().takeOverExpired();
    if (!ended.isEmpty()) {
      config.trail().relaySoon();
    }
    return ended;
  }

  private static ScheduledExecutorService takeoverThread() {
    return Executors.newSingleThreadScheduledExecutor(
        task -> {
          Thread t = new Thread(task, "mystaff-writeback-takeover");
          t.setDaemon(true);
          return t;
        });
  }

  private void takeOverQuietly() {
    try {
      if (!config.closed().get()) {
        List<CorrelationId> ended = takeOverExpiredWritebacks();
        if (!ended.isEmpty()) {
          LOG.info("Ended {} writebacks whose node stopped before finishing them", ended.size());
        }
      }
    } catch (RuntimeException e) {
      // Logged and tried again at the next tick; a scheduled task that throws would stop.
      LOG.warn("Could not take over expired writebacks; trying again later", e);
    }
  }

  /**
   * The settings this instance applies, with the {@linkplain #availability() availability} in force
   * now.
   */
  public MyStaffSettings settings() {
    FeatureAvailability now = availability();
    MyStaffSettings built = config.settings();
    return built.availability().equals(now) ? built : built.toBuilder().availability(now).build();
  }

  /**
   * Who may open My Staff now: {@link MyStaffSettings#availability()} as built, or as last changed
   * by {@link #updateAvailability}.
   *
   * @since 0.1.0
   */
  public FeatureAvailability availability() {
    return gateOf(config).availability();
  }

  /**
   * Changes who may open My Staff, at run time, for this instance (it is not persisted: a host that
   * wants it to outlive a restart stores it and builds the next instance with it). Sign-ins and
   * open sessions' re-checks apply the new value from their next check on.
   *
   * <p>Only an administrator may change it: {@code actor} must hold an assignment, active now and
   * scoped to the whole tenant, of User Administrator, Privileged Role Administrator or Global
   * Administrator ("User Administrator or higher"; roles held through a group count, as the
   * directory reports them as the user's own). The host vouches for {@code actor} as it does for a
   * sign-in; the actor need not be able to use My Staff.
   *
   * <p>Audited as {@link AuditActivity#UPDATE_FEATURE_VALUE} with one target, the setting (id
   * {@value #AVAILABILITY_TARGET_ID}, type {@code Setting}), whose modified property {@code
   * availability} holds the old and new values ({@code All}, {@code None}, or {@code Selected
   * users=[...] groups=[...]}). The SUCCEEDED event is recorded before the value changes: if the
   * sink fails nothing changes. A denial records one DENIED event.
   *
   * @throws InvalidInputException if an argument is missing
   * @throws AvailabilityChangeDeniedException if {@code actor} may not change it (after one DENIED
   *     event)
   * @throws ProviderFailureException if the directory or the audit sink failed; nothing changed
   * @throws IllegalStateException if this instance was closed
   * @since 0.1.0
   */
  public void updateAvailability(SignInContext actor, FeatureAvailability availability) {
    Call call = Call.open();
    try {
      if (actor == null) {
        throw InvalidInputException.of("actor", "is required");
      }
      if (availability == null) {
        throw InvalidInputException.of("availability", "is required");
      }
      config.ensureOpen();
      AuditInitiator initiator =
          new AuditInitiator(actor.user(), Optional.empty(), actor.clientIp());
      Optional<DenyReason> denied;
      try {
        Optional<User> user = config.directory().findUser(actor.user());
        initiator =
            new AuditInitiator(
                actor.user(),
                user.map(User::displayName),
                user.map(User::userPrincipalName),
                actor.clientIp());
        denied =
            AvailabilityAdmins.check(
                user, config.directory().assignmentsOf(actor.user()), config.clock().instant());
      } catch (RuntimeException e) {
        RuntimeException thrown =
            e instanceof MyStaffException
                ? e
                : new ProviderFailureException(
                    "directory", "could not read the administrator's facts", e);
        throw config
            .trail()
            .recordEnding(
                Attempt.begin(initiator, config.clock())
                    .event(AuditActivity.UPDATE_FEATURE_VALUE, AuditOutcome.FAILED)
                    .resultReason(AuditTrail.PROVIDER_FAILURE)
                    .target(availabilityTarget(List.of()))
                    .build(),
                thrown);
      }
      Attempt attempt = Attempt.begin(initiator, config.clock());
      if (denied.isPresent()) {
        throw config
            .trail()
            .recordEnding(
                attempt
                    .event(AuditActivity.UPDATE_FEATURE_VALUE, AuditOutcome.DENIED)
                    .resultReason(denied.get().name())
                    .target(availabilityTarget(List.of()))
                    .build(),
                new AvailabilityChangeDeniedException(actor.user(), denied.get()));
      }
      synchronized (availabilityLock) {
        SignInGate current = gateOf(config);
        config
            .trail()
            .recordEnd(
                attempt
                    .event(AuditActivity.UPDATE_FEATURE_VALUE, AuditOutcome.SUCCEEDED)
                    .target(
                        availabilityTarget(
                            List.of(
                                ModifiedProperty.of(
                                    "availability",
                                    Optional.of(
                                        AvailabilityAdmins.describe(current.availability())),
                                    Optional.of(AvailabilityAdmins.describe(availability))))))
                    .build());
        config.gate().set(current.withAvailability(availability));
      }
    } finally {
      call.close();
    }
  }

  /** The sign-in gate in force: set when the facade is built, only ever replaced by another. */
  private static SignInGate gateOf(Configuration config) {
    return requireNonNull(config.gate().get(), "gate");
  }

  private static AuditTarget availabilityTarget(List<ModifiedProperty> changes) {
    return new AuditTarget(
        AVAILABILITY_TARGET_ID,
        "Setting",
        Optional.of("My Staff availability"),
        Optional.empty(),
        changes);
  }

  /**
   * Makes this instance and its sessions unusable, relays waiting audit events one last time (a
   * sink failure here is logged, not thrown) and stops the relay thread it started. Writebacks
   * still under way complete and store their final events in the outbox, where the next instance
   * over the same writer delivers them. Idempotent.
   */
  @Override
  public void close() {
    if (config.closed().compareAndSet(false, true)) {
      config.trail().flushQuietly();
      ownRelay.ifPresent(ExecutorService::shutdown);
      ownNotifier.ifPresent(ExecutorService::shutdown);
      takeover.ifPresent(ExecutorService::shutdownNow);
    }
  }

  /**
   * Expires every approval request whose expiry has come (see {@link StaffSession#approve}), each
   * with its {@code APPROVAL_EXPIRED} event (initiated by the requester, with the request's
   * correlation id). Requests also expire when a manager lists or decides them; hosts that want the
   * events on time run this periodically, on any number of nodes: each request expires once.
   *
   * @return the requests this call expired; none without an approval store
   * @throws ProviderFailureException if the store failed
   * @throws IllegalStateException if this instance was closed
   * @since 0.2.0
   */
  public List<ApprovalRequest> expireApprovals() {
    Call call = Call.open();
    try {
      config.ensureOpen();
      return ApprovalFlow.expireDue(config);
    } finally {
      call.close();
    }
  }

  @Override
  public String toString() {
    return "MyStaff{settings=" + settings() + ", closed=" + config.closed().get() + "}";
  }

  /**
   * Wires a {@link MyStaff}. A directory, a directory writer and an audit sink are required; there
   * is no silent default for any of them. Everything else has a documented default.
   */
  public static final class Builder {
    private @Nullable Directory directory;
    private @Nullable DirectoryWriter directoryWriter;
    private @Nullable AuditSink auditSink;
    private @Nullable PasswordPolicy cloudPasswordPolicy;
    private @Nullable PasswordPolicy onPremisesPasswordPolicy;
    private @Nullable PasswordWriteback passwordWriteback;
    private WritebackJournal writebackJournal = WritebackJournal.none();
    private ConditionalAccess conditionalAccess = ConditionalAccess.allowAll();
    private Clock clock = Clock.systemUTC();
    private @Nullable SecureRandom random;
    private MyStaffSettings settings = MyStaffSettings.defaults();
    private @Nullable PhoneNumberParser phoneParser;
    private @Nullable Executor auditRelay;
    private @Nullable UserNotifier userNotifier;
    private @Nullable CredentialDelivery credentialDelivery;
    private @Nullable VerificationGate verificationGate;
    private final List<MyStaffListener> listeners = new ArrayList<>();
    private @Nullable Executor notificationExecutor;
    private Approvals approvals = Approvals.none();
    private Duration writebackTakeoverInterval = DEFAULT_TAKEOVER_INTERVAL;
    private @Nullable DelegationStore delegations;

    private Builder() {}

    /**
     * Four eyes: the changes {@code policy} covers are not made when a manager asks for them but
     * become approval requests kept in {@code store}, which another manager approves ({@link
     * StaffSession#approve}, executing the change) or rejects, or which expire after the policy's
     * time to live. Default: {@link ApprovalPolicy#none()} and no store. Hosts with several nodes
     * use one durable store for all of them.
     *
     * @since 0.2.0
     */
    public Builder approvals(ApprovalPolicy policy, ApprovalStore store) {
      this.approvals =
          new Approvals(
              requireNonNull(policy, "policy"), Optional.of(requireNonNull(store, "store")));
      return this;
    }

    /** Where users, units, roles and assignments are read. Required. */
    public Builder directory(Directory directory) {
      this.directory = requireNonNull(directory, "directory");
      return this;
    }

    /** Where cloud-mastered changes are written, with their audit events. Required. */
    public Builder directoryWriter(DirectoryWriter writer) {
      this.directoryWriter = requireNonNull(writer, "writer");
      return this;
    }

    /** Where audit events are stored. Required. */
    public Builder auditSink(AuditSink sink) {
      this.auditSink = requireNonNull(sink, "sink");
      return this;
    }

    /**
     * The policy for cloud-only users' passwords; default {@link EntraPasswordPolicy#standard()}.
     */
    public Builder cloudPasswordPolicy(PasswordPolicy policy) {
      this.cloudPasswordPolicy = requireNonNull(policy, "policy");
      return this;
    }

    /**
     * The policy for synced users' passwords, checked before writeback; default {@link
     * ActiveDirectoryPasswordPolicy#defaults()}.
     */
    public Builder onPremisesPasswordPolicy(PasswordPolicy policy) {
      this.onPremisesPasswordPolicy = requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Writes synced users' passwords back on premises. Optional: without it, resetting a synced
     * user's password throws {@link io.mystaff.api.CapabilityNotSupportedException}.
     */
    public Builder passwordWriteback(PasswordWriteback writeback) {
      this.passwordWriteback = requireNonNull(writeback, "writeback");
      return this;
    }

    /**
     * Where writebacks are journaled so they outlive the node that started them (see {@link
     * WritebackJournal}); default {@link WritebackJournal#none()}. Hosts with several nodes on one
     * database use a durable journal such as mystaff-postgres's.
     *
     * @since 0.1.0
     */
    public Builder writebackJournal(WritebackJournal journal) {
      this.writebackJournal = requireNonNull(journal, "journal");
      return this;
    }

    /**
     * How often this instance runs {@link #takeOverExpiredWritebacks()} on a daemon thread of its
     * own, when the {@link #writebackJournal journal} is durable (anything but {@link
     * WritebackJournal#none()}): so a writeback whose node died ends FAILED with its final event
     * within a lease plus this interval, without host code. Default 5 seconds; {@link
     * Duration#ZERO} runs nothing (the host then calls {@link #takeOverExpiredWritebacks()} on a
     * schedule of its own). A failed run is logged and tried again at the next.
     *
     * @throws InvalidInputException if {@code interval} is negative
     * @since 0.2.0
     */
    public Builder writebackTakeoverInterval(Duration interval) {
      requireNonNull(interval, "interval");
      if (interval.isNegative()) {
        throw InvalidInputException.of("writebackTakeoverInterval", "must not be negative");
      }
      this.writebackTakeoverInterval = interval;
      return this;
    }

    /**
     * Where deputies' delegations are stored ({@link StaffSession#delegate}). Without one (the
     * default) nobody can delegate: {@link StaffSession#delegate} throws {@link
     * io.mystaff.api.CapabilityNotSupportedException} and every decision is the actor's own.
     *
     * @since 0.2.0
     */
    public Builder delegations(DelegationStore store) {
      this.delegations = requireNonNull(store, "store");
      return this;
    }

    /** The conditional-access hook asked at every sign-in; default allows every sign-in. */
    public Builder conditionalAccess(ConditionalAccess conditionalAccess) {
      this.conditionalAccess = requireNonNull(conditionalAccess, "conditionalAccess");
      return this;
    }

    /**
     * The source of time for role activity and audit timestamps; default {@link Clock#systemUTC()}.
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** The randomness for temporary passwords; default a new {@link SecureRandom}. */
    public Builder random(SecureRandom random) {
      this.random = requireNonNull(random, "random");
      return this;
    }

    /** The tenant's My Staff settings; default {@link MyStaffSettings#defaults()}. */
    public Builder settings(MyStaffSettings settings) {
      this.settings = requireNonNull(settings, "settings");
      return this;
    }

    /**
     * The phone number parser; default {@link PhoneNumberParser#withDefaultRegion} of the settings'
     * default phone region if there is one, else {@link PhoneNumberParser#international()}. Set
     * this or that region, not both.
     */
    public Builder phoneParser(PhoneNumberParser parser) {
      this.phoneParser = requireNonNull(parser, "parser");
      return this;
    }

    /**
     * Where the directory writer's outbox is relayed to the audit sink after each change. Default:
     * one daemon thread that this instance starts and {@link MyStaff#close()} stops, so a change
     * returns as soon as it is committed and a slow audit sink never slows a manager down. {@code
     * Runnable::run} relays on the thread that made the change, before the call returns: the event
     * is in the sink when the call returns (handy in tests), at the price of that call waiting for
     * the sink. {@link MyStaff#flushAudit()} always relays on the calling thread.
     *
     * @since 0.1.0
     */
    public Builder auditRelay(Executor executor) {
      this.auditRelay = requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Tells users about resets and phone changes made to their accounts (see {@link UserNotifier}
     * for when it is called). Optional: by default no one is notified. Unless {@link
     * #notificationExecutor} is set, calls run on one daemon thread this instance starts and {@link
     * MyStaff#close()} stops, with at most {@value MyStaff#NOTIFICATION_QUEUE} waiting; beyond
     * that, notifications are dropped and logged, never the change.
     *
     * @since 0.1.0
     */
    public Builder userNotifier(UserNotifier notifier) {
      this.userNotifier = requireNonNull(notifier, "notifier");
      return this;
    }

    /**
     * Sends generated temporary passwords (whole, or the second part) to users' registered
     * channels, for the {@link DeliveryMode delivery modes} that send; required when {@link
     * MyStaffSettings#allowedDeliveryModes()} holds one. Optional otherwise.
     *
     * @since 0.2.0
     */
    public Builder credentialDelivery(CredentialDelivery delivery) {
      this.credentialDelivery = requireNonNull(delivery, "delivery");
      return this;
    }

    /**
     * Verifies callers before resets and phone changes (see {@link StaffSession#startVerification}
     * and {@link MyStaffSettings#verificationLevel()}); required when the settings' verification
     * levels are above {@code NONE}. {@link OneTimeCodeVerificationGate} is the reference one.
     *
     * @since 0.2.0
     */
    public Builder verificationGate(VerificationGate gate) {
      this.verificationGate = requireNonNull(gate, "gate");
      return this;
    }

    /**
     * Adds a listener that hears of every attempt's outcome and of writebacks in flight (see {@link
     * MyStaffListener}); listeners are called in the order added, and whatever one throws is logged
     * and ignored. {@code mystaff-micrometer} offers one that records meters.
     *
     * @since 0.1.0
     */
    public Builder listener(MyStaffListener listener) {
      listeners.add(requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Where {@link #userNotifier} is called. {@code Runnable::run} calls it on the thread of the
     * change, after the change is committed and before the call returns (handy in tests; a slow
     * notifier then slows the manager down; a throwing one still changes nothing).
     *
     * @since 0.1.0
     */
    public Builder notificationExecutor(Executor executor) {
      this.notificationExecutor = requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Builds the facade from the parts given.
     *
     * @return the facade
     * @throws IllegalStateException naming every missing required part, or if both a phone parser
     *     and a default phone region are set
     * @throws InvalidInputException if the settings' default phone region is not supported
     */
    public MyStaff build() {
      if (directory == null || directoryWriter == null || auditSink == null) {
        List<String> missing = new ArrayList<>(3);
        if (directory == null) {
          missing.add("directory(Directory)");
        }
        if (directoryWriter == null) {
          missing.add("directoryWriter(DirectoryWriter)");
        }
        if (auditSink == null) {
          missing.add("auditSink(AuditSink)");
        }
        throw new IllegalStateException(
            "MyStaff needs a directory, a directory writer and an audit sink;"
                + " there are no defaults for them. Call "
                + String.join(", ", missing)
                + " on the builder (the in-memory provider implements Directory and DirectoryWriter).");
      }
      if (phoneParser != null && settings.defaultPhoneRegion().isPresent()) {
        throw new IllegalStateException(
            "Both phoneParser(...) and settings.defaultPhoneRegion are set;"
                + " set only one of them.");
      }
      if (credentialDelivery == null
          && settings.allowedDeliveryModes().stream().anyMatch(DeliveryMode::sendsToUser)) {
        throw new IllegalStateException(
            "settings.allowedDeliveryModes "
                + settings.allowedDeliveryModes()
                + " sends passwords to users; call credentialDelivery(CredentialDelivery)"
                + " on the builder.");
      }
      if (verificationGate == null
          && settings.elevatedVerificationLevel() != VerificationLevel.NONE) {
        throw new IllegalStateException(
            "settings ask for caller verification ("
                + settings.verificationLevel()
                + ", elevated "
                + settings.elevatedVerificationLevel()
                + "); call verificationGate(VerificationGate) on the builder.");
      }
      PhoneNumberParser parser =
          phoneParser != null
              ? phoneParser
              : settings
                  .defaultPhoneRegion()
                  .map(PhoneNumberParser::withDefaultRegion)
                  .orElseGet(PhoneNumberParser::international);
      AuthorizationEngine engine = AuthorizationEngine.standard();
      Optional<ExecutorService> ownRelay =
          auditRelay == null ? Optional.of(relayThread()) : Optional.empty();
      Optional<ExecutorService> ownNotifier =
          userNotifier != null && notificationExecutor == null
              ? Optional.of(notifierThread())
              : Optional.empty();
      Notifications notifications =
          userNotifier == null
              ? Notifications.none()
              : new Notifications(
                  userNotifier,
                  notificationExecutor != null ? notificationExecutor : ownNotifier.orElseThrow());
      Configuration config =
          new Configuration(
              directory,
              directoryWriter,
              new AuditTrail(
                  auditSink,
                  directoryWriter,
                  auditRelay != null ? auditRelay : ownRelay.orElseThrow(),
                  new Observers(listeners)),
              engine,
              new AtomicReference<>(
                  SignInGate.of(settings.availability(), conditionalAccess, engine)),
              cloudPasswordPolicy != null ? cloudPasswordPolicy : EntraPasswordPolicy.standard(),
              onPremisesPasswordPolicy != null
                  ? onPremisesPasswordPolicy
                  : ActiveDirectoryPasswordPolicy.defaults(),
              Optional.ofNullable(passwordWriteback),
              new TemporaryPasswordGenerator(
                  random != null ? random : new SecureRandom(), settings.temporaryPasswordLength()),
              parser,
              clock,
              settings,
              new AtomicBoolean(),
              new ChangeLimiter(settings.resetLimit(), clock),
              new ChangeLimiter(settings.phoneChangeLimit(), clock),
              notifications,
              writebackJournal,
              approvals,
              new ChangeLimiter(settings.accountActionLimit(), clock),
              new ChangeLimiter(settings.accountActionLimit(), clock),
              Optional.ofNullable(credentialDelivery),
              Optional.ofNullable(verificationGate),
              new ChangeLimiter(settings.verificationLimit(), clock),
              Optional.ofNullable(delegations));
      return new MyStaff(config, ownRelay, ownNotifier, writebackTakeoverInterval);
    }

    private static ExecutorService notifierThread() {
      return new ThreadPoolExecutor(
          1,
          1,
          0,
          TimeUnit.MILLISECONDS,
          new ArrayBlockingQueue<>(NOTIFICATION_QUEUE),
          task -> {
            Thread t = new Thread(task, "mystaff-user-notifier");
            t.setDaemon(true);
            return t;
          });
    }

    private static ExecutorService relayThread() {
      return daemon("mystaff-audit-relay");
    }

    private static ExecutorService daemon(String name) {
      return Executors.newSingleThreadExecutor(
          task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            return t;
          });
    }
  }
}
