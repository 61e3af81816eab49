package io.mystaff.testkit.contract;

import static io.mystaff.testkit.contract.Listings.USER_ORDER;
import static io.mystaff.testkit.contract.Listings.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.CapabilityNotSupportedException;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.Page;
import io.mystaff.api.PageRequest;
import io.mystaff.api.UnitId;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.User;
import io.mystaff.spi.Directory;
import io.mystaff.testkit.fixtures.Tenant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The directory laws that vendors most often break while passing the rest: fields lost on a round
 * trip, order by UTF-16 units instead of code points, cursors too long for {@link PageRequest}, and
 * cursors accepted by a listing that did not issue them.
 */
final class DirectoryFidelityLaws {
  private static final int[] SIZES = {1, 2, 5, PageRequest.MAX_SIZE};

  static final List<Law<Directory, DirectoryFeature>> ALL =
      List.of(
          Law.<Directory, DirectoryFeature>of(
                  "findUser_everyField_roundTripsExactly", DirectoryFidelityLaws::usersRoundTrip)
              .checking(
                  "every field of every user (attributes, groups, phones with extensions, type,"
                      + " enabled, forced change, seeded version) reads back equal"),
          Law.<Directory, DirectoryFeature>of(
                  "findUnit_everyField_roundTripsExactly", DirectoryFidelityLaws::unitsRoundTrip)
              .checking("every unit reads back equal, description and restriction included"),
          Law.<Directory, DirectoryFeature>of(
                  "assignmentsOf_everyField_roundTripsExactly",
                  DirectoryFidelityLaws::assignmentsRoundTrip)
              .checking(
                  "role assignments read back equal: id, kind, scope and a window to the"
                      + " microsecond"),
          Law.<Directory, DirectoryFeature>of(
                  "listings_nonAsciiMixedCaseAndEqualNames_directoryOrderByCodePoint",
                  DirectoryFidelityLaws::unicodeOrder)
              .checking(
                  "members, searchUsers and searchMembers of names with supplementary, accented,"
                      + " fullwidth and case-folding characters, and of equal names, follow"
                      + " DirectoryOrder (code points, not UTF-16 units) at every page size"),
          Law.<Directory, DirectoryFeature>of(
                  "cursors_longNonAsciiNamesAndIds_withinPageRequestLimit",
                  DirectoryFidelityLaws::longCursors)
              .checking(
                  "every cursor of every listing fits PageRequest.MAX_CURSOR_LENGTH when names and"
                      + " ids are 256 characters of 2- to 4-byte characters, and the walk resumes"
                      + " exactly"),
          Law.<Directory, DirectoryFeature>of(
                  "cursors_fromAnotherListingOrAltered_throwInvalidInput",
                  DirectoryFidelityLaws::foreignCursors)
              .checking(
                  "a cursor of one listing (another unit's members, another query, users vs"
                      + " members), an altered cursor and a made-up one are rejected with"
                      + " InvalidInputException"));

  private DirectoryFidelityLaws() {}

  private static void usersRoundTrip(Trial<Directory> t) throws Exception {
    Tenant tenant = FidelityTenants.everyField();
    Directory d = t.subject(tenant);
    for (User expected : tenant.users()) {
      User actual =
          d.findUser(expected.id())
              .orElseThrow(() -> new AssertionError("findUser(" + expected.id() + ") is empty"));
      assertThat(actual)
          .as(
              "findUser(%s): %s",
              expected.id(), FieldDiff.describe("the user read back", expected, actual).orElse(""))
          .isEqualTo(expected);
      assertThat(actual.version())
          .as("findUser(%s).version: the version it was seeded at", expected.id())
          .isEqualTo(expected.version());
    }
  }

  private static void unitsRoundTrip(Trial<Directory> t) throws Exception {
    Tenant tenant = FidelityTenants.everyField();
    Directory d = t.subject(tenant);
    for (AdministrativeUnit expected : tenant.units()) {
      AdministrativeUnit actual =
          d.findUnit(expected.id())
              .orElseThrow(() -> new AssertionError("findUnit(" + expected.id() + ") is empty"));
      assertThat(actual)
          .as(
              "findUnit(%s): %s",
              expected.id(), FieldDiff.describe("the unit read back", expected, actual).orElse(""))
          .isEqualTo(expected);
    }
  }

  private static void assignmentsRoundTrip(Trial<Directory> t) throws Exception {
    Tenant tenant = FidelityTenants.everyField();
    Directory d = t.subject(tenant);
    for (User u : tenant.users()) {
      List<RoleAssignment> expected = tenant.assignmentsOf(u.id());
      List<RoleAssignment> actual = d.assignmentsOf(u.id());
      for (RoleAssignment e : expected) {
        Optional<RoleAssignment> same =
            actual.stream().filter(a -> a.id().equals(e.id())).findFirst();
        assertThat(same).as("assignmentsOf(%s) holds %s", u.id(), e.id()).isPresent();
        assertThat(same.get())
            .as(
                "assignment %s: %s",
                e.id(), FieldDiff.describe("the assignment read back", e, same.get()).orElse(""))
            .isEqualTo(e);
      }
      assertThat(actual).as("assignmentsOf(%s)", u.id()).hasSameSizeAs(expected);
    }
  }

  private static void unicodeOrder(Trial<Directory> t) throws Exception {
    Tenant tenant = FidelityTenants.unicode();
    Directory d = t.subject(tenant);
    UnitId world = UnitId.of("world");
    List<String> expected = ids(FidelityTenants.inDirectoryOrder(tenant));
    for (int size : SIZES) {
      assertThat(ids(Listings.drainUsers("members(world)", size, p -> d.members(world, p))))
          .as(
              "members(world) in pages of %d: directory order, names compared ignoring case code"
                  + " point by code point (a supplementary character sorts after U+FF21), equal"
                  + " names by id",
              size)
          .containsExactlyElementsOf(expected);
    }
    List<String> queries =
        List.of(
            "\u00E9",
            "\u00C9mile",
            "e",
            "zo",
            "ZO\u00CB",
            "\u03C3",
            "bob",
            "\uD83D\uDE00",
            "\uFF41",
            "n1@");
    for (String query : queries) {
      List<String> matching =
          ids(
              tenant.users().stream()
                  .filter(u -> Directory.matchesPrefix(u, query))
                  .sorted(USER_ORDER)
                  .toList());
      for (int size : new int[] {1, 3, PageRequest.MAX_SIZE}) {
        assertThat(
                ids(
                    Listings.drainUsers(
                        "searchUsers(\"" + query + "\")", size, p -> d.searchUsers(query, p))))
            .as("searchUsers(\"%s\") in pages of %d, in directory order", query, size)
            .containsExactlyElementsOf(matching);
        assertThat(
                ids(
                    Listings.drainUsers(
                        "searchMembers(world, \"" + query + "\")",
                        size,
                        p -> d.searchMembers(world, query, p))))
            .as("searchMembers(world, \"%s\") in pages of %d, in directory order", query, size)
            .containsExactlyElementsOf(matching);
      }
    }
  }

  private static void longCursors(Trial<Directory> t) throws Exception {
    Tenant tenant = FidelityTenants.longNames();
    Directory d = t.subject(tenant);
    UnitId unit = UnitId.of("long");
    List<String> expected = ids(FidelityTenants.inDirectoryOrder(tenant));
    for (int size : new int[] {1, 2, 3}) {
      assertThat(ids(walk("members(long)", size, p -> d.members(unit, p), User::id)))
          .as("members of a unit whose users have 256-character non-ASCII names and ids")
          .containsExactlyElementsOf(expected);
      assertThat(ids(walk("searchUsers(\"long\")", size, p -> d.searchUsers("long", p), User::id)))
          .as("searchUsers(\"long\") over the same users (by principal name)")
          .containsExactlyElementsOf(expected);
      optional(
          t,
          DirectoryFeature.LISTS_ALL_USERS,
          () ->
              assertThat(ids(walk("allUsers", size, d::allUsers, User::id)))
                  .as("allUsers of the same users")
                  .containsExactlyElementsOf(expected));
      optional(
          t,
          DirectoryFeature.LISTS_ALL_UNITS,
          () ->
              assertThat(walk("allUnits", size, d::allUnits, AdministrativeUnit::id))
                  .as("allUnits with 255-character supplementary names and long ids")
                  .hasSize(tenant.units().size()));
      optional(
          t,
          DirectoryFeature.SEARCHES_UNITS,
          () ->
              assertThat(
                      walk(
                          "searchUnits(\"\uD840\uDC00\")",
                          size,
                          p -> d.searchUnits("\uD840\uDC00", p),
                          AdministrativeUnit::id))
                  .as("searchUnits over units with long supplementary names")
                  .hasSize(3));
    }
  }

  /** Runs a part of a law that needs an optional feature, unless the feature is known absent. */
  private static void optional(Trial<Directory> t, DirectoryFeature feature, Runnable part) {
    if (t.lacks(feature)) {
      return;
    }
    try {
      part.run();
    } catch (CapabilityNotSupportedException e) {
      if (t.claims(feature)) {
        throw new AssertionError(
            "the provider claims " + feature + " but does not support '" + e.capability() + "'", e);
      }
    }
  }

  /**
   * Walks a listing page by page, checking that every cursor it hands out fits {@link
   * PageRequest#MAX_CURSOR_LENGTH} before passing it back.
   */
  private static <T> List<T> walk(
      String what, int size, Function<PageRequest, Page<T>> listing, Function<T, Object> id) {
    List<T> all = new ArrayList<>();
    HashSet<Object> seen = new HashSet<>();
    Optional<String> cursor = Optional.empty();
    for (int pages = 0; pages <= 10_000; pages++) {
      Page<T> page = listing.apply(new PageRequest(size, cursor));
      for (T item : page.items()) {
        assertThat(seen.add(id.apply(item)))
            .as("%s in pages of %d repeats an item", what, size)
            .isTrue();
        all.add(item);
      }
      if (page.nextCursor().isEmpty()) {
        return all;
      }
      String next = page.nextCursor().get();
      assertThat(next.length())
          .as(
              "%s in pages of %d: length of the cursor after page %d (PageRequest accepts at most"
                  + " %d characters; CursorCodec keeps every cursor within it)",
              what, size, pages, PageRequest.MAX_CURSOR_LENGTH)
          .isBetween(1, PageRequest.MAX_CURSOR_LENGTH);
      cursor = Optional.of(next);
    }
    throw new AssertionError(what + " did not end");
  }

  private static void foreignCursors(Trial<Directory> t) throws Exception {
    Tenant tenant = ContractTenants.directory();
    Directory d = t.subject(tenant);
    UnitId big = UnitId.of("big");
    UnitId store = UnitId.of("store-1");
    String ofBig = cursorOf("members(big)", d.members(big, PageRequest.first(2)));
    String ofStaff =
        cursorOf("searchUsers(\"staff\")", d.searchUsers("staff", PageRequest.first(2)));
    String ofAnn = cursorOf("searchUsers(\"an\")", d.searchUsers("an", PageRequest.first(1)));
    rejects(
        "members(store-1) given a cursor of members(big)",
        () -> d.members(store, PageRequest.after(ofBig, 2)));
    rejects(
        "searchUsers(\"staff\") given a cursor of members(big)",
        () -> d.searchUsers("staff", PageRequest.after(ofBig, 2)));
    rejects(
        "members(big) given a cursor of searchUsers(\"staff\")",
        () -> d.members(big, PageRequest.after(ofStaff, 2)));
    rejects(
        "searchUsers(\"staff\") given a cursor of searchUsers(\"an\")",
        () -> d.searchUsers("staff", PageRequest.after(ofAnn, 2)));
    rejects(
        "searchMembers(store-1, \"an\") given a cursor of searchUsers(\"an\")",
        () -> d.searchMembers(store, "an", PageRequest.after(ofAnn, 1)));
    rejects(
        "members(big) given its own cursor with one character changed",
        () -> d.members(big, PageRequest.after(altered(ofBig), 2)));
    rejects(
        "members(big) given a made-up cursor",
        () -> d.members(big, PageRequest.after("bm90LWEtY3Vyc29y", 2)));
  }

  private static String cursorOf(String what, Page<?> page) {
    return page.nextCursor()
        .orElseThrow(() -> new AssertionError(what + " in pages of 2 has no second page"));
  }

  private static String altered(String cursor) {
    int at = cursor.length() / 2;
    char c = cursor.charAt(at);
    return cursor.substring(0, at) + (c == 'A' ? 'B' : 'A') + cursor.substring(at + 1);
  }

  private static void rejects(String what, Runnable call) {
    assertThatThrownBy(call::run)
        .as("%s: rejected with InvalidInputException", what)
        .isInstanceOf(InvalidInputException.class);
  }
}
