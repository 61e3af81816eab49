package io.mystaff.postgres;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.AssignmentId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.Page;
import io.mystaff.api.PageRequest;
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
import io.mystaff.api.directory.UserSource;
import io.mystaff.api.password.Secret;
import io.mystaff.jackson.audit.AuditJson;
import io.mystaff.membership.MembershipRule;
import io.mystaff.membership.RuleOutcome;
import io.mystaff.spi.CommitCondition;
import io.mystaff.spi.CursorCodec;
import io.mystaff.spi.Directory;
import io.mystaff.spi.DirectoryWriter;
import io.mystaff.spi.ForwardingDirectory;
import io.mystaff.spi.SessionRevoker;
import io.mystaff.spi.UserFacts;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Directory} and {@link DirectoryWriter} in PostgreSQL, shared by every node of a host
 * that builds one over the same database and directory name.
 *
 * <p><b>Storage.</b> Users, units, memberships (dynamic ones materialised when a user or a rule
 * changes, so reads never evaluate rules), custom roles, role assignments (of users and of groups),
 * password hashes (salted PBKDF2-HMAC-SHA256) and the audit outbox live in the tables of {@link
 * PostgresSchema}; every row carries the directory's name, so one database holds several
 * directories. Plain JDBC over the host's {@link DataSource}; the host pools connections.
 *
 * <p><b>Order and search.</b> Listings are in {@link io.mystaff.spi.DirectoryOrder}, paged by key
 * (the cursor carries the last entry's sort key; the next page is an index range after it), and the
 * cursor key is stored in the database so every node accepts every node's cursors. Prefix search
 * probes a btree of folded terms (display name, each later word of it, principal name) with {@code
 * starts_with}, compared {@code COLLATE "C"}.
 *
 * <p><b>Writes.</b> A compare-and-set write runs in one transaction: in one statement it takes the
 * directory's advisory lock shared, locks the user's row ({@code SELECT ... FOR UPDATE}) and checks
 * that the event's id is free; it checks the version, verifies the {@link CommitCondition} with a
 * {@link Directory} bound to that transaction (which has the locked user at hand), then in one
 * statement updates the row at a version from a database sequence and inserts the audit event into
 * the outbox (or, built with {@link Builder#recordAuditIn}, straight into the audit log), and
 * commits: three round trips plus the condition's reads. Administrative writes (users, units,
 * members, roles, assignments) take the advisory lock exclusively, so no fact a condition read can
 * change before the write that read it commits. A transaction that fails changes nothing;
 * serialization failures and deadlocks are retried before the condition ran; other database
 * failures become {@link io.mystaff.api.ProviderFailureException}.
 *
 * @since 0.1.0
 */
public final class PostgresDirectory implements Directory, DirectoryWriter, SessionRevoker {
  private static final int LOCK_CLASS = 0x6d797374; // "myst"

  private final String name;
  private final DataSource dataSource;
  private final Jdbc jdbc;
  private final CursorCodec cursors;
  private final SqlDirectory reads;
  private final int passwordHashIterations;
  private final @Nullable PostgresAuditSink auditLog;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, MembershipRule> rules = new ConcurrentHashMap<>();

  private PostgresDirectory(Builder b, DataSource dataSource) {
    this.name = b.name;
    this.dataSource = dataSource;
    this.jdbc = new Jdbc(dataSource);
    this.passwordHashIterations = b.passwordHashIterations;
    this.auditLog = b.auditLog;
    if (b.migrate) {
      PostgresSchema.migrate(dataSource);
    }
    this.cursors = CursorCodec.withKey(cursorKey());
    this.reads = new SqlDirectory(name, cursors, jdbc.pooled(), b.termSortLimit);
  }

  /**
   * A builder of a directory over a data source.
   *
   * @return a builder for the directory named {@code "default"}, migrating the schema
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the directory's name: the key of its rows in every table} */
  public String name() {
    return name;
  }

  // ---------------------------------------------------------------------------------------------
  // Directory

  @Override
  public Optional<User> findUser(UserId id) {
    return reads.findUser(id);
  }

  @Override
  public Optional<AdministrativeUnit> findUnit(UnitId id) {
    return reads.findUnit(id);
  }

  @Override
  public Map<UnitId, AdministrativeUnit> findUnits(Collection<UnitId> ids) {
    return reads.findUnits(ids);
  }

  @Override
  public Set<UnitId> unitsOf(UserId user) {
    return reads.unitsOf(user);
  }

  @Override
  public Set<UnitId> undecidedUnitsOf(UserId user) {
    return reads.undecidedUnitsOf(user);
  }

  @Override
  public Map<UserId, UserFacts> userFactsOf(Collection<UserId> users) {
    return reads.userFactsOf(users);
  }

  /**
   * {@inheritDoc}
   *
   * @throws InvalidInputException if the cursor was not issued for this unit's members
   */
  @Override
  public Page<User> members(UnitId unit, PageRequest page) {
    return reads.members(unit, page);
  }

  /**
   * {@inheritDoc}
   *
   * @throws InvalidInputException if the cursor was not issued for this listing
   */
  @Override
  public Page<User> allUsers(PageRequest page) {
    return reads.allUsers(page);
  }

  /**
   * {@inheritDoc}
   *
   * @throws InvalidInputException if the query is empty or longer than 256 characters, or the
   *     cursor was not issued for this query
   */
  @Override
  public Page<User> searchUsers(String query, PageRequest page) {
    return reads.searchUsers(query, page);
  }

  /**
   * {@inheritDoc}
   *
   * @throws InvalidInputException if the query is empty or longer than 256 characters, or the
   *     cursor was not issued for this query
   */
  @Override
  public Page<AdministrativeUnit> searchUnits(String query, PageRequest page) {
    return reads.searchUnits(query, page);
  }

  /**
   * {@inheritDoc}
   *
   * @throws InvalidInputException if the query is empty or longer than 256 characters, or the
   *     cursor was not issued for this unit and query
   */
  @Override
  public Page<User> searchMembers(UnitId unit, String query, PageRequest page) {
    return reads.searchMembers(unit, query, page);
  }

  /**
   * {@inheritDoc}
   *
   * @throws InvalidInputException if the cursor was not issued for this listing
   */
  @Override
  public Page<AdministrativeUnit> allUnits(PageRequest page) {
    return reads.allUnits(page);
  }

  /**
   * {@inheritDoc}
   *
   * <p>The user's direct assignments and those of each group in the user's {@link User#groups()},
   * in the order they were added.
   */
  @Override
  public List<RoleAssignment> assignmentsOf(UserId principal) {
    return reads.assignmentsOf(principal);
  }

  @Override
  public RoleCatalog roles() {
    return reads.roles();
  }

  /**
   * {@inheritDoc}
   *
   * <p>True for users marked with {@link #setRoleAssignableGroupMember} and for members of any
   * group that holds a role assignment.
   */
  @Override
  public boolean isRoleAssignableGroupMember(UserId user) {
    return reads.isRoleAssignableGroupMember(user);
  }

  // ---------------------------------------------------------------------------------------------
  // DirectoryWriter

  /**
   * {@inheritDoc}
   *
   * @throws InvalidInputException if an event with the same id is already pending in the outbox
   */
  @Override
  public Optional<SessionRevoker> sessionRevoker() {
    return Optional.of(this);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Stored in {@code mystaff_user.sessions_valid_from} (microseconds, as PostgreSQL keeps time),
   * in the same compare-and-set transaction as every write.
   *
   * @throws InvalidInputException if an event with the same id is already pending in the outbox
   */
  @Override
  public User revokeSessions(
      UserId user,
      long expectedVersion,
      Instant validFrom,
      AuditEvent event,
      CommitCondition condition) {
    requireNonNull(validFrom, "validFrom");
    return compareAndSet(user, expectedVersion, event, condition, null, validFrom, User::toBuilder);
  }

  @Override
  public Optional<Instant> sessionsValidFrom(UserId user) {
    requireNonNull(user, "user");
    return jdbc.read(
        "read when a user's sessions are valid from",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT sessions_valid_from FROM mystaff_user WHERE tenant = ? AND id = ?")) {
            ps.setString(1, name);
            ps.setString(2, user.value());
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.<Instant>empty();
              }
              java.sql.Timestamp t = rs.getTimestamp(1);
              return Optional.ofNullable(t).map(java.sql.Timestamp::toInstant);
            }
          }
        });
  }

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
        null,
        current -> current.toBuilder().phone(type, number));
  }

  /**
   * {@inheritDoc}
   *
   * <p>The password is stored as a salted PBKDF2 hash (see {@link #verifyPassword}), computed
   * before the transaction starts; the secret is read once and not retained.
   *
   * @throws InvalidInputException if the user is synced from on-premises, or an event with the same
   *     id is already pending
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
    // Fail fast, before paying for the hash; compareAndSet checks again under the row lock.
    User current = findUser(user).orElseThrow(() -> new UnknownUserException(user));
    checkVersion(current, expectedVersion);
    requireCloudOnly(current);
    PasswordHash hash = PasswordHash.of(password, passwordHashIterations, random);
    return compareAndSet(
        user,
        expectedVersion,
        event,
        condition,
        hash,
        u -> {
          requireCloudOnly(u);
          return u.toBuilder().forceChangePasswordNextSignIn(forceChangeNextSignIn);
        });
  }

  /**
   * {@inheritDoc}
   *
   * <p>One idempotent {@code INSERT} in auto-commit (one round trip), sent again on a new
   * connection if its reply was lost. A directory built with {@link Builder#recordAuditIn} stores
   * the event in that audit log instead, once.
   */
  @Override
  public void appendAuditEvent(AuditEvent event) {
    requireNonNull(event, "event");
    String json = AuditJson.standard().write(event);
    PostgresAuditSink log = auditLog;
    jdbc.idempotent(
        "append an audit event to the outbox",
        c -> {
          if (log != null) {
            try (PreparedStatement ps =
                c.prepareStatement(
                    PostgresAuditSink.INSERT + " ON CONFLICT (log, event_id) DO NOTHING")) {
              PostgresAuditSink.bind(ps, 1, c, log.log(), event, json);
              return ps.executeUpdate();
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO mystaff_outbox (tenant, event_id, event) VALUES (?, ?, ?)"
                      + " ON CONFLICT (tenant, event_id) DO NOTHING")) {
            ps.setString(1, name);
            ps.setString(2, event.id());
            ps.setString(3, json);
            return ps.executeUpdate();
          }
        });
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
    if (max == 0) {
      return List.of();
    }
    return jdbc.read(
        "read the audit outbox",
        c -> {
          List<AuditEvent> events = new ArrayList<>();
          // The limit is written into the statement: with a LIMIT parameter PostgreSQL plans each
          // execution again, as the custom plan for the actual limit looks cheaper.
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT event FROM mystaff_outbox WHERE tenant = ? ORDER BY seq LIMIT " + max)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                events.add(AuditJson.standard().read(rs.getString(1)));
              }
            }
          }
          return List.copyOf(events);
        });
  }

  /**
   * {@inheritDoc}
   *
   * <p>One {@code DELETE} in auto-commit: one round trip; sent again on a new connection if its
   * reply was lost (deleting twice changes nothing). Its commit does not wait for its WAL flush
   * ({@code synchronous_commit} off for that transaction alone): an acknowledgement lost in a crash
   * only delivers its events again, with the same ids, which the outbox's at-least-once delivery
   * allows, while the delivered events stay durable wherever the sink put them. PostgreSQL writes
   * its WAL in order, so an acknowledgement never survives a crash that its sink's insert into the
   * same database did not.
   */
  @Override
  public void acknowledgeAuditEvents(Collection<String> eventIds) {
    requireNonNull(eventIds, "eventIds");
    if (eventIds.isEmpty()) {
      return;
    }
    List<String> ids = List.copyOf(eventIds);
    jdbc.idempotent(
        "acknowledge audit events",
        c -> {
          // One id (the usual case) compares with = for a generic plan, as SqlDirectory's reads.
          boolean one = ids.size() == 1;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "DELETE FROM mystaff_outbox WHERE tenant = ? AND event_id "
                      + (one ? "= ?" : "= ANY(?)")
                      // for this statement's transaction only (is_local), then back to the
                      // session's
                      + " AND set_config('synchronous_commit', 'off', true) IS NOT NULL")) {
            ps.setString(1, name);
            if (one) {
              ps.setString(2, ids.get(0));
            } else {
              ps.setArray(2, Rows.textArray(c, ids));
            }
            return ps.executeUpdate();
          }
        });
  }

  // ---------------------------------------------------------------------------------------------
  // Administration

  /**
   * Creates the user, or replaces the user with the same id (keeping the password and the
   * role-assignable flag), and returns it as stored: at a version above every version handed out so
   * far and above {@code user.version()}. Updates the dynamic units the user enters or leaves.
   *
   * @param user the user to store
   * @return the user as stored
   * @throws InvalidInputException if another user has the same user principal name
   *     (case-insensitively), or {@code user.version()} is {@link Long#MAX_VALUE}
   */
  public User putUser(User user) {
    requireNonNull(user, "user");
    if (user.version() == Long.MAX_VALUE) {
      throw InvalidInputException.of("version", "must be less than " + Long.MAX_VALUE);
    }
    return structural(
        "store a user",
        c -> {
          String upnKey = Folding.fold(user.userPrincipalName());
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT 1 FROM mystaff_user WHERE tenant = ? AND upn_key = ? AND id <> ?")) {
            ps.setString(1, name);
            ps.setString(2, upnKey);
            ps.setString(3, user.id().value());
            try (ResultSet rs = ps.executeQuery()) {
              if (rs.next()) {
                throw InvalidInputException.of(
                    "user principal name", "is already used by another user");
              }
            }
          }
          Optional<User> old = SqlDirectory.findUser(c, name, user.id().value(), true);
          long version =
              nextVersion(c, Math.max(user.version(), old.map(User::version).orElse(0L)));
          User stored = user.toBuilder().version(version).build();
          String nameKey = Folding.fold(stored.displayName());
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO mystaff_user (tenant, id, upn, upn_key, display_name, name_key,"
                      + " source, sam_account_name, account_enabled, user_type, attributes, groups,"
                      + " phones, force_change, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                      + " ?::jsonb, ?, ?::jsonb, ?, ?) ON CONFLICT (tenant, id) DO UPDATE SET upn ="
                      + " excluded.upn, upn_key = excluded.upn_key, display_name ="
                      + " excluded.display_name, name_key = excluded.name_key, source ="
                      + " excluded.source, sam_account_name = excluded.sam_account_name,"
                      + " account_enabled = excluded.account_enabled, user_type ="
                      + " excluded.user_type, attributes = excluded.attributes, groups ="
                      + " excluded.groups, phones = excluded.phones, force_change ="
                      + " excluded.force_change, version = excluded.version")) {
            int i = 1;
            ps.setString(i++, name);
            ps.setString(i++, stored.id().value());
            ps.setString(i++, stored.userPrincipalName());
            ps.setString(i++, upnKey);
            ps.setString(i++, stored.displayName());
            ps.setString(i++, nameKey);
            ps.setString(i++, stored.source().name());
            ps.setString(i++, stored.onPremisesSamAccountName().orElse(null));
            ps.setBoolean(i++, stored.accountEnabled());
            ps.setString(i++, stored.userType().name());
            ps.setString(i++, Rows.attributesJson(stored));
            ps.setArray(i++, Rows.groups(c, stored));
            ps.setString(i++, Rows.phonesJson(stored));
            ps.setBoolean(i++, stored.forceChangePasswordNextSignIn());
            ps.setLong(i, stored.version());
            ps.executeUpdate();
          }
          boolean rekeyed =
              old.isEmpty()
                  || !old.get().displayName().equals(stored.displayName())
                  || !old.get().userPrincipalName().equals(stored.userPrincipalName());
          if (rekeyed) {
            update(
                c,
                "DELETE FROM mystaff_user_term WHERE tenant = ? AND user_id = ?",
                name,
                stored.id().value());
            try (PreparedStatement ps =
                c.prepareStatement(
                    "INSERT INTO mystaff_user_term (tenant, term, user_id, name_key, cover) VALUES"
                        + " (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
              for (String term :
                  Folding.userTerms(stored.displayName(), stored.userPrincipalName())) {
                ps.setString(1, name);
                ps.setString(2, term);
                ps.setString(3, stored.id().value());
                ps.setString(4, nameKey);
                ps.setInt(5, Folding.cover(term, nameKey));
                ps.addBatch();
              }
              ps.executeBatch();
            }
            update(
                c,
                "UPDATE mystaff_member SET name_key = ? WHERE tenant = ? AND user_id = ?",
                nameKey,
                name,
                stored.id().value());
          }
          for (Map.Entry<String, MembershipRule> unit : dynamicUnits(c).entrySet()) {
            setMembership(c, unit.getKey(), stored, nameKey, unit.getValue().evaluate(stored));
          }
          return stored;
        });
  }

  /**
   * Removes the user with their memberships, role assignments and password.
   *
   * @param id the user
   * @return false if there was no such user (nothing changed)
   */
  public boolean removeUser(UserId id) {
    requireNonNull(id, "id");
    return structural(
        "remove a user",
        c -> {
          String user = id.value();
          if (update(c, "DELETE FROM mystaff_user WHERE tenant = ? AND id = ?", name, user) == 0) {
            return false;
          }
          update(c, "DELETE FROM mystaff_user_term WHERE tenant = ? AND user_id = ?", name, user);
          update(c, "DELETE FROM mystaff_member WHERE tenant = ? AND user_id = ?", name, user);
          update(c, "DELETE FROM mystaff_undecided WHERE tenant = ? AND user_id = ?", name, user);
          update(
              c,
              "DELETE FROM mystaff_assignment WHERE tenant = ? AND principal_kind = 'U' AND"
                  + " principal = ?",
              name,
              user);
          return true;
        });
  }

  /**
   * Creates or replaces the unit. A dynamic unit's rule is parsed first, and its members become the
   * users it matches (unless it was already dynamic with an equal rule). A unit's
   * restricted-management flag is fixed when the unit is created, as in Entra.
   *
   * @param unit the unit to store
   * @throws InvalidInputException if the unit is dynamic and its rule is not a valid membership
   *     rule, or the unit exists with the other restricted-management flag (nothing changed)
   */
  public void putUnit(AdministrativeUnit unit) {
    requireNonNull(unit, "unit");
    Optional<MembershipRule> rule = unit.membershipRule().map(this::rule);
    structuralUpdate(
        "store a unit",
        c -> {
          String id = unit.id().value();
          Optional<AdministrativeUnit> old = SqlDirectory.findUnit(c, name, id, true);
          if (old.isPresent() && old.get().restrictedManagement() != unit.restrictedManagement()) {
            throw InvalidInputException.of(
                "restrictedManagement",
                "is fixed when the unit is created; remove the unit and create it again to change"
                    + " it");
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO mystaff_unit (tenant, id, display_name, name_key, description,"
                      + " membership_rule, restricted) VALUES (?, ?, ?, ?, ?, ?, ?)"
                      + " ON CONFLICT (tenant, id) DO UPDATE SET display_name ="
                      + " excluded.display_name, name_key = excluded.name_key, description ="
                      + " excluded.description, membership_rule = excluded.membership_rule")) {
            ps.setString(1, name);
            ps.setString(2, id);
            ps.setString(3, unit.displayName());
            ps.setString(4, Folding.fold(unit.displayName()));
            ps.setString(5, unit.description().orElse(null));
            ps.setString(6, unit.membershipRule().orElse(null));
            ps.setBoolean(7, unit.restrictedManagement());
            ps.executeUpdate();
          }
          if (old.isEmpty() || !old.get().displayName().equals(unit.displayName())) {
            replaceTerms(
                c, "mystaff_unit_term", "unit_id", id, Folding.nameTerms(unit.displayName()));
          }
          Optional<String> oldRule = old.flatMap(AdministrativeUnit::membershipRule);
          if (rule.isEmpty()) {
            update(c, "DELETE FROM mystaff_undecided WHERE tenant = ? AND unit_id = ?", name, id);
          } else if (!unit.membershipRule().equals(oldRule)) {
            update(c, "DELETE FROM mystaff_member WHERE tenant = ? AND unit_id = ?", name, id);
            update(c, "DELETE FROM mystaff_undecided WHERE tenant = ? AND unit_id = ?", name, id);
            evaluateAll(c, id, rule.get());
          }
        });
  }

  /**
   * Removes the unit, its memberships and the role assignments scoped to it.
   *
   * @param id the unit
   * @return false if there was no such unit (nothing changed)
   */
  public boolean removeUnit(UnitId id) {
    requireNonNull(id, "id");
    return structural(
        "remove a unit",
        c -> {
          String unit = id.value();
          if (update(c, "DELETE FROM mystaff_unit WHERE tenant = ? AND id = ?", name, unit) == 0) {
            return false;
          }
          update(c, "DELETE FROM mystaff_unit_term WHERE tenant = ? AND unit_id = ?", name, unit);
          update(c, "DELETE FROM mystaff_member WHERE tenant = ? AND unit_id = ?", name, unit);
          update(c, "DELETE FROM mystaff_undecided WHERE tenant = ? AND unit_id = ?", name, unit);
          update(c, "DELETE FROM mystaff_assignment WHERE tenant = ? AND unit_id = ?", name, unit);
          return true;
        });
  }

  /**
   * Makes the user a member of the assigned unit.
   *
   * @param unit the assigned unit
   * @param user the user
   * @return false if the user already was a member (nothing changed)
   * @throws UnknownUnitException if there is no such unit
   * @throws UnknownUserException if there is no such user
   * @throws InvalidInputException if the unit is dynamic (its rule decides its members)
   */
  public boolean addMember(UnitId unit, UserId user) {
    requireNonNull(unit, "unit");
    requireNonNull(user, "user");
    return structural(
        "add a member",
        c -> {
          assignedUnit(c, unit);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO mystaff_member (tenant, unit_id, user_id, name_key) SELECT tenant,"
                      + " ?, id, name_key FROM mystaff_user WHERE tenant = ? AND id = ? ON CONFLICT"
                      + " DO NOTHING RETURNING 1")) {
            ps.setString(1, unit.value());
            ps.setString(2, name);
            ps.setString(3, user.value());
            try (ResultSet rs = ps.executeQuery()) {
              if (rs.next()) {
                return true;
              }
            }
          }
          if (SqlDirectory.findUser(c, name, user.value(), false).isEmpty()) {
            throw new UnknownUserException(user);
          }
          return false;
        });
  }

  /**
   * Removes the user from the assigned unit.
   *
   * @param unit the assigned unit
   * @param user the user
   * @return false if the user was not a member (nothing changed)
   * @throws UnknownUnitException if there is no such unit
   * @throws InvalidInputException if the unit is dynamic (its rule decides its members)
   */
  public boolean removeMember(UnitId unit, UserId user) {
    requireNonNull(unit, "unit");
    requireNonNull(user, "user");
    return structural(
        "remove a member",
        c -> {
          assignedUnit(c, unit);
          return update(
                  c,
                  "DELETE FROM mystaff_member WHERE tenant = ? AND unit_id = ? AND user_id = ?",
                  name,
                  unit.value(),
                  user.value())
              > 0;
        });
  }

  /**
   * Adds a role assignment. Its principal is a user of this directory, or a group: the group's
   * members (the users listing it in {@link User#groups()}) hold the role through it.
   *
   * @param assignment the assignment
   * @throws UnknownUserException if the principal is a user this directory does not have
   * @throws UnknownUnitException if it is scoped to a unit this directory does not have
   * @throws InvalidInputException if its role is neither built in nor a custom role of this
   *     directory, it is scoped to a unit but its role may not be, or its id is already used
   */
  public void addAssignment(RoleAssignment assignment) {
    requireNonNull(assignment, "assignment");
    structuralUpdate(
        "add a role assignment",
        c -> {
          if (assignment.principal() instanceof UserId user
              && SqlDirectory.findUser(c, name, user.value(), false).isEmpty()) {
            throw new UnknownUserException(user);
          }
          Optional<RoleDefinition> role = SqlDirectory.roles(c, name).find(assignment.role());
          if (role.isEmpty()) {
            throw InvalidInputException.of(
                "role assignment",
                "the role is neither built in nor a custom role of this directory");
          }
          Optional<String> unit = Optional.empty();
          if (assignment.scope() instanceof Scope.Unit scope) {
            if (!role.get().isAssignableAtUnitScope()) {
              throw InvalidInputException.of(
                  "role assignment", "the role cannot be assigned at administrative-unit scope");
            }
            if (SqlDirectory.findUnit(c, name, scope.unit().value(), false).isEmpty()) {
              throw new UnknownUnitException(scope.unit());
            }
            unit = Optional.of(scope.unit().value());
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO mystaff_assignment (tenant, id, principal_kind, principal, role_id,"
                      + " unit_id, starts, ends, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                      + " ON CONFLICT (tenant, id) DO NOTHING")) {
            ps.setString(1, name);
            ps.setString(2, assignment.id().value());
            ps.setString(3, assignment.principal() instanceof UserId ? "U" : "G");
            ps.setString(4, principalValue(assignment));
            ps.setString(5, assignment.role().value());
            ps.setString(6, unit.orElse(null));
            ps.setObject(7, assignment.start().map(PostgresDirectory::utc).orElse(null));
            ps.setObject(8, assignment.end().map(PostgresDirectory::utc).orElse(null));
            ps.setString(9, assignment.kind().name());
            if (ps.executeUpdate() == 0) {
              throw InvalidInputException.of("role assignment id", "is already used");
            }
          }
        });
  }

  /**
   * Removes a role assignment.
   *
   * @param id the assignment
   * @return false if there was no such assignment (nothing changed)
   */
  public boolean removeAssignment(AssignmentId id) {
    requireNonNull(id, "id");
    return structural(
        "remove a role assignment",
        c ->
            update(
                    c,
                    "DELETE FROM mystaff_assignment WHERE tenant = ? AND id = ?",
                    name,
                    id.value())
                > 0);
  }

  /**
   * Adds or replaces a custom role definition.
   *
   * @param role the custom role
   * @throws InvalidInputException if the definition is a built-in role, or it would leave an
   *     assignment scoped to a unit with a role that may not be assigned there
   */
  public void putCustomRole(RoleDefinition role) {
    requireNonNull(role, "role");
    if (role.isBuiltIn()) {
      throw InvalidInputException.of("custom role", "a built-in role cannot be redefined");
    }
    structuralUpdate(
        "store a custom role",
        c -> {
          if (!role.isAssignableAtUnitScope()) {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT 1 FROM mystaff_assignment WHERE tenant = ? AND role_id = ? AND unit_id"
                        + " IS NOT NULL LIMIT 1")) {
              ps.setString(1, name);
              ps.setString(2, role.id().value());
              try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                  throw InvalidInputException.of(
                      "custom role",
                      "the role is assigned at administrative-unit scope, so it needs a user, group"
                          + " or device permission");
                }
              }
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO mystaff_role (tenant, id, display_name, actions) VALUES (?, ?, ?, ?)"
                      + " ON CONFLICT (tenant, id) DO UPDATE SET display_name ="
                      + " excluded.display_name, actions = excluded.actions")) {
            ps.setString(1, name);
            ps.setString(2, role.id().value());
            ps.setString(3, role.displayName());
            ps.setArray(4, Rows.textArray(c, role.allowedResourceActions()));
            ps.executeUpdate();
          }
        });
  }

  /**
   * Records whether the user is a member or owner of a role-assignable group.
   *
   * @param user the user
   * @param member true if the user is in such a group
   * @throws UnknownUserException if there is no such user
   */
  public void setRoleAssignableGroupMember(UserId user, boolean member) {
    requireNonNull(user, "user");
    structuralUpdate(
        "mark a role-assignable group member",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE mystaff_user SET role_assignable_member = ? WHERE tenant = ? AND id ="
                      + " ?")) {
            ps.setBoolean(1, member);
            ps.setString(2, name);
            ps.setString(3, user.value());
            if (ps.executeUpdate() == 0) {
              throw new UnknownUserException(user);
            }
          }
        });
  }

  /**
   * Whether {@code candidate} is the password last set through {@link #setPassword}; false if none
   * was set. For demos and tests.
   *
   * @param user the user
   * @param candidate the password to check
   * @return true if it matches the stored hash
   * @throws UnknownUserException if there is no such user
   */
  public boolean verifyPassword(UserId user, Secret candidate) {
    requireNonNull(user, "user");
    requireNonNull(candidate, "candidate");
    Optional<PasswordHash> hash =
        jdbc.read(
            "read a password hash",
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT password_salt, password_hash, password_iterations FROM mystaff_user"
                          + " WHERE tenant = ? AND id = ?")) {
                ps.setString(1, name);
                ps.setString(2, user.value());
                try (ResultSet rs = ps.executeQuery()) {
                  if (!rs.next()) {
                    throw new UnknownUserException(user);
                  }
                  byte[] salt = rs.getBytes(1);
                  byte[] stored = rs.getBytes(2);
                  return salt == null || stored == null
                      ? Optional.<PasswordHash>empty()
                      : Optional.of(new PasswordHash(salt, stored, rs.getInt(3)));
                }
              }
            });
    return hash.isPresent() && hash.get().matches(candidate);
  }

  /**
   * Starts a bulk load of new entries with {@code COPY}, in one transaction that holds this
   * directory's write lock until it commits or closes (see {@link PostgresBulkLoad}).
   *
   * @return the load; commit it, and close it in every case
   * @throws io.mystaff.api.ProviderFailureException if the database cannot be reached
   */
  public PostgresBulkLoad bulkLoad() {
    return new PostgresBulkLoad(dataSource, name, LOCK_CLASS);
  }

  /**
   * The number of users.
   *
   * @return how many users this directory holds
   */
  public long userCount() {
    return jdbc.read(
        "count users",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT count(*) FROM mystaff_user WHERE tenant = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  @Override
  public String toString() {
    return "PostgresDirectory{" + name + "}";
  }

  // ---------------------------------------------------------------------------------------------
  // Internals

  private User compareAndSet(
      UserId user,
      long expectedVersion,
      AuditEvent event,
      CommitCondition condition,
      @Nullable PasswordHash password,
      Function<User, User.Builder> change) {
    return compareAndSet(user, expectedVersion, event, condition, password, null, change);
  }

  /**
   * The compare-and-set write of every user change: under the shared lock and the user's row lock,
   * checks the version and the outbox, verifies {@code condition}, stores the change (and the
   * password hash, and moves the sessions' valid-from instant forward, when given) at a new version
   * with {@code event} in the outbox.
   */
  private User compareAndSet(
      UserId user,
      long expectedVersion,
      AuditEvent event,
      CommitCondition condition,
      @Nullable PasswordHash password,
      @Nullable Instant sessionsValidFrom,
      Function<User, User.Builder> change) {
    requireNonNull(user, "user");
    requireNonNull(event, "event");
    requireNonNull(condition, "condition");
    String json = AuditJson.standard().write(event);
    AtomicBoolean verified = new AtomicBoolean();
    PostgresAuditSink log = auditLog;
    return jdbc.transaction(
        "write a user",
        c -> {
          // One round trip for the directory's advisory lock (shared), the user's row lock and
          // whether the event's id is taken, and, sent with it, what a condition reads next (the
          // facts of the user and the units they name, the initiator's account with their role
          // assignments and the role catalog; see ConditionReads). Those statements run after the
          // first, so their snapshots are taken with both locks held.
          boolean readAhead = condition != CommitCondition.none();
          UserId initiator = event.initiatedBy().id();
          boolean readInitiator = readAhead && !initiator.equals(user);
          List<String> targetIds = List.of(user.value());
          User current;
          boolean taken;
          ConditionReads reads;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + Rows.USER_COLUMNS
                      + ", pg_advisory_xact_lock_shared(?, hashtext(?)) IS NULL, EXISTS ("
                      + (log == null
                          ? "SELECT 1 FROM mystaff_outbox o WHERE o.tenant = ? AND o.event_id = ?"
                          : "SELECT 1 FROM mystaff_audit a WHERE a.log = ? AND a.event_id = ?")
                      + ") FROM mystaff_user u WHERE u.tenant = ? AND u.id = ? FOR UPDATE OF u"
                      + (readAhead ? "; " + SqlDirectory.factsSql(targetIds, true) : "")
                      + (readInitiator ? "; " + SqlDirectory.USER_WITH_ROLES : ""))) {
            ps.setInt(1, LOCK_CLASS);
            ps.setString(2, name);
            ps.setString(3, log == null ? name : log.log());
            ps.setString(4, event.id());
            ps.setString(5, name);
            ps.setString(6, user.value());
            int next = 7;
            if (readAhead) {
              next = SqlDirectory.bindFacts(ps, next, c, name, targetIds, true);
            }
            if (readInitiator) {
              SqlDirectory.bindUserWithRoles(ps, next, name, initiator.value());
            }
            ps.execute();
            try (ResultSet rs = ps.getResultSet()) {
              if (!rs.next()) {
                throw new UnknownUserException(user);
              }
              current = Rows.user(rs);
              taken = rs.getBoolean(Rows.USER_COLUMN_COUNT + 2);
            }
            reads =
                new ConditionReads(new SqlDirectory(name, cursors, Jdbc.on(c)), c, name, current);
            if (readAhead) {
              SqlDirectory.nextResult(ps);
              reads.factsRead(SqlDirectory.readFacts(ps, targetIds, reads.unitsNamed));
            }
            if (readInitiator) {
              SqlDirectory.nextResult(ps);
              reads.userRead(initiator, SqlDirectory.readUserWithRoles(ps));
            }
          }
          checkVersion(current, expectedVersion);
          User.Builder changed = change.apply(current);
          if (taken) {
            throw eventIdTaken(log);
          }
          // A condition is verified once per write: after it ran, a failed transaction is not
          // repeated. CommitCondition.none() reads nothing, so its writes may be.
          verified.set(condition != CommitCondition.none());
          condition.verify(reads);
          // The phones and flag do not depend on the version, which the UPDATE draws from the
          // shared sequence (above the current one) and returns with the transaction's id; the
          // event is stored by the same statement: one round trip for the change and its event.
          User written = changed.version(current.version() + 1).build();
          long version;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "WITH changed AS (UPDATE mystaff_user SET phones = ?::jsonb, force_change = ?,"
                      + " version = greatest(nextval('mystaff_version_seq'), ? + 1)"
                      + (password == null
                          ? ""
                          : ", password_salt = ?, password_hash = ?, password_iterations = ?")
                      // greatest() skips a NULL: never revoked, or an earlier instant, moves
                      // forward
                      + (sessionsValidFrom == null
                          ? ""
                          : ", sessions_valid_from = greatest(sessions_valid_from, ?)")
                      + " WHERE tenant = ? AND id = ? RETURNING version), stored AS ("
                      + (log == null
                          ? "INSERT INTO mystaff_outbox (tenant, event_id, event) VALUES (?, ?, ?)"
                          : PostgresAuditSink.INSERT)
                      + ") SELECT version, pg_current_xact_id()::text FROM changed")) {
            int i = 1;
            ps.setString(i++, Rows.phonesJson(written));
            ps.setBoolean(i++, written.forceChangePasswordNextSignIn());
            ps.setLong(i++, current.version());
            if (password != null) {
              ps.setBytes(i++, password.salt());
              ps.setBytes(i++, password.hash());
              ps.setInt(i++, password.iterations());
            }
            if (sessionsValidFrom != null) {
              ps.setObject(i++, utc(sessionsValidFrom));
            }
            ps.setString(i++, name);
            ps.setString(i++, user.value());
            if (log == null) {
              ps.setString(i++, name);
              ps.setString(i++, event.id());
              ps.setString(i, json);
            } else {
              PostgresAuditSink.bind(ps, i, c, log.log(), event, json);
            }
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw new IllegalStateException("the locked row of " + user + " went away");
              }
              version = rs.getLong(1);
              Jdbc.noteTransactionId(rs.getString(2));
            }
          } catch (SQLException e) {
            if (Jdbc.isUniqueViolation(e)) { // stored by a concurrent write since the check above
              throw eventIdTaken(log);
            }
            throw e;
          }
          return changed.version(version).build();
        },
        () -> !verified.get());
  }

  private static InvalidInputException eventIdTaken(@Nullable PostgresAuditSink log) {
    return InvalidInputException.of(
        "audit event id",
        log == null ? "is already pending in the outbox" : "is already recorded in the audit log");
  }

  /**
   * The directory a commit condition reads, in the write's transaction, with round trips saved. The
   * user whose row the write holds locked is the row it read, which nothing can change before the
   * commit. The write reads ahead, in its lock's round trip, what core's condition reads: the
   * locked user's facts with the units they name ({@link #factsRead}), and the event's initiator
   * with their role assignments and the role catalog ({@link #userRead}). Any other user is read
   * with their role assignments and the role catalog in one round trip ({@link
   * SqlDirectory#userWithRoles}); other users' facts are read with the units they name ({@link
   * SqlDirectory#factsOf}). Those are served from these reads, as they would be read again: under
   * the directory's advisory lock, which the write holds shared, no administrative write can change
   * them before the commit.
   */
  private static final class ConditionReads extends ForwardingDirectory {
    private final Connection c;
    private final String tenant;
    private final User locked;
    private @Nullable UserId readAhead;
    private Optional<User> readAheadUser = Optional.empty();
    private List<RoleAssignment> assignments = List.of();
    private @Nullable RoleCatalog roles;

    /** The locked user's facts, when read ahead. */
    private @Nullable Map<UserId, UserFacts> lockedFacts;

    /** The units named by the facts read so far, by id: present if the unit exists. */
    final Map<UnitId, Optional<AdministrativeUnit>> unitsNamed = new HashMap<>();

    ConditionReads(Directory delegate, Connection c, String tenant, User locked) {
      super(delegate);
      this.c = c;
      this.tenant = tenant;
      this.locked = locked;
    }

    /** Notes the locked user's facts, read ahead with the units they name. */
    void factsRead(Map<UserId, UserFacts> facts) {
      lockedFacts = facts;
    }

    /** Notes user {@code id}, their role assignments and the role catalog, read ahead. */
    void userRead(UserId id, SqlDirectory.UserWithRoles read) {
      readAhead = id;
      readAheadUser = read.user();
      assignments = read.assignments();
      roles = read.roles();
    }

    @Override
    public Optional<User> findUser(UserId id) {
      requireNonNull(id, "id");
      if (id.equals(locked.id())) {
        return Optional.of(locked);
      }
      if (id.equals(readAhead)) {
        return readAheadUser;
      }
      userRead(
          id,
          Jdbc.on(c)
              .with("read a user", conn -> SqlDirectory.userWithRoles(conn, tenant, id.value())));
      return readAheadUser;
    }

    @Override
    public List<RoleAssignment> assignmentsOf(UserId principal) {
      return principal.equals(readAhead) ? assignments : super.assignmentsOf(principal);
    }

    @Override
    public RoleCatalog roles() {
      RoleCatalog read = roles;
      return read != null ? read : super.roles();
    }

    @Override
    public Map<UserId, UserFacts> userFactsOf(Collection<UserId> users) {
      requireNonNull(users, "users");
      if (users.isEmpty()) {
        return Map.of();
      }
      List<String> ids = users.stream().map(UserId::value).distinct().toList();
      Map<UserId, UserFacts> known = lockedFacts;
      if (known != null && ids.size() == 1 && ids.get(0).equals(locked.id().value())) {
        return known;
      }
      return Jdbc.on(c)
          .with(
              "read the facts of users",
              conn -> SqlDirectory.factsOf(conn, tenant, ids, unitsNamed));
    }

    @Override
    public Optional<AdministrativeUnit> findUnit(UnitId id) {
      Optional<AdministrativeUnit> known = unitsNamed.get(requireNonNull(id, "id"));
      return known != null ? known : super.findUnit(id);
    }

    @Override
    public Map<UnitId, AdministrativeUnit> findUnits(Collection<UnitId> ids) {
      requireNonNull(ids, "ids");
      if (!unitsNamed.keySet().containsAll(ids)) {
        return super.findUnits(ids);
      }
      Map<UnitId, AdministrativeUnit> found = new HashMap<>();
      for (UnitId id : ids) {
        unitsNamed.getOrDefault(id, Optional.empty()).ifPresent(u -> found.put(id, u));
      }
      return Map.copyOf(found);
    }
  }

  /** {@link #structural} for work without a result. */
  private void structuralUpdate(String what, Jdbc.Update update) {
    jdbc.update(
        what,
        c -> {
          lock(c);
          update.run(c);
        });
  }

  /** Runs an administrative write under the directory's advisory lock, held exclusively. */
  private <T> T structural(String what, Jdbc.Work<T> work) {
    return jdbc.transaction(
        what,
        c -> {
          lock(c);
          return work.run(c);
        });
  }

  /**
   * Takes the directory's transaction-scoped advisory lock exclusively, as administrative writes
   * do; compare-and-set writes take it shared (with their row lock, in {@link #compareAndSet}), so
   * they run in parallel with each other but never with an administrative write.
   */
  private void lock(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
      ps.setInt(1, LOCK_CLASS);
      ps.setString(2, name);
      ps.executeQuery().close();
    }
  }

  /** A version from the shared sequence, and above {@code atLeastAbove}. */
  private static long nextVersion(Connection c, long atLeastAbove) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("SELECT greatest(nextval('mystaff_version_seq'), ? + 1)");
        ResultSet rs = bind(ps, atLeastAbove).executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static PreparedStatement bind(PreparedStatement ps, long value) throws SQLException {
    ps.setLong(1, value);
    return ps;
  }

  private Map<String, MembershipRule> dynamicUnits(Connection c) throws SQLException {
    Map<String, MembershipRule> units = new java.util.LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, membership_rule FROM mystaff_unit WHERE tenant = ? AND membership_rule IS"
                + " NOT NULL ORDER BY id")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          units.put(rs.getString(1), rule(rs.getString(2)));
        }
      }
    }
    return units;
  }

  private MembershipRule rule(String source) {
    return rules.computeIfAbsent(source, MembershipRule::parse);
  }

  private void setMembership(
      Connection c, String unit, User user, String nameKey, RuleOutcome outcome)
      throws SQLException {
    String id = user.id().value();
    if (outcome == RuleOutcome.MATCH) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO mystaff_member (tenant, unit_id, user_id, name_key) VALUES (?, ?, ?, ?)"
                  + " ON CONFLICT (tenant, unit_id, user_id) DO UPDATE SET name_key ="
                  + " excluded.name_key")) {
        ps.setString(1, name);
        ps.setString(2, unit);
        ps.setString(3, id);
        ps.setString(4, nameKey);
        ps.executeUpdate();
      }
    } else {
      update(
          c,
          "DELETE FROM mystaff_member WHERE tenant = ? AND unit_id = ? AND user_id = ?",
          name,
          unit,
          id);
    }
    if (outcome == RuleOutcome.UNDECIDED) {
      update(
          c,
          "INSERT INTO mystaff_undecided (tenant, unit_id, user_id) VALUES (?, ?, ?) ON CONFLICT"
              + " DO NOTHING",
          name,
          unit,
          id);
    } else {
      update(
          c,
          "DELETE FROM mystaff_undecided WHERE tenant = ? AND unit_id = ? AND user_id = ?",
          name,
          unit,
          id);
    }
  }

  /** Materialises a new rule: a member row per matching user, an undecided row per undecided. */
  private void evaluateAll(Connection c, String unit, MembershipRule rule) throws SQLException {
    List<String[]> members = new ArrayList<>();
    List<String> undecided = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + Rows.USER_COLUMNS
                + ", u.name_key FROM mystaff_user u WHERE u.tenant = ?")) {
      ps.setFetchSize(1_000);
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          User user = Rows.user(rs);
          RuleOutcome outcome = rule.evaluate(user);
          if (outcome == RuleOutcome.MATCH) {
            members.add(new String[] {user.id().value(), rs.getString(13)});
          } else if (outcome == RuleOutcome.UNDECIDED) {
            undecided.add(user.id().value());
          }
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO mystaff_member (tenant, unit_id, user_id, name_key) VALUES (?, ?, ?,"
                + " ?)")) {
      for (String[] m : members) {
        ps.setString(1, name);
        ps.setString(2, unit);
        ps.setString(3, m[0]);
        ps.setString(4, m[1]);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO mystaff_undecided (tenant, unit_id, user_id) VALUES (?, ?, ?)")) {
      for (String u : undecided) {
        ps.setString(1, name);
        ps.setString(2, unit);
        ps.setString(3, u);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private void replaceTerms(
      Connection c, String table, String column, String id, Collection<String> terms)
      throws SQLException {
    update(c, "DELETE FROM " + table + " WHERE tenant = ? AND " + column + " = ?", name, id);
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO "
                + table
                + " (tenant, term, "
                + column
                + ") VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
      for (String term : terms) {
        ps.setString(1, name);
        ps.setString(2, term);
        ps.setString(3, id);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private AdministrativeUnit assignedUnit(Connection c, UnitId unit) throws SQLException {
    AdministrativeUnit found =
        SqlDirectory.findUnit(c, name, unit.value(), false)
            .orElseThrow(() -> new UnknownUnitException(unit));
    if (found.isDynamic()) {
      throw InvalidInputException.of(
          "unit", "is a dynamic unit: its membership rule decides its members");
    }
    return found;
  }

  private static int update(Connection c, String sql, String... values) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        ps.setString(i + 1, values[i]);
      }
      return ps.executeUpdate();
    }
  }

  private static String principalValue(RoleAssignment assignment) {
    return assignment.principal() instanceof UserId u
        ? u.value()
        : ((io.mystaff.api.GroupId) assignment.principal()).value();
  }

  private static OffsetDateTime utc(java.time.Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static void checkVersion(User current, long expectedVersion) {
    if (current.version() != expectedVersion) {
      throw new StaleVersionException(current.id(), expectedVersion, current.version());
    }
  }

  private static void requireCloudOnly(User user) {
    if (user.source() != UserSource.CLOUD_ONLY) {
      throw InvalidInputException.of(
          "user", "is synced from on-premises: their password is written back, not set here");
    }
  }

  /** The directory's row, created with a random cursor key by the first node to start. */
  private byte[] cursorKey() {
    byte[] fresh = new byte[32];
    random.nextBytes(fresh);
    return jdbc.transaction(
        "register the directory",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO mystaff_tenant (tenant, cursor_key) VALUES (?, ?)"
                      + " ON CONFLICT (tenant) DO NOTHING")) {
            ps.setString(1, name);
            ps.setBytes(2, fresh);
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement("SELECT cursor_key FROM mystaff_tenant WHERE tenant = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getBytes(1);
            }
          }
        });
  }

  /**
   * Builds a {@link PostgresDirectory}.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private @Nullable DataSource dataSource;
    private String name = "default";
    private boolean migrate = true;
    private int passwordHashIterations = PasswordHash.MIN_ITERATIONS;
    private int termSortLimit = SqlDirectory.TERM_SORT_LIMIT;
    private @Nullable PostgresAuditSink auditLog;

    private Builder() {}

    /**
     * The host's data source (pooled, e.g. HikariCP). Required.
     *
     * @param dataSource the data source
     * @return this builder
     */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = requireNonNull(dataSource, "dataSource");
      return this;
    }

    /**
     * The directory's name, the key of its rows: nodes of one host use the same name; one database
     * may hold several directories under different names. Default {@code "default"}.
     *
     * @param name 1 to 64 characters
     * @return this builder
     * @throws InvalidInputException if the name is empty or longer than 64 characters
     */
    public Builder name(String name) {
      requireNonNull(name, "name");
      if (name.isEmpty() || name.length() > 64) {
        throw InvalidInputException.of("directory name", "must be 1 to 64 characters");
      }
      this.name = name;
      return this;
    }

    /**
     * Whether {@link #build()} runs {@link PostgresSchema#migrate} first. Default true; hosts that
     * migrate at deployment turn it off.
     *
     * @param migrate true to migrate the schema on build
     * @return this builder
     */
    public Builder migrateSchema(boolean migrate) {
      this.migrate = migrate;
      return this;
    }

    /**
     * PBKDF2 iterations of stored password hashes. Default and minimum 600,000.
     *
     * @param iterations the work factor
     * @return this builder
     * @throws InvalidInputException if below the minimum
     */
    public Builder passwordHashIterations(int iterations) {
      this.passwordHashIterations = PasswordHash.requireIterations(iterations);
      return this;
    }

    /**
     * Stores the audit event of every write (and every {@link #appendAuditEvent}) in {@code sink}'s
     * log, in the write's own transaction, instead of in the outbox: each event is stored exactly
     * once, atomically with its change, and nothing is left to relay. A phone edit then commits
     * once instead of three times (the write, the relay's insert into the audit log, the outbox
     * acknowledgement).
     *
     * <p>Use it only when {@code sink} is also the audit sink of every {@code MyStaff} over this
     * directory ({@code MyStaff.Builder.auditSink}): the events of writes then never pass through
     * that builder's sink or relay. The outbox still holds the events that {@link
     * PostgresWritebackJournal} stores there; the relays deliver those as before. Off by default:
     * writes store their events in the outbox, and any {@link io.mystaff.spi.AuditSink} can receive
     * them.
     *
     * @param sink the audit log to store write events in; must write through this builder's data
     *     source (the same instance), so that it is the same database
     * @return this builder
     * @throws InvalidInputException from {@link #build()} if {@code sink} writes through another
     *     data source
     * @since 0.1.0
     */
    public Builder recordAuditIn(PostgresAuditSink sink) {
      this.auditLog = requireNonNull(sink, "sink");
      return this;
    }

    /** Tests: the most term rows a search sorts before it walks users in order instead. */
    Builder termSortLimit(int limit) {
      this.termSortLimit = limit;
      return this;
    }

    /**
     * Builds the directory: migrates the schema if asked and registers the directory's name.
     *
     * @return the directory
     * @throws io.mystaff.api.ProviderFailureException if the database cannot be reached
     */
    public PostgresDirectory build() {
      DataSource ds = dataSource;
      if (ds == null) {
        throw InvalidInputException.of("data source", "is required");
      }
      if (auditLog != null && auditLog.dataSource() != ds) {
        throw InvalidInputException.of(
            "audit sink", "must write through the directory's data source (the same instance)");
      }
      return new PostgresDirectory(this, ds);
    }
  }
}
