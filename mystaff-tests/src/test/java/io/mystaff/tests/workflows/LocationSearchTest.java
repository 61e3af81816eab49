package io.mystaff.tests.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.Page;
import io.mystaff.api.PageRequest;
import io.mystaff.api.UnitId;
import io.mystaff.api.UnknownUnitException;
import io.mystaff.api.UserId;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.RoleCatalog;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.User;
import io.mystaff.core.Location;
import io.mystaff.core.MyStaffSettings;
import io.mystaff.core.NoLocationsReason;
import io.mystaff.core.StaffMember;
import io.mystaff.core.StaffSession;
import io.mystaff.inmemory.InMemoryDirectory;
import io.mystaff.spi.Directory;
import io.mystaff.testkit.random.Property;
import io.mystaff.testkit.random.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Locations of tenant-wide managers, the explanation of no locations, and search within a location.
 */
class LocationSearchTest {
  private Harness harness = Harness.storeChain();

  @AfterEach
  void close() {
    harness.close();
  }

  private static List<String> ids(Page<StaffMember> page) {
    return page.items().stream().map(m -> m.user().id().value()).toList();
  }

  @Test
  void tenantWideLocations_pagedThroughEveryUnit_wholeOrganizationOnlyOnTheFirstPage() {
    StaffSession tara = harness.signIn("tara");
    List<Location> seen = new ArrayList<>();
    Page<Location> page = tara.locations(PageRequest.first(2));
    assertThat(page.items()).hasSize(3).first().isEqualTo(Location.wholeOrganization());
    seen.addAll(page.items());
    while (page.hasNext()) {
      page = tara.locations(PageRequest.after(page.nextCursor().orElseThrow(), 2));
      assertThat(page.items()).doesNotContain(Location.wholeOrganization());
      seen.addAll(page.items());
    }
    assertThat(seen)
        .extracting(Location::displayName)
        .containsExactly("Whole organization", "North Store", "South Store", "Vault", "West Store");
  }

  @Test
  void tenantWideLocations_directoryWithoutUnitListing_wholeOrganizationAlone() {
    harness.close();
    harness =
        Harness.storeChain(
            b ->
                b.directory(
                    new io.mystaff.spi.ForwardingDirectory(
                        Harness.directoryOf(StoreChain.fixture().build())) {
                      @Override
                      public Page<AdministrativeUnit> allUnits(PageRequest page) {
                        throw new io.mystaff.api.CapabilityNotSupportedException(
                            "unit listing", "not here");
                      }
                    }));
    StaffSession tara = harness.signIn("tara");
    assertThat(tara.locations()).containsExactly(Location.wholeOrganization());
    assertThat(tara.singleLocation()).contains(Location.wholeOrganization());
  }

  @Test
  void unitScopedLocations_onePage_cursorGivesAnEmptyLastPage() {
    StaffSession sam = harness.signIn("sam");
    Page<Location> first = sam.locations(PageRequest.first(1));
    assertThat(first.items())
        .extracting(Location::displayName)
        .containsExactly("North Store", "South Store");
    assertThat(first.hasNext()).isFalse();
    Page<Location> tenantCursor = harness.signIn("tara").locations(PageRequest.first(1));
    assertThat(sam.locations(PageRequest.after(tenantCursor.nextCursor().orElseThrow(), 1)).items())
        .isEmpty();
  }

  @Test
  void unitsRemoved_noLocations_explained() {
    harness.close();
    InMemoryDirectory directory = Harness.directoryOf(StoreChain.fixture().build());
    List<RoleAssignment> held = directory.assignmentsOf(UserId.of("nina"));
    // a provider that still reports an assignment whose unit was removed (a dangling scope)
    Directory dangling =
        new io.mystaff.spi.ForwardingDirectory(directory) {
          @Override
          public List<RoleAssignment> assignmentsOf(UserId principal) {
            return principal.equals(UserId.of("nina")) ? held : super.assignmentsOf(principal);
          }
        };
    harness = Harness.storeChain(b -> b.directory(dangling).directoryWriter(directory));
    StaffSession nina = harness.signIn("nina");
    assertThat(nina.whyNoLocations()).isEmpty();
    directory.removeUnit(UnitId.of("north"));

    assertThat(nina.locations()).isEmpty();
    assertThat(nina.whyNoLocations()).contains(NoLocationsReason.UNITS_REMOVED);
    assertThat(NoLocationsReason.UNITS_REMOVED.message()).contains("no longer exist");
  }

  @Test
  void roleEndedWithinTheRecheckInterval_noLocations_explained() {
    harness.close();
    harness =
        Harness.storeChain(
            b ->
                b.settings(
                    MyStaffSettings.builder()
                        .sessionRecheckInterval(java.time.Duration.ofMinutes(30))
                        .build()));
    harness.clock.set(StoreChain.TIM_ROLE_ENDS.minusSeconds(10));
    StaffSession tim = harness.signIn("tim");
    harness.clock.set(StoreChain.TIM_ROLE_ENDS.plusSeconds(10)); // ended, not yet re-checked

    assertThat(tim.locations()).isEmpty();
    assertThat(tim.whyNoLocations()).contains(NoLocationsReason.NO_CHANGE_ROLE);
    assertThat(NoLocationsReason.NO_CHANGE_ROLE.message()).contains("active now");
  }

  @Test
  void members_withQuery_searchesWithinTheUnitOnly() {
    StaffSession sam = harness.signIn("sam");
    Location north = Location.of(harness.directory.findUnit(UnitId.of("north")).orElseThrow());
    List<String> everyone = ids(sam.members(north, PageRequest.first(100)));
    for (String query : List.of("a", "b", "er", "d", "zz")) {
      List<String> expected =
          harness.directory.members(UnitId.of("north"), PageRequest.first(100)).items().stream()
              .filter(u -> Directory.matchesPrefix(u, query))
              .map(u -> u.id().value())
              .toList();
      assertThat(ids(sam.members(north, Optional.of(" " + query + " "), PageRequest.first(100))))
          .as("query %s", query)
          .isEqualTo(expected)
          .isSubsetOf(everyone);
    }
    assertThat(ids(sam.members(north, Optional.of("dora"), PageRequest.first(10))))
        .as("dora is in south")
        .isEmpty();
    assertThat(ids(sam.members(UnitId.of("south"), Optional.of("dora"), PageRequest.first(10))))
        .containsExactly("dora");
  }

  @Test
  void members_byUnitId_sameAsByLocation_unknownUnitAndForeignUnitRejected() {
    StaffSession nina = harness.signIn("nina");
    Location north = Location.of(harness.directory.findUnit(UnitId.of("north")).orElseThrow());
    assertThat(nina.members(UnitId.of("north"), PageRequest.first(100)))
        .isEqualTo(nina.members(north, PageRequest.first(100)));
    assertThatThrownBy(() -> nina.members(UnitId.of("nowhere"), PageRequest.first(10)))
        .isInstanceOf(UnknownUnitException.class);
    assertThatThrownBy(() -> nina.members(UnitId.of("south"), PageRequest.first(10)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.violations().get(0).field()).isEqualTo("location"));
    assertThatThrownBy(() -> nina.members((UnitId) null, PageRequest.first(10)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> nina.members(north, null, PageRequest.first(10)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> nina.members(north, Optional.of("  "), PageRequest.first(10)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.violations().get(0).field()).isEqualTo("search query"));
  }

  @Test
  void members_wholeOrganizationWithQuery_isTheOrganizationSearch() {
    StaffSession tara = harness.signIn("tara");
    assertThat(tara.members(Location.wholeOrganization(), Optional.of("e"), PageRequest.first(100)))
        .isEqualTo(tara.searchUsers("e", PageRequest.first(100)));
  }

  /**
   * Property: the in-memory member search and the interface's default (walking member pages) both
   * give, page after page, exactly the members the search rule matches, in order.
   */
  @Test
  void searchMembers_inMemoryAndDefault_matchTheRuleOverRandomDirectories() {
    String[] words = {
      "Ann", "Anna", "anneke", "Bob", "Bo", "Li", "Åsa", "Zoë", "Ed", "Eddie", "Kim Lee"
    };
    Property.forAll(
        Seeds.forTest("LocationSearchTest.searchMembers"),
        150,
        r -> r,
        r -> {
          InMemoryDirectory.Builder b =
              InMemoryDirectory.builder()
                  .passwordHashIterations(1)
                  .unit(AdministrativeUnit.assigned(UnitId.of("u"), "U"))
                  .unit(AdministrativeUnit.assigned(UnitId.of("v"), "V"));
          int n = 1 + r.nextInt(40);
          for (int i = 0; i < n; i++) {
            String name =
                words[r.nextInt(words.length)]
                    + (r.nextBoolean() ? " " + words[r.nextInt(words.length)] : "");
            b.user(
                User.builder()
                    .id(UserId.of("p" + i))
                    .userPrincipalName("p" + i + "@contoso.example")
                    .displayName(name)
                    .build());
            b.member(UnitId.of(r.nextInt(3) == 0 ? "v" : "u"), UserId.of("p" + i));
          }
          InMemoryDirectory directory = b.build();
          Directory byDefault = new DefaultSearch(directory);
          String word = words[r.nextInt(words.length)];
          String query =
              r.nextInt(5) == 0
                  ? "p" + r.nextInt(10)
                  : word.substring(0, 1 + r.nextInt(word.length()));
          if (r.nextBoolean()) {
            query = query.toUpperCase(java.util.Locale.ROOT);
          }
          final String q = query;
          List<UserId> expected =
              directory.members(UnitId.of("u"), PageRequest.first(1_000)).items().stream()
                  .filter(u -> Directory.matchesPrefix(u, q))
                  .map(User::id)
                  .toList();
          int size = 1 + r.nextInt(5);
          assertThat(walk(p -> directory.searchMembers(UnitId.of("u"), q, p), size))
              .as("in memory, query %s", q)
              .isEqualTo(expected);
          assertThat(walk(p -> byDefault.searchMembers(UnitId.of("u"), q, p), size))
              .as("default, query %s", q)
              .isEqualTo(expected);
        });
  }

  private static List<UserId> walk(Function<PageRequest, Page<User>> search, int size) {
    List<UserId> found = new ArrayList<>();
    Page<User> page = search.apply(PageRequest.first(size));
    found.addAll(page.items().stream().map(User::id).toList());
    while (page.hasNext()) {
      assertThat(page.items().size()).isLessThanOrEqualTo(size);
      page = search.apply(PageRequest.after(page.nextCursor().orElseThrow(), size));
      found.addAll(page.items().stream().map(User::id).toList());
    }
    return found;
  }

  /**
   * A directory that keeps the interface's default member search, over another directory. It
   * forwards by hand: extending {@code ForwardingDirectory} would override that default, and Java
   * allows no {@code Directory.super} call past a superclass's override.
   */
  private record DefaultSearch(Directory d) implements Directory {
    @Override
    public Optional<User> findUser(UserId id) {
      return d.findUser(id);
    }

    @Override
    public Optional<AdministrativeUnit> findUnit(UnitId id) {
      return d.findUnit(id);
    }

    @Override
    public Set<UnitId> unitsOf(UserId user) {
      return d.unitsOf(user);
    }

    @Override
    public Page<User> members(UnitId unit, PageRequest page) {
      return d.members(unit, page);
    }

    @Override
    public Page<User> searchUsers(String query, PageRequest page) {
      return d.searchUsers(query, page);
    }

    @Override
    public Page<AdministrativeUnit> searchUnits(String query, PageRequest page) {
      return d.searchUnits(query, page);
    }

    @Override
    public List<RoleAssignment> assignmentsOf(UserId principal) {
      return d.assignmentsOf(principal);
    }

    @Override
    public RoleCatalog roles() {
      return d.roles();
    }

    @Override
    public boolean isRoleAssignableGroupMember(UserId user) {
      return d.isRoleAssignableGroupMember(user);
    }
  }
}
