package io.mystaff.postgres;

import io.mystaff.api.AssignmentId;
import io.mystaff.api.GroupId;
import io.mystaff.api.Principal;
import io.mystaff.api.RoleId;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.authz.AssignmentKind;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.RoleDefinition;
import io.mystaff.api.authz.Scope;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.MembershipType;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.directory.User;
import io.mystaff.api.directory.UserSource;
import io.mystaff.api.directory.UserType;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Mapping between rows and mystaff's values. */
final class Rows {
  /** The columns {@link #user} reads, of {@code mystaff_user u}. */
  static final String USER_COLUMNS =
      "u.id, u.upn, u.display_name, u.source, u.sam_account_name, u.account_enabled, u.user_type,"
          + " u.attributes::text, u.groups, u.phones::text, u.force_change, u.version";

  /** How many columns {@link #USER_COLUMNS} names. */
  static final int USER_COLUMN_COUNT = 12;

  /** The columns {@link #unit} reads, of {@code mystaff_unit n}. */
  static final String UNIT_COLUMNS =
      "n.id, n.display_name, n.description, n.membership_rule, n.restricted";

  /** The columns {@link #assignment} reads, of {@code mystaff_assignment a}. */
  static final String ASSIGNMENT_COLUMNS =
      "a.id, a.principal_kind, a.principal, a.role_id, a.unit_id, a.starts, a.ends, a.kind";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Rows() {}

  static User user(ResultSet rs) throws SQLException {
    User.Builder b =
        User.builder()
            .id(UserId.of(rs.getString(1)))
            .userPrincipalName(rs.getString(2))
            .displayName(rs.getString(3))
            .source(UserSource.valueOf(rs.getString(4)))
            .accountEnabled(rs.getBoolean(6))
            .userType(UserType.valueOf(rs.getString(7)))
            .forceChangePasswordNextSignIn(rs.getBoolean(11))
            .version(rs.getLong(12));
    String sam = rs.getString(5);
    if (sam != null) {
      b.onPremisesSamAccountName(sam);
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    JsonNode attrs = JSON.readTree(rs.getString(8));
    for (Map.Entry<String, JsonNode> e : attrs.properties()) {
      attributes.put(e.getKey(), e.getValue().asString());
    }
    b.attributes(attributes);
    Set<GroupId> groups = new LinkedHashSet<>();
    for (String g : strings(rs.getArray(9))) {
      groups.add(GroupId.of(g));
    }
    b.groups(groups);
    JsonNode phones = JSON.readTree(rs.getString(10));
    for (Map.Entry<String, JsonNode> e : phones.properties()) {
      JsonNode p = e.getValue();
      String e164 = p.get("e164").asString();
      JsonNode ext = p.get("extension");
      b.phone(
          PhoneType.valueOf(e.getKey()),
          ext == null || ext.isNull()
              ? PhoneNumber.of(e164)
              : PhoneNumber.of(e164, ext.asString()));
    }
    return b.build();
  }

  static String attributesJson(User user) {
    ObjectNode o = JSON.createObjectNode();
    user.attributes().forEach(o::put);
    return o.toString();
  }

  static String phonesJson(User user) {
    ObjectNode o = JSON.createObjectNode();
    for (Map.Entry<PhoneType, PhoneNumber> e : user.phones().entrySet()) {
      ObjectNode p = o.putObject(e.getKey().name());
      p.put("e164", e.getValue().e164());
      e.getValue().extension().ifPresent(x -> p.put("extension", x));
    }
    return o.toString();
  }

  static Array groups(Connection c, User user) throws SQLException {
    List<String> ids = new ArrayList<>();
    for (GroupId g : user.groups()) {
      ids.add(g.value());
    }
    return c.createArrayOf("text", ids.toArray());
  }

  static Array textArray(Connection c, Collection<String> values) throws SQLException {
    return c.createArrayOf("text", values.toArray());
  }

  static List<String> strings(Array array) throws SQLException {
    Object[] values = (Object[]) array.getArray();
    List<String> out = new ArrayList<>(values.length);
    for (Object v : values) {
      out.add((String) v);
    }
    return out;
  }

  static AdministrativeUnit unit(ResultSet rs) throws SQLException {
    String rule = rs.getString(4);
    return new AdministrativeUnit(
        UnitId.of(rs.getString(1)),
        rs.getString(2),
        Optional.ofNullable(rs.getString(3)),
        rule == null ? MembershipType.ASSIGNED : MembershipType.DYNAMIC,
        Optional.ofNullable(rule),
        rs.getBoolean(5));
  }

  static RoleAssignment assignment(ResultSet rs) throws SQLException {
    return assignment(rs, 1);
  }

  /** The assignment whose {@link #ASSIGNMENT_COLUMNS} start at column {@code from}. */
  static RoleAssignment assignment(ResultSet rs, int from) throws SQLException {
    int i = from;
    String id = rs.getString(i);
    String kind = rs.getString(i + 1);
    String holder = rs.getString(i + 2);
    Principal principal = "U".equals(kind) ? UserId.of(holder) : GroupId.of(holder);
    String unit = rs.getString(i + 4);
    return new RoleAssignment(
        AssignmentId.of(id),
        principal,
        RoleId.of(rs.getString(i + 3)),
        unit == null ? Scope.tenant() : Scope.unit(UnitId.of(unit)),
        Optional.ofNullable(rs.getTimestamp(i + 5)).map(Timestamp::toInstant),
        Optional.ofNullable(rs.getTimestamp(i + 6)).map(Timestamp::toInstant),
        AssignmentKind.valueOf(rs.getString(i + 7)));
  }

  static RoleDefinition role(ResultSet rs) throws SQLException {
    return RoleDefinition.custom(
        RoleId.of(rs.getString(1)), rs.getString(2), new LinkedHashSet<>(strings(rs.getArray(3))));
  }
}
