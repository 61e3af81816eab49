package io.mystaff.core;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.ApprovalId;
import io.mystaff.api.CapabilityNotSupportedException;
import io.mystaff.api.CorrelationId;
import io.mystaff.api.DelegationId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.MyStaffException;
import io.mystaff.api.Page;
import io.mystaff.api.PageRequest;
import io.mystaff.api.ProviderFailureException;
import io.mystaff.api.StaleVersionException;
import io.mystaff.api.UnitId;
import io.mystaff.api.UnknownUnitException;
import io.mystaff.api.UnknownUserException;
import io.mystaff.api.UserId;
import io.mystaff.api.access.SignInRefusal;
import io.mystaff.api.access.SignInRefusedException;
import io.mystaff.api.approval.ApprovalClosedException;
import io.mystaff.api.approval.ApprovalRequest;
import io.mystaff.api.approval.RequestedChange;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.authz.AccessDeniedException;
import io.mystaff.api.authz.ActorFacts;
import io.mystaff.api.authz.Decision;
import io.mystaff.api.authz.Delegation;
import io.mystaff.api.authz.DenyReason;
import io.mystaff.api.authz.RoleCatalog;
import io.mystaff.api.authz.Scope;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.authz.TargetFacts;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.PhoneMethodNotFoundException;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.directory.User;
import io.mystaff.api.password.PasswordRejectedException;
import io.mystaff.api.password.Secret;
import io.mystaff.core.authz.AuthorizationEngine;
import io.mystaff.spi.UserNotification;
import io.mystaff.spi.VerificationChallenge;
import io.mystaff.spi.VerificationCheck;
import io.mystaff.spi.VerificationGate;
import io.mystaff.spi.VerificationLevel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What one signed-in manager sees and does in My Staff. Obtained from {@link
 * MyStaff#signIn(io.mystaff.api.access.SignInContext)}.
 *
 * <p>Every answer is computed from the directory as it is at the moment of the call, with the
 * manager's role assignments active at that moment: a role that expires mid-session stops granting
 * at once, and a manager whose account is disabled or deleted mid-session holds no role from then
 * on (changes and profile views are denied with {@code NO_ACTIVE_ROLE}, listings grant nothing).
 * Listings, searches and {@link #preview previews} are not audited; {@link #profile} views and
 * every change are, as {@link MyStaff} describes. A call rejected as invalid input ({@link
 * InvalidInputException}, {@link UnknownUserException}, {@link CapabilityNotSupportedException})
 * has changed and recorded nothing.
 *
 * <p>A session does not outlive its grounds. Every call first checks the session: from {@link
 * #expiresAt()} on ({@link MyStaffSettings#sessionLifetime()} after sign-in, default 8 hours) it is
 * refused with {@link SignInRefusal#SESSION_EXPIRED}; and once the last check is {@link
 * MyStaffSettings#sessionRecheckInterval()} old (default 60 seconds; zero checks every call), the
 * sign-in gate runs again (account enabled, feature availability including selected groups, an
 * active role granting a My Staff change, conditional access with the sign-in's context), and a
 * refusal refuses the call with the gate's reason. Both throw {@link SignInRefusedException} after
 * one DENIED sign-in event with the additional detail {@code sessionCheck}.
 *
 * <p><b>Rate limits.</b> Each password reset, phone change, session revocation and account unlock
 * attempt takes one token of the manager's bucket for that kind ({@link
 * MyStaffSettings#resetLimit()}, {@link MyStaffSettings#phoneChangeLimit()}, {@link
 * MyStaffSettings#accountActionLimit()} for each of the last two; shared by all of the manager's
 * sessions on this {@link MyStaff}) once the target is read and before the facts are: whatever the
 * attempt's outcome, a denied or failed attempt costs as much as a successful one, so probing is
 * limited too. Input rejected before the attempt (invalid, unknown user, missing capability) costs
 * nothing, and the compare-and-set retries of one attempt take no more tokens. An empty bucket
 * denies the attempt with {@link io.mystaff.api.authz.DenyReason#RATE_LIMITED} after one DENIED
 * event.
 *
 * <p><b>Notifications.</b> A configured {@link io.mystaff.spi.UserNotifier} hears of every
 * committed reset (a synced user's once the writeback SUCCEEDED) and every phone change that
 * changed the number, after the change; it never delays, undoes or hides it.
 *
 * <p>Immutable and thread-safe; any number of threads may use one session. Once the {@link MyStaff}
 * it came from is closed, every method throws {@link IllegalStateException}.
 */
public final class StaffSession {
  private static final Set<StaffAction> CHANGES =
      EnumSet.of(
          StaffAction.RESET_PASSWORD,
          StaffAction.MANAGE_PHONES,
          StaffAction.REVOKE_SESSIONS,
          StaffAction.UNLOCK_ACCOUNT);

  /** The additional detail that names the batch of a bulk call's events. */
  static final String BATCH_KEY = "batchId";

  private final Workflow workflow;
  private final Configuration config;
  private final SessionGuard guard;
  private final DelegationDesk delegations;
  private final ApprovalFlow approvals;

  StaffSession(Workflow workflow, SessionGuard guard) {
    this.workflow = requireNonNull(workflow, "workflow");
    this.config = workflow.config();
    this.guard = requireNonNull(guard, "guard");
    this.delegations = new DelegationDesk(workflow);
    this.approvals = new ApprovalFlow(workflow);
  }

  /**
   * Hands some of the manager's locations, and some or all actions, to {@code deputy} from now
   * until {@code until}; see {@link #delegate(UserId, Set, Set, Instant, Instant)}.
   *
   * @since 0.2.0
   */
  public Delegation delegate(
      UserId deputy, Set<UnitId> units, Set<StaffAction> actions, Instant until) {
    return delegate(deputy, units, actions, null, until);
  }

  /**
   * Hands some of the manager's locations, and some or all actions, to {@code deputy} for the
   * window [{@code from}, {@code until}). While the window is open, whatever the deputy's own roles
   * do not permit is decided again on the manager's role assignments <em>as they are at that
   * moment</em>, restricted to the delegated units, for the delegated actions; such a permit says
   * so ({@link Decision.Permit#asDeputy()}) and every change made with it records the manager and
   * the delegation in its audit event ({@code asDeputyOf}, {@code delegationId}). Exact with the
   * configured clock: it grants from {@code from} on, and no longer at {@code until}.
   *
   * <p>Audited as {@link AuditActivity#DELEGATE} (target the deputy), also when refused.
   *
   * @param deputy an existing, enabled user other than the manager
   * @param units units the manager manages now through their own assignments; empty for all of them
   * @param actions the delegated actions; empty for all
   * @param from the start, not before now; null for now
   * @param until the end (exclusive), after the start
   * @return the stored delegation
   * @throws CapabilityNotSupportedException if no {@link io.mystaff.spi.DelegationStore} is
   *     configured
   * @throws UnknownUserException if the deputy does not exist
   * @throws InvalidInputException with code {@code delegation.self}, {@code
   *     delegation.deputy.disabled}, {@code delegation.window.invalid}, {@code
   *     delegation.units.notManaged} or {@code delegation.redelegation} (a unit held only as
   *     deputy)
   * @since 0.2.0
   */
  public Delegation delegate(
      UserId deputy,
      Set<UnitId> units,
      Set<StaffAction> actions,
      @Nullable Instant from,
      Instant until) {
    Call call = Call.open();
    try {
      require(deputy, "deputy");
      require(units, "units");
      require(actions, "actions");
      require(until, "until");
      checkSession();
      return delegations.delegate(deputy, units, actions, Optional.ofNullable(from), until);
    } finally {
      call.close();
    }
  }

  /**
   * Ends a delegation the manager gave or received, at once. Audited as {@link
   * AuditActivity#REVOKE_DELEGATION}.
   *
   * @throws CapabilityNotSupportedException if no {@link io.mystaff.spi.DelegationStore} is
   *     configured
   * @throws InvalidInputException with code {@code delegation.unknown} if no delegation with this
   *     id that the manager gave or received is in force (also when it was revoked already)
   * @since 0.2.0
   */
  public void revokeDelegation(DelegationId id) {
    Call call = Call.open();
    try {
      require(id, "id");
      checkSession();
      delegations.revoke(id);
    } finally {
      call.close();
    }
  }

  /**
   * The delegations the manager gave or received that have not ended or been revoked, including
   * those that start later, in the order they were made.
   *
   * @throws CapabilityNotSupportedException if no {@link io.mystaff.spi.DelegationStore} is
   *     configured
   * @since 0.2.0
   */
  public List<Delegation> delegations() {
    Call call = Call.open();
    try {
      checkSession();
      return delegations.delegations();
    } finally {
      call.close();
    }
  }

  /** The manager, as the directory held them at sign-in. */
  public UserSummary manager() {
    checkSession();
    return UserSummary.of(workflow.manager());
  }

  /**
   * The instant from which every call of this session is refused with {@link
   * SignInRefusal#SESSION_EXPIRED}: sign-in plus {@link MyStaffSettings#sessionLifetime()}.
   */
  public Instant expiresAt() {
    return guard.expiresAt();
  }

  /**
   * The places whose staff the manager may change, the first page of {@link
   * #locations(PageRequest)} at {@link MyStaffSettings#maxPageSize()}: for a manager with a
   * tenant-wide assignment, the whole organization and then the organization's first units; for
   * others, all the units their assignments name. Empty for a manager whose roles change no one:
   * {@link #whyNoLocations()} then says why.
   */
  public List<Location> locations() {
    Call call = Call.open();
    try {
      return locations(PageRequest.first(config.settings().maxPageSize())).items();
    } finally {
      call.close();
    }
  }

  /**
   * One page of the places whose staff the manager may change.
   *
   * <ul>
   *   <li>A manager with an active, password- or phone-granting assignment scoped to the tenant
   *       gets {@link Location#wholeOrganization()} first, then every administrative unit of the
   *       organization ({@link io.mystaff.spi.Directory#allUnits}), ordered by display name
   *       (case-insensitive), then id, paged: the first page holds the whole organization <em>in
   *       addition to</em> up to {@code page.size()} units (capped at {@link
   *       MyStaffSettings#maxPageSize()}); follow {@link Page#nextCursor()} for more. Restricted
   *       management units are listed too; their members show as not manageable unless the manager
   *       is assigned at their scope. A directory that cannot list its units gives the whole
   *       organization alone.
   *   <li>Any other manager gets the units the scopes of those assignments name, in the same order,
   *       all on the first page (a manager holds few assignments); a request with a cursor gets an
   *       empty last page.
   * </ul>
   *
   * @throws InvalidInputException if {@code page} is missing or its cursor was not issued for this
   *     listing
   * @since 0.1.0
   */
  public Page<Location> locations(PageRequest page) {
    Call call = Call.open();
    try {
      checkSession();
      require(page, "page");
      Standing standing = standing();
      Set<Scope> scopes = standing.changeScopes();
      if (scopes.contains(Scope.tenant())) {
        List<Location> items = new ArrayList<>();
        if (page.cursor().isEmpty()) {
          items.add(Location.wholeOrganization());
        }
        Page<AdministrativeUnit> units;
        try {
          units = config.directory().allUnits(config.settings().cap(page));
        } catch (CapabilityNotSupportedException e) {
          return Page.last(items);
        }
        units.items().forEach(u -> items.add(Location.of(u)));
        return new Page<>(items, units.nextCursor());
      }
      if (page.cursor().isPresent()) {
        return Page.last(List.of());
      }
      return Page.last(unitLocations(standing, scopes));
    } finally {
      call.close();
    }
  }

  /**
   * Why {@link #locations()} is empty, for a UI to show instead of an empty list; empty when the
   * manager has a location.
   *
   * @since 0.1.0
   */
  public Optional<NoLocationsReason> whyNoLocations() {
    Call call = Call.open();
    try {
      checkSession();
      Standing standing = standing();
      Set<Scope> scopes = standing.changeScopes();
      if (scopes.isEmpty()) {
        return Optional.of(NoLocationsReason.NO_CHANGE_ROLE);
      }
      if (scopes.contains(Scope.tenant()) || !unitLocations(standing, scopes).isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(NoLocationsReason.UNITS_REMOVED);
    } finally {
      call.close();
    }
  }

  /** The existing units that {@code scopes} name, in directory order. */
  private static List<Location> unitLocations(Standing standing, Set<Scope> scopes) {
    Set<UnitId> units = new LinkedHashSet<>();
    for (Scope s : scopes) {
      if (s instanceof Scope.Unit unit) {
        units.add(unit.unit());
      }
    }
    return standing.reader().units(units).stream().map(Location::of).toList();
  }

  /**
   * The manager's location when there is exactly one, so a UI can go straight in; empty when there
   * are none or several to pick from.
   */
  public Optional<Location> singleLocation() {
    Call call = Call.open();
    try {
      List<Location> locations = locations();
      return locations.size() == 1 ? Optional.of(locations.get(0)) : Optional.empty();
    } finally {
      call.close();
    }
  }

  /**
   * One page of the members of {@code location}, ordered by display name (case-insensitive), then
   * id, each with the engine's decision on every action for the manager now ({@link
   * StaffMember#decision}: allowed, or the reason it is denied). The page holds at most {@link
   * MyStaffSettings#maxPageSize()} items.
   *
   * @throws InvalidInputException if an argument is missing, or the location is not one of the
   *     manager's (a tenant-wide manager may list any unit)
   * @throws UnknownUnitException if the location's unit no longer exists
   * @throws CapabilityNotSupportedException if the location is the whole organization and the
   *     directory cannot list all users
   */
  public Page<StaffMember> members(Location location, PageRequest page) {
    Call call = Call.open();
    try {
      return members(location, Optional.empty(), page);
    } finally {
      call.close();
    }
  }

  /**
   * One page of the members of {@code location} whose display name, a word of it, or user principal
   * name starts with {@code query} (case-insensitive), as {@link #searchUsers} matches the whole
   * organization; all members when the query is empty. Ordered and capped like {@link
   * #members(Location, PageRequest)}. Searching a unit uses {@link
   * io.mystaff.spi.Directory#searchMembers}, the whole organization {@link
   * io.mystaff.spi.Directory#searchUsers}.
   *
   * @param query when present, trimmed, then 1 to 256 characters
   * @throws InvalidInputException if an argument is missing, the query is out of bounds, or the
   *     location is not one of the manager's
   * @throws UnknownUnitException if the location's unit no longer exists
   * @throws CapabilityNotSupportedException if the location is the whole organization, there is no
   *     query and the directory cannot list all users
   * @since 0.1.0
   */
  public Page<StaffMember> members(Location location, Optional<String> query, PageRequest page) {
    Call call = Call.open();
    try {
      checkSession();
      return list(location, query, page);
    } finally {
      call.close();
    }
  }

  private Page<StaffMember> list(Location location, Optional<String> query, PageRequest page) {
    require(location, "location");
    require(query, "query");
    Optional<String> q = query.map(SearchQuery::of);
    require(page, "page");
    Standing standing = standing();
    Set<Scope> scopes = standing.changeScopes();
    if (!scopes.contains(Scope.tenant()) && !scopes.contains(location.scope())) {
      throw InvalidInputException.of("location", "is not one of the locations you administer");
    }
    PageRequest capped = config.settings().cap(page);
    Page<User> users;
    if (location instanceof Location.Unit unit) {
      UnitId id = unit.unit().id();
      users =
          q.isPresent()
              ? config.directory().searchMembers(id, q.get(), capped)
              : config.directory().members(id, capped);
    } else {
      users =
          q.isPresent()
              ? config.directory().searchUsers(q.get(), capped)
              : config.directory().allUsers(capped);
    }
    return standing.members(users);
  }

  /**
   * {@link #members(Location, PageRequest)} of the unit with id {@code unit}.
   *
   * @throws InvalidInputException if an argument is missing or the unit is not one of the manager's
   *     locations
   * @throws UnknownUnitException if there is no such unit
   * @since 0.1.0
   */
  public Page<StaffMember> members(UnitId unit, PageRequest page) {
    Call call = Call.open();
    try {
      return members(unit, Optional.empty(), page);
    } finally {
      call.close();
    }
  }

  /**
   * {@link #members(Location, Optional, PageRequest)} of the unit with id {@code unit}.
   *
   * @throws InvalidInputException if an argument is missing, the query is out of bounds, or the
   *     unit is not one of the manager's locations
   * @throws UnknownUnitException if there is no such unit
   * @since 0.1.0
   */
  public Page<StaffMember> members(UnitId unit, Optional<String> query, PageRequest page) {
    Call call = Call.open();
    try {
      checkSession();
      require(unit, "unit");
      AdministrativeUnit found;
      try {
        found = config.directory().findUnit(unit).orElseThrow(() -> new UnknownUnitException(unit));
      } catch (MyStaffException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new ProviderFailureException("directory", "could not read unit " + unit, e);
      }
      return list(Location.of(found), query, page);
    } finally {
      call.close();
    }
  }

  /**
   * One page of the users of the whole organization whose display name, a word of it, or user
   * principal name starts with {@code query} (case-insensitive), with the engine's decision on
   * every action for the manager ({@link StaffMember#decision}; {@link StaffMember#canManage()}
   * tells whether they may change them).
   *
   * @param query trimmed, then 1 to 256 characters
   * @throws InvalidInputException if the query or page is missing or the query is out of bounds
   */
  public Page<StaffMember> searchUsers(String query, PageRequest page) {
    Call call = Call.open();
    try {
      checkSession();
      String q = SearchQuery.of(query);
      require(page, "page");
      Standing standing = standing();
      return standing.members(config.directory().searchUsers(q, config.settings().cap(page)));
    } finally {
      call.close();
    }
  }

  /**
   * One page of the administrative units of the whole organization whose display name or a word of
   * it starts with {@code query} (case-insensitive), each with the actions the manager's role
   * scopes allow on its members ({@link UnitSearchResult#canManage()}).
   *
   * @param query trimmed, then 1 to 256 characters
   * @throws InvalidInputException if the query or page is missing or the query is out of bounds
   */
  public Page<UnitSearchResult> searchUnits(String query, PageRequest page) {
    Call call = Call.open();
    try {
      checkSession();
      String q = SearchQuery.of(query);
      require(page, "page");
      Standing standing = standing();
      Map<StaffAction, Set<Scope>> scopes = new EnumMap<>(StaffAction.class);
      for (StaffAction a : StaffAction.values()) {
        if (ActionAvailability.supported(config, a)) {
          scopes.put(a, standing.scopesFor(a));
        }
      }
      return config
          .directory()
          .searchUnits(q, config.settings().cap(page))
          .map(unit -> new UnitSearchResult(unit, actionsOn(unit, scopes)));
    } finally {
      call.close();
    }
  }

  /**
   * The user's profile: the user, their units, the actions the manager may perform on them, and
   * their phone numbers, whole only if those actions include managing the user's phones, else
   * masked to the last two digits ({@link UserProfile#phones()}). Audited as {@link
   * AuditActivity#VIEW_PROFILE}: the profile is returned only once its SUCCEEDED event is recorded.
   *
   * @throws InvalidInputException if {@code user} is missing
   * @throws UnknownUserException if there is no such user
   * @throws AccessDeniedException if the manager may not view the user (after one DENIED event)
   * @throws ProviderFailureException if the directory or the audit sink failed
   */
  public UserProfile profile(UserId user) {
    Call call = Call.open();
    try {
      checkSession();
      require(user, "target user");
      User target = workflow.readTarget(user);
      Attempt attempt = workflow.begin();
      AuditActivity activity = AuditActivity.VIEW_PROFILE;
      Workflow.Facts facts = workflow.facts(attempt, activity, target);
      Decision.Permit permit =
          workflow.authorize(attempt, activity, StaffAction.VIEW_PROFILE, target, facts);
      UserProfile profile;
      try {
        profile =
            UserProfile.of(
                target,
                facts.reader().units(facts.target().units()),
                ActionAvailability.filter(
                    config, target, facts.acting().allowedActions(facts.target(), facts.roles())));
      } catch (RuntimeException e) {
        throw workflow.fail(
            attempt, activity, target, AuditTrail.PROVIDER_FAILURE, Map.of(), "directory", e);
      }
      config
          .trail()
          .recordEnd(
              workflow
                  .succeeded(attempt, activity, permit)
                  .target(Attempt.target(target, List.of()))
                  .build());
      return profile;
    } finally {
      call.close();
    }
  }

  /**
   * Resets the password of a cloud-only user to a generated temporary password (at least 16
   * characters, accepted by the cloud policy) that the user must change at next sign-in. The result
   * is a {@link PasswordResetResult.TemporaryPassword} whose password can be revealed once.
   *
   * @throws InvalidInputException if {@code user} is missing, or is synced (whose password the
   *     manager must choose: use {@link #resetPassword(UserId, Secret)})
   * @throws UnknownUserException if there is no such user
   * @throws CapabilityNotSupportedException if the user is synced and no writeback is configured
   * @throws AccessDeniedException if the manager may not reset the user (after one DENIED event)
   * @throws StaleVersionException if concurrent writes kept winning (after one FAILED event)
   * @throws ProviderFailureException if a provider or the audit sink failed (after one FAILED
   *     event, if the sink could take it)
   */
  public PasswordResetResult resetPassword(UserId user) {
    Call call = Call.open();
    try {
      checkSession();
      return reset(
          PasswordResetCommand.of(user, Optional.empty()), Optional.empty(), Optional.empty());
    } finally {
      call.close();
    }
  }

  /**
   * Resets a user's password to one the manager chose; the user must change it at next sign-in.
   *
   * <p>For a synced user the password is checked now against the on-premises policy and the user's
   * on-premises history, then written back asynchronously: the result is a {@link
   * PasswordResetResult.WritebackPending} whose handle reports SUBMITTED, IN_PROGRESS, then
   * SUCCEEDED or FAILED. For a cloud-only user this is allowed only when {@link
   * MyStaffSettings#managerChosenPasswordsForCloudUsers()} is set; the password is checked against
   * the cloud policy and set at once ({@link PasswordResetResult.PasswordSet}).
   *
   * <p>mystaff does not destroy {@code password}; the caller may destroy it once this returns.
   *
   * @throws InvalidInputException if an argument is missing or destroyed, or the user is cloud-only
   *     and the settings do not let managers choose
   * @throws UnknownUserException if there is no such user
   * @throws CapabilityNotSupportedException if the user is synced and no writeback is configured
   * @throws AccessDeniedException if the manager may not reset the user (after one DENIED event)
   * @throws PasswordRejectedException if the password fails the policy (after one FAILED event)
   * @throws StaleVersionException if concurrent writes kept winning (after one FAILED event)
   * @throws ProviderFailureException if a provider or the audit sink failed; for a synced user,
   *     also if the PENDING event could not be recorded, in which case nothing was submitted
   */
  public PasswordResetResult resetPassword(UserId user, Secret password) {
    Call call = Call.open();
    try {
      checkSession();
      return reset(
          PasswordResetCommand.of(user, password == null ? null : Optional.of(password)),
          Optional.empty(),
          Optional.empty());
    } finally {
      call.close();
    }
  }

  /**
   * Resets a user's password as {@code request} says: {@link #resetPassword(UserId)} or {@link
   * #resetPassword(UserId, Secret)}, with the generated password of a cloud-only user delivered in
   * the request's {@link DeliveryMode} ({@link MyStaffSettings#defaultDeliveryMode()} when it names
   * none).
   *
   * <ul>
   *   <li>{@link DeliveryMode#SHOW_ONCE}: a {@link PasswordResetResult.TemporaryPassword}.
   *   <li>{@link DeliveryMode#SEND_TO_USER} and {@link DeliveryMode#SPLIT}: once the engine permits
   *       the reset, the password (or its second half) is sent through the configured {@link
   *       io.mystaff.spi.CredentialDelivery} <em>before</em> it is written; the result is a {@link
   *       PasswordResetResult.Delivered}, holding for {@code SPLIT} the first half to reveal once.
   *       A delivery that fails writes nothing: the user's password is unchanged, the reset ends in
   *       one FAILED event ({@code DELIVERY_FAILED}, with the mode and the failure) and {@link
   *       CredentialDeliveryException} is thrown. It is never turned into show-once.
   * </ul>
   *
   * <p>The reset's SUCCEEDED event names the delivery mode ({@code credentialDelivery}), never the
   * password or a part of it.
   *
   * @throws InvalidInputException if the request is missing or invalid, its delivery mode is not in
   *     {@link MyStaffSettings#allowedDeliveryModes()} ({@code delivery.notAllowed}), or it names a
   *     mode other than show-once for a password the manager chose or a synced user ({@code
   *     delivery.notApplicable}); nothing recorded
   * @throws CredentialDeliveryException if the password could not be sent (after one FAILED event)
   * @throws UnknownUserException if there is no such user
   * @throws CapabilityNotSupportedException if the user is synced and no writeback is configured
   * @throws AccessDeniedException if the manager may not reset the user (after one DENIED event)
   * @throws PasswordRejectedException if a chosen password fails the policy (after one FAILED
   *     event)
   * @throws StaleVersionException if concurrent writes kept winning (after one FAILED event)
   * @throws ProviderFailureException if a provider or the audit sink failed
   * @since 0.2.0
   */
  public PasswordResetResult reset(ChangeRequest.ResetPassword request) {
    Call call = Call.open();
    try {
      checkSession();
      require(request, "request");
      return reset(
          PasswordResetCommand.of(request.user(), request.password()),
          request.delivery(),
          request.verification());
    } finally {
      call.close();
    }
  }

  /**
   * Resets the passwords of several cloud-only users at once, each to its own generated temporary
   * password sent to the user's registered channel ({@link DeliveryMode#SEND_TO_USER}): a temporary
   * password is never returned in bulk, not even in part. Each user goes through the very path of
   * {@link #reset}: its own rate-limit token, engine decision, caller verification (a batch carries
   * none, so users who need one are denied), delivery and write, with its own audit event and
   * correlation id; every event of the batch also carries the batch's id as its {@code batchId}
   * detail. One user's denial or failure does not stop the others.
   *
   * @param users the users, 1 to {@link MyStaffSettings#maxBatchSize()}, each once
   * @return one item per user, in the order given
   * @throws InvalidInputException before anything is read or recorded, if {@code users} is missing,
   *     empty, holds a missing or repeated user ({@code bulk.invalid}), or more than {@link
   *     MyStaffSettings#maxBatchSize()} ({@code bulk.tooLarge}); or if the settings do not allow
   *     {@link DeliveryMode#SEND_TO_USER} ({@code bulk.requiresDelivery})
   * @since 0.2.0
   */
  public BulkResetResult bulkReset(List<UserId> users) {
    Call call = Call.open();
    try {
      checkSession();
      checkBatch(users);
      if (!config.settings().allowedDeliveryModes().contains(DeliveryMode.SEND_TO_USER)) {
        throw InvalidInputException.of(
            "delivery mode",
            "bulk resets send each password to its user: the settings must allow SEND_TO_USER",
            "bulk.requiresDelivery");
      }
      config.ensureOpen();
      CorrelationId batch = CorrelationId.random();
      List<BulkResetResult.Item> items = new ArrayList<>(users.size());
      for (UserId user : users) {
        items.add(resetOne(user, batch));
      }
      return new BulkResetResult(batch, items);
    } finally {
      call.close();
    }
  }

  /**
   * Checks a batch's users: present, 1 to {@link MyStaffSettings#maxBatchSize()}, each once.
   *
   * @throws InvalidInputException ({@code bulk.invalid}, {@code bulk.tooLarge}) if not
   */
  private void checkBatch(List<UserId> users) {
    require(users, "users");
    if (users.isEmpty()
        || users.stream().anyMatch(java.util.Objects::isNull)
        || new java.util.HashSet<>(users).size() != users.size()) {
      throw InvalidInputException.of(
          "users", "must name at least one user, each once", "bulk.invalid");
    }
    if (users.size() > config.settings().maxBatchSize()) {
      throw InvalidInputException.of(
          "users",
          "must be at most " + config.settings().maxBatchSize() + " per batch",
          "bulk.tooLarge");
    }
  }

  /**
   * One user of a bulk reset, as an item. A provider failure (even the audit sink's) ends only this
   * user: a change commits with its SUCCEEDED event or not at all, so nothing goes unaudited. A
   * write whose outcome is unknown is {@code OUTCOME_UNKNOWN}: its event committed with it if it
   * did.
   */
  private BulkResetResult.Item resetOne(UserId user, CorrelationId batch) {
    AtomicReference<@Nullable CorrelationId> attempt = new AtomicReference<>();
    try {
      PasswordResetResult result =
          reset(
              PasswordResetCommand.of(user, Optional.empty()),
              Optional.of(DeliveryMode.SEND_TO_USER),
              Optional.empty(),
              Map.of(BATCH_KEY, batch.value()),
              attempt::set);
      PasswordResetResult.Delivered delivered = (PasswordResetResult.Delivered) result;
      return new BulkResetResult.Item(
          user,
          BulkResetResult.Outcome.DELIVERED,
          Optional.of(delivered.correlationId()),
          Optional.empty(),
          Optional.of(delivered.channel()));
    } catch (AccessDeniedException e) {
      return new BulkResetResult.Item(
          user,
          BulkResetResult.Outcome.DENIED,
          Optional.ofNullable(attempt.get()),
          Optional.of(e.reason().name()),
          Optional.empty());
    } catch (CredentialDeliveryException e) {
      return failed(user, attempt.get(), CloudPasswordReset.DELIVERY_FAILED);
    } catch (InvalidInputException e) {
      return failed(user, attempt.get(), e.violations().get(0).code());
    } catch (ProviderFailureException e) {
      return failed(
          user, attempt.get(), e.isOutcomeUnknown() ? "OUTCOME_UNKNOWN" : e.code().name());
    } catch (MyStaffException e) {
      return failed(user, attempt.get(), e.code().name());
    }
  }

  private static BulkResetResult.Item failed(
      UserId user, @Nullable CorrelationId attempt, String reason) {
    return new BulkResetResult.Item(
        user,
        BulkResetResult.Outcome.FAILED,
        Optional.ofNullable(attempt),
        Optional.of(reason),
        Optional.empty());
  }

  /**
   * Adds the user's phone method of {@code type}, or replaces its number, with {@code rawNumber}
   * parsed and normalized to E.164 (national numbers need {@link
   * MyStaffSettings#defaultPhoneRegion()}). Concurrent edits of the user are never lost: the write
   * applies only to the version read, and on a conflict the user is read and the change decided
   * again, a bounded number of times. Graph's phone method rules hold: one number per type (setting
   * a type the user has replaces its number), and an alternate mobile only when the user has a
   * mobile. The number must be valid for its country (libphonenumber decides, so short numbers such
   * as Niue's are valid) and of a kind {@link MyStaffSettings#allowedPhoneNumberKinds()} allows.
   * Errors about the number name the type's Graph name ({@code mobile}, {@code alternateMobile},
   * {@code office}) as their field.
   *
   * @throws InvalidInputException if an argument is missing or the number is not valid or of a kind
   *     not allowed (nothing recorded); or, after one FAILED event ({@code
   *     ALTERNATE_MOBILE_REQUIRES_MOBILE}), if {@code type} is the alternate mobile and the user
   *     has no mobile
   * @throws UnknownUserException if there is no such user
   * @throws AccessDeniedException if the manager may not manage the user's phones (after one DENIED
   *     event)
   * @throws StaleVersionException if concurrent writes kept winning (after one FAILED event)
   * @throws ProviderFailureException if a provider or the audit sink failed
   */
  public PhoneChange setPhone(UserId user, PhoneType type, String rawNumber) {
    Call call = Call.open();
    try {
      checkSession();
      return changePhone(
          PhoneCommand.set(
              user,
              type,
              rawNumber,
              config.phoneParser(),
              config.settings().allowedPhoneNumberKinds()),
          Optional.empty());
    } finally {
      call.close();
    }
  }

  /**
   * Removes the user's phone method of {@code type}. Conflicts are handled as for {@link
   * #setPhone}. As in Graph, the mobile cannot be removed while an alternate mobile exists, and
   * removing a method the user lacks is not found; both end in one FAILED event, never in a
   * deletion.
   *
   * @throws InvalidInputException if an argument is missing (nothing recorded); or, after one
   *     FAILED event ({@code MOBILE_REQUIRED_BY_ALTERNATE_MOBILE}), if {@code type} is the mobile
   *     and the user has an alternate mobile (field {@code mobile})
   * @throws PhoneMethodNotFoundException if the user has no phone method of {@code type} (after one
   *     FAILED event, {@code PHONE_METHOD_NOT_FOUND})
   * @throws UnknownUserException if there is no such user
   * @throws AccessDeniedException if the manager may not manage the user's phones (after one DENIED
   *     event)
   * @throws StaleVersionException if concurrent writes kept winning (after one FAILED event)
   * @throws ProviderFailureException if a provider or the audit sink failed
   */
  public PhoneChange removePhone(UserId user, PhoneType type) {
    Call call = Call.open();
    try {
      checkSession();
      return changePhone(PhoneCommand.remove(user, type), Optional.empty());
    } finally {
      call.close();
    }
  }

  /**
   * Approves another manager's request and executes its change (four eyes; see {@link
   * ApprovalPolicy}). The approver must not be the requester, in this session or any other, and the
   * engine must allow the approver the request's action on the target now, from facts read now; a
   * request whose {@linkplain ApprovalRequest#expiresAt() expiry} has come is expired first. Of
   * concurrent approvals and rejections of one request exactly one wins (compare-and-set in the
   * {@link io.mystaff.spi.ApprovalStore}); the others throw {@link ApprovalClosedException}.
   *
   * <p>The winner records {@code APPROVAL_APPROVED} and executes the change at once, on its own
   * path: the requester must still be allowed the action (else the request ends FAILED with {@code
   * REQUESTER_} and the engine's reason, and {@link AccessDeniedException} is thrown), then the
   * change is decided again for the approver, at its read and at its commit, exactly as a direct
   * change; so a target that moved out of scope meanwhile is denied (the change's DENIED event) and
   * the request ends FAILED with the deny reason. Any other failure ends it FAILED with the error's
   * {@link io.mystaff.api.ErrorCode} name. Either way one {@code APPROVAL_EXECUTED} event records
   * how it ended. Every event of the request, the change's own too, carries the request's
   * correlation id. Execution takes no rate-limit token: the request took one.
   *
   * <p>A reset's generated temporary password is in the result, shown once to the approver, who
   * passes it on as with a direct reset.
   *
   * @throws InvalidInputException if {@code approval} is missing or unknown
   * @throws ApprovalClosedException if the request is not pending (after one FAILED event, {@code
   *     APPROVAL_CLOSED})
   * @throws AccessDeniedException with {@link DenyReason#SELF_APPROVAL} if the manager asked for
   *     it, or the engine's reason (after one DENIED event); or, at execution, if the requester or
   *     the approver is no longer allowed
   * @throws CapabilityNotSupportedException if no approval store is configured
   * @throws ProviderFailureException if a provider, the store or the audit sink failed
   * @since 0.2.0
   */
  public ApprovedChange approve(ApprovalId approval) {
    Call call = Call.open();
    try {
      checkSession();
      config.ensureOpen();
      return approvals.approve(approval);
    } finally {
      call.close();
    }
  }

  /**
   * Signs the user out everywhere: every session and refresh token issued before now stops working
   * (Entra's "revoke sessions", which sets {@code signInSessionsValidFromDateTime}), for cloud-only
   * and synced users alike. Needs the directory writer's {@link
   * io.mystaff.spi.DirectoryWriter#sessionRevoker() session revoker}. Validate, decide, apply and
   * audit as every change: the write is a compare-and-set of the user committed with its {@link
   * AuditActivity#REVOKE_SESSIONS} event and re-decided at commit, and each attempt takes a token
   * of the manager's revocation bucket ({@link MyStaffSettings#accountActionLimit()}).
   *
   * @throws InvalidInputException if {@code user} is missing
   * @throws UnknownUserException if there is no such user
   * @throws CapabilityNotSupportedException if the directory writer cannot revoke sessions (nothing
   *     recorded)
   * @throws AccessDeniedException if the manager may not revoke the user's sessions, or their
   *     bucket is empty (after one DENIED event)
   * @throws StaleVersionException if concurrent writes kept winning (after one FAILED event)
   * @throws ProviderFailureException if a provider or the audit sink failed
   * @since 0.2.0
   */
  public SessionRevocation revokeSessions(UserId user) {
    Call call = Call.open();
    try {
      checkSession();
      require(user, "target user");
      return revoke(user, Map.of(), id -> {});
    } finally {
      call.close();
    }
  }

  /**
   * Signs several users out everywhere at once. Each user goes through the very path of {@link
   * #revokeSessions}: its own token of the manager's revocation bucket, engine decision and write,
   * with its own audit event and correlation id; every event of the batch also carries the batch's
   * id as its {@code batchId} detail. One user's denial or failure does not stop the others.
   *
   * @param users the users, 1 to {@link MyStaffSettings#maxBatchSize()}, each once
   * @return one item per user, in the order given
   * @throws InvalidInputException before anything is read or recorded, if {@code users} is missing,
   *     empty, holds a missing or repeated user ({@code bulk.invalid}), or more than {@link
   *     MyStaffSettings#maxBatchSize()} ({@code bulk.tooLarge})
   * @throws CapabilityNotSupportedException before anything is read or recorded, if the directory
   *     writer cannot revoke sessions
   * @since 0.2.0
   */
  public BulkRevokeResult bulkRevokeSessions(List<UserId> users) {
    Call call = Call.open();
    try {
      checkSession();
      checkBatch(users);
      if (!ActionAvailability.supported(config, StaffAction.REVOKE_SESSIONS)) {
        throw new CapabilityNotSupportedException(
            "session revocation",
            "The directory writer cannot revoke sessions; configure one whose sessionRevoker() is"
                + " present");
      }
      config.ensureOpen();
      CorrelationId batch = CorrelationId.random();
      List<BulkRevokeResult.Item> items = new ArrayList<>(users.size());
      for (UserId user : users) {
        items.add(revokeOne(user, batch));
      }
      return new BulkRevokeResult(batch, items);
    } finally {
      call.close();
    }
  }

  /**
   * One user of a bulk revocation, as an item. A provider failure (even the audit sink's) ends only
   * this user, as in {@link #resetOne}.
   */
  private BulkRevokeResult.Item revokeOne(UserId user, CorrelationId batch) {
    AtomicReference<@Nullable CorrelationId> attempt = new AtomicReference<>();
    try {
      SessionRevocation done = revoke(user, Map.of(BATCH_KEY, batch.value()), attempt::set);
      return new BulkRevokeResult.Item(
          user,
          BulkRevokeResult.Outcome.REVOKED,
          Optional.of(done.correlationId()),
          Optional.empty(),
          Optional.of(done.validFrom()));
    } catch (AccessDeniedException e) {
      return revokeEnd(user, BulkRevokeResult.Outcome.DENIED, attempt.get(), e.reason().name());
    } catch (InvalidInputException e) {
      return revokeEnd(
          user, BulkRevokeResult.Outcome.FAILED, attempt.get(), e.violations().get(0).code());
    } catch (ProviderFailureException e) {
      return revokeEnd(
          user,
          BulkRevokeResult.Outcome.FAILED,
          attempt.get(),
          e.isOutcomeUnknown() ? "OUTCOME_UNKNOWN" : e.code().name());
    } catch (MyStaffException e) {
      return revokeEnd(user, BulkRevokeResult.Outcome.FAILED, attempt.get(), e.code().name());
    }
  }

  private static BulkRevokeResult.Item revokeEnd(
      UserId user,
      BulkRevokeResult.Outcome outcome,
      @Nullable CorrelationId attempt,
      String reason) {
    return new BulkRevokeResult.Item(
        user, outcome, Optional.ofNullable(attempt), Optional.of(reason), Optional.empty());
  }

  private SessionRevocation revoke(
      UserId user, Map<String, String> details, Consumer<CorrelationId> attempted) {
    config.ensureOpen();
    User target = workflow.readTarget(user);
    ActionAvailability.require(config, StaffAction.REVOKE_SESSIONS, target);
    Attempt attempt = workflow.begin().withDetails(details);
    attempted.accept(attempt.correlationId());
    workflow.throttle(
        attempt,
        AuditActivity.REVOKE_SESSIONS,
        StaffAction.REVOKE_SESSIONS,
        target,
        config.revokeLimiter());
    return workflow.change(
        target,
        attempt,
        new SessionRevoke(
            config.sessionRevoker().orElseThrow(),
            config.clock().instant(),
            attempt.correlationId()));
  }

  /**
   * Rejects another manager's request with {@code reason}; the change is not made. The same rules
   * as {@link #approve} decide who may reject (not the requester; the engine must allow the
   * rejecting manager the action on the target now), and one {@code APPROVAL_REJECTED} event, with
   * the reason as the additional detail {@code rejectionReason}, records it.
   *
   * @param reason why, 1 to {@value ApprovalRequest#MAX_REASON_LENGTH} characters without control
   *     characters; recorded in the audit event, so it must hold no secret
   * @return the request, rejected
   * @throws InvalidInputException if an argument is missing, the reason is invalid or the request
   *     unknown
   * @throws ApprovalClosedException if the request is not pending (after one FAILED event)
   * @throws AccessDeniedException if the manager asked for it or may not act on the target (after
   *     one DENIED event)
   * @throws CapabilityNotSupportedException if no approval store is configured
   * @throws ProviderFailureException if a provider, the store or the audit sink failed
   * @since 0.2.0
   */
  public ApprovalRequest reject(ApprovalId approval, String reason) {
    Call call = Call.open();
    try {
      checkSession();
      config.ensureOpen();
      return approvals.reject(approval, reason);
    } finally {
      call.close();
    }
  }

  /**
   * One page of the pending requests this manager could approve now: requested by someone else, not
   * yet expired, and for an action the engine allows them on the target now. Requests due now are
   * expired first (each with its {@code APPROVAL_EXPIRED} event). The page follows the store's
   * order (request time, then id) and may hold fewer than {@code page.size()} items, even none,
   * while {@link Page#nextCursor()} says there are more to look at. Not audited. Empty when no
   * approval store is configured.
   *
   * @throws InvalidInputException if {@code page} is missing or its cursor is not the store's
   * @throws ProviderFailureException if the store or the directory failed
   * @since 0.2.0
   */
  public Page<ApprovalRequest> pendingApprovals(PageRequest page) {
    Call call = Call.open();
    try {
      checkSession();
      require(page, "page");
      config.ensureOpen();
      return approvals.pendingApprovals(page);
    } finally {
      call.close();
    }
  }

  /**
   * The request with id {@code approval}, as stored now, if this manager asked for it, decided it,
   * or could approve it now; else empty (as for an unknown id). Not audited.
   *
   * @throws InvalidInputException if {@code approval} is missing
   * @throws ProviderFailureException if the store or the directory failed
   * @since 0.2.0
   */
  public Optional<ApprovalRequest> approval(ApprovalId approval) {
    Call call = Call.open();
    try {
      checkSession();
      require(approval, "approval");
      config.ensureOpen();
      return approvals.approval(approval);
    } finally {
      call.close();
    }
  }

  /**
   * Unlocks a synced user's on-premises account (locked out after too many wrong passwords),
   * through the password writeback's {@link io.mystaff.spi.PasswordWriteback#accountUnlocker()
   * unlocker}, synchronously; the password stays as it is. Validate, decide, apply and audit as
   * every change: the unlocker re-checks the decision just before it unlocks, the attempt ends in
   * one {@link AuditActivity#UNLOCK_ACCOUNT} event, and each attempt takes a token of the manager's
   * unlock bucket ({@link MyStaffSettings#accountActionLimit()}).
   *
   * @throws InvalidInputException if {@code user} is missing
   * @throws UnknownUserException if there is no such user
   * @throws CapabilityNotSupportedException if no writeback that can unlock accounts is configured
   *     (nothing recorded)
   * @throws io.mystaff.api.directory.AccountNotSyncedException if the user is cloud-only: there is
   *     no on-premises account to unlock (nothing recorded)
   * @throws AccessDeniedException if the manager may not unlock the user's account, or their bucket
   *     is empty (after one DENIED event)
   * @throws ProviderFailureException if the unlock failed (after one FAILED event, {@code UNLOCK_}
   *     and the {@link io.mystaff.api.password.WritebackFailure} name), or a provider or the audit
   *     sink failed
   * @since 0.2.0
   */
  public AccountUnlock unlockAccount(UserId user) {
    Call call = Call.open();
    try {
      checkSession();
      require(user, "target user");
      config.ensureOpen();
      User target = workflow.readTarget(user);
      ActionAvailability.require(config, StaffAction.UNLOCK_ACCOUNT, target);
      Attempt attempt = workflow.begin();
      workflow.throttle(
          attempt,
          AuditActivity.UNLOCK_ACCOUNT,
          StaffAction.UNLOCK_ACCOUNT,
          target,
          config.unlockLimiter());
      return new OnPremisesUnlock(workflow, config.accountUnlocker().orElseThrow())
          .unlock(target, attempt);
    } finally {
      call.close();
    }
  }

  /**
   * What {@code change} would do if the manager made it now, changing nothing and recording
   * nothing: no audit event (so there is no audit activity for a preview), no rate-limit token, no
   * outbox row, no writeback submission, no notification. The only thing a preview may record is
   * what every call of a session may: the DENIED sign-in event of a session that expired or whose
   * sign-in grounds no longer hold.
   *
   * <p>The preview runs the change's own steps up to the point where the change would write: the
   * same input validation (so it throws the same {@link InvalidInputException}, {@link
   * UnknownUserException} and {@link CapabilityNotSupportedException} the change would, having
   * recorded nothing either way), then whether the manager's rate-limit bucket has a token now
   * (without taking it), then the engine's decision from facts read now, then, once permitted, the
   * change's rules on the user as read now: the password policy for a manager-chosen password (the
   * on-premises policy and history for a synced user, after asking the writeback whether the
   * on-premises side is reachable), Graph's phone method rules for a phone change. A generated
   * password is not generated.
   *
   * <p>So, barring a change of the directory, the clock or the rate limits in between, a preview
   * that {@linkplain ChangePreview#isAllowed() allows} is followed by a change that succeeds with
   * the previewed side effects, and a preview with a {@linkplain ChangePreview#reasonCode() reason
   * code} by a change refused with that reason.
   *
   * @throws InvalidInputException if {@code change} is missing or invalid, as the change would
   * @throws UnknownUserException if there is no such user
   * @throws CapabilityNotSupportedException if the change needs a writeback and none is configured
   * @throws ProviderFailureException if the directory, the password policy or the writeback's
   *     history failed
   * @since 0.2.0
   */
  public ChangePreview preview(ChangeRequest change) {
    Call call = Call.open();
    try {
      checkSession();
      require(change, "change");
      config.ensureOpen();
      try {
        if (change instanceof ChangeRequest.ResetPassword reset) {
          return previewReset(
              PasswordResetCommand.of(reset.user(), reset.password()),
              reset.delivery(),
              reset.verification());
        }
        if (change instanceof ChangeRequest.SetPhone set) {
          return previewPhone(
              PhoneCommand.set(
                  set.user(),
                  set.type(),
                  set.rawNumber(),
                  config.phoneParser(),
                  config.settings().allowedPhoneNumberKinds()),
              set.verification());
        }
        if (change instanceof ChangeRequest.RemovePhone remove) {
          return previewPhone(
              PhoneCommand.remove(remove.user(), remove.type()), remove.verification());
        }
        if (change instanceof ChangeRequest.RevokeSessions revoke) {
          return previewAccountAction(
              revoke.user(),
              StaffAction.REVOKE_SESSIONS,
              AuditActivity.REVOKE_SESSIONS,
              config.revokeLimiter(),
              ChangePreview.SideEffect.SESSIONS_REVOKED);
        }
        ChangeRequest.UnlockAccount unlock = (ChangeRequest.UnlockAccount) change;
        return previewAccountAction(
            unlock.user(),
            StaffAction.UNLOCK_ACCOUNT,
            AuditActivity.UNLOCK_ACCOUNT,
            config.unlockLimiter(),
            ChangePreview.SideEffect.ON_PREMISES_ACCOUNT_UNLOCKED);
      } catch (MyStaffException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new ProviderFailureException(
            "directory", "could not preview the change of " + change.user(), e);
      }
    } finally {
      call.close();
    }
  }

  /** {@link #reset} up to its write, recording nothing. */
  private ChangePreview previewReset(
      PasswordResetCommand command,
      Optional<DeliveryMode> requested,
      Optional<Verification> evidence) {
    User target = workflow.readTarget(command.target());
    command.checkApplicable(target, config.settings(), config.writeback().isPresent());
    DeliveryMode mode = deliveryMode(command, target, requested);
    AuditActivity activity = AuditActivity.RESET_PASSWORD;
    if (!config.resetLimiter().wouldAdmit(managerId())) {
      return ChangePreview.denied(
          target.id(),
          activity,
          new Decision.Deny(StaffAction.RESET_PASSWORD, DenyReason.RATE_LIMITED));
    }
    Workflow.Facts facts = workflow.readFacts(target);
    Set<ChangePreview.SideEffect> effects = EnumSet.noneOf(ChangePreview.SideEffect.class);
    Workflow.Verdict verdict;
    if (target.isSynced()) {
      verdict =
          new WritebackReset(workflow, config.writeback().orElseThrow())
              .judge(facts, target, command.managerChosen().orElseThrow());
      effects.add(ChangePreview.SideEffect.WRITEBACK_TO_ON_PREMISES);
      if (WritebackReset.forceChangeNextSignIn(target)) {
        effects.add(ChangePreview.SideEffect.FORCE_CHANGE_AT_NEXT_SIGN_IN);
      }
    } else {
      verdict =
          workflow.judge(
              facts,
              StaffAction.RESET_PASSWORD,
              target,
              t -> CloudPasswordReset.rules(command.managerChosen(), config, t));
      effects.add(ChangePreview.SideEffect.FORCE_CHANGE_AT_NEXT_SIGN_IN);
      if (command.managerChosen().isEmpty()) {
        effects.add(ChangePreview.SideEffect.of(mode));
      }
    }
    Optional<DenyReason> unverified =
        verdict.decision().isPermit()
            ? verificationDenial(facts, target, evidence)
            : Optional.empty();
    if (unverified.isPresent()) {
      return ChangePreview.denied(
          target.id(), activity, new Decision.Deny(StaffAction.RESET_PASSWORD, unverified.get()));
    }
    verdict =
        withApproval(
            facts,
            StaffAction.RESET_PASSWORD,
            verdict,
            command.managerChosen().isPresent(),
            effects);
    return previewOf(target, activity, verdict, effects, Optional.empty());
  }

  /** {@link #changePhone} up to its write, recording nothing. */
  private ChangePreview previewPhone(PhoneCommand command, Optional<Verification> evidence) {
    User target = workflow.readTarget(command.target());
    AuditActivity activity = PhoneEdit.activityOf(command, target);
    if (!config.phoneLimiter().wouldAdmit(managerId())) {
      return ChangePreview.denied(
          target.id(),
          activity,
          new Decision.Deny(StaffAction.MANAGE_PHONES, DenyReason.RATE_LIMITED));
    }
    Workflow.Facts facts = workflow.readFacts(target);
    Set<ChangePreview.SideEffect> effects =
        EnumSet.of(ChangePreview.SideEffect.PHONE_METHOD_CHANGED);
    Workflow.Verdict verdict =
        workflow.judge(facts, StaffAction.MANAGE_PHONES, target, command::refusal);
    Optional<DenyReason> unverified =
        verdict.decision().isPermit()
            ? verificationDenial(facts, target, evidence)
            : Optional.empty();
    if (unverified.isPresent()) {
      return ChangePreview.denied(
          target.id(), activity, new Decision.Deny(StaffAction.MANAGE_PHONES, unverified.get()));
    }
    verdict = withApproval(facts, StaffAction.MANAGE_PHONES, verdict, false, effects);
    return previewOf(target, activity, verdict, effects, Optional.of(command.type()));
  }

  /**
   * {@code verdict} with the approval policy's part: a change it allows that the policy covers
   * needs approval ({@link ChangePreview.SideEffect#APPROVAL_REQUIRED} added to {@code effects}),
   * or, if it holds a password, is refused ({@value ApprovalFlow#PASSWORD_NOT_HELD}).
   */
  private Workflow.Verdict withApproval(
      Workflow.Facts facts,
      StaffAction action,
      Workflow.Verdict verdict,
      boolean holdsPassword,
      Set<ChangePreview.SideEffect> effects) {
    if (!verdict.decision().isPermit()
        || verdict.refusal().isPresent()
        || !config.approvals().policy().requiresApproval(action, facts.target())) {
      return verdict;
    }
    if (holdsPassword) {
      return new Workflow.Verdict(
          verdict.decision(),
          Optional.of(
              new UserChange.Refusal(
                  ApprovalFlow.PASSWORD_NOT_HELD,
                  InvalidInputException.of(
                      "password",
                      "cannot wait for approval: mystaff never stores a password",
                      "approval.passwordNotHeld"))));
    }
    effects.add(ChangePreview.SideEffect.APPROVAL_REQUIRED);
    return verdict;
  }

  /** {@link #revokeSessions} or {@link #unlockAccount} up to the change, recording nothing. */
  private ChangePreview previewAccountAction(
      UserId user,
      StaffAction action,
      AuditActivity activity,
      ChangeLimiter limiter,
      ChangePreview.SideEffect effect) {
    User target = workflow.readTarget(user);
    ActionAvailability.require(config, action, target);
    if (!limiter.wouldAdmit(managerId())) {
      return ChangePreview.denied(
          target.id(), activity, new Decision.Deny(action, DenyReason.RATE_LIMITED));
    }
    Workflow.Verdict verdict =
        workflow.judge(workflow.readFacts(target), action, target, t -> Optional.empty());
    return previewOf(target, activity, verdict, EnumSet.of(effect), Optional.empty());
  }

  private static ChangePreview previewOf(
      User target,
      AuditActivity activity,
      Workflow.Verdict verdict,
      Set<ChangePreview.SideEffect> effects,
      Optional<PhoneType> phoneMethod) {
    if (verdict.decision() instanceof Decision.Deny deny) {
      return ChangePreview.denied(target.id(), activity, deny);
    }
    Decision.Permit permit = (Decision.Permit) verdict.decision();
    if (verdict.refusal().isPresent()) {
      return ChangePreview.refused(target.id(), activity, permit, verdict.refusal().get());
    }
    return ChangePreview.allowed(target.id(), activity, permit, effects, phoneMethod);
  }

  /**
   * The delivery mode of a reset: the requested one, or the settings' default.
   *
   * @throws InvalidInputException if the requested mode is not allowed, or is not show-once for a
   *     password the manager chose or a synced user
   */
  private DeliveryMode deliveryMode(
      PasswordResetCommand command, User target, Optional<DeliveryMode> requested) {
    if (requested.isEmpty()) {
      return config.settings().defaultDeliveryMode();
    }
    DeliveryMode mode = requested.get();
    if (mode != DeliveryMode.SHOW_ONCE
        && (command.managerChosen().isPresent() || target.isSynced())) {
      throw InvalidInputException.of(
          "delivery mode",
          "applies only to the generated temporary password of a cloud-only user",
          "delivery.notApplicable");
    }
    if (!config.settings().allowedDeliveryModes().contains(mode)) {
      throw InvalidInputException.of(
          "delivery mode",
          "is not allowed by the settings (allowed: "
              + config.settings().allowedDeliveryModes()
              + ")",
          "delivery.notAllowed");
    }
    return mode;
  }

  private PasswordResetResult reset(
      PasswordResetCommand command,
      Optional<DeliveryMode> requested,
      Optional<Verification> evidence) {
    return reset(command, requested, evidence, Map.of(), id -> {});
  }

  private PasswordResetResult reset(
      PasswordResetCommand command,
      Optional<DeliveryMode> requested,
      Optional<Verification> evidence,
      Map<String, String> details,
      Consumer<CorrelationId> attempted) {
    config.ensureOpen();
    User target = workflow.readTarget(command.target());
    command.checkApplicable(target, config.settings(), config.writeback().isPresent());
    DeliveryMode mode = deliveryMode(command, target, requested);
    Attempt attempt = workflow.begin().withDetails(details);
    attempted.accept(attempt.correlationId());
    workflow.throttle(
        attempt,
        AuditActivity.RESET_PASSWORD,
        StaffAction.RESET_PASSWORD,
        target,
        config.resetLimiter());
    requireVerification(
        attempt, AuditActivity.RESET_PASSWORD, StaffAction.RESET_PASSWORD, target, evidence);
    approvals.requestIfCovered(
        attempt,
        AuditActivity.RESET_PASSWORD,
        StaffAction.RESET_PASSWORD,
        target,
        target.isSynced()
            ? t -> Optional.empty()
            : t -> CloudPasswordReset.rules(command.managerChosen(), config, t),
        command.managerChosen().isPresent()
            ? Optional.empty()
            : Optional.of(RequestedChange.generatedPasswordReset()));
    if (target.isSynced()) {
      return new WritebackReset(workflow, config.writeback().orElseThrow())
          .start(target, command.managerChosen().orElseThrow(), attempt);
    }
    CloudPasswordReset change =
        new CloudPasswordReset(command.managerChosen(), config, attempt.correlationId(), mode);
    PasswordResetResult result;
    try {
      result = workflow.change(target, attempt, change);
    } finally {
      change.discard();
    }
    workflow.notifyUser(
        UserNotification.passwordReset(
            target.id(), attempt.correlationId(), config.clock().instant(), managerId()));
    return result;
  }

  private PhoneChange changePhone(PhoneCommand command, Optional<Verification> evidence) {
    config.ensureOpen();
    User target = workflow.readTarget(command.target());
    Attempt attempt = workflow.begin();
    PhoneEdit edit =
        new PhoneEdit(command, config.writer(), config.phoneParser(), attempt.correlationId());
    workflow.throttle(
        attempt, edit.activity(target), StaffAction.MANAGE_PHONES, target, config.phoneLimiter());
    requireVerification(
        attempt, edit.activity(target), StaffAction.MANAGE_PHONES, target, evidence);
    approvals.requestIfCovered(
        attempt,
        edit.activity(target),
        StaffAction.MANAGE_PHONES,
        target,
        command::refusal,
        Optional.of(
            command
                .number()
                .<RequestedChange>map(n -> new RequestedChange.SetPhone(command.type(), n))
                .orElseGet(() -> new RequestedChange.RemovePhone(command.type()))));
    PhoneChange change = workflow.change(target, attempt, edit);
    if (!change.previous().equals(change.current())) {
      AuditActivity activity =
          change.current().isEmpty()
              ? AuditActivity.DELETE_PHONE
              : change.previous().isPresent()
                  ? AuditActivity.UPDATE_PHONE
                  : AuditActivity.ADD_PHONE;
      workflow.notifyUser(
          new UserNotification(
              change.user(),
              activity,
              change.correlationId(),
              config.clock().instant(),
              managerId(),
              Optional.of(change.type()),
              activity == AuditActivity.ADD_PHONE ? Optional.empty() : change.previous()));
    }
    return change;
  }

  /**
   * {@link #setPhone(UserId, PhoneType, String)} as {@code request} says, with the caller's
   * verification if it carries one (see {@link #startVerification}).
   *
   * @throws InvalidInputException if the request is missing or invalid (nothing recorded)
   * @throws AccessDeniedException if the manager may not manage the user's phones, or the change
   *     needs a caller verification the request lacks ({@link DenyReason#VERIFICATION_REQUIRED},
   *     {@link DenyReason#VERIFICATION_TOO_WEAK}); after one DENIED event
   * @throws UnknownUserException if there is no such user
   * @throws StaleVersionException if concurrent writes kept winning (after one FAILED event)
   * @throws ProviderFailureException if a provider or the audit sink failed
   * @since 0.2.0
   */
  public PhoneChange setPhone(ChangeRequest.SetPhone request) {
    Call call = Call.open();
    try {
      checkSession();
      require(request, "request");
      return changePhone(
          PhoneCommand.set(
              request.user(),
              request.type(),
              request.rawNumber(),
              config.phoneParser(),
              config.settings().allowedPhoneNumberKinds()),
          request.verification());
    } finally {
      call.close();
    }
  }

  /**
   * {@link #removePhone(UserId, PhoneType)} as {@code request} says, with the caller's verification
   * if it carries one.
   *
   * @throws InvalidInputException if the request is missing (nothing recorded)
   * @throws AccessDeniedException if the manager may not manage the user's phones, or the change
   *     needs a caller verification the request lacks (after one DENIED event)
   * @throws PhoneMethodNotFoundException if the user has no phone method of the type
   * @throws UnknownUserException if there is no such user
   * @throws StaleVersionException if concurrent writes kept winning (after one FAILED event)
   * @throws ProviderFailureException if a provider or the audit sink failed
   * @since 0.2.0
   */
  public PhoneChange removePhone(ChangeRequest.RemovePhone request) {
    Call call = Call.open();
    try {
      checkSession();
      require(request, "request");
      return changePhone(
          PhoneCommand.remove(request.user(), request.type()), request.verification());
    } finally {
      call.close();
    }
  }

  /**
   * Starts verifying that the caller is {@code user}: the configured {@link
   * io.mystaff.spi.VerificationGate} issues a challenge (e.g. sends a one-time code to the user's
   * registered phone), which the caller answers through {@link #verify}. The manager must be
   * allowed to reset the user's password or manage their phones, so no one can make mystaff send
   * codes to users they do not manage. Takes a token of the manager's verification bucket ({@link
   * MyStaffSettings#verificationLimit()}). Audited as {@link AuditActivity#VERIFICATION_STARTED}:
   * SUCCEEDED with the challenge's expiry, DENIED, or FAILED if the gate could not issue it.
   *
   * @throws InvalidInputException if {@code user} is missing
   * @throws CapabilityNotSupportedException if no verification gate is configured
   * @throws UnknownUserException if there is no such user
   * @throws AccessDeniedException if the manager may change neither the user's password nor phones,
   *     or is rate-limited (after one DENIED event)
   * @throws ProviderFailureException if the gate or the audit sink failed
   * @since 0.2.0
   */
  public VerificationHandle startVerification(UserId user) {
    Call call = Call.open();
    try {
      checkSession();
      require(user, "target user");
      config.ensureOpen();
      VerificationGate gate = gate();
      User target = workflow.readTarget(user);
      Attempt attempt = workflow.begin();
      AuditActivity activity = AuditActivity.VERIFICATION_STARTED;
      workflow.throttle(
          attempt, activity, StaffAction.RESET_PASSWORD, target, config.verificationLimiter());
      Workflow.Facts facts = workflow.facts(attempt, activity, target);
      Workflow.Verdict reset =
          workflow.judge(facts, StaffAction.RESET_PASSWORD, target, t -> Optional.empty());
      Workflow.Verdict phones =
          workflow.judge(facts, StaffAction.MANAGE_PHONES, target, t -> Optional.empty());
      Decision.Permit permit =
          workflow.enforce(
              attempt,
              activity,
              target,
              reset.decision().isPermit() ? reset : phones.decision().isPermit() ? phones : reset);
      VerificationChallenge challenge;
      try {
        challenge = gate.start(target.id(), attempt.correlationId());
      } catch (RuntimeException e) {
        throw workflow.fail(
            attempt,
            activity,
            target,
            AuditTrail.PROVIDER_FAILURE,
            Map.of(),
            "verification gate",
            e);
      }
      config
          .trail()
          .recordEnd(
              workflow
                  .succeeded(attempt, activity, permit)
                  .target(Attempt.target(target, List.of()))
                  .additionalDetail("verificationLevel", gate.level().name())
                  .additionalDetail("challengeExpiresAt", challenge.expiresAt().toString())
                  .build());
      return new VerificationHandle(challenge, managerId(), attempt.correlationId());
    } finally {
      call.close();
    }
  }

  /**
   * Checks the caller's answer to a verification this manager started. The gate compares it in
   * constant time; mystaff never logs, records or keeps it. Takes a token of the manager's
   * verification bucket. Audited with the verification's own activity, carrying the start's
   * correlation id ({@code verificationCorrelationId}): {@link AuditActivity#VERIFICATION_PASSED}
   * (SUCCEEDED), {@link AuditActivity#VERIFICATION_EXPIRED} (FAILED, {@code EXPIRED}) or {@link
   * AuditActivity#VERIFICATION_FAILED} (FAILED, {@code WRONG_ANSWER}, {@code ATTEMPTS_EXHAUSTED} or
   * {@code UNKNOWN_CHALLENGE}).
   *
   * <p>A pass gives a {@link Verification} to pass with one reset or phone change of the user
   * ({@code verifiedBy}) within {@link Verification#VALIDITY}.
   *
   * @throws InvalidInputException if an argument is missing, the answer was destroyed, or the
   *     verification was started by another manager (nothing recorded)
   * @throws CapabilityNotSupportedException if no verification gate is configured
   * @throws UnknownUserException if the user no longer exists
   * @throws AccessDeniedException if the manager is rate-limited (after one DENIED event)
   * @throws ProviderFailureException if the gate or the audit sink failed
   * @since 0.2.0
   */
  public VerificationResult verify(VerificationHandle verification, Secret answer) {
    Call call = Call.open();
    try {
      checkSession();
      require(verification, "verification");
      require(answer, "answer");
      if (answer.isDestroyed()) {
        throw InvalidInputException.of("answer", "was destroyed before use", "answer.destroyed");
      }
      if (!verification.manager().equals(managerId())) {
        throw InvalidInputException.of(
            "verification", "was started by another manager", "verification.otherManager");
      }
      config.ensureOpen();
      VerificationGate gate = gate();
      User target = workflow.readTarget(verification.user());
      Attempt attempt = workflow.begin();
      workflow.throttle(
          attempt,
          AuditActivity.VERIFICATION_FAILED,
          StaffAction.RESET_PASSWORD,
          target,
          config.verificationLimiter());
      VerificationCheck check;
      try {
        check = gate.check(verification.challenge().id(), target.id(), answer);
      } catch (RuntimeException e) {
        throw workflow.fail(
            attempt,
            AuditActivity.VERIFICATION_FAILED,
            target,
            AuditTrail.PROVIDER_FAILURE,
            Map.of(),
            "verification gate",
            e);
      }
      AuditActivity activity =
          switch (check) {
            case PASSED -> AuditActivity.VERIFICATION_PASSED;
            case EXPIRED -> AuditActivity.VERIFICATION_EXPIRED;
            default -> AuditActivity.VERIFICATION_FAILED;
          };
      io.mystaff.api.audit.AuditEvent.Builder event =
          attempt
              .event(
                  activity,
                  check == VerificationCheck.PASSED
                      ? io.mystaff.api.audit.AuditOutcome.SUCCEEDED
                      : io.mystaff.api.audit.AuditOutcome.FAILED)
              .target(Attempt.target(target, List.of()))
              .additionalDetail("verificationCorrelationId", verification.correlationId().value());
      if (check == VerificationCheck.PASSED) {
        event.additionalDetail("verificationLevel", gate.level().name());
      } else {
        event.resultReason(check.name());
      }
      config.trail().recordEnd(event.build());
      if (check != VerificationCheck.PASSED) {
        return new VerificationResult(check, Optional.empty());
      }
      return new VerificationResult(
          check,
          Optional.of(
              new Verification(
                  verification.challenge().id(),
                  target.id(),
                  managerId(),
                  gate.level(),
                  config.clock().instant())));
    } finally {
      call.close();
    }
  }

  private VerificationGate gate() {
    return config
        .verificationGate()
        .orElseThrow(
            () ->
                new CapabilityNotSupportedException(
                    "verification gate", "no caller verification gate is configured"));
  }

  /**
   * The caller verification a change of {@code target} needs now: the elevated level for a
   * privileged-adjacent user (any role assignment, active or not; a role-assignable group; a
   * restricted management unit) or one whose channel changed within {@link
   * MyStaffSettings#recentChannelChange()}, else the ordinary level.
   */
  private VerificationLevel requiredLevel(Workflow.Facts facts, User target) {
    MyStaffSettings settings = config.settings();
    if (settings.elevatedVerificationLevel() == VerificationLevel.NONE) {
      return VerificationLevel.NONE;
    }
    TargetFacts t = facts.target();
    boolean privilegedAdjacent =
        !t.assignments().isEmpty() || t.roleAssignableGroupMember() || t.inRestrictedUnit();
    if (privilegedAdjacent || channelChangedRecently(target, facts.now())) {
      return settings.elevatedVerificationLevel();
    }
    return settings.verificationLevel();
  }

  private boolean channelChangedRecently(User target, Instant now) {
    Optional<VerificationGate> gate = config.verificationGate();
    if (gate.isEmpty()) {
      return false;
    }
    Optional<Instant> changed = gate.get().channelChangedAt(target.id());
    return changed.isPresent()
        && !changed.get().isBefore(now.minus(config.settings().recentChannelChange()));
  }

  /**
   * Why a permitted change of {@code target} still may not go ahead for want of caller
   * verification: the gate cannot reach the needed level, or {@code evidence} does not admit it.
   * Records and uses up nothing.
   */
  private Optional<DenyReason> verificationDenial(
      Workflow.Facts facts, User target, Optional<Verification> evidence) {
    VerificationLevel required = requiredLevel(facts, target);
    if (required == VerificationLevel.NONE) {
      return Optional.empty();
    }
    if (!gate().level().satisfies(required)) {
      return Optional.of(DenyReason.VERIFICATION_TOO_WEAK);
    }
    if (evidence.isEmpty()
        || !evidence.get().admits(target.id(), managerId(), required, facts.now())) {
      return Optional.of(DenyReason.VERIFICATION_REQUIRED);
    }
    return Optional.empty();
  }

  /**
   * Before a change: when the settings ask for caller verification, the engine's decision first
   * (its deny is recorded as usual), then the verification the change needs; a missing or too weak
   * one records the attempt's one DENIED event and throws. A verification that admits the change is
   * used up here.
   */
  private void requireVerification(
      Attempt attempt,
      AuditActivity activity,
      StaffAction action,
      User target,
      Optional<Verification> evidence) {
    if (config.settings().elevatedVerificationLevel() == VerificationLevel.NONE) {
      return;
    }
    Workflow.Facts facts = workflow.facts(attempt, activity, target);
    workflow.enforce(
        attempt, activity, target, workflow.judge(facts, action, target, t -> Optional.empty()));
    Optional<DenyReason> denial = verificationDenial(facts, target, evidence);
    if (denial.isEmpty()
        && requiredLevel(facts, target) != VerificationLevel.NONE
        && !evidence.orElseThrow().use()) {
      denial = Optional.of(DenyReason.VERIFICATION_REQUIRED); // a racing change used it first
    }
    if (denial.isPresent()) {
      throw config
          .trail()
          .recordEnding(
              attempt
                  .event(activity, io.mystaff.api.audit.AuditOutcome.DENIED)
                  .resultReason(denial.get().name())
                  .target(Attempt.target(target, List.of()))
                  .additionalDetail("verificationRequired", requiredLevel(facts, target).name())
                  .build(),
              new AccessDeniedException(action, target.id(), denial.get()));
    }
  }

  /** The manager's facts at this moment, after checking that the session is still usable. */
  private Standing standing() {
    config.ensureOpen();
    DirectoryFacts reader = DirectoryFacts.reading(config.directory());
    ActorFacts actor = reader.manager(managerId());
    Instant now = config.clock().instant();
    return new Standing(
        workflow.acting(reader, actor, now), reader, config.directory().roles(), config);
  }

  /**
   * What a listing or search is computed from: the manager's assignments and roles at one instant.
   */
  private record Standing(
      Acting acting, DirectoryFacts reader, RoleCatalog roles, Configuration config) {

    /**
     * Every user of a page with the engine's decision on every action (the same {@link
     * AuthorizationEngine#decide} call that authorizes the action), read in a fixed number of
     * directory calls; an action the providers cannot perform, or cannot perform on this user, is
     * denied for that reason first ({@link ActionAvailability}).
     */
    Page<StaffMember> members(Page<User> users) {
      Map<UserId, TargetFacts> targets = reader.targets(users.items());
      return users.map(
          user -> {
            TargetFacts target =
                requireNonNull(targets.get(user.id()), "targets() answers for every user");
            Map<StaffAction, Decision> decisions = new EnumMap<>(StaffAction.class);
            for (StaffAction action : StaffAction.values()) {
              decisions.put(
                  action,
                  ActionAvailability.decision(config, user, acting.decide(action, target, roles)));
            }
            return new StaffMember(UserSummary.of(user), decisions);
          });
    }

    /** Where the manager's roles grant {@code action}. */
    Set<Scope> scopesFor(StaffAction action) {
      return acting.scopesFor(action, roles);
    }

    /** The scopes at which the manager's roles grant some change. */
    Set<Scope> changeScopes() {
      Set<Scope> scopes = new LinkedHashSet<>();
      for (StaffAction a : CHANGES) {
        scopes.addAll(scopesFor(a));
      }
      return scopes;
    }
  }

  /**
   * The actions whose granting scopes reach the members of {@code unit}: a scope on the unit
   * itself, or the tenant, which does not reach restricted-management units for changes.
   */
  private static Set<StaffAction> actionsOn(
      AdministrativeUnit unit, Map<StaffAction, Set<Scope>> scopes) {
    Set<StaffAction> actions = EnumSet.noneOf(StaffAction.class);
    scopes.forEach(
        (action, granted) -> {
          boolean tenantReaches =
              granted.contains(Scope.tenant())
                  && (!action.isChange() || !unit.restrictedManagement());
          if (tenantReaches || granted.contains(Scope.unit(unit.id()))) {
            actions.add(action);
          }
        });
    return actions;
  }

  /** Refuses the call if the session expired or its sign-in grounds no longer hold. */
  private void checkSession() {
    guard.check(workflow);
  }

  private UserId managerId() {
    return workflow.manager().id();
  }

  private static void require(Object argument, String field) {
    if (argument == null) {
      throw InvalidInputException.of(field, "is required");
    }
  }

  @Override
  public String toString() {
    return "StaffSession{manager=" + managerId() + "}";
  }
}
