package io.mystaff.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.CapabilityNotSupportedException;
import io.mystaff.api.Page;
import io.mystaff.api.PageRequest;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.User;
import io.mystaff.testkit.fixtures.Fixtures;
import io.mystaff.testkit.fixtures.Tenant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The directory contract can fail: each broken directory below breaks one law, and launching the
 * suite against it shows that law failing (and the sound laws still passing).
 */
class DirectoryContractSelfTest {

  @Test
  void pagingThatRepeatsAnItem_failsTheMembersLaws() {
    SuiteRun run = SuiteRun.of(RepeatingPaging.class);
    assertThat(run.failed())
        .as("%s", run)
        .contains(
            "members_everyPageSize_allMembersInDirectoryOrderOnce",
            "members_randomTenants_matchReference");
    assertThat(run.failureOf("members_everyPageSize_allMembersInDirectoryOrderOnce"))
        .contains("repeats");
    assertThat(run.passed())
        .as("%s", run)
        .contains("findUser_everyTenantUser_foundAsSeeded", "searchUsers_insideAWord_noMatch");
  }

  @Test
  void caseSensitiveSearch_failsTheCaseLaw() {
    SuiteRun run = SuiteRun.of(CaseSensitiveSearch.class);
    assertThat(run.failed())
        .as("%s", run)
        .contains(
            "searchUsers_queryCase_doesNotMatter",
            "searchUsers_prefixOfNameWordOrPrincipalName_matchesInDirectoryOrder");
    assertThat(run.passed())
        .as("%s", run)
        .contains("members_everyPageSize_allMembersInDirectoryOrderOnce");
  }

  @Test
  void searchMatchingInsideWords_failsTheWordStartLaw() {
    SuiteRun run = SuiteRun.of(SubstringSearch.class);
    assertThat(run.failed())
        .as("%s", run)
        .contains(
            "searchUsers_insideAWord_noMatch",
            "searchUsers_prefixOfNameWordOrPrincipalName_matchesInDirectoryOrder");
  }

  @Test
  void memberSearchIgnoringTheUnit_failsTheMemberSearchLaws() {
    SuiteRun run = SuiteRun.of(MemberSearchAcrossTheTenant.class);
    assertThat(run.failed())
        .as("%s", run)
        .contains(
            "searchMembers_everyUnitAndQuery_matchingMembersInDirectoryOrder",
            "searchMembers_randomTenants_matchReference");
    assertThat(run.passed())
        .as("%s", run)
        .contains("searchUsers_prefixOfNameWordOrPrincipalName_matchesInDirectoryOrder");
  }

  @Test
  void unitListingThatSkipsRestrictedUnits_failsTheClaimedListingLaw() {
    SuiteRun run = SuiteRun.of(UnitListingWithoutRestricted.class);
    assertThat(run.failed())
        .as("%s", run)
        .containsExactly("allUnits_everyPageSize_everyUnitInDirectoryOrderOnce");
  }

  @Test
  void caseSensitiveOrder_failsTheOrderLaws() {
    SuiteRun run = SuiteRun.of(CaseSensitiveOrder.class);
    assertThat(run.failed())
        .as("%s", run)
        .contains("members_everyPageSize_allMembersInDirectoryOrderOnce");
    assertThat(run.failureOf("members_everyPageSize_allMembersInDirectoryOrderOnce"))
        .contains("members(store-1)", "in directory order");
  }

  @Test
  void liveMutableUnitSet_failsTheSnapshotLaw() {
    SuiteRun run = SuiteRun.of(MutableUnitsOf.class);
    assertThat(run.failed()).as("%s", run).containsExactly("unitsOf_result_immutableSnapshot");
  }

  @Test
  void unsupportedUnitSearch_skippedUnlessClaimed() {
    SuiteRun probed = SuiteRun.of(NoUnitSearchProbed.class);
    assertThat(probed.skipped())
        .as("%s", probed)
        .contains(
            "searchUnits_prefixOfNameOrWord_matchesInDirectoryOrder",
            "searchUnits_randomTenants_matchReference");
    assertThat(probed.failed()).as("%s", probed).isEmpty();

    SuiteRun declared = SuiteRun.of(NoUnitSearchDeclared.class);
    assertThat(declared.skipped())
        .as("%s", declared)
        .contains("searchUnits_prefixOfNameOrWord_matchesInDirectoryOrder");
    assertThat(declared.failed()).as("%s", declared).isEmpty();

    SuiteRun claimed = SuiteRun.of(NoUnitSearchClaimed.class);
    assertThat(claimed.failed())
        .as("%s", claimed)
        .containsExactlyInAnyOrder(
            "searchUnits_prefixOfNameOrWord_matchesInDirectoryOrder",
            "searchUnits_randomTenants_matchReference",
            "cursors_longNonAsciiNamesAndIds_withinPageRequestLimit",
            DirectoryDifferentialLaw.NAME);
    assertThat(claimed.failureOf("searchUnits_randomTenants_matchReference"))
        .contains("claims [SEARCHES_UNITS]");
  }

  @Test
  void directOnlyAssignments_failGroupLaws() {
    SuiteRun run = SuiteRun.of(DirectAssignmentsOnly.class);
    assertThat(run.failed())
        .as("%s", run)
        .containsExactlyInAnyOrder(
            "assignmentsOf_groupMember_directAndGroupAssignments",
            "isRoleAssignableGroupMember_members_true_othersFalse");
    assertThat(run.failureOf("assignmentsOf_groupMember_directAndGroupAssignments"))
        .contains("through the groups");
  }

  @Test
  void unsupportedRequiredOperation_fails() {
    SuiteRun run = SuiteRun.of(NoUserSearch.class);
    assertThat(run.failed()).as("%s", run).contains("searchUsers_queryCase_doesNotMatter");
    assertThat(run.failureOf("searchUsers_queryCase_doesNotMatter"))
        .contains("which every Directory must support");
  }

  @Test
  void factoryThatCannotHoldDynamicUnits_skipsOnlyTheirLaw() {
    SuiteRun run = SuiteRun.of(NoDynamicUnits.class);
    assertThat(run.skipped())
        .as("%s", run)
        .contains("dynamicUnit_members_exactlyUsersMatchingRule");
    assertThat(run.failed()).as("%s", run).isEmpty();
  }

  @Test
  void undecidedRuleCountedAsMembership_failsTheUndecidedLaw() {
    SuiteRun run = SuiteRun.of(UndecidedAsMember.class);
    assertThat(run.failed())
        .as("%s", run)
        .containsExactly("undecidedUnitsOf_expensiveRule_neverAMemberAndOnlyDynamicUnits");
  }

  // ---------------------------------------------------------------------------------------------
  // Suites over broken directories, launched by the tests above.

  /** Fails open: a user whose rule could not be decided is reported as a member. */
  @SelfTestOnly
  static class UndecidedAsMember {
    @TestFactory
    DynamicContainer suite() {
      return DirectoryContractSelfTest.suite(
          "undecided as member",
          t ->
              new ForwardingDirectory(Fixtures.inMemoryDirectory(t)) {
                @Override
                public Set<UnitId> unitsOf(UserId user) {
                  Set<UnitId> all = new java.util.HashSet<>(delegate.unitsOf(user));
                  all.addAll(delegate.undecidedUnitsOf(user));
                  return Set.copyOf(all);
                }
              });
    }
  }

  private static DynamicContainer suite(
      String name, java.util.function.Function<Tenant, ForwardingDirectory> broken) {
    return DirectoryTestSuiteBuilder.using(broken::apply)
        .named(name)
        .withoutFeatures(DirectoryFeature.LISTS_ALL_USERS)
        .build();
  }

  private static ForwardingDirectory forwarding(Tenant tenant) {
    return new ForwardingDirectory(Fixtures.inMemoryDirectory(tenant));
  }

  /** Hands out a cursor one item early, so each page after the first repeats the last item. */
  @SelfTestOnly
  static class RepeatingPaging {
    @TestFactory
    DynamicContainer suite() {
      return DirectoryContractSelfTest.suite(
          "repeating paging",
          t ->
              new ForwardingDirectory(Fixtures.inMemoryDirectory(t)) {
                @Override
                public Page<User> members(UnitId unit, PageRequest page) {
                  Page<User> full = delegate.members(unit, page);
                  if (page.size() < 2 || !full.hasNext()) {
                    return full;
                  }
                  Page<User> shorter =
                      delegate.members(unit, new PageRequest(page.size() - 1, page.cursor()));
                  return new Page<>(full.items(), shorter.nextCursor());
                }
              });
    }
  }

  /** Keeps only matches whose case equals the query's. */
  @SelfTestOnly
  static class CaseSensitiveSearch {
    @TestFactory
    DynamicContainer suite() {
      return DirectoryContractSelfTest.suite(
          "case-sensitive search",
          t ->
              new ForwardingDirectory(Fixtures.inMemoryDirectory(t)) {
                @Override
                public Page<User> searchUsers(String query, PageRequest page) {
                  Page<User> found = delegate.searchUsers(query, page);
                  return new Page<>(
                      found.items().stream().filter(u -> caseSensitiveMatch(u, query)).toList(),
                      found.nextCursor());
                }
              });
    }

    private static boolean caseSensitiveMatch(User u, String query) {
      if (u.displayName().startsWith(query) || u.userPrincipalName().startsWith(query)) {
        return true;
      }
      for (String word : u.displayName().split(" ", -1)) {
        if (word.startsWith(query)) {
          return true;
        }
      }
      return false;
    }
  }

  /** Searches "a unit" by searching the whole tenant. */
  @SelfTestOnly
  static class MemberSearchAcrossTheTenant {
    @TestFactory
    DynamicContainer suite() {
      return DirectoryTestSuiteBuilder.using(
              tenant ->
                  new ForwardingDirectory(Fixtures.inMemoryDirectory(tenant)) {
                    @Override
                    public Page<User> searchMembers(
                        io.mystaff.api.UnitId unit, String query, PageRequest page) {
                      delegate.members(
                          unit, PageRequest.first(1)); // still throws for an unknown unit
                      return delegate.searchUsers(query, page);
                    }
                  })
          .named("member search across the tenant")
          .withoutFeatures(DirectoryFeature.LISTS_ALL_USERS)
          .build();
    }
  }

  /** Leaves restricted-management units out of the unit listing. */
  @SelfTestOnly
  static class UnitListingWithoutRestricted {
    @TestFactory
    DynamicContainer suite() {
      return DirectoryTestSuiteBuilder.using(
              tenant ->
                  new ForwardingDirectory(Fixtures.inMemoryDirectory(tenant)) {
                    @Override
                    public Page<io.mystaff.api.directory.AdministrativeUnit> allUnits(
                        PageRequest page) {
                      var all = delegate.allUnits(page);
                      return new Page<>(
                          all.items().stream().filter(u -> !u.restrictedManagement()).toList(),
                          all.nextCursor());
                    }
                  })
          .named("unit listing without restricted units")
          .withoutFeatures(DirectoryFeature.LISTS_ALL_USERS)
          .withFeatures(
              DirectoryFeature.SEARCHES_UNITS,
              DirectoryFeature.DYNAMIC_UNITS,
              DirectoryFeature.CUSTOM_ROLES,
              DirectoryFeature.ROLE_ASSIGNABLE_GROUPS,
              DirectoryFeature.LISTS_ALL_UNITS)
          .build();
    }
  }

  /** Matches a query anywhere in the display name or principal name (one page holds everything). */
  @SelfTestOnly
  static class SubstringSearch {
    @TestFactory
    DynamicContainer suite() {
      return DirectoryTestSuiteBuilder.using(
              tenant ->
                  new ForwardingDirectory(Fixtures.inMemoryDirectory(tenant)) {
                    @Override
                    public Page<User> searchUsers(String query, PageRequest page) {
                      String q = query.toLowerCase(java.util.Locale.ROOT);
                      List<User> all =
                          tenant.users().stream()
                              .filter(
                                  u ->
                                      (u.displayName() + " " + u.userPrincipalName())
                                          .toLowerCase(java.util.Locale.ROOT)
                                          .contains(q))
                              .map(u -> delegate.findUser(u.id()).orElseThrow())
                              .sorted(Listings.USER_ORDER)
                              .toList();
                      return Page.last(all.subList(0, Math.min(all.size(), page.size())));
                    }
                  })
          .named("substring search")
          .withoutFeatures(DirectoryFeature.LISTS_ALL_USERS)
          .build();
    }
  }

  /** Lists members by display name compared case-sensitively ("Staff 09" before "staff 10"). */
  @SelfTestOnly
  static class CaseSensitiveOrder {
    @TestFactory
    DynamicContainer suite() {
      return DirectoryContractSelfTest.suite(
          "case-sensitive order",
          t ->
              new ForwardingDirectory(Fixtures.inMemoryDirectory(t)) {
                @Override
                public Page<User> members(UnitId unit, PageRequest page) {
                  List<User> all =
                      new ArrayList<>(
                          Listings.drainUsers(
                              "delegate", PageRequest.MAX_SIZE, p -> delegate.members(unit, p)));
                  all.sort(
                      Comparator.comparing(User::displayName).thenComparing(u -> u.id().value()));
                  int from = page.cursor().map(Integer::parseInt).orElse(0);
                  int to = Math.min(all.size(), from + page.size());
                  return new Page<>(
                      all.subList(from, to),
                      to < all.size() ? Optional.of(Integer.toString(to)) : Optional.empty());
                }
              });
    }
  }

  /**
   * Reports only assignments given to the user, and role-assignable group membership only where
   * marked: a group-held Global Administrator looks like nobody special.
   */
  @SelfTestOnly
  static class DirectAssignmentsOnly {
    @TestFactory
    DynamicContainer suite() {
      return DirectoryContractSelfTest.suite(
          "direct assignments only",
          t ->
              new ForwardingDirectory(Fixtures.inMemoryDirectory(t)) {
                @Override
                public List<io.mystaff.api.authz.RoleAssignment> assignmentsOf(UserId principal) {
                  return delegate.assignmentsOf(principal).stream()
                      .filter(a -> !a.isHeldThroughGroup())
                      .toList();
                }

                @Override
                public boolean isRoleAssignableGroupMember(UserId user) {
                  return t.roleAssignableGroupMembers().contains(user);
                }
              });
    }
  }

  /** Returns its own live, mutable set from unitsOf. */
  @SelfTestOnly
  static class MutableUnitsOf {
    @TestFactory
    DynamicContainer suite() {
      return DirectoryContractSelfTest.suite(
          "mutable unitsOf",
          t ->
              new ForwardingDirectory(Fixtures.inMemoryDirectory(t)) {
                private final java.util.Map<UserId, Set<UnitId>> live =
                    new java.util.concurrent.ConcurrentHashMap<>();

                @Override
                public Set<UnitId> unitsOf(UserId user) {
                  return live.computeIfAbsent(user, u -> new HashSet<>(delegate.unitsOf(u)));
                }
              });
    }
  }

  static ForwardingDirectory withoutUnitSearch(Tenant tenant) {
    return new ForwardingDirectory(Fixtures.inMemoryDirectory(tenant)) {
      @Override
      public Page<AdministrativeUnit> searchUnits(String query, PageRequest page) {
        throw new CapabilityNotSupportedException(
            "unit search", "This directory cannot search units.");
      }
    };
  }

  @SelfTestOnly
  static class NoUnitSearchProbed {
    @TestFactory
    DynamicContainer suite() {
      return DirectoryContractSelfTest.suite(
          "no unit search, probed", DirectoryContractSelfTest::withoutUnitSearch);
    }
  }

  @SelfTestOnly
  static class NoUnitSearchDeclared {
    @TestFactory
    DynamicContainer suite() {
      return DirectoryTestSuiteBuilder.using(DirectoryContractSelfTest::withoutUnitSearch)
          .named("no unit search, declared")
          .withoutFeatures(DirectoryFeature.SEARCHES_UNITS, DirectoryFeature.LISTS_ALL_USERS)
          .build();
    }
  }

  @SelfTestOnly
  static class NoUnitSearchClaimed {
    @TestFactory
    DynamicContainer suite() {
      return DirectoryTestSuiteBuilder.using(DirectoryContractSelfTest::withoutUnitSearch)
          .named("no unit search, claimed")
          .withFeatures(DirectoryFeature.SEARCHES_UNITS)
          .withoutFeatures(DirectoryFeature.LISTS_ALL_USERS)
          .build();
    }
  }

  /** Throws CapabilityNotSupportedException from a method every directory must support. */
  @SelfTestOnly
  static class NoUserSearch {
    @TestFactory
    DynamicContainer suite() {
      return DirectoryContractSelfTest.suite(
          "no user search",
          t ->
              new ForwardingDirectory(Fixtures.inMemoryDirectory(t)) {
                @Override
                public Page<User> searchUsers(String query, PageRequest page) {
                  throw new CapabilityNotSupportedException(
                      "user search", "This directory cannot search users.");
                }
              });
    }
  }

  /** A factory that refuses tenants with dynamic units. */
  @SelfTestOnly
  static class NoDynamicUnits {
    @TestFactory
    DynamicContainer suite() {
      return DirectoryContractSelfTest.suite(
          "no dynamic units",
          t -> {
            if (t.units().stream().anyMatch(AdministrativeUnit::isDynamic)) {
              throw new CapabilityNotSupportedException(
                  "dynamic units", "This directory has no membership rules.");
            }
            return forwarding(t);
          });
    }
  }
}
