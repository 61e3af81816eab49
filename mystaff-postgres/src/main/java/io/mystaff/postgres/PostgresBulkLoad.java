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
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Loads new users, units, memberships, custom roles and role assignments into a {@link
 * PostgresDirectory} with PostgreSQL's {@code COPY}, in one transaction: the initial import of a
 * tenant, a million users in about a minute instead of a million transactions. Rows are buffered
 * per table and copied in chunks; {@link #commit()} copies the rest and commits, {@link #close()}
 * without a commit rolls everything back. Dynamic units' rules are evaluated for each user loaded
 * after the unit, as {@link PostgresDirectory#putUser} does.
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

  private final String tenant;
  private final Connection connection;
  private final CopyManager copy;
  private final Map<String, StringBuilder> buffers = new LinkedHashMap<>();
  private final Map<String, String> columns = new HashMap<>();
  private final Map<String, MembershipRule> dynamicUnits = new LinkedHashMap<>();
  private final Map<String, String> nameKeys = new HashMap<>();
  private long maxVersion;
  private long userCount;
  private boolean ended;

  PostgresBulkLoad(DataSource dataSource, String tenant, int lockClass) {
    this.tenant = tenant;
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
   * Adds a unit; a dynamic unit's rule applies to the users loaded after it.
   *
   * @param unit the new unit
   * @return this load
   * @throws InvalidInputException if its rule is not a valid membership rule
   */
  public PostgresBulkLoad unit(AdministrativeUnit unit) {
    requireNonNull(unit, "unit");
    String id = unit.id().value();
    unit.membershipRule().ifPresent(r -> dynamicUnits.put(id, MembershipRule.parse(r)));
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
    userCount++;
    String id = user.id().value();
    String nameKey = Folding.fold(user.displayName());
    nameKeys.put(id, nameKey);
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
      RuleOutcome outcome = unit.getValue().evaluate(user);
      if (outcome == RuleOutcome.MATCH) {
        row("mystaff_member_load", tenant, unit.getKey(), id, nameKey);
      } else if (outcome == RuleOutcome.UNDECIDED) {
        row("mystaff_undecided", tenant, unit.getKey(), id);
      }
    }
    return this;
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
    String nameKey = nameKeys.get(user.value());
    if (nameKey == null) {
      throw InvalidInputException.of("member", "must be a user added by this bulk load");
    }
    if (dynamicUnits.containsKey(unit.value())) {
      throw InvalidInputException.of(
          "unit", "is a dynamic unit: its membership rule decides its members");
    }
    row("mystaff_member_load", tenant, unit.value(), user.value(), nameKey);
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
   *     already); nothing was loaded
   */
  public void commit() {
    if (ended) {
      throw new IllegalStateException("this bulk load has ended");
    }
    try {
      for (String table : buffers.keySet()) {
        flush(table);
      }
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
      connection.commit();
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

  private void row(String table, String... values) {
    StringBuilder b = buffers.get(table);
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
    StringBuilder b = buffers.get(table);
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
