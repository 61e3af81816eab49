package io.mystaff.tests.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.AssignmentId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.RoleId;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.authz.ActorFacts;
import io.mystaff.api.authz.BuiltInRole;
import io.mystaff.api.authz.Decision;
import io.mystaff.api.authz.DenyReason;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.RoleCatalog;
import io.mystaff.api.authz.RoleDefinition;
import io.mystaff.api.authz.Scope;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.authz.TargetFacts;
import io.mystaff.core.authz.AuthorizationEngine;
import io.mystaff.inmemory.InMemoryDirectory;
import io.mystaff.testkit.fixtures.Fixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Entra's published tables, restated literally and checked cell by cell against the real engine.
 * Unlike the reference model (which restates the engine's rules and could share a misreading of
 * them), these tables are copied as printed, one dynamic test per cell, so a wrong cell in the
 * engine's {@code ProtectionMatrix} or in the unit-scope rules fails a test named after that cell.
 *
 * <p>Every cell builds its own target: a user holding the row's role at tenant scope (or, for the
 * special rows, no role; no role but a role-assignable group member; a role scoped to a restricted
 * management unit the user is not a member of; a custom role), and an actor holding the column's
 * role at tenant scope. A ✓ must be a permit; an empty cell must be a deny.
 */
class EntraPublishedTablesTest {
  private static final AuthorizationEngine ENGINE = AuthorizationEngine.standard();
  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  private static final UserId ACTOR = UserId.of("manager");
  private static final UserId TARGET = UserId.of("target");
  private static final UnitId STORE = UnitId.of("store");
  private static final UnitId RMAU = UnitId.of("rmau");
  private static final RoleId OTHER_CUSTOM = RoleId.of("custom-other");
  private static final RoleCatalog CATALOG =
      RoleCatalog.of(
          List.of(
              RoleDefinition.custom(
                  OTHER_CUSTOM,
                  "Some custom role",
                  Set.of("microsoft.directory/users/basic/update"))));

  /**
   * Source: Microsoft Learn, "Privileged roles and permissions in Microsoft Entra ID", section "Who
   * can reset passwords" (entra/identity/role-based-access-control/privileged-roles-permissions),
   * as restated in DOMAIN.md section 3. Row = what the target is; column = the manager's role,
   * assigned at tenant scope. 18 rows x 6 columns.
   */
  private static final String WHO_CAN_RESET_PASSWORDS =
      """
      | target holds                                         | Password Admin | Helpdesk Admin | Auth Admin | User Admin | PAA | GA |
      | Authentication Administrator                         |                |                | ✓          |            | ✓   | ✓  |
      | Directory Readers                                    | ✓              | ✓              | ✓          | ✓          | ✓   | ✓  |
      | Global Administrator                                 |                |                |            |            | ✓   | ✓  |
      | Groups Administrator                                 |                |                |            | ✓          | ✓   | ✓  |
      | Guest Inviter                                        | ✓              | ✓              | ✓          | ✓          | ✓   | ✓  |
      | Helpdesk Administrator                               |                | ✓              |            | ✓          | ✓   | ✓  |
      | Message Center Reader                                |                | ✓              | ✓          | ✓          | ✓   | ✓  |
      | Password Administrator                               | ✓              | ✓              | ✓          | ✓          | ✓   | ✓  |
      | Privileged Authentication Administrator              |                |                |            |            | ✓   | ✓  |
      | Privileged Role Administrator                        |                |                |            |            | ✓   | ✓  |
      | Reports Reader                                       |                | ✓              | ✓          | ✓          | ✓   | ✓  |
      | no admin role                                        | ✓              | ✓              | ✓          | ✓          | ✓   | ✓  |
      | no admin role, but member or owner of a RAG          |                |                |            |            | ✓   | ✓  |
      | a role scoped to an RMAU                             |                |                |            |            | ✓   | ✓  |
      | User Administrator                                   |                |                |            | ✓          | ✓   | ✓  |
      | User Experience Success Manager                      |                | ✓              | ✓          | ✓          | ✓   | ✓  |
      | Usage Summary Reports Reader                         |                | ✓              | ✓          | ✓          | ✓   | ✓  |
      | any other built-in or custom role                    |                |                |            |            | ✓   | ✓  |
      """;

  /**
   * Source: the same article, sections "Who can perform sensitive actions" and "Compare
   * authentication roles" (only Authentication Administrator, Privileged Authentication
   * Administrator and Global Administrator manage a user's authentication methods), as restated in
   * DOMAIN.md section 3. "every other row of the reset table" is expanded by the test.
   */
  private static final String WHO_CAN_MANAGE_PHONES =
      """
      | target holds                                         | Auth Admin | PAA | GA |
      | Authentication Administrator                         | ✓          | ✓   | ✓  |
      | Directory Readers                                    | ✓          | ✓   | ✓  |
      | Guest Inviter                                        | ✓          | ✓   | ✓  |
      | Message Center Reader                                | ✓          | ✓   | ✓  |
      | Password Administrator                               | ✓          | ✓   | ✓  |
      | Reports Reader                                       | ✓          | ✓   | ✓  |
      | no admin role                                        | ✓          | ✓   | ✓  |
      | User Experience Success Manager                      | ✓          | ✓   | ✓  |
      | Usage Summary Reports Reader                         | ✓          | ✓   | ✓  |
      | every other row of the reset table                   |            | ✓   | ✓  |
      """;

  /**
   * Source: Microsoft Learn, "Assign Microsoft Entra roles" (manage-roles-portal), section "Roles
   * that can be assigned with administrative unit scope", as restated in DOMAIN.md section 4: the
   * 14 built-in roles Entra accepts at an administrative unit; every other built-in is refused
   * ("The given built-in role is not supported to be assigned to a single resource scope").
   */
  private static final String UNIT_ASSIGNABLE_BUILT_INS =
      """
      | role                                       | assignable at AU scope |
      | Authentication Administrator               | ✓ |
      | Attribute Assignment Administrator         | ✓ |
      | Attribute Assignment Reader                | ✓ |
      | Cloud Device Administrator                 | ✓ |
      | Groups Administrator                       | ✓ |
      | Helpdesk Administrator                     | ✓ |
      | License Administrator                      | ✓ |
      | Password Administrator                     | ✓ |
      | Printer Administrator                      | ✓ |
      | Privileged Authentication Administrator    | ✓ |
      | SharePoint Administrator                   | ✓ |
      | Teams Administrator                        | ✓ |
      | Teams Devices Administrator                | ✓ |
      | User Administrator                         | ✓ |
      | Global Administrator                       |   |
      | Privileged Role Administrator              |   |
      | Security Administrator                     |   |
      | Global Reader                              |   |
      | Directory Readers                          |   |
      | Guest Inviter                              |   |
      | Message Center Reader                      |   |
      | Reports Reader                             |   |
      | Usage Summary Reports Reader               |   |
      | User Experience Success Manager            |   |
      """;

  /**
   * Source: Microsoft Learn, "Restricted management administrative units"
   * (admin-units-restricted-management), the table of who may modify a member, as restated in
   * DOMAIN.md section 4. The actor's role is Authentication Administrator (Global Administrator and
   * Privileged Role Administrator for the first row), the action a password reset.
   */
  private static final String WHO_MODIFIES_AN_RMAU_MEMBER =
      """
      | who modifies an RMAU member                                       | allowed |
      | GA or PRA at tenant scope                                         |         |
      | any role at tenant scope or another resource scope                |         |
      | AU-assignable role scoped to this RMAU                            | ✓       |
      | AU-assignable role scoped to another RMAU the object is in        | ✓       |
      | AU-assignable role scoped to an ordinary AU the object is in      |         |
      """;

  /** The tables' column headers. */
  private static final Map<String, BuiltInRole> COLUMNS =
      Map.of(
          "Password Admin", BuiltInRole.PASSWORD_ADMINISTRATOR,
          "Helpdesk Admin", BuiltInRole.HELPDESK_ADMINISTRATOR,
          "Auth Admin", BuiltInRole.AUTHENTICATION_ADMINISTRATOR,
          "User Admin", BuiltInRole.USER_ADMINISTRATOR,
          "PAA", BuiltInRole.PRIVILEGED_AUTHENTICATION_ADMINISTRATOR,
          "GA", BuiltInRole.GLOBAL_ADMINISTRATOR);

  /** A parsed table: header cells, then rows (first cell = row name, then true for ✓). */
  private record Table(List<String> columns, Map<String, List<Boolean>> rows) {
    static Table parse(String text) {
      List<String> columns = null;
      Map<String, List<Boolean>> rows = new LinkedHashMap<>();
      for (String line : text.strip().split("\n", -1)) {
        String[] cells = line.strip().split("\\|", -1);
        List<String> trimmed =
            Arrays.stream(cells).map(String::strip).toList().subList(1, cells.length - 1);
        if (columns == null) {
          columns = trimmed.subList(1, trimmed.size());
          continue;
        }
        List<Boolean> ticks = new ArrayList<>();
        for (String c : trimmed.subList(1, trimmed.size())) {
          if (!c.isEmpty() && !c.equals("✓")) {
            throw new IllegalStateException("cell neither empty nor ✓: " + c);
          }
          ticks.add(c.equals("✓"));
        }
        if (ticks.size() != columns.size() || rows.put(trimmed.get(0), ticks) != null) {
          throw new IllegalStateException("malformed row: " + line);
        }
      }
      return new Table(columns, rows);
    }
  }

  @Test
  void tables_haveThePublishedShape() {
    Table reset = Table.parse(WHO_CAN_RESET_PASSWORDS);
    assertThat(reset.columns()).hasSize(6);
    assertThat(reset.rows()).hasSize(18);
    assertThat(Table.parse(WHO_CAN_MANAGE_PHONES).rows()).hasSize(10);
    assertThat(Table.parse(UNIT_ASSIGNABLE_BUILT_INS).rows().values())
        .filteredOn(r -> r.get(0))
        .hasSize(14);
    assertThat(Table.parse(WHO_MODIFIES_AN_RMAU_MEMBER).rows()).hasSize(5);
  }

  @TestFactory
  Stream<DynamicTest> whoCanResetPasswords_everyCell() {
    Table table = Table.parse(WHO_CAN_RESET_PASSWORDS);
    List<DynamicTest> cells = new ArrayList<>();
    table
        .rows()
        .forEach(
            (row, ticks) -> {
              for (int c = 0; c < table.columns().size(); c++) {
                String column = table.columns().get(c);
                boolean allowed = ticks.get(c);
                cells.add(
                    DynamicTest.dynamicTest(
                        cellName(row, column, allowed),
                        () ->
                            assertCell(
                                StaffAction.RESET_PASSWORD, row, COLUMNS.get(column), allowed)));
              }
            });
    return cells.stream();
  }

  @TestFactory
  Stream<DynamicTest> whoCanManagePhones_everyCell() {
    Table table = Table.parse(WHO_CAN_MANAGE_PHONES);
    Map<String, List<Boolean>> rows = new LinkedHashMap<>(table.rows());
    List<Boolean> others = rows.remove("every other row of the reset table");
    for (String resetRow : Table.parse(WHO_CAN_RESET_PASSWORDS).rows().keySet()) {
      rows.putIfAbsent(resetRow, others);
    }
    assertThat(rows).hasSize(18);
    List<DynamicTest> cells = new ArrayList<>();
    rows.forEach(
        (row, ticks) -> {
          for (int c = 0; c < table.columns().size(); c++) {
            String column = table.columns().get(c);
            boolean allowed = ticks.get(c);
            cells.add(
                DynamicTest.dynamicTest(
                    cellName(row, column, allowed),
                    () ->
                        assertCell(StaffAction.MANAGE_PHONES, row, COLUMNS.get(column), allowed)));
          }
        });
    return cells.stream();
  }

  /**
   * Roles without a column in a table may not perform its action on anyone, not even a plain user.
   */
  @TestFactory
  Stream<DynamicTest> rolesWithoutAColumn_lackThePermission() {
    List<DynamicTest> cells = new ArrayList<>();
    for (StaffAction action : List.of(StaffAction.RESET_PASSWORD, StaffAction.MANAGE_PHONES)) {
      Set<BuiltInRole> columns =
          Set.copyOf(
              Table.parse(
                      action == StaffAction.RESET_PASSWORD
                          ? WHO_CAN_RESET_PASSWORDS
                          : WHO_CAN_MANAGE_PHONES)
                  .columns()
                  .stream()
                  .map(COLUMNS::get)
                  .toList());
      for (BuiltInRole role : BuiltInRole.values()) {
        if (!columns.contains(role)) {
          cells.add(
              DynamicTest.dynamicTest(
                  action + " by " + role.displayName() + ": no column",
                  () ->
                      assertThat(
                              decide(
                                      actorHolding(role.templateId(), Scope.tenant()),
                                      action,
                                      target("no admin role"))
                                  .denyReason())
                          .contains(DenyReason.ROLE_LACKS_PERMISSION)));
        }
      }
    }
    return cells.stream();
  }

  @TestFactory
  Stream<DynamicTest> unitAssignableBuiltIns_everyRow() {
    Table table = Table.parse(UNIT_ASSIGNABLE_BUILT_INS);
    List<DynamicTest> cells = new ArrayList<>();
    table
        .rows()
        .forEach(
            (name, ticks) -> {
              boolean assignable = ticks.get(0);
              cells.add(
                  DynamicTest.dynamicTest(
                      name + (assignable ? ": assignable" : ": refused") + " at unit scope",
                      () -> {
                        Optional<BuiltInRole> modelled =
                            Arrays.stream(BuiltInRole.values())
                                .filter(r -> r.displayName().equals(name))
                                .findFirst();
                        if (modelled.isEmpty()) {
                          // Not modelled by mystaff: unknown to every catalog, so no provider can
                          // assign it at all.
                          assertThat(assignable)
                              .as("only assignable roles may be left out of BuiltInRole")
                              .isTrue();
                          assertThat(RoleCatalog.builtIns().all())
                              .extracting(RoleDefinition::displayName)
                              .doesNotContain(name);
                          return;
                        }
                        BuiltInRole role = modelled.get();
                        assertThat(role.isAssignableAtUnitScope()).isEqualTo(assignable);
                        assertThat(RoleDefinition.of(role).isAssignableAtUnitScope())
                            .isEqualTo(assignable);
                        if (assignable) {
                          RoleAssignment scoped =
                              RoleAssignment.of(
                                  AssignmentId.of("a"), ACTOR, role, Scope.unit(STORE));
                          assertThat(
                                  decide(
                                          new ActorFacts(ACTOR, List.of(scoped)),
                                          StaffAction.VIEW_PROFILE,
                                          target("no admin role"))
                                      .isPermit())
                              .as("a unit-scoped %s counts", name)
                              .isTrue();
                        } else {
                          assertThatThrownBy(
                                  () ->
                                      RoleAssignment.of(
                                          AssignmentId.of("a"), ACTOR, role, Scope.unit(STORE)))
                              .isInstanceOf(InvalidInputException.class);
                        }
                      }));
            });
    return cells.stream();
  }

  /** "plus any custom role with at least one user, group or device permission". */
  @TestFactory
  Stream<DynamicTest> unitAssignableCustomRoles_byPermission() {
    Map<String, Boolean> rows = new LinkedHashMap<>();
    rows.put("microsoft.directory/users/password/update", true);
    rows.put("microsoft.directory/groups/members/update", true);
    rows.put("microsoft.directory/devices/delete", true);
    rows.put("microsoft.directory/applications/create", false);
    List<DynamicTest> cells = new ArrayList<>();
    rows.forEach(
        (permission, assignable) ->
            cells.add(
                DynamicTest.dynamicTest(
                    "custom role with "
                        + permission
                        + (assignable ? ": assignable" : ": refused")
                        + " at unit scope",
                    () -> {
                      RoleDefinition role =
                          RoleDefinition.custom(RoleId.of("custom"), "Custom", Set.of(permission));
                      assertThat(role.isAssignableAtUnitScope()).isEqualTo(assignable);
                      InMemoryDirectory directory =
                          Fixtures.inMemoryDirectory(
                              Fixtures.tenant()
                                  .unit("store", "Store")
                                  .cloudUser("manager")
                                  .customRole(role)
                                  .build());
                      RoleAssignment scoped =
                          RoleAssignment.of(
                              AssignmentId.of("a"), ACTOR, role.id(), Scope.unit(STORE));
                      if (assignable) {
                        directory.addAssignment(scoped);
                        assertThat(directory.assignmentsOf(ACTOR)).containsExactly(scoped);
                      } else {
                        assertThatThrownBy(() -> directory.addAssignment(scoped))
                            .isInstanceOf(InvalidInputException.class);
                      }
                      Decision view =
                          ENGINE.decide(
                              new ActorFacts(ACTOR, List.of(scoped)),
                              StaffAction.VIEW_PROFILE,
                              TargetFacts.member(TARGET, Set.of(STORE)),
                              RoleCatalog.of(List.of(role)),
                              NOW);
                      assertThat(view.isPermit())
                          .as("the engine counts it at unit scope")
                          .isEqualTo(assignable);
                      if (!assignable) {
                        assertThat(view.denyReason())
                            .contains(DenyReason.ROLE_NOT_ASSIGNABLE_AT_UNIT_SCOPE);
                      }
                    })));
    return cells.stream();
  }

  @TestFactory
  Stream<DynamicTest> whoModifiesAnRmauMember_everyRow() {
    Table table = Table.parse(WHO_MODIFIES_AN_RMAU_MEMBER);
    UnitId otherRmau = UnitId.of("rmau-2");
    UnitId ordinary = UnitId.of("ordinary");
    // The target is a member of two restricted units and one ordinary unit.
    TargetFacts member =
        new TargetFacts(
            TARGET, Set.of(RMAU, otherRmau, ordinary), Set.of(RMAU, otherRmau), List.of(), false);
    Map<String, List<ActorFacts>> actors =
        Map.of(
            "GA or PRA at tenant scope",
                List.of(
                    actorHolding(BuiltInRole.GLOBAL_ADMINISTRATOR.templateId(), Scope.tenant()),
                    actorHolding(
                        BuiltInRole.PRIVILEGED_ROLE_ADMINISTRATOR.templateId(), Scope.tenant())),
            "any role at tenant scope or another resource scope",
                List.of(
                    actorHolding(
                        BuiltInRole.AUTHENTICATION_ADMINISTRATOR.templateId(), Scope.tenant()),
                    actorHolding(
                        BuiltInRole.AUTHENTICATION_ADMINISTRATOR.templateId(),
                        Scope.unit(UnitId.of("elsewhere")))),
            "AU-assignable role scoped to this RMAU",
                List.of(
                    actorHolding(
                        BuiltInRole.AUTHENTICATION_ADMINISTRATOR.templateId(), Scope.unit(RMAU))),
            "AU-assignable role scoped to another RMAU the object is in",
                List.of(
                    actorHolding(
                        BuiltInRole.AUTHENTICATION_ADMINISTRATOR.templateId(),
                        Scope.unit(otherRmau))),
            "AU-assignable role scoped to an ordinary AU the object is in",
                List.of(
                    actorHolding(
                        BuiltInRole.AUTHENTICATION_ADMINISTRATOR.templateId(),
                        Scope.unit(ordinary))));
    List<DynamicTest> cells = new ArrayList<>();
    table
        .rows()
        .forEach(
            (row, ticks) -> {
              boolean allowed = ticks.get(0);
              cells.add(
                  DynamicTest.dynamicTest(
                      row + (allowed ? ": allowed" : ": not allowed"),
                      () -> {
                        for (ActorFacts actor : actors.get(row)) {
                          assertThat(decide(actor, StaffAction.RESET_PASSWORD, member).isPermit())
                              .as("%s by %s", row, actor.assignments())
                              .isEqualTo(allowed);
                        }
                      }));
            });
    return cells.stream();
  }

  private static String cellName(String row, String column, boolean allowed) {
    return "target " + row + ", manager " + column + ": " + (allowed ? "✓" : "no");
  }

  private static void assertCell(
      StaffAction action, String row, BuiltInRole column, boolean allowed) {
    List<TargetFacts> targets = new ArrayList<>(List.of(target(row)));
    if (row.equals("any other built-in or custom role")) {
      // the built-in roles mystaff knows that have no row of their own
      Set<String> rows = Table.parse(WHO_CAN_RESET_PASSWORDS).rows().keySet();
      Arrays.stream(BuiltInRole.values())
          .filter(r -> !rows.contains(r.displayName()))
          .forEach(r -> targets.add(holding(r.templateId())));
      assertThat(targets).hasSizeGreaterThan(1);
    }
    for (TargetFacts target : targets) {
      Decision d = decide(actorHolding(column.templateId(), Scope.tenant()), action, target);
      if (allowed) {
        assertThat(d.isPermit())
            .as("%s on %s by %s: %s", action, target.assignments(), column, d)
            .isTrue();
      } else {
        assertThat(d.denyReason())
            .as("%s on %s by %s", action, target.assignments(), column)
            .contains(DenyReason.TARGET_PROTECTED);
      }
    }
  }

  private static ActorFacts actorHolding(RoleId role, Scope scope) {
    return new ActorFacts(
        ACTOR, List.of(RoleAssignment.of(AssignmentId.of("actor-role"), ACTOR, role, scope)));
  }

  /** A target that is what the row says, a member of an ordinary unit. */
  private static TargetFacts target(String row) {
    switch (row) {
      case "no admin role" -> {
        return TargetFacts.member(TARGET, Set.of(STORE));
      }
      case "no admin role, but member or owner of a RAG" -> {
        return new TargetFacts(TARGET, Set.of(STORE), Set.of(), List.of(), true);
      }
      case "a role scoped to an RMAU" -> {
        // Password Administrator's own row ticks every column: the RMAU row is what protects.
        return new TargetFacts(
            TARGET,
            Set.of(STORE),
            Set.of(RMAU),
            List.of(
                RoleAssignment.of(
                    AssignmentId.of("target-role"),
                    TARGET,
                    BuiltInRole.PASSWORD_ADMINISTRATOR,
                    Scope.unit(RMAU))),
            false);
      }
      case "any other built-in or custom role" -> {
        return holding(OTHER_CUSTOM);
      }
      default -> {
        BuiltInRole role =
            Arrays.stream(BuiltInRole.values())
                .filter(r -> r.displayName().equals(row))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no built-in role named " + row));
        return holding(role.templateId());
      }
    }
  }

  private static TargetFacts holding(RoleId role) {
    return new TargetFacts(
        TARGET,
        Set.of(STORE),
        Set.of(),
        List.of(RoleAssignment.of(AssignmentId.of("target-role"), TARGET, role, Scope.tenant())),
        false);
  }

  private static Decision decide(ActorFacts actor, StaffAction action, TargetFacts target) {
    return ENGINE.decide(actor, action, target, CATALOG, NOW);
  }
}
