package io.mystaff.postgres;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.Page;
import io.mystaff.api.PageRequest;
import io.mystaff.api.UnitId;
import io.mystaff.api.UnknownUnitException;
import io.mystaff.api.UserId;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.RoleCatalog;
import io.mystaff.api.authz.RoleDefinition;
import io.mystaff.api.authz.Scope;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.User;
import io.mystaff.spi.CursorCodec;
import io.mystaff.spi.Directory;
import io.mystaff.spi.DirectoryOrder;
import io.mystaff.spi.SortKey;
import io.mystaff.spi.UserFacts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The reads of {@link Directory} in SQL, over a source of connections: the pool for {@link
 * PostgresDirectory}'s own reads, or the open transaction of a write for its {@link
 * io.mystaff.spi.CommitCondition}. Every listing is one statement (one snapshot) walking an index
 * in directory order from the cursor's key: keyset paging, never OFFSET.
 */
final class SqlDirectory implements Directory {
  private static final int MAX_QUERY_LENGTH = 256;
  static final String ALL_USERS = "all-users";
  static final String ALL_UNITS = "all-units";

  private final String tenant;
  private final CursorCodec cursors;
  private final Jdbc.Connections connections;

  SqlDirectory(String tenant, CursorCodec cursors, Jdbc.Connections connections) {
    this(tenant, cursors, connections, TERM_SORT_LIMIT);
  }

  SqlDirectory(
      String tenant, CursorCodec cursors, Jdbc.Connections connections, int termSortLimit) {
    this.termSortLimit = termSortLimit;
    this.tenant = tenant;
    this.cursors = cursors;
    this.connections = connections;
  }

  @Override
  public Optional<User> findUser(UserId id) {
    requireNonNull(id, "id");
    return connections.with("read a user", c -> findUser(c, tenant, id.value(), false));
  }

  static Optional<User> findUser(Connection c, String tenant, String id, boolean forUpdate)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + Rows.USER_COLUMNS
                + " FROM mystaff_user u WHERE u.tenant = ? AND u.id = ?"
                + (forUpdate ? " FOR UPDATE" : ""))) {
      ps.setString(1, tenant);
      ps.setString(2, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(Rows.user(rs)) : Optional.empty();
      }
    }
  }

  @Override
  public Optional<AdministrativeUnit> findUnit(UnitId id) {
    requireNonNull(id, "id");
    return connections.with("read a unit", c -> findUnit(c, tenant, id.value(), false));
  }

  static Optional<AdministrativeUnit> findUnit(
      Connection c, String tenant, String id, boolean forUpdate) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + Rows.UNIT_COLUMNS
                + " FROM mystaff_unit n WHERE n.tenant = ? AND n.id = ?"
                + (forUpdate ? " FOR UPDATE" : ""))) {
      ps.setString(1, tenant);
      ps.setString(2, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(Rows.unit(rs)) : Optional.empty();
      }
    }
  }

  @Override
  public Map<UnitId, AdministrativeUnit> findUnits(Collection<UnitId> ids) {
    requireNonNull(ids, "ids");
    if (ids.isEmpty()) {
      return Map.of();
    }
    return connections.with(
        "read units",
        c -> {
          Map<UnitId, AdministrativeUnit> found = new HashMap<>();
          // One unit (the usual case) compares with = for a generic plan (see FACTS_OF_ONE).
          boolean one = ids.size() == 1;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + Rows.UNIT_COLUMNS
                      + " FROM mystaff_unit n WHERE n.tenant = ? AND n.id "
                      + (one ? "= ?" : "= ANY(?)"))) {
            ps.setString(1, tenant);
            if (one) {
              ps.setString(2, ids.iterator().next().value());
            } else {
              ps.setArray(2, Rows.textArray(c, ids.stream().map(UnitId::value).toList()));
            }
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                AdministrativeUnit unit = Rows.unit(rs);
                found.put(unit.id(), unit);
              }
            }
          }
          return Map.copyOf(found);
        });
  }

  @Override
  public Set<UnitId> unitsOf(UserId user) {
    requireNonNull(user, "user");
    return connections.with(
        "read a user's units",
        c ->
            unitIds(
                c, "SELECT unit_id FROM mystaff_member WHERE tenant = ? AND user_id = ?", user));
  }

  @Override
  public Set<UnitId> undecidedUnitsOf(UserId user) {
    requireNonNull(user, "user");
    return connections.with(
        "read a user's undecided units",
        c ->
            unitIds(
                c, "SELECT unit_id FROM mystaff_undecided WHERE tenant = ? AND user_id = ?", user));
  }

  private Set<UnitId> unitIds(Connection c, String sql, UserId user) throws SQLException {
    Set<UnitId> units = new LinkedHashSet<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, tenant);
      ps.setString(2, user.value());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          units.add(UnitId.of(rs.getString(1)));
        }
      }
    }
    return Set.copyOf(units);
  }

  /**
   * The facts of the users in an id array, in one round trip: member units (M), undecided units
   * (D), the users' own assignments (A) and their groups' (G), with the order they were made in,
   * and whether the user is protected as a role-assignable group member (P). Columns: kind, user,
   * unit, seq, the {@link Rows#ASSIGNMENT_COLUMNS} and the protected flag; each branch binds the
   * tenant and the id array.
   */
  private static final String FACTS =
      "SELECT 'M', m.user_id, m.unit_id, NULL::bigint, NULL, NULL, NULL, NULL, NULL,"
          + " NULL::timestamptz, NULL::timestamptz, NULL, NULL::boolean FROM mystaff_member m"
          + " WHERE m.tenant = ? AND m.user_id = ANY(?)"
          + " UNION ALL SELECT 'D', d.user_id, d.unit_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
          + " NULL, NULL, NULL FROM mystaff_undecided d WHERE d.tenant = ? AND d.user_id = ANY(?)"
          + " UNION ALL SELECT 'A', a.principal, NULL, a.seq, "
          + Rows.ASSIGNMENT_COLUMNS
          + ", NULL FROM mystaff_assignment a WHERE a.tenant = ? AND a.principal_kind = 'U' AND"
          + " a.principal = ANY(?)"
          + " UNION ALL SELECT 'G', u.id, NULL, a.seq, "
          + Rows.ASSIGNMENT_COLUMNS
          + ", NULL FROM mystaff_user u CROSS JOIN LATERAL unnest(u.groups) g JOIN"
          + " mystaff_assignment a ON a.tenant = u.tenant AND a.principal_kind = 'G' AND"
          + " a.principal = g WHERE u.tenant = ? AND u.id = ANY(?)"
          + " UNION ALL SELECT 'P', u.id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
          + " NULL, u.role_assignable_member OR EXISTS (SELECT 1 FROM mystaff_assignment a WHERE"
          + " a.tenant = u.tenant AND a.principal_kind = 'G' AND a.principal = ANY(u.groups))"
          + " FROM mystaff_user u WHERE u.tenant = ? AND u.id = ANY(?)";

  @Override
  public Map<UserId, UserFacts> userFactsOf(Collection<UserId> users) {
    requireNonNull(users, "users");
    if (users.isEmpty()) {
      return Map.of();
    }
    List<String> ids = users.stream().map(UserId::value).distinct().toList();
    return connections.with("read the facts of users", c -> factsOf(c, tenant, ids, null));
  }

  /**
   * The units that facts of users name (member, undecided and assignment-scope units), of {@code
   * mystaff_unit n}; parameters: the tenant, then four pairs of the tenant and the users' ids.
   */
  private static final String UNITS_NAMED =
      "SELECT "
          + Rows.UNIT_COLUMNS
          + " FROM mystaff_unit n WHERE n.tenant = ? AND n.id IN (SELECT m.unit_id FROM"
          + " mystaff_member m WHERE m.tenant = ? AND m.user_id = ANY(?) UNION SELECT d.unit_id"
          + " FROM mystaff_undecided d WHERE d.tenant = ? AND d.user_id = ANY(?) UNION SELECT"
          + " a.unit_id FROM mystaff_assignment a WHERE a.tenant = ? AND a.principal_kind = 'U'"
          + " AND a.principal = ANY(?) UNION SELECT a.unit_id FROM mystaff_user u CROSS JOIN"
          + " LATERAL unnest(u.groups) g JOIN mystaff_assignment a ON a.tenant = u.tenant AND"
          + " a.principal_kind = 'G' AND a.principal = g WHERE u.tenant = ? AND u.id = ANY(?))";

  /**
   * The facts of the users {@code ids} on {@code c} ({@link #FACTS}). With {@code unitsNamed}, also
   * every unit the facts name, in the same round trip (a second statement sent with the first, run
   * with its own snapshot), put into it by id: the unit if it exists, empty if not.
   */
  static Map<UserId, UserFacts> factsOf(
      Connection c,
      String tenant,
      List<String> ids,
      @Nullable Map<UnitId, Optional<AdministrativeUnit>> unitsNamed)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(factsSql(ids, unitsNamed != null))) {
      bindFacts(ps, 1, c, tenant, ids, unitsNamed != null);
      ps.execute();
      return readFacts(ps, ids, unitsNamed);
    }
  }

  /**
   * {@link #FACTS} and {@link #UNITS_NAMED} for one user: each {@code = ANY(?)} of an id array is
   * {@code = ?} of the one id. PostgreSQL plans a statement that compares with an array parameter
   * again at each execution (its custom plan for the actual array always looks cheaper than a
   * generic one), which cost this statement more than running it (about 0.3 ms at 1M users); with
   * {@code =} the generic plan is as cheap, so the server settles on it after five executions.
   */
  private static final String FACTS_OF_ONE = FACTS.replace("= ANY(?)", "= ?");

  private static final String UNITS_NAMED_OF_ONE = UNITS_NAMED.replace("= ANY(?)", "= ?");

  /**
   * The statements of {@link #factsOf} for {@code ids}: {@link #FACTS}, and {@link #UNITS_NAMED} if
   * asked; their one-user forms for one id.
   */
  static String factsSql(List<String> ids, boolean withUnits) {
    if (ids.size() == 1) {
      return withUnits ? FACTS_OF_ONE + "; " + UNITS_NAMED_OF_ONE : FACTS_OF_ONE;
    }
    return withUnits ? FACTS + "; " + UNITS_NAMED : FACTS;
  }

  /**
   * Binds the parameters of {@link #factsSql} from {@code first} on.
   *
   * @return the index of the next parameter
   */
  static int bindFacts(
      PreparedStatement ps,
      int first,
      Connection c,
      String tenant,
      List<String> ids,
      boolean withUnits)
      throws SQLException {
    java.sql.@Nullable Array idArray = ids.size() == 1 ? null : Rows.textArray(c, ids);
    int p = first;
    for (int i = 0; i < 5; i++) {
      ps.setString(p++, tenant);
      bindIds(ps, p++, idArray, ids);
    }
    if (withUnits) {
      ps.setString(p++, tenant);
      for (int i = 0; i < 4; i++) {
        ps.setString(p++, tenant);
        bindIds(ps, p++, idArray, ids);
      }
    }
    return p;
  }

  /** Binds the ids: the array, or the one id when there is no array ({@link #factsSql}). */
  private static void bindIds(
      PreparedStatement ps, int index, java.sql.@Nullable Array idArray, List<String> ids)
      throws SQLException {
    if (idArray == null) {
      ps.setString(index, ids.get(0));
    } else {
      ps.setArray(index, idArray);
    }
  }

  /**
   * Reads the answer of {@link #factsSql} from {@code ps}, whose current result is the facts' (and,
   * when {@code unitsNamed} is given, the next one the units'), putting the named units into {@code
   * unitsNamed} by id: the unit if it exists, empty if not.
   */
  static Map<UserId, UserFacts> readFacts(
      PreparedStatement ps,
      List<String> ids,
      @Nullable Map<UnitId, Optional<AdministrativeUnit>> unitsNamed)
      throws SQLException {
    Map<String, Set<UnitId>> units = new HashMap<>();
    Map<String, Set<UnitId>> undecided = new HashMap<>();
    Map<String, List<RoleAssignment>> assignments = new HashMap<>();
    Map<String, List<long[]>> order = new HashMap<>();
    Map<String, Boolean> protectedUsers = new HashMap<>();
    Map<UnitId, AdministrativeUnit> found = new HashMap<>();
    try (ResultSet rs = ps.getResultSet()) {
      while (rs.next()) {
        String id = rs.getString(2);
        switch (rs.getString(1)) {
          case "M" ->
              units.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(UnitId.of(rs.getString(3)));
          case "D" ->
              undecided
                  .computeIfAbsent(id, k -> new LinkedHashSet<>())
                  .add(UnitId.of(rs.getString(3)));
          case "P" -> protectedUsers.put(id, rs.getBoolean(13));
          default -> {
            List<RoleAssignment> list = assignments.computeIfAbsent(id, k -> new ArrayList<>());
            order
                .computeIfAbsent(id, k -> new ArrayList<>())
                .add(new long[] {rs.getLong(4), list.size()});
            list.add(Rows.assignment(rs, 5));
          }
        }
      }
    }
    if (unitsNamed != null) {
      nextResult(ps);
      try (ResultSet rs = ps.getResultSet()) {
        while (rs.next()) {
          AdministrativeUnit unit = Rows.unit(rs);
          found.put(unit.id(), unit);
        }
      }
    }
    for (Map.Entry<String, List<RoleAssignment>> e : assignments.entrySet()) {
      List<long[]> seqs = requireNonNull(order.get(e.getKey()), "order");
      seqs.sort(java.util.Comparator.comparingLong(x -> x[0]));
      List<RoleAssignment> sorted = new ArrayList<>(seqs.size());
      for (long[] x : seqs) {
        sorted.add(e.getValue().get((int) x[1]));
      }
      e.setValue(sorted);
    }
    Map<UserId, UserFacts> facts = new HashMap<>();
    for (String id : ids) {
      facts.put(
          UserId.of(id),
          new UserFacts(
              units.getOrDefault(id, Set.of()),
              undecided.getOrDefault(id, Set.of()),
              assignments.getOrDefault(id, List.of()),
              protectedUsers.getOrDefault(id, false)));
    }
    if (unitsNamed != null) {
      found.forEach((id, unit) -> unitsNamed.put(id, Optional.of(unit)));
      for (UserFacts f : facts.values()) { // the named units that do not exist, known absent
        f.units().forEach(u -> unitsNamed.putIfAbsent(u, Optional.empty()));
        f.undecidedUnits().forEach(u -> unitsNamed.putIfAbsent(u, Optional.empty()));
        for (RoleAssignment a : f.assignments()) {
          if (a.scope() instanceof Scope.Unit scope) {
            unitsNamed.putIfAbsent(scope.unit(), Optional.empty());
          }
        }
      }
    }
    return Map.copyOf(facts);
  }

  @Override
  public Page<User> members(UnitId unit, PageRequest page) {
    requireNonNull(unit, "unit");
    requireNonNull(page, "page");
    return memberPage(unit, Optional.empty(), page);
  }

  @Override
  public Page<User> searchMembers(UnitId unit, String query, PageRequest page) {
    requireNonNull(unit, "unit");
    requireQuery(query);
    requireNonNull(page, "page");
    return memberPage(unit, Optional.of(query), page);
  }

  private Page<User> memberPage(UnitId unit, Optional<String> query, PageRequest page) {
    String listing = "members:" + unit.value() + query.map(q -> ":" + q).orElse("");
    return connections.with(
        "list a unit's members",
        c -> {
          // An unknown unit is reported before a cursor is read; on a first page, whose cursor
          // is none, the unit's existence costs a round trip only when the page is empty.
          if (page.cursor().isPresent() && !exists(c, "mystaff_unit", unit.value())) {
            throw new UnknownUnitException(unit);
          }
          Optional<SortKey> after = cursors.after(listing, page, id -> userName(c, id));
          StringBuilder sql =
              new StringBuilder("SELECT ")
                  .append(Rows.USER_COLUMNS)
                  .append(
                      " FROM mystaff_member m JOIN mystaff_user u ON u.tenant = m.tenant AND u.id"
                          + " = m.user_id WHERE m.tenant = ? AND m.unit_id = ?");
          if (after.isPresent()) {
            sql.append(" AND (m.name_key, m.user_id) > (?, ?)");
          }
          if (query.isPresent()) {
            sql.append(
                " AND EXISTS (SELECT 1 FROM mystaff_user_term t WHERE t.tenant = u.tenant AND"
                    + " t.user_id = u.id AND starts_with(t.term, ?))");
          }
          sql.append(" ORDER BY m.name_key, m.user_id LIMIT ?");
          try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            ps.setString(i++, tenant);
            ps.setString(i++, unit.value());
            if (after.isPresent()) {
              ps.setString(i++, Folding.fold(after.get().displayName()));
              ps.setString(i++, after.get().id());
            }
            if (query.isPresent()) {
              ps.setString(i++, Folding.fold(query.get()));
            }
            ps.setInt(i, page.size() + 1);
            Page<User> found =
                cursors.page(listing, users(ps).iterator(), page.size(), DirectoryOrder::keyOf);
            if (page.cursor().isEmpty()
                && found.items().isEmpty()
                && !exists(c, "mystaff_unit", unit.value())) {
              throw new UnknownUnitException(unit);
            }
            return found;
          }
        });
  }

  @Override
  public Page<User> allUsers(PageRequest page) {
    requireNonNull(page, "page");
    return userPage(ALL_USERS, Optional.empty(), page);
  }

  @Override
  public Page<User> searchUsers(String query, PageRequest page) {
    requireQuery(query);
    requireNonNull(page, "page");
    return userPage("users:" + query, Optional.of(query), page);
  }

  /**
   * The most term rows a search sorts itself; a prefix matching more terms than this is common
   * enough that walking users in directory order finds a page of matches sooner.
   */
  static final int TERM_SORT_LIMIT = 50_000;

  private final int termSortLimit;

  private Page<User> userPage(String listing, Optional<String> query, PageRequest page) {
    return connections.with(
        "list users",
        c -> {
          Optional<SortKey> after = cursors.after(listing, page, id -> userName(c, id));
          if (query.isPresent()) {
            Optional<List<User>> sorted = searchByTerms(c, Folding.fold(query.get()), after, page);
            if (sorted.isPresent()) {
              return cursors.page(
                  listing, sorted.get().iterator(), page.size(), DirectoryOrder::keyOf);
            }
          }
          StringBuilder sql =
              new StringBuilder("SELECT ")
                  .append(Rows.USER_COLUMNS)
                  .append(" FROM mystaff_user u WHERE u.tenant = ?");
          if (after.isPresent()) {
            sql.append(" AND (u.name_key, u.id) > (?, ?)");
          }
          if (query.isPresent()) {
            sql.append(
                " AND EXISTS (SELECT 1 FROM mystaff_user_term t WHERE t.tenant = u.tenant AND"
                    + " t.user_id = u.id AND starts_with(t.term, ?))");
          }
          sql.append(" ORDER BY u.name_key, u.id LIMIT ?");
          try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            ps.setString(i++, tenant);
            if (after.isPresent()) {
              ps.setString(i++, Folding.fold(after.get().displayName()));
              ps.setString(i++, after.get().id());
            }
            if (query.isPresent()) {
              ps.setString(i++, Folding.fold(query.get()));
            }
            ps.setInt(i, page.size() + 1);
            return cursors.page(listing, users(ps).iterator(), page.size(), DirectoryOrder::keyOf);
          }
        });
  }

  /**
   * A search answered from two index ranges: users whose display name starts with the prefix (the
   * directory-order index, already in order) and term rows in the prefix's range of users whose
   * name does not (index-only, each with its user's sort key; the term index leads with each row's
   * {@link Folding#cover}, so rows of users already in the first range are not read at all);
   * merged, sorted, deduplicated, and the page's users read by id. Empty if more than {@code
   * termSortLimit} term rows match, for the caller to walk instead.
   */
  private Optional<List<User>> searchByTerms(
      Connection c, String prefix, Optional<SortKey> after, PageRequest page) throws SQLException {
    Optional<String> upper = Folding.successor(prefix);
    // Users whose display name starts with the prefix are one range of the directory-order index;
    // the others match through a later word or their principal name, found in the term index.
    StringBuilder sql =
        new StringBuilder(
            "WITH named AS (SELECT u.name_key, u.id FROM mystaff_user u WHERE u.tenant = ? AND"
                + " u.name_key >= ?");
    if (upper.isPresent()) {
      sql.append(" AND u.name_key < ?");
    }
    if (after.isPresent()) {
      sql.append(" AND (u.name_key, u.id) > (?, ?)");
    }
    sql.append(
        " ORDER BY u.name_key, u.id LIMIT ?), other AS MATERIALIZED (SELECT t.name_key, t.user_id"
            + " AS id FROM mystaff_user_term t WHERE t.tenant = ? AND t.cover = ANY(?) AND"
            + " t.term >= ?");
    if (upper.isPresent()) {
      sql.append(" AND t.term < ?");
    }
    sql.append(
        " LIMIT ?) SELECT (SELECT count(*) FROM other),"
            + " ARRAY(SELECT k.id FROM (SELECT name_key, id FROM named UNION SELECT name_key, id"
            + " FROM other");
    if (after.isPresent()) {
      sql.append(" WHERE (name_key, id) > (?, ?)");
    }
    sql.append(") k ORDER BY k.name_key, k.id LIMIT ?)");
    List<String> ids = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      int i = 1;
      ps.setString(i++, tenant);
      ps.setString(i++, prefix);
      if (upper.isPresent()) {
        ps.setString(i++, upper.get());
      }
      if (after.isPresent()) {
        ps.setString(i++, Folding.fold(after.get().displayName()));
        ps.setString(i++, after.get().id());
      }
      ps.setInt(i++, page.size() + 1);
      ps.setString(i++, tenant);
      ps.setArray(i++, c.createArrayOf("int2", Folding.uncovered(prefix)));
      ps.setString(i++, prefix);
      if (upper.isPresent()) {
        ps.setString(i++, upper.get());
      }
      ps.setInt(i++, termSortLimit + 1);
      if (after.isPresent()) {
        ps.setString(i++, Folding.fold(after.get().displayName()));
        ps.setString(i++, after.get().id());
      }
      ps.setInt(i, page.size() + 1);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (rs.getLong(1) > termSortLimit) {
          return Optional.empty();
        }
        ids.addAll(Rows.strings(rs.getArray(2)));
      }
    }
    if (ids.isEmpty()) {
      return Optional.of(List.of());
    }
    Map<String, User> byId = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + Rows.USER_COLUMNS
                + " FROM mystaff_user u WHERE u.tenant = ? AND u.id = ANY(?)")) {
      ps.setString(1, tenant);
      ps.setArray(2, Rows.textArray(c, ids));
      for (User u : users(ps)) {
        byId.put(u.id().value(), u);
      }
    }
    List<User> ordered = new ArrayList<>(ids.size());
    for (String id : ids) {
      User u = byId.get(id);
      if (u != null) {
        ordered.add(u);
      }
    }
    return Optional.of(ordered);
  }

  @Override
  public Page<AdministrativeUnit> allUnits(PageRequest page) {
    requireNonNull(page, "page");
    return unitPage(ALL_UNITS, Optional.empty(), page);
  }

  @Override
  public Page<AdministrativeUnit> searchUnits(String query, PageRequest page) {
    requireQuery(query);
    requireNonNull(page, "page");
    return unitPage("units:" + query, Optional.of(query), page);
  }

  private Page<AdministrativeUnit> unitPage(
      String listing, Optional<String> query, PageRequest page) {
    return connections.with(
        "list units",
        c -> {
          Optional<SortKey> after = cursors.after(listing, page, id -> unitName(c, id));
          StringBuilder sql =
              new StringBuilder("SELECT ")
                  .append(Rows.UNIT_COLUMNS)
                  .append(" FROM mystaff_unit n WHERE n.tenant = ?");
          if (after.isPresent()) {
            sql.append(" AND (n.name_key, n.id) > (?, ?)");
          }
          if (query.isPresent()) {
            sql.append(
                " AND EXISTS (SELECT 1 FROM mystaff_unit_term t WHERE t.tenant = n.tenant AND"
                    + " t.unit_id = n.id AND starts_with(t.term, ?))");
          }
          sql.append(" ORDER BY n.name_key, n.id LIMIT ?");
          try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            ps.setString(i++, tenant);
            if (after.isPresent()) {
              ps.setString(i++, Folding.fold(after.get().displayName()));
              ps.setString(i++, after.get().id());
            }
            if (query.isPresent()) {
              ps.setString(i++, Folding.fold(query.get()));
            }
            ps.setInt(i, page.size() + 1);
            List<AdministrativeUnit> units = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                units.add(Rows.unit(rs));
              }
            }
            return cursors.page(listing, units.iterator(), page.size(), DirectoryOrder::keyOf);
          }
        });
  }

  @Override
  public List<RoleAssignment> assignmentsOf(UserId principal) {
    requireNonNull(principal, "principal");
    return connections.with(
        "read role assignments",
        c -> {
          List<RoleAssignment> out = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement(ASSIGNMENTS_OF)) {
            bindAssignmentsOf(ps, 1, tenant, principal.value());
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(Rows.assignment(rs));
              }
            }
          }
          return List.copyOf(out);
        });
  }

  @Override
  public RoleCatalog roles() {
    return connections.with("read the role catalog", c -> roles(c, tenant));
  }

  static RoleCatalog roles(Connection c, String tenant) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(ROLES)) {
      ps.setString(1, tenant);
      try (ResultSet rs = ps.executeQuery()) {
        return roles(rs);
      }
    }
  }

  private static RoleCatalog roles(ResultSet rs) throws SQLException {
    List<RoleDefinition> custom = new ArrayList<>();
    while (rs.next()) {
      custom.add(Rows.role(rs));
    }
    return custom.isEmpty() ? RoleCatalog.builtIns() : RoleCatalog.of(custom);
  }

  /** The role assignments of a user, directly and through their groups, in assignment order. */
  private static final String ASSIGNMENTS_OF =
      "SELECT "
          + Rows.ASSIGNMENT_COLUMNS
          + ", a.seq FROM mystaff_assignment a WHERE a.tenant = ? AND a.principal_kind = 'U' AND"
          + " a.principal = ? UNION ALL SELECT "
          + Rows.ASSIGNMENT_COLUMNS
          + ", a.seq FROM mystaff_user u, unnest(u.groups) g JOIN mystaff_assignment a ON a.tenant"
          + " = ? AND a.principal_kind = 'G' AND a.principal = g WHERE u.tenant = ? AND u.id = ?"
          + " ORDER BY 9";

  /** Binds the five parameters of {@link #ASSIGNMENTS_OF} from {@code first} on. */
  private static int bindAssignmentsOf(PreparedStatement ps, int first, String tenant, String user)
      throws SQLException {
    ps.setString(first, tenant);
    ps.setString(first + 1, user);
    ps.setString(first + 2, tenant);
    ps.setString(first + 3, tenant);
    ps.setString(first + 4, user);
    return first + 5;
  }

  /** The custom role definitions, by id. */
  private static final String ROLES =
      "SELECT id, display_name, actions FROM mystaff_role WHERE tenant = ? ORDER BY id";

  /**
   * A user, their role assignments and the role catalog, read in one round trip: three statements
   * sent together, each run with its own snapshot as if sent apart. What a commit condition reads
   * about a manager, for a directory bound to a write's transaction.
   */
  record UserWithRoles(Optional<User> user, List<RoleAssignment> assignments, RoleCatalog roles) {}

  /** Reads {@link UserWithRoles} of user {@code id} on {@code c}. */
  static UserWithRoles userWithRoles(Connection c, String tenant, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(USER_WITH_ROLES)) {
      bindUserWithRoles(ps, 1, tenant, id);
      ps.execute();
      return readUserWithRoles(ps);
    }
  }

  /** The three statements of {@link #userWithRoles}. */
  static final String USER_WITH_ROLES =
      "SELECT "
          + Rows.USER_COLUMNS
          + " FROM mystaff_user u WHERE u.tenant = ? AND u.id = ?; "
          + ASSIGNMENTS_OF
          + "; "
          + ROLES;

  /**
   * Binds the parameters of {@link #USER_WITH_ROLES} from {@code first} on.
   *
   * @return the index of the next parameter
   */
  static int bindUserWithRoles(PreparedStatement ps, int first, String tenant, String id)
      throws SQLException {
    ps.setString(first, tenant);
    ps.setString(first + 1, id);
    int next = bindAssignmentsOf(ps, first + 2, tenant, id);
    ps.setString(next, tenant);
    return next + 1;
  }

  /**
   * Reads the answer of {@link #USER_WITH_ROLES} from {@code ps}, whose current result is its
   * first; leaves the last of its three results current.
   */
  static UserWithRoles readUserWithRoles(PreparedStatement ps) throws SQLException {
    Optional<User> user;
    try (ResultSet rs = ps.getResultSet()) {
      user = rs.next() ? Optional.of(Rows.user(rs)) : Optional.empty();
    }
    List<RoleAssignment> assignments = new ArrayList<>();
    nextResult(ps);
    try (ResultSet rs = ps.getResultSet()) {
      while (rs.next()) {
        assignments.add(Rows.assignment(rs));
      }
    }
    nextResult(ps);
    try (ResultSet rs = ps.getResultSet()) {
      return new UserWithRoles(user, List.copyOf(assignments), roles(rs));
    }
  }

  /** Moves {@code ps} to its next result, which must be a result set. */
  static void nextResult(PreparedStatement ps) throws SQLException {
    if (!ps.getMoreResults()) {
      throw new SQLException("expected one more result set", "XX000");
    }
  }

  @Override
  public boolean isRoleAssignableGroupMember(UserId user) {
    requireNonNull(user, "user");
    return connections.with(
        "read role-assignable group membership",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT u.role_assignable_member OR EXISTS (SELECT 1 FROM mystaff_assignment a"
                      + " WHERE a.tenant = u.tenant AND a.principal_kind = 'G' AND a.principal ="
                      + " ANY(u.groups)) FROM mystaff_user u WHERE u.tenant = ? AND u.id = ?")) {
            ps.setString(1, tenant);
            ps.setString(2, user.value());
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() && rs.getBoolean(1);
            }
          }
        });
  }

  @Override
  public String toString() {
    return "PostgresDirectory.reads{" + tenant + "}";
  }

  private static List<User> users(PreparedStatement ps) throws SQLException {
    List<User> users = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        users.add(Rows.user(rs));
      }
    }
    return users;
  }

  private boolean exists(Connection c, String table, String id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT 1 FROM " + table + " WHERE tenant = ? AND id = ?")) {
      ps.setString(1, tenant);
      ps.setString(2, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private Optional<String> userName(Connection c, String id) {
    return name(c, "mystaff_user", id);
  }

  private Optional<String> unitName(Connection c, String id) {
    return name(c, "mystaff_unit", id);
  }

  private Optional<String> name(Connection c, String table, String id) {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT display_name FROM " + table + " WHERE tenant = ? AND id = ?")) {
      ps.setString(1, tenant);
      ps.setString(2, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw Jdbc.failure("read a display name", e);
    }
  }

  static void requireQuery(String query) {
    requireNonNull(query, "query");
    if (query.isEmpty() || query.length() > MAX_QUERY_LENGTH) {
      throw InvalidInputException.of("query", "must be 1 to " + MAX_QUERY_LENGTH + " characters");
    }
  }
}
