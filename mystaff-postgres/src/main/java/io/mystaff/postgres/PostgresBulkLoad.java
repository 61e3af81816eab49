package io.mystaff.postgres;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.ProviderFailureException;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.RoleDefinition;
import io.mystaff.api.authz.Scope;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.User;
import io.mystaff.membership.MembershipRule;
import io.mystaff.membership.RuleOutcome;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Loads new users, units, memberships, custom roles and role assignments into a {@link
 * PostgresDirectory} with PostgreSQL's {@code COPY}, in one transaction: the initial import of a
 * tenant, a million users in about a minute instead of a million transactions. Rows are buffered
 * per table and copied in chunks; {@link #commit()} copies the rest and commits, {@link #close()}
 * without a commit rolls everything back. Dynamic memberships end exactly as one write at a time
 * would leave them: the directory's dynamic units' rules are evaluated for each user as it is
 * loaded (as {@link PostgresDirectory#putUser} does), and each dynamic unit the load adds is
 * evaluated for every user it did not meet that way (the users the directory held before the load,
 * and those loaded before the unit), at {@link #commit()}, streamed in id order (as {@link
 * PostgresDirectory#putUnit} does).
 *
 * <p>Only for entries the directory does not hold yet: an id that exists already fails the commit
 * (nothing is loaded). Users are stored at exactly the version they carry, as an import from
 * another store keeps them (and as the in-memory provider's builder seeds them); every later write
 * stores a user at a version above every version loaded. Holds the directory's advisory lock
 * exclusively until it ends, so no other write interleaves. Not thread-safe: one thread loads.
 *
 * @since 0.1.0
 */
public final class PostgresBulkLoad implements AutoCloseable {
  private static final int CHUNK_CHARS = 8 << 20;
  private static final int PAGE = 1_000;

  private final String tenant;
  private final Jdbc jdbc;
  private final Connection connection;
  private final CopyManager copy;
  private final Map<String, StringBuilder> buffers = new LinkedHashMap<>();
  private final Map<String, String> columns = new HashMap<>();
  private final Map<String, MembershipRule> dynamicUnits = new LinkedHashMap<>();
  private final List<AddedRule> addedRules = new ArrayList<>();
  private final Map<String, LoadedUser> loaded = new HashMap<>();
  private final boolean hadUsers;
  private long maxVersion;
  private long userCount;
  private boolean ended;

  PostgresBulkLoad(DataSource dataSource, String tenant, int lockClass) {
    this.tenant = tenant;
    this.jdbc = new Jdbc(dataSource);
    try {
      this.connection = dataSource.getConnection();
    } catch (SQLException e) {
      throw Jdbc.failure("start a bulk load", e);
    }
    try {
      connection.setAutoCommit(false);
      this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
      try (PreparedStatement ps =
          connection.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
        ps.setInt(1, lockClass);
        ps.setString(2, tenant);
        ps.executeQuery().close();
      }
      try (PreparedStatement ps =
          connection.prepareStatement(
              "CREATE TEMPORARY TABLE mystaff_member_load (LIKE mystaff_member) ON COMMIT DROP")) {
        ps.execute();
      }
      try (PreparedStatement ps =
          connection.prepareStatement(
              "SELECT id, membership_rule FROM mystaff_unit WHERE tenant = ? AND membership_rule"
                  + " IS NOT NULL")) {
        ps.setString(1, tenant);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            dynamicUnits.put(rs.getString(1), MembershipRule.parse(rs.getString(2)));
          }
        }
      }
      try (PreparedStatement ps =
          connection.prepareStatement(
              "SELECT EXISTS (SELECT 1 FROM mystaff_user WHERE tenant = ?)")) {
        ps.setString(1, tenant);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          this.hadUsers = rs.getBoolean(1);
        }
      }
    } catch (SQLException e) {
      abandon();
      throw Jdbc.failure("start a bulk load", e);
    }
    columns.put(
        "mystaff_user",
        "tenant, id, upn, upn_key, display_name, name_key, source, sam_account_name,"
            + " account_enabled, user_type, attributes, groups, phones, force_change, version");
    columns.put("mystaff_user_term", "tenant, term, user_id, name_key, cover");
    columns.put(
        "mystaff_unit",
        "tenant, id, display_name, name_key, description, membership_rule, restricted");
    columns.put("mystaff_unit_term", "tenant, term, unit_id");
    // Members are staged and inserted with ON CONFLICT DO NOTHING, so adding a member twice in one
    // load is the no-op that addMember makes it.
    columns.put("mystaff_member_load", "tenant, unit_id, user_id, name_key");
    columns.put("mystaff_undecided", "tenant, unit_id, user_id");
    columns.put("mystaff_role", "tenant, id, display_name, actions");
    columns.put(
        "mystaff_assignment",
        "tenant, id, principal_kind, principal, role_id, unit_id, starts, ends, kind");
    for (String table : columns.keySet()) {
      buffers.put(table, new StringBuilder());
    }
  }

  /**
   * Adds a unit; a dynamic unit's rule applies to every user of the directory once the load
   * commits: those loaded after it as they are loaded, the others at {@link #commit()}.
   *
   * @param unit the new unit
   * @return this load
   * @throws InvalidInputException if its rule is not a valid membership rule
   */
  public PostgresBulkLoad unit(AdministrativeUnit unit) {
    requireNonNull(unit, "unit");
    String id = unit.id().value();
    if (unit.membershipRule().isPresent()) {
      MembershipRule rule = MembershipRule.parse(unit.membershipRule().get());
      dynamicUnits.put(id, rule);
      addedRules.add(new AddedRule(id, rule, userCount));
    }
    row(
        "mystaff_unit",
        tenant,
        id,
        unit.displayName(),
        Folding.fold(unit.displayName()),
        unit.description().orElse(null),
        unit.membershipRule().orElse(null),
        Boolean.toString(unit.restrictedManagement()));
    for (String term : Folding.nameTerms(unit.displayName())) {
      row("mystaff_unit_term", tenant, term, id);
    }
    return this;
  }

  /**
   * Adds a user, with its dynamic memberships.
   *
   * @param user the new user, stored at exactly its version
   * @return this load
   * @throws InvalidInputException if {@code user.version()} is {@link Long#MAX_VALUE} (no write
   *     could follow it)
   */
  public PostgresBulkLoad user(User user) {
    requireNonNull(user, "user");
    if (user.version() == Long.MAX_VALUE) {
      throw InvalidInputException.of("version", "must be less than " + Long.MAX_VALUE);
    }
    String id = user.id().value();
    String nameKey = Folding.fold(user.displayName());
    loaded.put(id, new LoadedUser(nameKey, userCount));
    userCount++;
    List<String> groups = new ArrayList<>();
    user.groups().forEach(g -> groups.add(g.value()));
    row(
        "mystaff_user",
        tenant,
        id,
        user.userPrincipalName(),
        Folding.fold(user.userPrincipalName()),
        user.displayName(),
        nameKey,
        user.source().name(),
        user.onPremisesSamAccountName().orElse(null),
        Boolean.toString(user.accountEnabled()),
        user.userType().name(),
        Rows.attributesJson(user),
        arrayLiteral(groups),
        Rows.phonesJson(user),
        Boolean.toString(user.forceChangePasswordNextSignIn()),
        Long.toString(user.version()));
    maxVersion = Math.max(maxVersion, user.version());
    for (String term : Folding.userTerms(user.displayName(), user.userPrincipalName())) {
      row(
          "mystaff_user_term",
          tenant,
          term,
          id,
          nameKey,
          Integer.toString(Folding.cover(term, nameKey)));
    }
    for (Map.Entry<String, MembershipRule> unit : dynamicUnits.entrySet()) {
      evaluate(unit.getKey(), unit.getValue(), user, nameKey);
    }
    return this;
  }

  /** Stores the membership or undecided row of {@code user} in {@code unit}, as its rule says. */
  private void evaluate(String unit, MembershipRule rule, User user, String nameKey) {
    RuleOutcome outcome = rule.evaluate(user);
    if (outcome == RuleOutcome.MATCH) {
      row("mystaff_member_load", tenant, unit, user.id().value(), nameKey);
    } else if (outcome == RuleOutcome.UNDECIDED) {
      row("mystaff_undecided", tenant, unit, user.id().value());
    }
  }

  /**
   * Evaluates each dynamic unit added by this load for the users {@link #user} did not evaluate it
   * for: every user the directory held before the load, and the users this load added before the
   * unit. Streams the directory's users in id order, a page at a time (keyset paging on the primary
   * key), after every loaded user was copied.
   */
  private void evaluateAddedRules() throws SQLException {
    long loadedBeforeARule = 0;
    for (AddedRule rule : addedRules) {
      loadedBeforeARule = Math.max(loadedBeforeARule, rule.loadedBefore());
    }
    if (!hadUsers && loadedBeforeARule == 0) {
      return; // every user of the directory was loaded after every rule this load added
    }
    String after = "";
    for (int read = PAGE; read == PAGE; ) {
      read = 0;
      try (PreparedStatement ps =
          connection.prepareStatement(
              "SELECT "
                  + Rows.USER_COLUMNS
                  + ", u.name_key FROM mystaff_user u WHERE u.tenant = ? AND u.id > ?"
                  + " ORDER BY u.id LIMIT ?")) {
        ps.setString(1, tenant);
        ps.setString(2, after);
        ps.setInt(3, PAGE);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            read++;
            User user = Rows.user(rs);
            String nameKey = rs.getString(13);
            after = user.id().value();
            LoadedUser mine = loaded.get(after);
            for (AddedRule rule : addedRules) {
              if (mine == null || mine.index() < rule.loadedBefore()) {
                evaluate(rule.unit(), rule.rule(), user, nameKey);
              }
            }
          }
        }
      }
    }
  }

  /**
   * Makes a user loaded by this load a member of an assigned unit.
   *
   * @param unit the assigned unit
   * @param user a user added by {@link #user} before
   * @return this load
   * @throws InvalidInputException if the user was not loaded by this load, or the unit is dynamic
   */
  public PostgresBulkLoad member(UnitId unit, UserId user) {
    requireNonNull(unit, "unit");
    requireNonNull(user, "user");
    LoadedUser member = loaded.get(user.value());
    if (member == null) {
      throw InvalidInputException.of("member", "must be a user added by this bulk load");
    }
    if (dynamicUnits.containsKey(unit.value())) {
      throw InvalidInputException.of(
          "unit", "is a dynamic unit: its membership rule decides its members");
    }
    row("mystaff_member_load", tenant, unit.value(), user.value(), member.nameKey());
    return this;
  }

  /**
   * Adds a custom role.
   *
   * @param role the custom role
   * @return this load
   * @throws InvalidInputException if it is a built-in role
   */
  public PostgresBulkLoad customRole(RoleDefinition role) {
    requireNonNull(role, "role");
    if (role.isBuiltIn()) {
      throw InvalidInputException.of("custom role", "a built-in role cannot be redefined");
    }
    row(
        "mystaff_role",
        tenant,
        role.id().value(),
        role.displayName(),
        arrayLiteral(role.allowedResourceActions()));
    return this;
  }

  /**
   * Adds a role assignment (not checked against the role catalog: the import's source is trusted).
   *
   * @param assignment the assignment
   * @return this load
   */
  public PostgresBulkLoad assignment(RoleAssignment assignment) {
    requireNonNull(assignment, "assignment");
    String principal =
        assignment.principal() instanceof UserId u
            ? u.value()
            : ((io.mystaff.api.GroupId) assignment.principal()).value();
    row(
        "mystaff_assignment",
        tenant,
        assignment.id().value(),
        assignment.principal() instanceof UserId ? "U" : "G",
        principal,
        assignment.role().value(),
        assignment.scope() instanceof Scope.Unit s ? s.unit().value() : null,
        assignment.start().map(PostgresBulkLoad::timestamp).orElse(null),
        assignment.end().map(PostgresBulkLoad::timestamp).orElse(null),
        assignment.kind().name());
    return this;
  }

  /**
   * Copies what is still buffered and commits the whole load.
   *
   * @throws ProviderFailureException if the database refused a row (for example an id that exists
   *     already); nothing was loaded. If the reply to the COMMIT was lost, the load asks the
   *     database whether it committed: it returns normally if so, and throws an exception whose
   *     {@link ProviderFailureException#isOutcomeUnknown() outcome is unknown} if it cannot tell
   */
  public void commit() {
    if (ended) {
      throw new IllegalStateException("this bulk load has ended");
    }
    try {
      for (String table : buffers.keySet()) {
        flush(table);
      }
      evaluateAddedRules();
      flush("mystaff_member_load");
      flush("mystaff_undecided");
      try (PreparedStatement ps =
          connection.prepareStatement(
              "INSERT INTO mystaff_member SELECT * FROM mystaff_member_load ON CONFLICT DO"
                  + " NOTHING")) {
        ps.executeUpdate();
      }
      try (PreparedStatement ps =
          connection.prepareStatement(
              "SELECT setval('mystaff_version_seq', greatest(?, (SELECT last_value FROM"
                  + " mystaff_version_seq)))")) {
        ps.setLong(1, maxVersion);
        ps.executeQuery().close();
      }
      Optional<String> xid = Jdbc.transactionId(connection);
      try {
        connection.commit();
      } catch (SQLException e) {
        if (xid.isEmpty() || !Jdbc.isCommitOutcomeUnknown(e)) {
          throw e;
        }
        abandon();
        jdbc.resolve("commit a bulk load", new Jdbc.InDoubt<>(xid.get(), Boolean.TRUE, e));
        return;
      }
      ended = true;
      connection.setAutoCommit(true);
      connection.close();
    } catch (SQLException e) {
      abandon();
      throw Jdbc.failure("commit a bulk load", e);
    }
  }

  /** Rolls the load back unless it was committed. */
  @Override
  public void close() {
    if (!ended) {
      abandon();
    }
  }

  @Override
  public String toString() {
    return "PostgresBulkLoad{" + tenant + ", " + userCount + " users}";
  }

  private void row(String table, @Nullable String... values) {
    StringBuilder b = requireNonNull(buffers.get(table), table);
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        b.append('\t');
      }
      escape(b, values[i]);
    }
    b.append('\n');
    if (b.length() > CHUNK_CHARS) {
      try {
        flush(table);
      } catch (SQLException e) {
        abandon();
        throw Jdbc.failure("copy a bulk load chunk", e);
      }
    }
  }

  private void flush(String table) throws SQLException {
    StringBuilder b = requireNonNull(buffers.get(table), table);
    if (b.length() == 0) {
      return;
    }
    try {
      copy.copyIn(
          "COPY " + table + " (" + columns.get(table) + ") FROM STDIN",
          new StringReader(b.toString()));
    } catch (IOException e) {
      throw new SQLException("could not stream a COPY", "08006", e);
    }
    b.setLength(0);
  }

  /** COPY's text format: backslash escapes for the separator characters, \N for null. */
  private static void escape(StringBuilder b, @org.jspecify.annotations.Nullable String value) {
    if (value == null) {
      b.append("\\N");
      return;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '\t' -> b.append("\\t");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        default -> b.append(c);
      }
    }
  }

  /** A text[] literal: every element double-quoted, quotes and backslashes escaped. */
  private static String arrayLiteral(Collection<String> values) {
    StringBuilder b = new StringBuilder("{");
    for (String v : values) {
      if (b.length() > 1) {
        b.append(',');
      }
      b.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return b.append('}').toString();
  }

  private static String timestamp(java.time.Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC).toString();
  }

  /** A dynamic unit added by this load, after {@code loadedBefore} users of it. */
  private record AddedRule(String unit, MembershipRule rule, long loadedBefore) {}

  /** A user added by this load, the {@code index}th (from 0). */
  private record LoadedUser(String nameKey, long index) {}

  private void abandon() {
    ended = true;
    try {
      connection.rollback();
    } catch (SQLException e) {
      // the connection is gone: so is the transaction
    }
    try {
      connection.close();
    } catch (SQLException e) {
      // nothing more to release
    }
  }
}
