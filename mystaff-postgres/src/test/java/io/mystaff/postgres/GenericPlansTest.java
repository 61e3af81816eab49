package io.mystaff.postgres;

import static io.mystaff.api.directory.PhoneType.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.authz.BuiltInRole;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.User;
import io.mystaff.testkit.fixtures.Fixtures;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The statements of a change that read by id settle on a generic plan: PostgreSQL plans them once,
 * not at every execution. A statement comparing with an array parameter ({@code = ANY(?)}) or
 * limited by a parameter kept a custom plan, planned again each time (0.2–0.3 ms each on a 1M-user
 * tenant, more than running it; docs/performance.md, PostgreSQL "Sixth run"). Read from the
 * session's {@code pg_prepared_statements} (generic and custom plan counts) on a pool of one
 * connection.
 */
class GenericPlansTest {
  private static final int CALLS = 20;

  /** Users and units enough that a custom plan for one id looks cheaper than a generic one. */
  private static final int CROWD = 20_000;

  /**
   * Loads {@link #CROWD} users in 200 units into {@code d} and refreshes the statistics: on a few
   * rows every plan is a cheap scan, and custom and generic plans cost the same.
   */
  private static void crowd(HikariDataSource pool, PostgresDirectory d) throws SQLException {
    try (PostgresBulkLoad load = d.bulkLoad()) {
      for (int u = 0; u < 200; u++) {
        load.unit(AdministrativeUnit.assigned(UnitId.of("unit-" + u), "Unit " + u));
      }
      for (int i = 0; i < CROWD; i++) {
        UserId id = UserId.of("user-" + i);
        load.user(
            User.builder()
                .id(id)
                .userPrincipalName("user." + i + "@contoso.example")
                .displayName("User " + i)
                .build());
        load.member(UnitId.of("unit-" + i % 200), id);
      }
      load.commit();
    }
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      s.execute("ANALYZE");
    }
  }

  @Test
  void changePath_statementsSettleOnGenericPlans() throws SQLException {
    TestDatabase.dataSource(); // migrates the schema
    try (HikariDataSource pool = TestDatabase.newPool(1)) {
      String name = TestDatabase.freshName("plans");
      PostgresDirectory d = TestDatabase.directory(pool, name);
      TestDatabase.seed(
          d,
          Fixtures.tenant()
              .unit("store-1", "Store 1")
              .cloudUser("ann", u -> u.in("store-1"))
              .admin("mgr", BuiltInRole.AUTHENTICATION_ADMINISTRATOR, "store-1")
              .build());
      crowd(pool, TestDatabase.directory(pool, TestDatabase.freshName("crowd")));
      UserId ann = UserId.of("ann");
      UnitId store = UnitId.of("store-1");
      for (int i = 0; i < CALLS; i++) {
        User current = d.findUser(ann).orElseThrow();
        d.userFactsOf(List.of(ann));
        d.findUnits(List.of(store));
        d.setPhone(
            ann,
            current.version(),
            OFFICE,
            Optional.of(PhoneNumber.of("+1425555010" + (i % 10))),
            PostgresAuditSinkTest.event("e" + i, Instant.EPOCH, "mgr", "ann", "c" + i),
            reads -> {
              reads.findUser(UserId.of("mgr"));
              reads.assignmentsOf(UserId.of("mgr"));
              reads.userFactsOf(List.of(ann));
              reads.findUnits(List.of(store));
              reads.roles();
            });
        List<String> pending = new ArrayList<>();
        d.pendingAuditEvents(100).forEach(e -> pending.add(e.id()));
        d.acknowledgeAuditEvents(pending);
      }
      Map<String, String> settled = new LinkedHashMap<>();
      settled.put("a user's facts", "FROM mystaff_member m WHERE m.tenant = $1 AND m.user_id = $2");
      settled.put("the units a user's facts name", "m.tenant = $2 AND m.user_id = $3");
      settled.put("one unit", "FROM mystaff_unit n WHERE n.tenant = $1 AND n.id = $2");
      settled.put(
          "an acknowledgement", "DELETE FROM mystaff_outbox WHERE tenant = $1 AND event_id = $2");
      Map<String, List<String>> plans = new LinkedHashMap<>();
      try (Connection c = pool.getConnection();
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements"
                      + " WHERE from_sql = false")) {
        while (rs.next()) {
          for (Map.Entry<String, String> e : settled.entrySet()) {
            if (rs.getString(1).contains(e.getValue())) {
              plans
                  .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                  .add(rs.getLong(2) + " generic, " + rs.getLong(3) + " custom");
            }
          }
        }
      }
      // Statements filtered by the tenant alone (the outbox's read, the role catalog) may keep
      // custom plans in a database of many tenants, as this test database is: a custom plan for
      // a rare tenant looks cheaper than the generic one. The benchmark's single tenant settles.
      assertThat(plans.keySet())
          .as("statements found")
          .containsExactlyInAnyOrderElementsOf(settled.keySet());
      assertThat(plans)
          .as("plans of each statement, per prepared copy")
          .allSatisfy(
              (what, counts) ->
                  assertThat(counts).as(what).allMatch(p -> !p.startsWith("0 generic")));
    }
  }
}
