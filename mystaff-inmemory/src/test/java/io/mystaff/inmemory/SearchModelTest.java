package io.mystaff.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.Page;
import io.mystaff.api.PageRequest;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.User;
import io.mystaff.spi.DirectoryOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The lazy merged search ({@link TermIndex.Matches} raced by {@link PrefixSearch}) against the
 * plainest model of the contract: filter every entry with the prefix rule, sort in directory order,
 * and compare page walks of random sizes, for every search plan, on random tenants built by the
 * builder (one bulk index) or by live writes, then changed by renames and removals.
 *
 * <p>Names are drawn from pieces that stress the index: first names shared by many users and by
 * their principal names, words that repeat or are prefixes of the name, case pairs whose folding is
 * unusual (ß, İ/ı, the Kelvin sign, ſ), characters outside the BMP with case (Deseret) and without
 * (emoji), and unpaired surrogates. Queries are prefixes of terms with their case changed, short
 * random strings, and prefixes cut inside a surrogate pair.
 *
 * <p>Seeded: replay with {@code -Dmystaff.seed=<seed>}; every failure names the seed and round.
 */
class SearchModelTest {
  private static final long SEED = Long.getLong("mystaff.seed", 0x5EA7C4_0DE1L);
  private static final int ROUNDS = 60;

  private static final List<String> PIECES =
      List.of(
          "Anna",
          "anna",
          "Ann",
          "Annabel",
          "ANNA-LENA",
          "Sofia",
          "sofie",
          "Lee",
          "li",
          "Straße",
          "STRASSE",
          "İpek",
          "ipek",
          "ılgaz",
          "\u212Aelvin", // Kelvin sign, folds with k
          "kelvin",
          "\u017Fara", // long s, folds with s
          "Sara",
          "\uD801\uDC00\uD801\uDC01", // Deseret capitals
          "\uD801\uDC28\uD801\uDC29", // the same in lower case
          "\uD83D\uDE00smile",
          "\uD83D\uDE01grin",
          "x\uD83Dy", // an unpaired high surrogate
          "\uDE00z", // an unpaired low surrogate
          "李",
          "小龙",
          "Zoë",
          "zoe",
          "O'Neil",
          "a",
          "Ab");

  private static final List<String> SEPARATORS = List.of(" ", " ", " ", "  ", "\u3000", "\u2003");

  @Test
  void searches_randomTenants_agreeWithFilterAndSortOnEveryPageWalk() {
    Random random = new Random(SEED);
    for (int round = 0; round < ROUNDS; round++) {
      String context = "seed " + SEED + " (-Dmystaff.seed=" + SEED + "), round " + round;
      Tenant tenant = Tenant.random(random);
      List<InMemoryDirectory> directories = new ArrayList<>();
      for (PrefixSearch.Plan plan : PrefixSearch.Plan.values()) {
        directories.add(random.nextBoolean() ? tenant.built(plan) : tenant.writtenLive(plan));
      }
      check(random, tenant, directories, context);

      // change the tenant in place: renames (display and principal names) and removals
      for (int change = random.nextInt(30); change > 0 && !tenant.users.isEmpty(); change--) {
        List<UserId> ids = new ArrayList<>(tenant.users.keySet());
        UserId id = ids.get(random.nextInt(ids.size()));
        if (random.nextInt(3) == 0) {
          tenant.users.remove(id);
          tenant.members.values().forEach(m -> m.remove(id));
          directories.forEach(d -> d.removeUser(id));
        } else {
          User renamed = tenant.renamed(random, tenant.users.get(id));
          tenant.users.put(id, renamed);
          directories.forEach(d -> d.putUser(renamed));
        }
      }
      check(random, tenant, directories, context + ", after changes");
    }
  }

  private static void check(
      Random random, Tenant tenant, List<InMemoryDirectory> directories, String context) {
    for (String query : queries(random, tenant)) {
      List<String> users =
          expected(tenant.users.values(), u -> userMatches(u, query), DirectoryOrder.USERS);
      List<String> units =
          expectedUnits(tenant.units.values(), u -> nameMatches(u.displayName(), query));
      int size = 1 + random.nextInt(random.nextBoolean() ? 4 : 30);
      for (int d = 0; d < directories.size(); d++) {
        InMemoryDirectory directory = directories.get(d);
        String what =
            context + ", plan " + PrefixSearch.Plan.values()[d] + ", query '" + query + "'";
        assertThat(walk(what, size, p -> directory.searchUsers(query, p), u -> u.id().value()))
            .as("%s: searchUsers with pages of %d", what, size)
            .containsExactlyElementsOf(users);
        assertThat(walk(what, size, p -> directory.searchUnits(query, p), u -> u.id().value()))
            .as("%s: searchUnits with pages of %d", what, size)
            .containsExactlyElementsOf(units);
        for (Map.Entry<UnitId, Set<UserId>> unit : tenant.members.entrySet()) {
          List<String> members =
              expected(
                  tenant.users.values(),
                  u -> unit.getValue().contains(u.id()) && userMatches(u, query),
                  DirectoryOrder.USERS);
          assertThat(
                  walk(
                      what,
                      size,
                      p -> directory.searchMembers(unit.getKey(), query, p),
                      u -> u.id().value()))
              .as("%s: searchMembers of %s with pages of %d", what, unit.getKey(), size)
              .containsExactlyElementsOf(members);
        }
      }
    }
  }

  // --- the model: the contract's prefix rule, restated without the index ---------------------

  private static boolean userMatches(User user, String query) {
    return nameMatches(user.displayName(), query)
        || startsWithIgnoringCase(user.userPrincipalName(), query);
  }

  /** The display name, or any whitespace-separated word of it, starts with the query. */
  private static boolean nameMatches(String name, String query) {
    if (startsWithIgnoringCase(name, query)) {
      return true;
    }
    int start = -1;
    for (int i = 0; i <= name.length(); i++) {
      boolean space = i == name.length() || Character.isWhitespace(name.charAt(i));
      if (space && start >= 0) {
        if (startsWithIgnoringCase(name.substring(start, i), query)) {
          return true;
        }
        start = -1;
      } else if (!space && start < 0) {
        start = i;
      }
    }
    return false;
  }

  private static boolean startsWithIgnoringCase(String text, String prefix) {
    return text.regionMatches(true, 0, prefix, 0, prefix.length());
  }

  private static List<String> expected(
      Iterable<User> users, Predicate<User> matches, Comparator<User> order) {
    List<User> found = new ArrayList<>();
    users.forEach(
        u -> {
          if (matches.test(u)) {
            found.add(u);
          }
        });
    found.sort(order);
    return found.stream().map(u -> u.id().value()).toList();
  }

  private static List<String> expectedUnits(
      Iterable<AdministrativeUnit> units, Predicate<AdministrativeUnit> matches) {
    List<AdministrativeUnit> found = new ArrayList<>();
    units.forEach(
        u -> {
          if (matches.test(u)) {
            found.add(u);
          }
        });
    found.sort(DirectoryOrder.UNITS);
    return found.stream().map(u -> u.id().value()).toList();
  }

  private static <T> List<String> walk(
      String what, int size, Function<PageRequest, Page<T>> listing, Function<T, String> id) {
    List<String> all = new ArrayList<>();
    Page<T> page = listing.apply(PageRequest.first(size));
    for (int pages = 0; ; pages++) {
      assertThat(page.items().size()).as("%s: page size", what).isLessThanOrEqualTo(size);
      page.items().forEach(item -> all.add(id.apply(item)));
      if (!page.hasNext()) {
        return all;
      }
      assertThat(pages).as("%s: the walk ends, so far %s", what, all).isLessThan(10_000);
      page = listing.apply(PageRequest.after(page.nextCursor().orElseThrow(), size));
    }
  }

  // --- random tenants and queries ----------------------------------------------------------

  private static List<String> queries(Random random, Tenant tenant) {
    List<String> terms = new ArrayList<>();
    for (User u : tenant.users.values()) {
      terms.add(u.displayName());
      terms.add(u.userPrincipalName());
      terms.addAll(TermIndex.nameTerms(u.displayName()));
    }
    tenant.units.values().forEach(u -> terms.addAll(TermIndex.nameTerms(u.displayName())));
    List<String> queries = new ArrayList<>();
    for (int i = 0; i < 12 && !terms.isEmpty(); i++) {
      String term = terms.get(random.nextInt(terms.size()));
      String prefix = term.substring(0, 1 + random.nextInt(term.length())).strip();
      if (!prefix.isEmpty()) {
        queries.add(changeCase(random, prefix));
      }
    }
    for (int i = 0; i < 4; i++) {
      String piece = PIECES.get(random.nextInt(PIECES.size()));
      queries.add(changeCase(random, piece.substring(0, 1 + random.nextInt(piece.length()))));
    }
    queries.add("a");
    queries.add("anna ");
    queries.add("\uD801"); // cut inside a Deseret pair
    queries.add("\uD83D"); // cut inside an emoji
    return queries;
  }

  /** Changes the case of some characters (whole code points, as a user typing would). */
  private static String changeCase(Random random, String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .forEach(
            c ->
                out.appendCodePoint(
                    switch (random.nextInt(3)) {
                      case 0 -> Character.toUpperCase(c);
                      case 1 -> Character.toLowerCase(c);
                      default -> c;
                    }));
    return out.toString();
  }

  private static String randomName(Random random) {
    StringBuilder name = new StringBuilder(random.nextInt(10) == 0 ? " " : "");
    int words = 1 + random.nextInt(3);
    for (int i = 0; i < words; i++) {
      if (i > 0) {
        name.append(SEPARATORS.get(random.nextInt(SEPARATORS.size())));
      }
      name.append(PIECES.get(random.nextInt(PIECES.size())));
    }
    return name.toString();
  }

  /** A random tenant: users, units, memberships; each directory is built from it. */
  private static final class Tenant {
    final Map<UserId, User> users = new LinkedHashMap<>();
    final Map<UnitId, AdministrativeUnit> units = new LinkedHashMap<>();
    final Map<UnitId, Set<UserId>> members = new HashMap<>();
    private int principalNames;

    static Tenant random(Random random) {
      Tenant t = new Tenant();
      int count = random.nextInt(5) == 0 ? random.nextInt(8) : random.nextInt(250);
      for (int i = 0; i < count; i++) {
        UserId id = UserId.of("u" + Integer.toString(random.nextInt(100_000), 36));
        User user =
            User.builder()
                .id(id)
                .displayName(randomName(random))
                .userPrincipalName("placeholder@contoso.example")
                .build();
        t.users.put(id, user.toBuilder().userPrincipalName(t.principalName(random, user)).build());
      }
      for (int u = 0; u < 1 + random.nextInt(4); u++) {
        UnitId id = UnitId.of("unit-" + u);
        t.units.put(id, AdministrativeUnit.assigned(id, randomName(random)));
        Set<UserId> in = new HashSet<>();
        for (UserId user : t.users.keySet()) {
          if (random.nextInt(3) == 0) {
            in.add(user);
          }
        }
        t.members.put(id, in);
      }
      return t;
    }

    /**
     * A unique principal name: often the display name's first word and a dot (so it shares a prefix
     * with the name), sometimes a random piece.
     */
    String principalName(Random random, User named) {
      String alias;
      if (named != null && random.nextBoolean()) {
        String name = named.displayName().strip();
        int end = 0;
        while (end < name.length() && !Character.isWhitespace(name.charAt(end))) {
          end++;
        }
        alias = name.substring(0, end);
      } else {
        alias = PIECES.get(random.nextInt(PIECES.size()));
      }
      return changeCase(random, alias.replace("'", ""))
          + "."
          + principalNames++
          + "@contoso.example";
    }

    User renamed(Random random, User user) {
      User.Builder b = user.toBuilder();
      if (random.nextBoolean()) {
        b.displayName(randomName(random));
      }
      if (random.nextBoolean()) {
        b.userPrincipalName(principalName(random, user));
      }
      return b.build();
    }

    InMemoryDirectory built(PrefixSearch.Plan plan) {
      InMemoryDirectory.Builder b = InMemoryDirectory.builder().searchPlan(plan);
      units.values().forEach(b::unit);
      users.values().forEach(b::user);
      members.forEach((unit, in) -> in.forEach(user -> b.member(unit, user)));
      return b.build();
    }

    InMemoryDirectory writtenLive(PrefixSearch.Plan plan) {
      InMemoryDirectory d = InMemoryDirectory.builder().searchPlan(plan).build();
      units.values().forEach(d::putUnit);
      users.values().forEach(d::putUser);
      members.forEach((unit, in) -> in.forEach(user -> d.addMember(unit, user)));
      return d;
    }
  }
}
