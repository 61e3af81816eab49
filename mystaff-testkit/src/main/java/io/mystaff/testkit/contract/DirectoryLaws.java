package io.mystaff.testkit.contract;

import static io.mystaff.testkit.contract.ContractTenants.GHOST_UNIT;
import static io.mystaff.testkit.contract.ContractTenants.GHOST_USER;
import static io.mystaff.testkit.contract.Listings.PAGE_SIZES;
import static io.mystaff.testkit.contract.Listings.UNIT_ORDER;
import static io.mystaff.testkit.contract.Listings.USER_ORDER;
import static io.mystaff.testkit.contract.Listings.ids;
import static io.mystaff.testkit.contract.Listings.unitIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.PageRequest;
import io.mystaff.api.UnitId;
import io.mystaff.api.UnknownUnitException;
import io.mystaff.api.UserId;
import io.mystaff.api.authz.BuiltInRole;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.RoleDefinition;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.User;
import io.mystaff.spi.Directory;
import io.mystaff.testkit.fixtures.Tenant;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/** The laws of {@link DirectoryTestSuiteBuilder}. */
final class DirectoryLaws {
  private static final int RANDOM_TENANTS = 12;
  private static final int QUERIES_PER_TENANT = 8;

  static final List<Law<Directory, DirectoryFeature>> ALL =
      List.of(
          Law.of("findUser_everyTenantUser_foundAsSeeded", DirectoryLaws::findUserFindsEveryUser),
          Law.of(
              "findUser_unknownId_empty",
              t ->
                  assertThat(t.subject(ContractTenants.directory()).findUser(GHOST_USER))
                      .as("findUser of an unknown id")
                      .isEmpty()),
          Law.of("findUnit_everyTenantUnit_foundAsSeeded", DirectoryLaws::findUnitFindsEveryUnit),
          Law.of(
              "findUnit_unknownId_empty",
              t ->
                  assertThat(t.subject(ContractTenants.directory()).findUnit(GHOST_UNIT))
                      .as("findUnit of an unknown id")
                      .isEmpty()),
          Law.of("unitsOf_everyUser_theUnitsTheyWerePlacedIn", DirectoryLaws::unitsOfEveryUser),
          Law.of(
              "unitsOf_unknownUser_empty",
              t ->
                  assertThat(t.subject(ContractTenants.directory()).unitsOf(GHOST_USER))
                      .as("unitsOf an unknown user")
                      .isEmpty()),
          Law.of("unitsOf_result_immutableSnapshot", DirectoryLaws::unitsOfIsImmutable),
          Law.of(
              "members_everyPageSize_allMembersInDirectoryOrderOnce",
              DirectoryLaws::membersOfSample),
          Law.of("members_randomTenants_matchReference", DirectoryLaws::membersOfRandomTenants),
          Law.of("members_emptyUnit_oneEmptyLastPage", DirectoryLaws::membersOfEmptyUnit),
          Law.of(
              "members_unknownUnit_throwsUnknownUnit",
              t -> {
                Directory d = t.subject(ContractTenants.directory());
                assertThatThrownBy(() -> d.members(GHOST_UNIT, PageRequest.first(10)))
                    .as("members of an unknown unit")
                    .isInstanceOf(UnknownUnitException.class);
              }),
          Law.of(
              "searchUsers_prefixOfNameWordOrPrincipalName_matchesInDirectoryOrder",
              DirectoryLaws::searchUsersSample),
          Law.of("searchUsers_queryCase_doesNotMatter", DirectoryLaws::searchUsersIgnoresCase),
          Law.of("searchUsers_insideAWord_noMatch", DirectoryLaws::searchUsersMidWord),
          Law.of("searchUsers_randomTenants_matchReference", DirectoryLaws::searchUsersRandom),
          Law.of(
              "searchUnits_prefixOfNameOrWord_matchesInDirectoryOrder",
              DirectoryFeature.SEARCHES_UNITS,
              DirectoryLaws::searchUnitsSample),
          Law.of(
              "searchUnits_randomTenants_matchReference",
              DirectoryFeature.SEARCHES_UNITS,
              DirectoryLaws::searchUnitsRandom),
          Law.of("assignmentsOf_everyUser_theirAssignments", DirectoryLaws::assignmentsOfEveryUser),
          Law.of(
              "assignmentsOf_unknownUser_empty",
              t ->
                  assertThat(t.subject(ContractTenants.directory()).assignmentsOf(GHOST_USER))
                      .as("assignmentsOf an unknown user")
                      .isEmpty()),
          Law.of("roles_catalog_holdsEveryBuiltInRole", DirectoryLaws::rolesHoldBuiltIns),
          Law.of(
              "roles_customRoles_inCatalog",
              DirectoryFeature.CUSTOM_ROLES,
              DirectoryLaws::rolesHoldCustomRoles),
          Law.of(
              "isRoleAssignableGroupMember_noGroups_false",
              t -> {
                Tenant tenant = ContractTenants.directory();
                Directory d = t.subject(tenant);
                for (User u : tenant.users()) {
                  assertThat(d.isRoleAssignableGroupMember(u.id()))
                      .as("isRoleAssignableGroupMember(%s)", u.id())
                      .isFalse();
                }
              }),
          Law.of(
              "isRoleAssignableGroupMember_members_true_othersFalse",
              DirectoryFeature.ROLE_ASSIGNABLE_GROUPS,
              DirectoryLaws::roleAssignableGroupMembers),
          Law.of(
              "assignmentsOf_groupMember_directAndGroupAssignments",
              DirectoryFeature.ROLE_ASSIGNABLE_GROUPS,
              DirectoryLaws::groupAssignments),
          Law.of(
              "allUsers_everyPageSize_everyUserInDirectoryOrderOnce",
              DirectoryFeature.LISTS_ALL_USERS,
              DirectoryLaws::allUsersSample),
          Law.of(
              "allUsers_randomTenants_matchReference",
              DirectoryFeature.LISTS_ALL_USERS,
              DirectoryLaws::allUsersRandom),
          Law.of(
              "dynamicUnit_members_exactlyUsersMatchingRule",
              DirectoryFeature.DYNAMIC_UNITS,
              DirectoryLaws::dynamicUnitMembers),
          Law.of(
              "undecidedUnitsOf_unknownUser_empty",
              t ->
                  assertThat(t.subject(ContractTenants.directory()).undecidedUnitsOf(GHOST_USER))
                      .isEmpty()),
          Law.of(
              "undecidedUnitsOf_decidableRules_empty",
              DirectoryFeature.DYNAMIC_UNITS,
              DirectoryLaws::undecidedUnitsOfDecidableRules),
          Law.of(
              "undecidedUnitsOf_expensiveRule_neverAMemberAndOnlyDynamicUnits",
              DirectoryFeature.DYNAMIC_UNITS,
              DirectoryLaws::undecidedUnitsOfExpensiveRule),
          Law.of(
              "searchMembers_everyUnitAndQuery_matchingMembersInDirectoryOrder",
              DirectoryLaws::searchMembersSample),
          Law.of("searchMembers_randomTenants_matchReference", DirectoryLaws::searchMembersRandom),
          Law.of(
              "searchMembers_unknownUnit_throwsUnknownUnit",
              t -> {
                Directory d = t.subject(ContractTenants.directory());
                org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> d.searchMembers(GHOST_UNIT, "a", PageRequest.first(5)))
                    .as("searchMembers of a unit that does not exist")
                    .isInstanceOf(io.mystaff.api.UnknownUnitException.class);
              }),
          Law.of(
              "allUnits_everyPageSize_everyUnitInDirectoryOrderOnce",
              DirectoryFeature.LISTS_ALL_UNITS,
              DirectoryLaws::allUnitsSample));

  private DirectoryLaws() {}

  private static void findUserFindsEveryUser(Trial<Directory> t) throws Exception {
    Tenant tenant = ContractTenants.directory();
    Directory d = t.subject(tenant);
    for (User expected : tenant.users()) {
      User actual =
          d.findUser(expected.id())
              .orElseThrow(() -> new AssertionError("findUser(" + expected.id() + ") is empty"));
      assertThat(actual.id()).isEqualTo(expected.id());
      assertThat(actual.displayName())
          .as("display name of %s", expected.id())
          .isEqualTo(expected.displayName());
      assertThat(actual.userPrincipalName())
          .as("principal name of %s", expected.id())
          .isEqualTo(expected.userPrincipalName());
      assertThat(actual.source()).as("source of %s", expected.id()).isEqualTo(expected.source());
      assertThat(actual.onPremisesSamAccountName())
          .as("sAMAccountName of %s", expected.id())
          .isEqualTo(expected.onPremisesSamAccountName());
      assertThat(actual.accountEnabled())
          .as("accountEnabled of %s", expected.id())
          .isEqualTo(expected.accountEnabled());
      assertThat(actual.phones()).as("phones of %s", expected.id()).isEqualTo(expected.phones());
    }
  }

  private static void findUnitFindsEveryUnit(Trial<Directory> t) throws Exception {
    Tenant tenant = ContractTenants.directory();
    Directory d = t.subject(tenant);
    for (AdministrativeUnit expected : tenant.units()) {
      assertThat(d.findUnit(expected.id())).as("findUnit(%s)", expected.id()).contains(expected);
    }
  }

  private static void unitsOfEveryUser(Trial<Directory> t) throws Exception {
    Tenant tenant = ContractTenants.directory();
    Directory d = t.subject(tenant);
    for (User u : tenant.users()) {
      assertThat(d.unitsOf(u.id()))
          .as("unitsOf(%s)", u.id())
          .isEqualTo(assignedUnitsOf(tenant, u.id()));
    }
  }

  private static void unitsOfIsImmutable(Trial<Directory> t) throws Exception {
    Tenant tenant = ContractTenants.directory();
    Directory d = t.subject(tenant);
    UserId ann = UserId.of("ann.lee");
    Set<UnitId> units = d.unitsOf(ann);
    try {
      units.add(GHOST_UNIT);
      throw new AssertionError("unitsOf returned a set that accepts additions");
    } catch (UnsupportedOperationException expected) {
      // the snapshot is read-only, as it must be
    }
    try {
      d.assignmentsOf(ann).clear();
      throw new AssertionError("assignmentsOf returned a list that can be cleared");
    } catch (UnsupportedOperationException expected) {
      // likewise
    }
    assertThat(d.unitsOf(ann))
        .as("unitsOf after trying to change a returned set")
        .isEqualTo(assignedUnitsOf(tenant, ann));
    assertThat(d.assignmentsOf(ann))
        .as("assignmentsOf after trying to change a returned list")
        .hasSameElementsAs(tenant.assignmentsOf(ann));
  }

  private static void membersOfSample(Trial<Directory> t) throws Exception {
    Tenant tenant = ContractTenants.directory();
    checkMembers(tenant, t.subject(tenant), PAGE_SIZES);
  }

  private static void membersOfRandomTenants(Trial<Directory> t) throws Exception {
    forRandomTenants(
        t,
        (tenant, d, r) ->
            checkMembers(tenant, d, new int[] {1 + r.nextInt(5), PageRequest.MAX_SIZE}));
  }

  /** Runs {@code check} on {@value #RANDOM_TENANTS} random tenants, each in a fresh subject. */
  private static void forRandomTenants(Trial<Directory> t, RandomCheck check) throws Exception {
    for (int i = 0; i < RANDOM_TENANTS; i++) {
      Random r = t.random();
      Tenant tenant = ContractTenants.random(r);
      check.run(tenant, t.subject(tenant), r);
    }
  }

  @FunctionalInterface
  private interface RandomCheck {
    void run(Tenant tenant, Directory directory, Random random);
  }

  private static void checkMembers(Tenant tenant, Directory d, int[] sizes) {
    for (AdministrativeUnit unit : tenant.units()) {
      List<String> expected =
          ids(
              tenant.users().stream()
                  .filter(u -> tenant.assignedMembersOf(unit.id()).contains(u.id()))
                  .sorted(USER_ORDER)
                  .toList());
      for (int size : sizes) {
        List<User> listed =
            Listings.drainUsers("members(" + unit.id() + ")", size, p -> d.members(unit.id(), p));
        assertThat(ids(listed))
            .as(
                "members(%s) in pages of %d: every member once, in directory order (display name ignoring case,"
                    + " then id); in %s",
                unit.id(), size, tenant)
            .containsExactlyElementsOf(expected);
      }
    }
  }

  private static void searchMembersSample(Trial<Directory> t) throws Exception {
    Tenant tenant = ContractTenants.directory();
    Directory d = t.subject(tenant);
    for (String query : ContractTenants.USER_QUERIES) {
      checkMemberSearch(tenant, d, query, new int[] {1, 4, PageRequest.MAX_SIZE});
    }
  }

  private static void searchMembersRandom(Trial<Directory> t) throws Exception {
    forRandomTenants(
        t,
        (tenant, d, r) -> {
          for (int q = 0; q < QUERIES_PER_TENANT; q++) {
            checkMemberSearch(
                tenant, d, ContractTenants.randomQuery(r, tenant), new int[] {1 + r.nextInt(4)});
          }
        });
  }

  private static void checkMemberSearch(Tenant tenant, Directory d, String query, int[] sizes) {
    for (AdministrativeUnit unit : tenant.units()) {
      if (unit.isDynamic()) {
        continue; // its members follow from its rule: DYNAMIC_UNITS covers them
      }
      List<String> expected =
          ids(
              tenant.users().stream()
                  .filter(
                      u ->
                          tenant.assignedMembersOf(unit.id()).contains(u.id())
                              && Listings.userMatches(u, query))
                  .sorted(USER_ORDER)
                  .toList());
      for (int size : sizes) {
        List<User> found =
            Listings.drainUsers(
                "searchMembers(" + unit.id() + ", \"" + query + "\")",
                size,
                p -> d.searchMembers(unit.id(), query, p));
        assertThat(ids(found))
            .as(
                "searchMembers(%s, \"%s\") in pages of %d: members whose display name, a word of it or principal"
                    + " name starts with the query (any case), in directory order; in %s",
                unit.id(), query, size, tenant)
            .containsExactlyElementsOf(expected);
      }
    }
  }

  private static void allUnitsSample(Trial<Directory> t) throws Exception {
    Tenant tenant = ContractTenants.directory();
    Directory d = t.subject(tenant);
    List<String> expected = unitIds(tenant.units().stream().sorted(UNIT_ORDER).toList());
    for (int size : PAGE_SIZES) {
      assertThat(unitIds(Listings.drainUnits("allUnits", size, d::allUnits)))
          .as("allUnits in pages of %d, in %s", size, tenant)
          .containsExactlyElementsOf(expected);
    }
  }

  private static void membersOfEmptyUnit(Trial<Directory> t) throws Exception {
    Directory d = t.subject(ContractTenants.directory());
    var page = d.members(UnitId.of("empty"), PageRequest.first(5));
    assertThat(page.items()).as("members of an empty unit").isEmpty();
    assertThat(page.nextCursor()).as("cursor after the only page of an empty unit").isEmpty();
  }

  private static void searchUsersSample(Trial<Directory> t) throws Exception {
    Tenant tenant = ContractTenants.directory();
    Directory d = t.subject(tenant);
    for (String query : ContractTenants.USER_QUERIES) {
      checkUserSearch(tenant, d, query, new int[] {1, 4, PageRequest.MAX_SIZE});
    }
  }

  private static void searchUsersRandom(Trial<Directory> t) throws Exception {
    forRandomTenants(
        t,
        (tenant, d, r) -> {
          for (int q = 0; q < QUERIES_PER_TENANT; q++) {
            checkUserSearch(
                tenant,
                d,
                ContractTenants.randomQuery(r, tenant),
                new int[] {1 + r.nextInt(4), PageRequest.MAX_SIZE});
          }
        });
  }

  private static void checkUserSearch(Tenant tenant, Directory d, String query, int[] sizes) {
    List<String> expected =
        ids(
            tenant.users().stream()
                .filter(u -> Listings.userMatches(u, query))
                .sorted(USER_ORDER)
                .toList());
    for (int size : sizes) {
      List<User> found =
          Listings.drainUsers("searchUsers(\"" + query + "\")", size, p -> d.searchUsers(query, p));
      assertThat(ids(found))
          .as(
              "searchUsers(\"%s\") in pages of %d: users whose display name, a word of it or principal name"
                  + " starts with the query (any case), in directory order; in %s",
              query, size, tenant)
          .containsExactlyElementsOf(expected);
    }
  }

  private static void searchUsersIgnoresCase(Trial<Directory> t) throws Exception {
    Directory d = t.subject(ContractTenants.directory());
    for (String query : List.of("ann", "smith", "jdoe", "bob stone", "staff 0")) {
      List<String> lower =
          ids(Listings.drainUsers("searchUsers", 100, p -> d.searchUsers(query, p)));
      assertThat(lower).as("searchUsers(\"%s\")", query).isNotEmpty();
      for (String variant : List.of(query.toUpperCase(java.util.Locale.ROOT), capitalize(query))) {
        assertThat(ids(Listings.drainUsers("searchUsers", 100, p -> d.searchUsers(variant, p))))
            .as("searchUsers(\"%s\") must equal searchUsers(\"%s\")", variant, query)
            .containsExactlyElementsOf(lower);
      }
    }
  }

  private static void searchUsersMidWord(Trial<Directory> t) throws Exception {
    Directory d = t.subject(ContractTenants.directory());
    for (String query : List.of("mith", "nne", "oe", "tone", "contoso", "@", "taff")) {
      assertThat(ids(Listings.drainUsers("searchUsers", 100, p -> d.searchUsers(query, p))))
          .as("searchUsers(\"%s\"): a match starts a name, a word or the principal name", query)
          .isEmpty();
    }
  }

  private static void searchUnitsSample(Trial<Directory> t) throws Exception {
    Tenant tenant = ContractTenants.directory();
    Directory d = t.subject(tenant);
    for (String query : ContractTenants.UNIT_QUERIES) {
      checkUnitSearch(tenant, d, query, new int[] {1, 3, PageRequest.MAX_SIZE});
    }
  }

  private static void searchUnitsRandom(Trial<Directory> t) throws Exception {
    forRandomTenants(
        t,
        (tenant, d, r) -> {
          for (int q = 0; q < QUERIES_PER_TENANT; q++) {
            checkUnitSearch(
                tenant,
                d,
                ContractTenants.randomUnitQuery(r, tenant),
                new int[] {1, PageRequest.MAX_SIZE});
          }
        });
  }

  private static void checkUnitSearch(Tenant tenant, Directory d, String query, int[] sizes) {
    List<String> expected =
        unitIds(
            tenant.units().stream()
                .filter(u -> Listings.nameMatches(u.displayName(), query))
                .sorted(UNIT_ORDER)
                .toList());
    for (int size : sizes) {
      List<AdministrativeUnit> found =
          Listings.drainUnits("searchUnits(\"" + query + "\")", size, p -> d.searchUnits(query, p));
      assertThat(unitIds(found))
          .as(
              "searchUnits(\"%s\") in pages of %d: units whose display name or a word of it starts with the"
                  + " query (any case), in directory order; in %s",
              query, size, tenant)
          .containsExactlyElementsOf(expected);
    }
  }

  private static void assignmentsOfEveryUser(Trial<Directory> t) throws Exception {
    Tenant tenant = ContractTenants.directory();
    Directory d = t.subject(tenant);
    for (User u : tenant.users()) {
      List<RoleAssignment> actual = d.assignmentsOf(u.id());
      assertThat(actual)
          .as("assignmentsOf(%s)", u.id())
          .hasSameElementsAs(tenant.assignmentsOf(u.id()));
      assertThat(actual).as("assignmentsOf(%s) repeats nothing", u.id()).doesNotHaveDuplicates();
    }
  }

  private static void rolesHoldBuiltIns(Trial<Directory> t) throws Exception {
    Directory d = t.subject(ContractTenants.directory());
    for (BuiltInRole role : BuiltInRole.values()) {
      assertThat(d.roles().find(role.templateId()))
          .as("roles() holds the built-in %s", role)
          .isPresent();
    }
  }

  private static void rolesHoldCustomRoles(Trial<Directory> t) throws Exception {
    Tenant tenant = ContractTenants.customRoles();
    Directory d = t.subject(tenant);
    for (RoleDefinition role : tenant.customRoles()) {
      assertThat(d.roles().find(role.id()))
          .as("roles() holds the custom role %s", role.id())
          .contains(role);
    }
    UserId mgr = UserId.of("mgr");
    assertThat(d.assignmentsOf(mgr))
        .as("assignmentsOf(mgr) with a custom role")
        .hasSameElementsAs(tenant.assignmentsOf(mgr));
  }

  private static void roleAssignableGroupMembers(Trial<Directory> t) throws Exception {
    Tenant tenant = ContractTenants.roleAssignableGroups();
    Directory d = t.subject(tenant);
    for (User u : tenant.users()) {
      assertThat(d.isRoleAssignableGroupMember(u.id()))
          .as(
              "isRoleAssignableGroupMember(%s): marked as such, or a member of a group that holds a role",
              u.id())
          .isEqualTo(tenant.isRoleAssignableGroupMember(u.id()));
    }
    assertThat(d.isRoleAssignableGroupMember(GHOST_USER))
        .as("isRoleAssignableGroupMember of an unknown user")
        .isFalse();
  }

  /**
   * A user's effective assignments are the direct ones plus those of every group the user is a
   * member of, whatever their window or kind; nothing else, nothing twice.
   */
  private static void groupAssignments(Trial<Directory> t) throws Exception {
    Tenant tenant = ContractTenants.roleAssignableGroups();
    Directory d = t.subject(tenant);
    for (User u : tenant.users()) {
      List<RoleAssignment> actual = d.assignmentsOf(u.id());
      assertThat(actual)
          .as("assignmentsOf(%s): direct and through the groups %s", u.id(), u.groups())
          .hasSameElementsAs(tenant.assignmentsOf(u.id()));
      assertThat(actual).as("assignmentsOf(%s) repeats nothing", u.id()).doesNotHaveDuplicates();
    }
  }

  private static void allUsersSample(Trial<Directory> t) throws Exception {
    Tenant tenant = ContractTenants.directory();
    checkAllUsers(tenant, t.subject(tenant), PAGE_SIZES);
  }

  private static void allUsersRandom(Trial<Directory> t) throws Exception {
    forRandomTenants(t, (tenant, d, r) -> checkAllUsers(tenant, d, new int[] {1 + r.nextInt(6)}));
  }

  private static void checkAllUsers(Tenant tenant, Directory d, int[] sizes) {
    List<String> expected = ids(tenant.users().stream().sorted(USER_ORDER).toList());
    for (int size : sizes) {
      assertThat(ids(Listings.drainUsers("allUsers", size, d::allUsers)))
          .as("allUsers in pages of %d, in %s", size, tenant)
          .containsExactlyElementsOf(expected);
    }
  }

  private static void dynamicUnitMembers(Trial<Directory> t) throws Exception {
    Tenant tenant = ContractTenants.dynamic();
    Directory d = t.subject(tenant);
    UnitId sales = UnitId.of("sales");
    assertThat(ids(Listings.drainUsers("members(sales)", 1, p -> d.members(sales, p))))
        .as("members of the dynamic unit for department Sales")
        .containsExactly("ann", "bob");
    assertThat(d.unitsOf(UserId.of("ann")))
        .as("unitsOf(ann)")
        .containsExactlyInAnyOrder(sales, UnitId.of("store-1"));
    assertThat(d.unitsOf(UserId.of("bob"))).as("unitsOf(bob)").containsExactly(sales);
    assertThat(d.unitsOf(UserId.of("cat")))
        .as("unitsOf(cat)")
        .containsExactly(UnitId.of("store-1"));
    assertThat(d.unitsOf(UserId.of("dan"))).as("unitsOf(dan)").isEmpty();
    assertThat(d.findUnit(sales)).as("findUnit(sales)").contains(tenant.unit(sales).orElseThrow());
  }

  private static void undecidedUnitsOfDecidableRules(Trial<Directory> t) throws Exception {
    for (Tenant tenant : List.of(ContractTenants.directory(), ContractTenants.dynamic())) {
      Directory d = t.subject(tenant);
      for (User u : tenant.users()) {
        assertThat(d.undecidedUnitsOf(u.id())).as("undecidedUnitsOf(%s)", u.id()).isEmpty();
      }
    }
  }

  /**
   * However much a provider may spend on a rule, a user it could not decide is not a member: only a
   * decided match makes one. What it could not decide it reports, for dynamic units only, never for
   * a unit the user is a member of.
   */
  private static void undecidedUnitsOfExpensiveRule(Trial<Directory> t) throws Exception {
    Tenant tenant = ContractTenants.expensiveRule();
    Directory d = t.subject(tenant);
    UnitId board = UnitId.of("board");
    assertThat(ids(Listings.drainUsers("members(board)", 5, p -> d.members(board, p))))
        .as("members of a unit whose rule matches no one")
        .isEmpty();
    for (User u : tenant.users()) {
      Set<UnitId> units = d.unitsOf(u.id());
      Set<UnitId> undecided = d.undecidedUnitsOf(u.id());
      assertThat(units).as("unitsOf(%s)", u.id()).containsExactly(UnitId.of("store-1"));
      assertThat(undecided).as("undecidedUnitsOf(%s)", u.id()).isSubsetOf(board);
      assertThatThrownBy(() -> undecided.add(GHOST_UNIT))
          .as("undecidedUnitsOf(%s) is an immutable snapshot", u.id())
          .isInstanceOf(UnsupportedOperationException.class);
    }
    assertThat(d.undecidedUnitsOf(UserId.of("dora")))
        .as("undecidedUnitsOf(dora): decidable")
        .isEmpty();
  }

  private static Set<UnitId> assignedUnitsOf(Tenant tenant, UserId user) {
    return tenant.assignedMembers().entrySet().stream()
        .filter(e -> e.getValue().contains(user))
        .map(java.util.Map.Entry::getKey)
        .collect(Collectors.toCollection(HashSet::new));
  }

  private static String capitalize(String s) {
    return s.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + s.substring(1);
  }
}
