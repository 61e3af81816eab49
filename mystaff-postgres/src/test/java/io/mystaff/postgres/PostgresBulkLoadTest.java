package io.mystaff.postgres;

import static io.mystaff.api.authz.BuiltInRole.HELPDESK_ADMINISTRATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.PageRequest;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.authz.AccessDeniedException;
import io.mystaff.api.authz.DenyReason;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.User;
import io.mystaff.core.PasswordResetResult;
import io.mystaff.testkit.fixtures.Fixtures;
import io.mystaff.testkit.fixtures.Tenant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A bulk load leaves dynamic memberships exactly as one write at a time would: a dynamic unit it
 * adds covers the users the directory already held and those loaded before the unit, so a
 * restricted-management unit protects them (authorization reads membership rows, never rules).
 */
class PostgresBulkLoadTest {
  /** Matches department "Board"; undecidable (step budget) on a 200-character department. */
  private static final String RULE =
      "user.department -match \"(?:(?:)*(?:)*(?:)*(?:)*){999}z\" -or user.department -eq \"Board\"";

  private static final UnitId BOARD = UnitId.of("board");
  private static final AdministrativeUnit RESTRICTED_BOARD =
      AdministrativeUnit.dynamic(BOARD, "Board", RULE).withRestrictedManagement(true);
  private static final String UNDECIDABLE = "a".repeat(200);

  private static Tenant existing() {
    return Fixtures.tenant()
        .unit("store-1", "Store 1")
        .cloudUser("ines", u -> u.in("store-1").department("Board"))
        .cloudUser("otto", u -> u.in("store-1").department(UNDECIDABLE))
        .cloudUser("sam", u -> u.in("store-1").department("Sales"))
        .admin("mgr", HELPDESK_ADMINISTRATOR, "store-1")
        .build();
  }

  @Test
  void restrictedDynamicUnitLoadedAfterItsUsersExist_theyAreMembersAndProtected() {
    String name = TestDatabase.freshName("bulk-rule");
    PostgresDirectory directory = TestDatabase.directory(TestDatabase.dataSource(), name);
    TestDatabase.seed(directory, existing());

    try (PostgresBulkLoad load = directory.bulkLoad()) {
      load.unit(RESTRICTED_BOARD);
      load.commit();
    }

    assertThat(directory.members(BOARD, PageRequest.first(10)).items())
        .extracting(User::id)
        .containsExactly(UserId.of("ines"));
    assertThat(directory.undecidedUnitsOf(UserId.of("otto"))).containsExactly(BOARD);
    assertThat(directory.unitsOf(UserId.of("sam"))).doesNotContain(BOARD);
    try (Node node = new Node(name, List.of(), Duration.ofMinutes(1), Runnable::run)) {
      for (String protectedUser : List.of("ines", "otto")) {
        assertThatThrownBy(() -> node.signIn("mgr").resetPassword(UserId.of(protectedUser)))
            .as("a store manager resets %s, in the restricted unit", protectedUser)
            .isInstanceOfSatisfying(
                AccessDeniedException.class,
                e -> assertThat(e.reason()).isEqualTo(DenyReason.RESTRICTED_MANAGEMENT_UNIT));
      }
      assertThat(node.signIn("mgr").resetPassword(UserId.of("sam")))
          .as("a user outside the restricted unit")
          .isInstanceOf(PasswordResetResult.TemporaryPassword.class);
    }
  }

  @Test
  void dynamicUnitsOfALoad_membershipsAsPutUnitMakesThem_forUsersBeforeAndAfterAndExisting() {
    List<User> before = users("before", 7);
    List<User> after = users("after", 7);
    AdministrativeUnit open = AdministrativeUnit.dynamic(UnitId.of("open"), "Open", RULE);

    PostgresDirectory loaded = TestDatabase.directory(TestDatabase.dataSource(), fresh());
    TestDatabase.seed(loaded, existing());
    try (PostgresBulkLoad load = loaded.bulkLoad()) {
      before.forEach(load::user);
      load.unit(RESTRICTED_BOARD);
      after.subList(0, 3).forEach(load::user);
      load.unit(open);
      after.subList(3, after.size()).forEach(load::user);
      load.commit();
    }

    PostgresDirectory written = TestDatabase.directory(TestDatabase.dataSource(), fresh());
    TestDatabase.seed(written, existing());
    before.forEach(written::putUser);
    after.forEach(written::putUser);
    written.putUnit(RESTRICTED_BOARD);
    written.putUnit(open);

    List<UserId> everyone = new ArrayList<>();
    existing().users().forEach(u -> everyone.add(u.id()));
    before.forEach(u -> everyone.add(u.id()));
    after.forEach(u -> everyone.add(u.id()));
    for (UserId user : everyone) {
      assertThat(loaded.unitsOf(user)).as("units of %s", user).isEqualTo(written.unitsOf(user));
      assertThat(loaded.undecidedUnitsOf(user))
          .as("undecided units of %s", user)
          .isEqualTo(written.undecidedUnitsOf(user));
    }
    for (UnitId unit : List.of(BOARD, open.id())) {
      assertThat(ids(loaded.members(unit, PageRequest.first(100)).items()))
          .as(
              "members of %s, in directory order (versions differ: putUser writes above them)",
              unit)
          .isEqualTo(ids(written.members(unit, PageRequest.first(100)).items()))
          .isNotEmpty();
    }
  }

  /** Users whose departments match the rule, miss it, or make it undecidable, in turn. */
  private static List<User> users(String prefix, int count) {
    List<String> departments = List.of("Board", "Sales", UNDECIDABLE);
    List<User> users = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = String.format(Locale.ROOT, "%s-%02d", prefix, i);
      users.add(
          User.builder()
              .id(UserId.of(id))
              .userPrincipalName(id + "@contoso.example")
              .displayName("User " + id)
              .attribute("department", departments.get(i % departments.size()))
              .version(1)
              .build());
    }
    return users;
  }

  private static List<UserId> ids(List<User> users) {
    return users.stream().map(User::id).toList();
  }

  private static String fresh() {
    return TestDatabase.freshName("bulk-rule");
  }
}
