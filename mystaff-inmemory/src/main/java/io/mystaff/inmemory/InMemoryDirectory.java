package io.mystaff.inmemory;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.AssignmentId;
import io.mystaff.api.GroupId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.Page;
import io.mystaff.api.PageRequest;
import io.mystaff.api.Principal;
import io.mystaff.api.RoleId;
import io.mystaff.api.StaleVersionException;
import io.mystaff.api.UnitId;
import io.mystaff.api.UnknownUnitException;
import io.mystaff.api.UnknownUserException;
import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.RoleCatalog;
import io.mystaff.api.authz.RoleDefinition;
import io.mystaff.api.authz.Scope;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.directory.User;
import io.mystaff.api.password.Secret;
import io.mystaff.membership.MembershipRule;
import io.mystaff.membership.RuleIndex;
import io.mystaff.membership.RuleOutcome;
import io.mystaff.spi.CommitCondition;
import io.mystaff.spi.CursorCodec;
import io.mystaff.spi.Directory;
import io.mystaff.spi.DirectoryOrder;
import io.mystaff.spi.DirectoryWriter;
import io.mystaff.spi.SessionRevoker;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory reference {@link Directory} and {@link DirectoryWriter}: the embedded default
 * provider, and the first customer of the SPIs. Thread-safe; sized for a million users and ten
 * thousand units in a default-size heap.
 *
 * <p><b>Seeding and administration.</b> Besides the SPI, hosts, tests and demos shape the directory
 * with {@link #builder()} (which also loads JSON tenant fixtures, see {@link TenantJson}) and the
 * live mutators ({@link #putUser}, {@link #removeUser}, {@link #putUnit}, {@link #addMember},
 * {@link #addAssignment}, ...). Each mutator is atomic: bad input throws a typed {@link
 * io.mystaff.api.MyStaffException} and changes nothing.
 *
 * <p><b>Versions</b> come from one directory-wide counter: every write ({@link #putUser}, {@link
 * #setPhone}, {@link #setPassword}) stores the user at a version higher than every version this
 * directory has handed out before, and at least one above the version it was given. So a user's
 * version only grows, even across removal and re-creation.
 *
 * <p><b>Dynamic units</b> have as members exactly the users their {@link MembershipRule} matches,
 * kept current as users are put and removed and as units are put. Changing a dynamic unit to
 * assigned keeps its current members, now as assigned members; changing an assigned unit to dynamic
 * replaces its members by the rule's. A user for whom a rule is {@linkplain RuleOutcome#UNDECIDED
 * undecided} (its evaluation spent its step budget) is not a member (not listed, not in {@link
 * #unitsOf}) but is reported by {@link #undecidedUnitsOf}, so a restricted unit keeps protecting
 * the user; each unit's rule logs, once, at WARN, its id and how many users it could not decide
 * (never who they are). Rules are evaluated before the write lock is taken, against the users as
 * they are then, and the outcomes applied under the lock, where only users changed in between are
 * evaluated again: a rule over many users never stalls listings.
 *
 * <p><b>Listings</b> ({@link #members}, {@link #allUsers}, {@link #searchUsers}, {@link
 * #searchUnits}) are in {@link DirectoryOrder} and page with {@link CursorCodec} cursors (under a
 * key private to this instance) that carry the last item's sort key: a listing resumes exactly
 * after that key even when the directory changed in between, and a cursor altered or used for
 * another listing is rejected with {@link InvalidInputException}. A search term is the display
 * name, each whitespace-separated word of it, or (for users) the user principal name. A search page
 * is merged lazily in directory order from the entries whose display name starts with the query (a
 * range of the order) and the postings of the other matching terms ({@link TermIndex}), and stops
 * after the page: it costs a few steps per result, not per match, so a first name shared by
 * thousands of users costs about what a rare one does. A query whose terms are too many to gather
 * quickly (a single letter) is raced against a walk of the entries in order ({@link PrefixSearch}).
 *
 * <p><b>Passwords</b> are kept only as salted PBKDF2-HMAC-SHA256 hashes.
 *
 * <p><b>Consistency.</b> Every read reflects every write completed before it began. Listings are
 * snapshots: each page is computed against one consistent state of the indexes. Compare-and-set
 * writes are linearizable and store their audit event in the outbox in the same critical section as
 * the change.
 */
public final class InMemoryDirectory implements Directory, DirectoryWriter, SessionRevoker {
  /** The longest search query; the term index needs no longer distinguishing prefix. */
  private static final int MAX_QUERY_LENGTH = TermIndex.MAX_QUERY_LENGTH;

  /** The listing name of {@link #allUsers}; member listings are "members:", searches "users:". */
  private static final String ALL_USERS = "all-users";

  private static final Logger LOG = LoggerFactory.getLogger(InMemoryDirectory.class);

  /** The listing name of {@link #allUnits}. */
  private static final String ALL_UNITS = "all-units";

  private final StampedLock lock = new StampedLock();
  private final AtomicLong versions = new AtomicLong();
  private final SecureRandom random = new SecureRandom();
  private final CursorCodec cursors = CursorCodec.withRandomKey();
  private final Outbox outbox = new Outbox();
  private final int passwordHashIterations;
  private final PrefixSearch.Plan searchPlan;

  /** Users by id: lock-free reads, writes under the write lock. */
  private final RecordTable<UserId, UserRecord> users =
      new RecordTable<>(
          new RecordTable.Keys<>() {
            @Override
            public int hash(UserId id) {
              return id.hashCode();
            }

            @Override
            public UserId keyOf(UserRecord record) {
              return record.user.id();
            }

            @Override
            public boolean matches(UserId id, UserRecord record) {
              return id.equals(record.user.id());
            }
          });

  /** The users in directory order: lock-free reads, writes under the write lock. */
  private final SortedChunks<Listed, UserRecord> usersInOrder = SortedChunks.setOf(Listed.ORDER);

  private final TermIndex<UserRecord> userTerms = new TermIndex<>();

  /**
   * Users by principal name, ignoring case ({@link String#equalsIgnoreCase}, hashed {@linkplain
   * TermIndex#fold folded}): principal names are unique. Read and written under the write lock.
   */
  private final RecordTable<String, UserRecord> principalNames =
      new RecordTable<>(
          new RecordTable.Keys<>() {
            @Override
            public int hash(String principalName) {
              return TermIndex.fold(principalName).hashCode();
            }

            @Override
            public String keyOf(UserRecord record) {
              return record.user.userPrincipalName();
            }

            @Override
            public boolean matches(String principalName, UserRecord record) {
              return principalName.equalsIgnoreCase(record.user.userPrincipalName());
            }
          });

  /**
   * True while the builder seeds the directory: users enter {@link #userTerms} all at once at the
   * end ({@link TermIndex#addAll}) instead of one by one. Only the building thread reads it.
   */
  private boolean deferUserTerms;

  private final ConcurrentHashMap<UnitId, UnitRecord> units = new ConcurrentHashMap<>();

  /** The most attribute maps {@link #attributeMaps} holds. */
  private static final int ATTRIBUTE_MAPS_LIMIT = 4_096;

  /**
   * One instance of each of up to {@value #ATTRIBUTE_MAPS_LIMIT} distinct attribute maps, which
   * users stored with an equal map share (most users hold one attribute, a department, of a few
   * distinct values: a million equal maps cost 24 MB). Equal immutable maps behave identically, so
   * callers cannot tell. Guarded by the write lock.
   */
  private final Map<Map<String, String>, Map<String, String>> attributeMaps = new HashMap<>();

  /** The record of a unit that a user record names: such a unit always exists. */
  private UnitRecord unitRecord(UnitId unit) {
    UnitRecord record = units.get(unit);
    if (record == null) {
      throw new IllegalStateException("a user record names the unknown unit " + unit.value());
    }
    return record;
  }

  private final SortedChunks<Listed, UnitRecord> unitsInOrder = SortedChunks.setOf(Listed.ORDER);
  private final TermIndex<UnitRecord> unitTerms = new TermIndex<>();

  /** Guarded by the write lock. */
  private final Set<UnitRecord> dynamicUnits = new LinkedHashSet<>();

  /** An immutable copy of {@link #dynamicUnits}, for evaluation outside the write lock. */
  private volatile List<UnitRecord> dynamicSnapshot = List.of();

  /** Test hook: told each user whose rule outcome was computed outside the write lock. */
  volatile Consumer<UserId> unlockedEvaluationProbe = user -> {};

  private final ConcurrentHashMap<AssignmentId, RoleAssignment> assignments =
      new ConcurrentHashMap<>();

  /** By principal: a user's direct assignments, a group's assignments (held by its members). */
  private final ConcurrentHashMap<Principal, List<RoleAssignment>> assignmentsByPrincipal =
      new ConcurrentHashMap<>();

  /**
   * When each assignment was added (a counter), so that a user's effective ones keep that order.
   */
  private final ConcurrentHashMap<AssignmentId, Long> addedAt = new ConcurrentHashMap<>();

  private final AtomicLong additions = new AtomicLong();
  private final ConcurrentHashMap<RoleId, RoleDefinition> customRoles = new ConcurrentHashMap<>();
  private volatile RoleCatalog roleCatalog = RoleCatalog.builtIns();
  private final Set<UserId> roleAssignableGroupMembers = ConcurrentHashMap.newKeySet();

  /** An empty directory. */
  private InMemoryDirectory(int passwordHashIterations, PrefixSearch.Plan searchPlan) {
    this.passwordHashIterations = passwordHashIterations;
    this.searchPlan = searchPlan;
  }

  /** A builder for a directory seeded with users, units, members, roles and assignments. */
  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------------------------------------
  // Directory

  @Override
  public Optional<User> findUser(UserId id) {
    requireNonNull(id, "id");
    UserRecord record = users.get(id);
    return record == null ? Optional.empty() : Optional.of(record.user);
  }

  @Override
  public Optional<AdministrativeUnit> findUnit(UnitId id) {
    requireNonNull(id, "id");
    UnitRecord record = units.get(id);
    return record == null ? Optional.empty() : Optional.of(record.unit);
  }

  @Override
  public Set<UnitId> unitsOf(UserId user) {
    requireNonNull(user, "user");
    UserRecord record = users.get(user);
    return record == null ? Set.of() : record.units;
  }

  @Override
  public Set<UnitId> undecidedUnitsOf(UserId user) {
    requireNonNull(user, "user");
    UserRecord record = users.get(user);
    return record == null ? Set.of() : record.undecidedUnits();
  }

  /**
   * {@inheritDoc}
   *
   * @throws InvalidInputException if the cursor was not issued for this unit's members
   */
  @Override
  public Page<User> members(UnitId unit, PageRequest page) {
    requireNonNull(unit, "unit");
    requireNonNull(page, "page");
    String listing = "members:" + unit.value();
    return read(
        () -> {
          UnitRecord record = units.get(unit);
          if (record == null) {
            throw new UnknownUnitException(unit);
          }
          Optional<Listed> after = afterUser(listing, page);
          Iterator<UserRecord> from =
              after.isEmpty() ? record.members.walk() : record.members.walk(after.get(), false);
          return cursors.page(listing, map(from, r -> r.user), page.size(), DirectoryOrder::keyOf);
        });
  }

  /**
   * {@inheritDoc}
   *
   * <p>Pages like {@link #members}: the cursor carries the last user's sort key, so a walk resumes
   * exactly after it even if users were added, renamed or removed in between.
   *
   * @throws InvalidInputException if the cursor was not issued for this listing
   */
  @Override
  public Page<User> allUsers(PageRequest page) {
    requireNonNull(page, "page");
    return read(
        () -> {
          Optional<Listed> after = afterUser(ALL_USERS, page);
          Iterator<UserRecord> from =
              after.isEmpty() ? usersInOrder.walk() : usersInOrder.walk(after.get(), false);
          return cursors.page(
              ALL_USERS, map(from, r -> r.user), page.size(), DirectoryOrder::keyOf);
        });
  }

  /**
   * {@inheritDoc}
   *
   * @throws InvalidInputException if the query is empty or longer than 256 characters, or the
   *     cursor was not issued for this query
   */
  @Override
  public Page<User> searchUsers(String query, PageRequest page) {
    requireQuery(query);
    requireNonNull(page, "page");
    String listing = "users:" + query;
    return read(
        () -> {
          Optional<Listed> after = afterUser(listing, page);
          Iterator<UserRecord> matches =
              search(
                  userTerms,
                  usersInOrder,
                  query,
                  after,
                  page.size(),
                  r -> userMatches(r.user, query),
                  r -> true);
          return cursors.page(
              listing, map(matches, r -> r.user), page.size(), DirectoryOrder::keyOf);
        });
  }

  /**
   * {@inheritDoc}
   *
   * @throws InvalidInputException if the query is empty or longer than 256 characters, or the
   *     cursor was not issued for this query
   */
  @Override
  public Page<AdministrativeUnit> searchUnits(String query, PageRequest page) {
    requireQuery(query);
    requireNonNull(page, "page");
    String listing = "units:" + query;
    return read(
        () -> {
          Optional<Listed> after = afterUnit(listing, page);
          Iterator<UnitRecord> matches =
              search(
                  unitTerms,
                  unitsInOrder,
                  query,
                  after,
                  page.size(),
                  r -> TermIndex.nameMatches(r.unit.displayName(), query),
                  r -> true);
          return cursors.page(
              listing, map(matches, r -> r.unit), page.size(), DirectoryOrder::keyOf);
        });
  }

  /**
   * {@inheritDoc}
   *
   * <p>Costs like {@link #searchUsers}: the unit's members whose display name starts with the query
   * merged with the matching terms' postings (kept if they are members), raced against a walk of
   * the unit's members in order.
   *
   * @throws InvalidInputException if the query is empty or longer than 256 characters, or the
   *     cursor was not issued for this unit and query
   */
  @Override
  public Page<User> searchMembers(UnitId unit, String query, PageRequest page) {
    requireNonNull(unit, "unit");
    requireQuery(query);
    requireNonNull(page, "page");
    String listing = "members:" + unit.value() + ":" + query;
    return read(
        () -> {
          UnitRecord record = units.get(unit);
          if (record == null) {
            throw new UnknownUnitException(unit);
          }
          Optional<Listed> after = afterUser(listing, page);
          Iterator<UserRecord> matches =
              search(
                  userTerms,
                  record.members,
                  query,
                  after,
                  page.size(),
                  r -> userMatches(r.user, query),
                  r -> r.units.contains(unit));
          return cursors.page(
              listing, map(matches, r -> r.user), page.size(), DirectoryOrder::keyOf);
        });
  }

  /**
   * {@inheritDoc}
   *
   * <p>Pages like {@link #members}.
   *
   * @throws InvalidInputException if the cursor was not issued for this listing
   */
  @Override
  public Page<AdministrativeUnit> allUnits(PageRequest page) {
    requireNonNull(page, "page");
    return read(
        () -> {
          Optional<Listed> after = afterUnit(ALL_UNITS, page);
          Iterator<UnitRecord> from =
              after.isEmpty() ? unitsInOrder.walk() : unitsInOrder.walk(after.get(), false);
          return cursors.page(
              ALL_UNITS, map(from, r -> r.unit), page.size(), DirectoryOrder::keyOf);
        });
  }

  /**
   * {@inheritDoc}
   *
   * <p>The user's direct assignments and those of each group in the user's {@link User#groups()},
   * in the order they were added to this directory.
   */
  @Override
  public List<RoleAssignment> assignmentsOf(UserId principal) {
    requireNonNull(principal, "principal");
    return read(
        () -> {
          List<RoleAssignment> direct = assignmentsByPrincipal.getOrDefault(principal, List.of());
          UserRecord record = users.get(principal);
          if (record == null || record.user.groups().isEmpty()) {
            return direct;
          }
          List<RoleAssignment> effective = new ArrayList<>(direct);
          for (GroupId group : record.user.groups()) {
            effective.addAll(assignmentsByPrincipal.getOrDefault(group, List.of()));
          }
          if (effective.size() == direct.size()) {
            return direct;
          }
          effective.sort(
              Comparator.comparingLong(a -> addedAt.getOrDefault(a.id(), Long.MAX_VALUE)));
          return List.copyOf(effective);
        });
  }

  @Override
  public RoleCatalog roles() {
    return roleCatalog;
  }

  /**
   * {@inheritDoc}
   *
   * <p>True for users marked with {@link #setRoleAssignableGroupMember} and for members of any
   * group that holds a role assignment (a group that holds one is role-assignable), whatever the
   * assignment's window or kind.
   */
  @Override
  public boolean isRoleAssignableGroupMember(UserId user) {
    requireNonNull(user, "user");
    if (roleAssignableGroupMembers.contains(user)) {
      return true;
    }
    UserRecord record = users.get(user);
    if (record == null) {
      return false;
    }
    for (GroupId group : record.user.groups()) {
      if (assignmentsByPrincipal.containsKey(group)) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------
  // DirectoryWriter

  /**
   * {@inheritDoc}
   *
   * @throws InvalidInputException if an event with the same id is already pending in the outbox
   */
  @Override
  public User setPhone(
      UserId user,
      long expectedVersion,
      PhoneType type,
      Optional<PhoneNumber> number,
      AuditEvent event,
      CommitCondition condition) {
    requireNonNull(type, "type");
    requireNonNull(number, "number");
    return compareAndSet(
        user,
        expectedVersion,
        event,
        condition,
        record -> {},
        current -> current.toBuilder().phone(type, number));
  }

  /**
   * {@inheritDoc}
   *
   * <p>The password is stored as a salted PBKDF2 hash (see {@link #verifyPassword}); the secret is
   * read once and not retained.
   *
   * @throws InvalidInputException if the user is synced from on-premises (their password is written
   *     back, not set here), or an event with the same id is already pending
   */
  @Override
  public User setPassword(
      UserId user,
      long expectedVersion,
      Secret password,
      boolean forceChangeNextSignIn,
      AuditEvent event,
      CommitCondition condition) {
    requireNonNull(password, "password");
    requireNonNull(event, "event");
    requireNonNull(condition, "condition");
    // Fail fast, before paying for the hash; compareAndSet checks again atomically.
    User current = requireRecord(user).user;
    checkVersion(current, expectedVersion);
    requireCloudOnly(current);
    PasswordHash hash = PasswordHash.of(password, passwordHashIterations, random);
    return compareAndSet(
        user,
        expectedVersion,
        event,
        condition,
        record -> record.password(hash),
        u -> {
          requireCloudOnly(u);
          return u.toBuilder().forceChangePasswordNextSignIn(forceChangeNextSignIn);
        });
  }

  /**
   * This directory revokes sessions itself.
   *
   * @since 0.2.0
   */
  @Override
  public Optional<SessionRevoker> sessionRevoker() {
    return Optional.of(this);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Records the instant on the user, as Entra's {@code signInSessionsValidFromDateTime}; see
   * {@link #sessionsValidFrom}.
   *
   * @throws InvalidInputException if an event with the same id is already pending in the outbox
   * @since 0.2.0
   */
  @Override
  public User revokeSessions(
      UserId user,
      long expectedVersion,
      Instant validFrom,
      AuditEvent event,
      CommitCondition condition) {
    requireNonNull(validFrom, "validFrom");
    // Committed with the user's new version under the record's monitor; the instant only ever
    // moves forward, so concurrent revocations keep the latest.
    return compareAndSet(
        user,
        expectedVersion,
        event,
        condition,
        record -> {
          Instant before = record.sessionsValidFrom();
          if (before == null || validFrom.isAfter(before)) {
            record.sessionsValidFrom(validFrom);
          }
        },
        User::toBuilder);
  }

  /**
   * {@inheritDoc}
   *
   * @since 0.2.0
   */
  @Override
  public Optional<Instant> sessionsValidFrom(UserId user) {
    requireNonNull(user, "user");
    UserRecord record = users.get(user);
    return record == null ? Optional.empty() : Optional.ofNullable(record.sessionsValidFrom());
  }

  @Override
  public void appendAuditEvent(AuditEvent event) {
    requireNonNull(event, "event");
    outbox.offer(event);
  }

  /**
   * {@inheritDoc}
   *
   * @throws InvalidInputException if {@code max} is negative
   */
  @Override
  public List<AuditEvent> pendingAuditEvents(int max) {
    if (max < 0) {
      throw InvalidInputException.of("max", "must not be negative");
    }
    return outbox.oldest(max);
  }

  @Override
  public void acknowledgeAuditEvents(Collection<String> eventIds) {
    requireNonNull(eventIds, "eventIds");
    outbox.acknowledge(eventIds);
  }

  // ---------------------------------------------------------------------------------------------
  // Administration

  /**
   * Creates the user, or replaces the user with the same id (keeping the password), and returns it
   * as stored: at a version above every version handed out so far and above {@code user.version()}.
   * Updates the dynamic units the user enters or leaves.
   *
   * @throws InvalidInputException if another user has the same user principal name
   *     (case-insensitively), or {@code user.version()} is {@link Long#MAX_VALUE}
   */
  public User putUser(User user) {
    return putUser(user, false);
  }

  /**
   * {@link #putUser} that, when {@code seeding}, stores the user at exactly {@code user.version()}
   * (the builder seeds a directory with the versions its contents were given) and keeps the
   * directory-wide counter at or above it.
   */
  private User putUser(User user, boolean seeding) {
    requireNonNull(user, "user");
    if (user.version() == Long.MAX_VALUE) {
      throw InvalidInputException.of("version", "must be less than " + Long.MAX_VALUE);
    }
    Map<UnitRecord, Evaluated> evaluated = evaluateUnlocked(user);
    return write(
        () -> {
          UserRecord other = principalNames.get(user.userPrincipalName());
          if (other != null && !other.user.id().equals(user.id())) {
            throw InvalidInputException.of(
                "user principal name", "is already used by user " + other.user.id());
          }
          UserRecord record = users.get(user.id());
          User given = withSharedAttributes(user);
          if (record == null) {
            User stored =
                seeding
                    ? seeded(given)
                    : given.toBuilder().version(nextVersion(user.version())).build();
            create(stored, evaluated);
            return stored;
          }
          synchronized (record) {
            User stored = given.toBuilder().version(nextVersion(user.version())).build();
            replace(record, stored, evaluated);
            return stored;
          }
        });
  }

  /**
   * {@code user}, or an equal copy holding the instance of its attribute map that {@link
   * #attributeMaps} holds; a map not held yet is added while there is room. Under the write lock.
   */
  // Identity is the point: a user already holding the shared instance needs no copy.
  @SuppressWarnings("ReferenceEquality")
  private User withSharedAttributes(User user) {
    Map<String, String> attributes = user.attributes();
    if (attributes.isEmpty()) {
      return user;
    }
    Map<String, String> shared = attributeMaps.get(attributes);
    if (shared == null) {
      if (attributeMaps.size() < ATTRIBUTE_MAPS_LIMIT) {
        attributeMaps.put(attributes, attributes);
      }
      return user;
    }
    return shared == attributes ? user : user.toBuilder().attributes(shared).build();
  }

  /**
   * Removes the user with their memberships, role assignments and password.
   *
   * @return false if there was no such user (nothing changed)
   */
  public boolean removeUser(UserId id) {
    requireNonNull(id, "id");
    return write(
        () -> {
          UserRecord record = users.remove(id);
          if (record == null) {
            return false;
          }
          unindex(record);
          for (UnitId unit : record.units) {
            unitRecord(unit).members.remove(record);
          }
          record.units = Set.of();
          for (UnitId unit : record.undecidedUnits()) {
            unitRecord(unit).undecided.remove(record);
          }
          record.undecidedUnits(Set.of());
          removeAssignmentsWhere(a -> a.principal().equals(id));
          roleAssignableGroupMembers.remove(id);
          return true;
        });
  }

  /**
   * Creates or replaces the unit. A dynamic unit's rule is parsed first, and its members become the
   * users it matches (unless it was already dynamic with an equal rule); see the class
   * documentation for changes of membership type. A unit's restricted-management flag is fixed when
   * the unit is created, as in Entra: to change it, {@link #removeUnit remove} the unit and create
   * it again (its members and the assignments scoped to it go with it).
   *
   * @throws InvalidInputException if the unit is dynamic and its rule is not a valid membership
   *     rule, or the unit exists with the other restricted-management flag (nothing changed)
   */
  public void putUnit(AdministrativeUnit unit) {
    requireNonNull(unit, "unit");
    Optional<MembershipRule> rule = unit.membershipRule().map(MembershipRule::parse);
    UnitRecord existing = units.get(unit.id());
    Map<UserRecord, Evaluated> evaluated =
        rule.isEmpty() || (existing != null && rule.equals(existing.rule))
            ? Map.of()
            : evaluateUnlocked(rule.get());
    write(
        () -> {
          UnitRecord record = units.get(unit.id());
          if (record == null) {
            record = new UnitRecord(unit, rule);
            unitsInOrder.add(record);
            unitTerms.add(record, List.of());
            units.put(unit.id(), record);
            if (rule.isPresent()) {
              addDynamic(record);
              applyAll(record, rule.get(), evaluated);
            }
            return null;
          }
          AdministrativeUnit old = record.unit;
          if (old.restrictedManagement() != unit.restrictedManagement()) {
            throw InvalidInputException.of(
                "restrictedManagement",
                "is fixed when the unit is created; remove the unit and create it again to change it");
          }
          boolean renamed = !old.displayName().equals(unit.displayName());
          if (renamed) {
            unitsInOrder.remove(record);
            unitTerms.remove(record, List.of());
          }
          record.unit = unit;
          if (renamed) {
            unitsInOrder.add(record);
            unitTerms.add(record, List.of());
          }
          Optional<MembershipRule> oldRule = record.rule;
          record.rule = rule;
          if (rule.isEmpty()) {
            removeDynamic(record);
            clearUndecided(record);
          } else if (!rule.equals(oldRule)) {
            addDynamic(record);
            applyAll(record, rule.get(), evaluated);
          }
          return null;
        });
  }

  /**
   * Removes the unit, its memberships and the role assignments scoped to it.
   *
   * @return false if there was no such unit (nothing changed)
   */
  public boolean removeUnit(UnitId id) {
    requireNonNull(id, "id");
    return write(
        () -> {
          UnitRecord record = units.remove(id);
          if (record == null) {
            return false;
          }
          unitsInOrder.remove(record);
          unitTerms.remove(record, List.of());
          removeDynamic(record);
          clearUndecided(record);
          for (Iterator<UserRecord> members = record.members.walk(); members.hasNext(); ) {
            UserRecord member = members.next();
            member.units = without(member.units, id);
          }
          removeAssignmentsWhere(a -> a.scope().equals(Scope.unit(id)));
          return true;
        });
  }

  /**
   * Makes the user a member of the assigned unit.
   *
   * @return false if the user already was a member (nothing changed)
   * @throws UnknownUnitException if there is no such unit
   * @throws UnknownUserException if there is no such user
   * @throws InvalidInputException if the unit is dynamic (its rule decides its members)
   */
  public boolean addMember(UnitId unit, UserId user) {
    requireNonNull(unit, "unit");
    requireNonNull(user, "user");
    return write(
        () -> {
          UnitRecord record = assignedUnit(unit);
          UserRecord member = requireRecord(user);
          if (record.members.add(member) != null) {
            return false;
          }
          member.units = with(member.units, record);
          return true;
        });
  }

  /**
   * Removes the user from the assigned unit.
   *
   * @return false if the user was not a member (nothing changed)
   * @throws UnknownUnitException if there is no such unit
   * @throws InvalidInputException if the unit is dynamic (its rule decides its members)
   */
  public boolean removeMember(UnitId unit, UserId user) {
    requireNonNull(unit, "unit");
    requireNonNull(user, "user");
    return write(
        () -> {
          UnitRecord record = assignedUnit(unit);
          UserRecord member = users.get(user);
          if (member == null || record.members.remove(member) == null) {
            return false;
          }
          member.units = without(member.units, unit);
          return true;
        });
  }

  /**
   * Adds a role assignment. Its principal is a user of this directory, or a group: the group's
   * members (the users listing it in {@link User#groups()}) hold the role through it, and are
   * members of a role-assignable group from then on.
   *
   * @throws UnknownUserException if the principal is a user this directory does not have
   * @throws UnknownUnitException if it is scoped to a unit this directory does not have
   * @throws InvalidInputException if its role is neither built in nor a custom role of this
   *     directory, it is scoped to a unit but its role may not be ({@link
   *     RoleDefinition#isAssignableAtUnitScope()}), or its id is already used
   */
  public void addAssignment(RoleAssignment assignment) {
    requireNonNull(assignment, "assignment");
    write(
        () -> {
          if (assignment.principal() instanceof UserId user) {
            requireRecord(user);
          }
          Optional<RoleDefinition> role = roleCatalog.find(assignment.role());
          if (role.isEmpty()) {
            throw InvalidInputException.of(
                "role assignment",
                "role "
                    + assignment.role()
                    + " is neither built in nor a custom role of this directory");
          }
          if (assignment.scope() instanceof Scope.Unit && !role.get().isAssignableAtUnitScope()) {
            throw InvalidInputException.of(
                "role assignment",
                "role " + assignment.role() + " cannot be assigned at administrative-unit scope");
          }
          if (assignment.scope() instanceof Scope.Unit scope && !units.containsKey(scope.unit())) {
            throw new UnknownUnitException(scope.unit());
          }
          if (assignments.containsKey(assignment.id())) {
            throw InvalidInputException.of(
                "role assignment id", assignment.id() + " is already used");
          }
          RoleAssignment stored = sharingIds(assignment);
          assignments.put(stored.id(), stored);
          addedAt.put(stored.id(), additions.incrementAndGet());
          assignmentsByPrincipal.merge(
              stored.principal(), List.of(stored), InMemoryDirectory::concat);
          return null;
        });
  }

  /**
   * {@code assignment}, or an equal copy holding this directory's own instances of its user's id
   * and of its unit's scope: a tenant's assignments would otherwise each hold their own copies of
   * ids the directory holds anyway (100,000 assignments hold 16 MB of them on the benchmark
   * tenant). Under the write lock.
   */
  // Identity is the point: only an assignment holding other instances needs a copy.
  @SuppressWarnings("ReferenceEquality")
  private RoleAssignment sharingIds(RoleAssignment assignment) {
    Principal principal = assignment.principal();
    if (principal instanceof UserId user) {
      UserRecord record = users.get(user);
      if (record != null) {
        principal = record.user.id();
      }
    }
    Scope scope = assignment.scope();
    if (scope instanceof Scope.Unit unit) {
      UnitRecord record = units.get(unit.unit());
      if (record != null) {
        scope = record.scope;
      }
    }
    if (principal == assignment.principal() && scope == assignment.scope()) {
      return assignment;
    }
    return new RoleAssignment(
        assignment.id(),
        principal,
        assignment.role(),
        scope,
        assignment.start(),
        assignment.end(),
        assignment.kind());
  }

  /**
   * Removes a role assignment.
   *
   * @return false if there was no such assignment (nothing changed)
   */
  public boolean removeAssignment(AssignmentId id) {
    requireNonNull(id, "id");
    return write(() -> removeAssignmentsWhere(a -> a.id().equals(id)) > 0);
  }

  /**
   * Adds or replaces a custom role definition.
   *
   * @throws InvalidInputException if the definition is a built-in role, or it would leave an
   *     assignment scoped to a unit with a role that may not be assigned there
   */
  public void putCustomRole(RoleDefinition role) {
    requireNonNull(role, "role");
    if (role.isBuiltIn()) {
      throw InvalidInputException.of(
          "custom role", "built-in role " + role.displayName() + " cannot be redefined");
    }
    write(
        () -> {
          if (!role.isAssignableAtUnitScope()) {
            for (RoleAssignment a : assignments.values()) {
              if (a.role().equals(role.id()) && a.scope() instanceof Scope.Unit) {
                throw InvalidInputException.of(
                    "custom role",
                    "role "
                        + role.id()
                        + " is assigned at administrative-unit scope, so it needs a user, group or device permission");
              }
            }
          }
          customRoles.put(role.id(), role);
          roleCatalog = RoleCatalog.of(List.copyOf(customRoles.values()));
          return null;
        });
  }

  /**
   * Records whether the user is a member or owner of a role-assignable group.
   *
   * @throws UnknownUserException if there is no such user
   */
  public void setRoleAssignableGroupMember(UserId user, boolean member) {
    requireNonNull(user, "user");
    write(
        () -> {
          requireRecord(user);
          if (member) {
            roleAssignableGroupMembers.add(user);
          } else {
            roleAssignableGroupMembers.remove(user);
          }
          return null;
        });
  }

  /**
   * Whether {@code candidate} is the password last set through {@link #setPassword}; false if none
   * was set. For demos and tests.
   *
   * @throws UnknownUserException if there is no such user
   */
  public boolean verifyPassword(UserId user, Secret candidate) {
    requireNonNull(candidate, "candidate");
    PasswordHash hash = requireRecord(user).password();
    return hash != null && hash.matches(candidate);
  }

  /** The number of users. */
  public int userCount() {
    return users.size();
  }

  @Override
  public String toString() {
    return "InMemoryDirectory{" + users.size() + " users, " + units.size() + " units}";
  }

  /** The stored password hash, for tests that prove the password itself is not stored. */
  Optional<PasswordHash> passwordHashOf(UserId user) {
    return Optional.ofNullable(requireRecord(user).password());
  }

  // ---------------------------------------------------------------------------------------------
  // Internals

  /**
   * Applies {@code change} to the user if still at {@code expectedVersion} and {@code condition}
   * holds, storing {@code event} in the outbox in the same critical section; {@code password}, if
   * not null, becomes the user's password hash.
   *
   * <p>The critical section holds the directory's read lock, which excludes every structural write
   * (users put or removed, units, memberships, role assignments, custom roles, role-assignable
   * groups: all take the write lock), and the user's monitor, which excludes other writes to this
   * user. So the facts {@code condition} reads cannot change until the commit. Compare-and-set
   * writes of different users still run in parallel.
   */
  private User compareAndSet(
      UserId user,
      long expectedVersion,
      AuditEvent event,
      CommitCondition condition,
      Consumer<UserRecord> alsoCommit,
      Function<User, User.Builder> change) {
    requireNonNull(event, "event");
    requireNonNull(condition, "condition");
    long stamp = lock.readLock();
    try {
      UserRecord record = requireRecord(user);
      synchronized (record) {
        User current = record.user;
        checkVersion(current, expectedVersion);
        User.Builder changed = change.apply(current);
        if (outbox.isPending(event.id())) {
          throw InvalidInputException.of("audit event id", "is already pending in the outbox");
        }
        condition.verify(this);
        User next = changed.version(nextVersion(current.version())).build();
        // Nothing below can fail: the change and its event are committed together.
        outbox.offer(event);
        record.user = next;
        alsoCommit.accept(record);
        return next;
      }
    } finally {
      lock.unlockRead(stamp);
    }
  }

  /** Adds a new user (already at its stored version) to every index. */
  // Identity is the point: an evaluation holds only for the very rule and user instances it read.
  @SuppressWarnings("ReferenceEquality")
  private void create(User user, Map<UnitRecord, Evaluated> evaluated) {
    UserRecord record = new UserRecord(user);
    for (UnitRecord unit : dynamicUnits) {
      MembershipRule rule = unit.rule.orElseThrow();
      Evaluated e = evaluated.get(unit);
      RuleOutcome outcome = e != null && e.rule() == rule ? e.outcome() : rule.evaluate(user);
      setMembership(unit, record, outcome);
      logUndecided(unit, rule, outcome == RuleOutcome.UNDECIDED ? 1 : 0);
    }
    index(record);
    users.put(user.id(), record);
  }

  /** Replaces a user's state; the caller holds the write lock and the record's monitor. */
  // Identity is the point: an evaluation holds only for the very rule and user instances it read.
  @SuppressWarnings("ReferenceEquality")
  private void replace(UserRecord record, User stored, Map<UnitRecord, Evaluated> evaluated) {
    User old = record.user;
    boolean rekeyed =
        !old.displayName().equals(stored.displayName())
            || !old.userPrincipalName().equals(stored.userPrincipalName());
    if (rekeyed) {
      unindex(record);
      for (UnitId unit : record.units) {
        unitRecord(unit).members.remove(record);
      }
    }
    record.user = stored;
    if (rekeyed) {
      index(record);
      for (UnitId unit : record.units) {
        unitRecord(unit).members.add(record);
      }
    }
    Set<String> changed = changedProperties(old, stored);
    for (UnitRecord unit : dynamicUnits) {
      MembershipRule rule = unit.rule.orElseThrow();
      if (!Collections.disjoint(rule.referencedProperties(), changed)) {
        Evaluated e = evaluated.get(unit);
        RuleOutcome outcome = e != null && e.rule() == rule ? e.outcome() : rule.evaluate(stored);
        setMembership(unit, record, outcome);
        logUndecided(unit, rule, outcome == RuleOutcome.UNDECIDED ? 1 : 0);
      }
    }
  }

  /** A rule's outcome for a user, computed outside the write lock. */
  private record Evaluated(MembershipRule rule, User user, RuleOutcome outcome) {}

  /**
   * The outcomes of the dynamic units' rules for {@code user}, computed without the write lock
   * (only for rules that read a property that changed, if the user exists). Valid under the lock
   * for every unit whose rule is still the same instance: rules do not read the version.
   */
  private Map<UnitRecord, Evaluated> evaluateUnlocked(User user) {
    UserRecord current = users.get(user.id());
    Set<String> changed = current == null ? null : changedProperties(current.user, user);
    Map<UnitRecord, Evaluated> out = new HashMap<>();
    for (UnitRecord unit : dynamicSnapshot) {
      Optional<MembershipRule> rule = unit.rule;
      if (rule.isPresent()
          && (changed == null
              || !Collections.disjoint(rule.get().referencedProperties(), changed))) {
        out.put(unit, new Evaluated(rule.get(), user, rule.get().evaluate(user)));
      }
    }
    return out;
  }

  /**
   * The outcomes of {@code rule} for every user, computed without the write lock against each user
   * as read then; valid under the lock for every user whose state is still that instance.
   */
  private Map<UserRecord, Evaluated> evaluateUnlocked(MembershipRule rule) {
    IdentityHashMap<UserRecord, Evaluated> out = new IdentityHashMap<>();
    for (UserRecord record : users) {
      User user = record.user;
      out.put(record, new Evaluated(rule, user, rule.evaluate(user)));
      unlockedEvaluationProbe.accept(user.id());
    }
    return out;
  }

  /**
   * Makes the unit's members exactly the users its rule matches, from the outcomes computed outside
   * the lock; users created or changed since are evaluated now.
   */
  // Identity is the point: an evaluation holds only for the very rule and user instances it read.
  @SuppressWarnings("ReferenceEquality")
  private void applyAll(
      UnitRecord unit, MembershipRule rule, Map<UserRecord, Evaluated> evaluated) {
    int undecided = 0;
    for (UserRecord record : users) {
      Evaluated e = evaluated.get(record);
      User user = record.user;
      RuleOutcome outcome =
          e != null && e.rule() == rule && e.user() == user ? e.outcome() : rule.evaluate(user);
      setMembership(unit, record, outcome);
      if (outcome == RuleOutcome.UNDECIDED) {
        undecided++;
      }
    }
    logUndecided(unit, rule, undecided);
  }

  /**
   * Puts the user in or out of the unit, in both directions of the index; an undecided outcome puts
   * the user out of the members and into the unit's undecided users.
   */
  private void setMembership(UnitRecord unit, UserRecord record, RuleOutcome outcome) {
    UnitId id = unit.unit.id();
    boolean member = outcome == RuleOutcome.MATCH;
    boolean is = record.units.contains(id);
    if (member && !is) {
      unit.members.add(record);
      record.units = with(record.units, unit);
    } else if (!member && is) {
      unit.members.remove(record);
      record.units = without(record.units, id);
    }
    boolean undecided = outcome == RuleOutcome.UNDECIDED;
    boolean was = record.undecidedUnits().contains(id);
    if (undecided && !was) {
      unit.undecided.add(record);
      record.undecidedUnits(with(record.undecidedUnits(), id));
    } else if (!undecided && was) {
      unit.undecided.remove(record);
      record.undecidedUnits(without(record.undecidedUnits(), id));
    }
  }

  /** Forgets the unit's undecided users (it is no longer dynamic, or is gone). */
  private static void clearUndecided(UnitRecord unit) {
    UnitId id = unit.unit.id();
    for (UserRecord record : unit.undecided) {
      record.undecidedUnits(without(record.undecidedUnits(), id));
    }
    unit.undecided.clear();
  }

  /** Logs, once per unit and rule, that the rule could not be decided; names no user. */
  // Identity is the point: the unit logs once per rule instance it was given.
  @SuppressWarnings("ReferenceEquality")
  private static void logUndecided(UnitRecord unit, MembershipRule rule, int users) {
    if (users > 0 && unit.loggedUndecided != rule) {
      unit.loggedUndecided = rule;
      LOG.warn(
          "Dynamic unit {}: its membership rule spent its step budget before deciding for {}"
              + " user(s); they are not members, and stay protected if the unit is restricted",
          unit.unit.id(),
          users);
    }
  }

  /**
   * Adds {@code given} users (in that order, as {@link #putUser} would at their own versions) and
   * the assigned {@code memberships} (as {@link #addMember} would, in that order) to this
   * directory, which has its units but no user yet, all at once: the builder's bulk load. Fails,
   * changing nothing the caller keeps, with the exception the first failing {@code putUser} or
   * {@code addMember} would throw. The user terms are left to the caller ({@link #deferUserTerms}).
   *
   * <p>Instead of inserting each user and membership into the ordered lists one at a time in random
   * order (a search for every insertion, its comparisons following pointers all over the heap, and
   * a chunk copied for each), the builder sorts the users once ({@link ListedSort}) and fills the
   * directory order from the sorted run before seeding; here each user's units are gathered first,
   * and every unit's member list filled at once from its members in directory order ({@link
   * SortedChunks#addAllInOrder}), without a comparison. Each user is matched only against the
   * dynamic units' rules that can match it ({@link RuleIndex}).
   *
   * @param given the users' new records, in the order given to the builder
   * @param inOrder the same records in directory order (already in {@link #usersInOrder})
   */
  private void seed(
      UserRecord[] given, UserRecord[] inOrder, List<Map.Entry<UnitId, UserId>> memberships) {
    write(
        () -> {
          for (UserRecord record : given) {
            User user = record.user;
            if (user.version() == Long.MAX_VALUE) {
              throw InvalidInputException.of("version", "must be less than " + Long.MAX_VALUE);
            }
            String principalName = user.userPrincipalName();
            UserRecord other = principalNames.get(principalName);
            if (other != null) {
              throw InvalidInputException.of(
                  "user principal name", "is already used by user " + other.user.id());
            }
            seeded(user);
            principalNames.put(principalName, record);
            users.put(user.id(), record);
          }
          seedDynamicMemberships(given);
          for (Map.Entry<UnitId, UserId> m : memberships) {
            UnitRecord unit = assignedUnit(m.getKey());
            UserRecord member = requireRecord(m.getValue());
            if (!member.units.contains(unit.unit.id())) {
              member.units = plus(member.units, unit);
            }
          }
          // each unit's members in a run of their own, in directory order as inOrder is
          Map<UnitRecord, List<UserRecord>> runs = new HashMap<>();
          for (UserRecord record : inOrder) {
            for (UnitId unit : record.units) {
              runs.computeIfAbsent(unitRecord(unit), u -> new ArrayList<>()).add(record);
            }
          }
          runs.forEach((unit, members) -> unit.members.addAllInOrder(members));
          return null;
        });
  }

  /**
   * Decides the dynamic units' rules for the new users, as {@link #create} would one user at a
   * time, into their units and undecided units (their units' member lists are filled by the
   * caller).
   */
  private void seedDynamicMemberships(UserRecord[] records) {
    if (dynamicUnits.isEmpty()) {
      return;
    }
    Map<UnitRecord, MembershipRule> rules = new LinkedHashMap<>();
    for (UnitRecord unit : dynamicUnits) {
      rules.put(unit, unit.rule.orElseThrow());
    }
    RuleIndex<UnitRecord> index = RuleIndex.of(rules);
    Map<UnitRecord, Integer> undecided = new LinkedHashMap<>();
    List<UnitRecord> candidates = new ArrayList<>();
    for (UserRecord record : records) {
      User user = record.user;
      candidates.clear();
      index.addCandidates(user, candidates);
      for (UnitRecord unit : candidates) {
        RuleOutcome outcome = unit.rule.orElseThrow().evaluate(user);
        if (outcome == RuleOutcome.MATCH) {
          record.units = plus(record.units, unit);
        } else if (outcome == RuleOutcome.UNDECIDED) {
          setMembership(unit, record, outcome);
          undecided.merge(unit, 1, Integer::sum);
        }
      }
    }
    undecided.forEach((unit, users) -> logUndecided(unit, unit.rule.orElseThrow(), users));
  }

  /**
   * {@code set} and the unit's own id instance, which {@code set} does not hold: as {@link #with},
   * without its copies for the few units a user is in.
   */
  private static Set<UnitId> plus(Set<UnitId> set, UnitRecord unit) {
    UnitId id = unit.unit.id();
    return switch (set.size()) {
      case 0 -> unit.alone; // the unit's shared one-element set, as the live path gives
      case 1 -> Set.of(set.iterator().next(), id);
      default -> with(set, id);
    };
  }

  private void addDynamic(UnitRecord unit) {
    dynamicUnits.add(unit);
    dynamicSnapshot = List.copyOf(dynamicUnits);
  }

  private void removeDynamic(UnitRecord unit) {
    dynamicUnits.remove(unit);
    dynamicSnapshot = List.copyOf(dynamicUnits);
  }

  /**
   * The lower-case names of the rule properties whose values differ between two versions of a user
   * (see {@link MembershipRule#referencedProperties()}): the fixed ones, and every attribute that
   * was added, removed or changed.
   */
  private static Set<String> changedProperties(User old, User now) {
    Set<String> changed = new HashSet<>();
    if (!old.displayName().equals(now.displayName())) {
      changed.add("displayname");
    }
    if (!old.userPrincipalName().equals(now.userPrincipalName())) {
      changed.add("userprincipalname");
    }
    if (old.accountEnabled() != now.accountEnabled()) {
      changed.add("accountenabled");
    }
    if (old.isSynced() != now.isSynced()) {
      changed.add("dirsyncenabled");
    }
    Set<String> names = new HashSet<>();
    old.attributes().keySet().forEach(k -> names.add(k.toLowerCase(Locale.ROOT)));
    now.attributes().keySet().forEach(k -> names.add(k.toLowerCase(Locale.ROOT)));
    for (String name : names) {
      if (!Objects.equals(old.attributes().get(name), now.attributes().get(name))) {
        changed.add(name);
      }
    }
    return changed;
  }

  private void index(UserRecord record) {
    usersInOrder.add(record);
    principalNames.put(record.user.userPrincipalName(), record);
    if (!deferUserTerms) {
      userTerms.add(record, extraTerms(record));
    }
  }

  private void unindex(UserRecord record) {
    usersInOrder.remove(record);
    principalNames.remove(record.user.userPrincipalName(), record);
    userTerms.remove(record, extraTerms(record));
  }

  /** A user's search terms besides the display name and its words: the principal name. */
  private static List<String> extraTerms(UserRecord record) {
    return List.of(record.user.userPrincipalName());
  }

  private static boolean userMatches(User user, String query) {
    return TermIndex.nameMatches(user.displayName(), query)
        || TermIndex.startsWith(user.userPrincipalName(), 0, query);
  }

  /**
   * The first {@code size + 1} entries matching {@code query} after {@code after}, in directory
   * order (one more than a page, so the page knows whether more follow): from the term index merged
   * with the range of {@code inOrder} whose names start with the query, raced against a walk of
   * {@code inOrder} (see {@link PrefixSearch}). A query the index cannot answer exactly (it holds
   * an unpaired surrogate) is answered by the walk.
   *
   * @param inOrder the entries searched, in directory order
   * @param matches whether an entry matches the query
   * @param keep which entries of the term index belong to {@code inOrder}
   */
  private <T extends Listed> Iterator<T> search(
      TermIndex<T> terms,
      SortedChunks<Listed, T> inOrder,
      String query,
      Optional<Listed> after,
      int size,
      Predicate<T> matches,
      Predicate<? super T> keep) {
    Iterator<T> from = after.isEmpty() ? inOrder.walk() : inOrder.walk(after.get(), false);
    if (!TermIndex.indexable(query)) {
      return PrefixSearch.first(PrefixSearch.Plan.WALK, size + 1, out -> false, from, matches)
          .iterator();
    }
    return PrefixSearch.first(
            searchPlan, size + 1, terms.matches(query, inOrder, after, keep), from, matches)
        .iterator();
  }

  private int removeAssignmentsWhere(Predicate<RoleAssignment> doomed) {
    int removed = 0;
    for (RoleAssignment a : List.copyOf(assignments.values())) {
      if (doomed.test(a)) {
        assignments.remove(a.id());
        addedAt.remove(a.id());
        assignmentsByPrincipal.computeIfPresent(
            a.principal(),
            (p, list) -> {
              List<RoleAssignment> rest =
                  list.stream().filter(x -> !x.id().equals(a.id())).toList();
              return rest.isEmpty() ? null : rest;
            });
        removed++;
      }
    }
    return removed;
  }

  private UnitRecord assignedUnit(UnitId unit) {
    UnitRecord record = units.get(unit);
    if (record == null) {
      throw new UnknownUnitException(unit);
    }
    if (record.rule.isPresent()) {
      throw InvalidInputException.of(
          "unit membership",
          "unit " + unit + " is dynamic: its membership rule decides its members");
    }
    return record;
  }

  private UserRecord requireRecord(UserId user) {
    requireNonNull(user, "user");
    UserRecord record = users.get(user);
    if (record == null) {
      throw new UnknownUserException(user);
    }
    return record;
  }

  private static void checkVersion(User current, long expectedVersion) {
    if (current.version() != expectedVersion) {
      throw new StaleVersionException(current.id(), expectedVersion, current.version());
    }
  }

  private static void requireCloudOnly(User user) {
    if (user.isSynced()) {
      throw InvalidInputException.of(
          "user", "is synced from on-premises: its password is written back, not set in the cloud");
    }
  }

  private static void requireQuery(String query) {
    requireNonNull(query, "query");
    if (query.isEmpty() || query.length() > MAX_QUERY_LENGTH) {
      throw InvalidInputException.of(
          "search query", "must be 1 to " + MAX_QUERY_LENGTH + " characters");
    }
  }

  /** {@code user} at its own version, which later versions of this directory stay above. */
  private User seeded(User user) {
    versions.updateAndGet(v -> Math.max(v, user.version()));
    return user;
  }

  /** A version above every version handed out so far and above {@code atLeastAbove}. */
  private long nextVersion(long atLeastAbove) {
    return versions.updateAndGet(v -> Math.max(v, atLeastAbove) + 1);
  }

  /**
   * Where a user listing continues: the cursor's key, made exact again by this directory's names.
   */
  private Optional<Listed> afterUser(String listing, PageRequest page) {
    return cursors.after(listing, page, id -> userName(id)).map(Listed.Key::of);
  }

  private Optional<Listed> afterUnit(String listing, PageRequest page) {
    return cursors.after(listing, page, id -> unitName(id)).map(Listed.Key::of);
  }

  private Optional<String> userName(String id) {
    UserRecord r = users.get(new UserId(id));
    return r == null ? Optional.empty() : Optional.of(r.user.displayName());
  }

  private Optional<String> unitName(String id) {
    UnitRecord r = units.get(new UnitId(id));
    return r == null ? Optional.empty() : Optional.of(r.unit.displayName());
  }

  private static <R, T> Iterator<T> map(Iterator<R> records, Function<R, T> view) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return records.hasNext();
      }

      @Override
      public T next() {
        return view.apply(records.next());
      }
    };
  }

  /**
   * {@code set} and {@code unit}'s id: the unit's own id instance, however many members it has, and
   * for a user in no other unit the unit's shared one-element set (most users are in one unit).
   */
  private static Set<UnitId> with(Set<UnitId> set, UnitRecord unit) {
    return set.isEmpty() ? unit.alone : with(set, unit.unit.id());
  }

  private static Set<UnitId> with(Set<UnitId> set, UnitId unit) {
    Set<UnitId> copy = new HashSet<>(set);
    copy.add(unit);
    return Set.copyOf(copy);
  }

  private static Set<UnitId> without(Set<UnitId> set, UnitId unit) {
    Set<UnitId> copy = new HashSet<>(set);
    copy.remove(unit);
    return Set.copyOf(copy);
  }

  private static List<RoleAssignment> concat(List<RoleAssignment> a, List<RoleAssignment> b) {
    List<RoleAssignment> all = new ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  /**
   * Runs a read against one consistent state of the indexes: optimistically first, then, if a
   * structural write intervened, under the read lock.
   */
  private <T> T read(Supplier<T> query) {
    long stamp = lock.tryOptimisticRead();
    if (stamp != 0) {
      try {
        T result = query.get();
        if (lock.validate(stamp)) {
          return result;
        }
      } catch (RuntimeException e) {
        if (lock.validate(stamp)) {
          throw e;
        }
      }
    }
    stamp = lock.readLock();
    try {
      return query.get();
    } finally {
      lock.unlockRead(stamp);
    }
  }

  private <T> T write(Supplier<T> change) {
    long stamp = lock.writeLock();
    try {
      return change.get();
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  /**
   * Seeds an {@link InMemoryDirectory}. {@link #build()} adds, in this order, the custom roles, the
   * units, the users, the members, the assignments and the role-assignable group members, through
   * the same checks as the live mutators; a later user or unit with an id already given replaces
   * the earlier one.
   */
  public static final class Builder {
    private final Map<UserId, User> users = new LinkedHashMap<>();
    private final Map<UnitId, AdministrativeUnit> units = new LinkedHashMap<>();
    private final List<Map.Entry<UnitId, UserId>> members = new ArrayList<>();
    private final List<RoleDefinition> customRoles = new ArrayList<>();
    private final List<RoleAssignment> assignments = new ArrayList<>();
    private final Set<UserId> roleAssignableGroupMembers = new LinkedHashSet<>();
    private int passwordHashIterations = PasswordHash.DEFAULT_ITERATIONS;
    private PrefixSearch.Plan searchPlan = PrefixSearch.Plan.RACE;
    private boolean userByUser;

    private Builder() {}

    /**
     * {@code user}, or an equal copy of it holding the attribute map instance {@code maps} holds
     * for an equal map (counting the users that share it), else one whose attribute values are the
     * instances {@code values} holds for equal values: a tenant repeats its departments, cities and
     * companies, and a loaded tenant's users would otherwise each hold their own copy of them (a
     * million copies of a thousand departments cost 48 MB on the benchmark tenant, and a million
     * equal one-attribute maps 24 MB). The tables live for one build.
     */
    // Identity is the point: a user already holding the shared instance needs no copy.
    @SuppressWarnings("ReferenceEquality")
    private static User sharing(
        User user, Map<String, String> values, Map<Map<String, String>, SharedMap> maps) {
      Map<String, String> attributes = user.attributes();
      if (attributes.isEmpty()) {
        return user;
      }
      SharedMap shared = maps.get(attributes);
      if (shared == null) {
        User copy = sharingValues(user, values);
        maps.put(copy.attributes(), new SharedMap(copy.attributes()));
        return copy;
      }
      shared.users++;
      return shared.map == attributes ? user : user.toBuilder().attributes(shared.map).build();
    }

    /** An attribute map instance that users share, and how many users beyond the first do. */
    private static final class SharedMap {
      final Map<String, String> map;
      int users;

      SharedMap(Map<String, String> map) {
        this.map = map;
      }
    }

    /**
     * {@code user}, or a copy of it whose attribute values are the instances {@code shared} holds
     * for equal values.
     */
    // Identity is the point: only a value that is not already the shared instance needs a copy.
    @SuppressWarnings("ReferenceEquality")
    private static User sharingValues(User user, Map<String, String> shared) {
      Map<String, String> attributes = user.attributes();
      boolean copied = false;
      for (String value : attributes.values()) {
        String first = shared.putIfAbsent(value, value);
        copied |= first != null && first != value;
      }
      if (!copied) {
        return user;
      }
      Map<String, String> values = new LinkedHashMap<>();
      attributes.forEach((name, value) -> values.put(name, shared.get(value)));
      return user.toBuilder().attributes(values).build();
    }

    /** Adds a user, stored at exactly the version it was given (writes go above it). */
    public Builder user(User user) {
      users.put(user.id(), user);
      return this;
    }

    public Builder unit(AdministrativeUnit unit) {
      units.put(unit.id(), unit);
      return this;
    }

    /** Makes the user a member of the assigned unit. */
    public Builder member(UnitId unit, UserId user) {
      members.add(Map.entry(requireNonNull(unit, "unit"), requireNonNull(user, "user")));
      return this;
    }

    public Builder customRole(RoleDefinition role) {
      customRoles.add(requireNonNull(role, "role"));
      return this;
    }

    public Builder assignment(RoleAssignment assignment) {
      assignments.add(requireNonNull(assignment, "assignment"));
      return this;
    }

    /**
     * Adds everything a tenant fixture in mystaff's JSON format describes (see {@link TenantJson}
     * and {@code docs/fixtures.md}), as if each part were given to this builder.
     *
     * @throws InvalidInputException listing every problem of the document, by path; nothing is
     *     added then
     * @throws io.mystaff.api.ProviderFailureException if the stream cannot be read
     */
    public Builder load(InputStream json) {
      return TenantJson.read(json).applyTo(this);
    }

    /**
     * Adds everything the tenant fixture file describes; see {@link #load(InputStream)}.
     *
     * @throws InvalidInputException if there is no such file or it is not a valid tenant document
     * @throws io.mystaff.api.ProviderFailureException if the file cannot be read
     */
    public Builder load(Path json) {
      return TenantJson.read(json).applyTo(this);
    }

    /** Adds everything {@code tenant} describes. */
    public Builder load(TenantJson tenant) {
      return requireNonNull(tenant, "tenant").applyTo(this);
    }

    /** Marks the user as a member or owner of a role-assignable group. */
    public Builder roleAssignableGroupMember(UserId user) {
      roleAssignableGroupMembers.add(requireNonNull(user, "user"));
      return this;
    }

    /**
     * The PBKDF2-HMAC-SHA256 iteration count for stored password hashes: 600,000 by default and at
     * the least (OWASP). Only a JVM started with {@code
     * -Dmystaff.passwordHash.allowWeakForTests=true} (this project's tests and benchmarks) may
     * choose fewer.
     *
     * @throws InvalidInputException if below that floor
     */
    public Builder passwordHashIterations(int iterations) {
      this.passwordHashIterations = PasswordHash.requireIterations(iterations);
      return this;
    }

    /**
     * Whether {@link #build()} adds the users and memberships one by one through the live mutators'
     * paths (each user into every index, every dynamic unit's rule evaluated for it) instead of all
     * at once: the plain model that tests hold the bulk load to.
     */
    Builder userByUser(boolean oneByOne) {
      this.userByUser = oneByOne;
      return this;
    }

    /** How searches find their matches (see {@link PrefixSearch}); tests pin each source alone. */
    Builder searchPlan(PrefixSearch.Plan plan) {
      this.searchPlan = requireNonNull(plan, "plan");
      return this;
    }

    /**
     * Builds the directory with the contents given.
     *
     * @return the directory
     * @throws io.mystaff.api.MyStaffException as the corresponding live mutator would, if the
     *     contents are inconsistent (a member, assignment or flag naming an unknown user or unit, a
     *     duplicate principal name, an invalid rule, ...)
     */
    public InMemoryDirectory build() {
      Map<String, String> sharedValues = new HashMap<>();
      Map<Map<String, String>, SharedMap> sharedMaps = new HashMap<>();
      UserRecord[] given = new UserRecord[userByUser ? 0 : users.size()];
      int count = 0;
      for (User user : userByUser ? List.<User>of() : users.values()) {
        given[count++] = new UserRecord(sharing(user, sharedValues, sharedMaps));
      }
      UserRecord[] inOrder = given.clone();
      ListedSort.sort(inOrder);
      InMemoryDirectory directory = new InMemoryDirectory(passwordHashIterations, searchPlan);
      directory.usersInOrder.addAllInOrder(Arrays.asList(inOrder));
      customRoles.forEach(directory::putCustomRole);
      units.values().forEach(directory::putUnit);
      directory.deferUserTerms = true;
      if (userByUser) {
        users.values().forEach(u -> directory.putUser(sharing(u, sharedValues, sharedMaps), true));
        for (Map.Entry<UnitId, UserId> m : members) {
          directory.addMember(m.getKey(), m.getValue());
        }
      } else {
        directory.seed(given, inOrder, members);
        // later writes share the maps that several loaded users share, most shared first
        sharedMaps.values().stream()
            .filter(m -> m.users > 0)
            .sorted(Comparator.comparingInt((SharedMap m) -> m.users).reversed())
            .limit(ATTRIBUTE_MAPS_LIMIT)
            .forEach(m -> directory.attributeMaps.put(m.map, m.map));
      }
      directory.deferUserTerms = false;
      directory.userTerms.addAll(directory.usersInOrder::walk, InMemoryDirectory::extraTerms);
      assignments.forEach(directory::addAssignment);
      roleAssignableGroupMembers.forEach(u -> directory.setRoleAssignableGroupMember(u, true));
      return directory;
    }
  }
}
