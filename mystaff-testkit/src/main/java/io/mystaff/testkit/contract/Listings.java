package io.mystaff.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.Page;
import io.mystaff.api.PageRequest;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.User;
import io.mystaff.spi.DirectoryOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The listing semantics every directory shares, restated plainly: directory order, the prefix rule
 * of searches, and a pager that walks a listing to its end while checking each page.
 */
final class Listings {
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /** Display name ignoring case, then id, by code points ({@link DirectoryOrder}). */
  static final Comparator<User> USER_ORDER = DirectoryOrder.USERS;

  static final Comparator<AdministrativeUnit> UNIT_ORDER = DirectoryOrder.UNITS;

  /** Page sizes every listing law walks with: tiny ones that split ties, and one that fits all. */
  static final int[] PAGE_SIZES = {1, 2, 3, 7, PageRequest.MAX_SIZE};

  private Listings() {}

  /** Whether the display name, a later word of it, or the principal name starts with the query. */
  static boolean userMatches(User user, String query) {
    return nameMatches(user.displayName(), query) || startsWith(user.userPrincipalName(), query);
  }

  /** Whether the display name or a later word of it starts with the query, case-insensitively. */
  static boolean nameMatches(String displayName, String query) {
    if (startsWith(displayName, query)) {
      return true;
    }
    for (String word : WHITESPACE.split(displayName.trim(), -1)) {
      if (startsWith(word, query)) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWith(String text, String prefix) {
    return text.regionMatches(true, 0, prefix, 0, prefix.length());
  }

  /**
   * Every item of a listing, page by page: asserts that no page is larger than asked, that only the
   * last page lacks a cursor, that the listing ends, and that no item repeats.
   */
  static <T> List<T> drain(
      String what, int size, Function<PageRequest, Page<T>> listing, Function<T, Object> identity) {
    List<T> all = new ArrayList<>();
    Set<Object> seen = new HashSet<>();
    Optional<String> cursor = Optional.empty();
    for (int pages = 0; ; pages++) {
      assertThat(pages)
          .as("%s with pages of %d should end, but keeps handing out cursors", what, size)
          .isLessThanOrEqualTo(10_000);
      Page<T> page = listing.apply(new PageRequest(size, cursor));
      assertThat(page).as("%s returned null", what).isNotNull();
      assertThat(page.items().size())
          .as("%s: a page of size %d holds at most %d items", what, size, size)
          .isLessThanOrEqualTo(size);
      for (T item : page.items()) {
        assertThat(seen.add(identity.apply(item)))
            .as("%s with pages of %d repeats %s (page %d)", what, size, identity.apply(item), pages)
            .isTrue();
        all.add(item);
      }
      if (page.nextCursor().isEmpty()) {
        return all;
      }
      cursor = page.nextCursor();
    }
  }

  static List<User> drainUsers(String what, int size, Function<PageRequest, Page<User>> listing) {
    return drain(what, size, listing, User::id);
  }

  static List<AdministrativeUnit> drainUnits(
      String what, int size, Function<PageRequest, Page<AdministrativeUnit>> listing) {
    return drain(what, size, listing, AdministrativeUnit::id);
  }

  /** The ids of users, in the order given, for readable assertion messages. */
  static List<String> ids(List<User> users) {
    return users.stream().map(u -> u.id().value()).toList();
  }

  static List<String> unitIds(List<AdministrativeUnit> units) {
    return units.stream().map(u -> u.id().value()).toList();
  }
}
