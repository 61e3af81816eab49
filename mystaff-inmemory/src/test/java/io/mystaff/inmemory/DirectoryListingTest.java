package io.mystaff.inmemory;

import static io.mystaff.inmemory.TestUsers.ORDER;
import static io.mystaff.inmemory.TestUsers.ids;
import static io.mystaff.inmemory.TestUsers.walk;
import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.Page;
import io.mystaff.api.PageRequest;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.User;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Paging and search, checked against a simple model of the contract on random directories. */
class DirectoryListingTest {
  private static final List<String> WORDS =
      List.of(
          "ann",
          "Anna",
          "ANNABEL",
          "anne-marie",
          "bo",
          "Bob",
          "björn",
          "Ávila",
          "ávila",
          "li",
          "Lee",
          "李",
          "小龙",
          "o'neil",
          "Zoë",
          "zoe",
          "van",
          "der",
          "Berg",
          "ß",
          "SS",
          "İpek",
          "ipek",
          "x");
  private static final List<String> DOMAINS =
      List.of("contoso.com", "Fabrikam.COM", "stores.contoso.com");
  private static final List<String> SEPARATORS = List.of(" ", " ", " ", "  ", "\u3000");

  private static String randomName(Random random) {
    StringBuilder name = new StringBuilder(random.nextInt(12) == 0 ? " " : "");
    int words = 1 + random.nextInt(3);
    for (int i = 0; i < words; i++) {
      if (i > 0) {
        name.append(SEPARATORS.get(random.nextInt(SEPARATORS.size())));
      }
      name.append(WORDS.get(random.nextInt(WORDS.size())));
    }
    return name.toString();
  }

  private static Map<UserId, User> randomUsers(Random random, int count) {
    Map<UserId, User> users = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      String id = "u" + Integer.toString(random.nextInt(1_000_000), 36);
      String alias = WORDS.get(random.nextInt(WORDS.size())).replace("'", "") + "." + i;
      users.put(
          UserId.of(id),
          User.builder()
              .id(UserId.of(id))
              .displayName(randomName(random))
              .userPrincipalName(alias + "@" + DOMAINS.get(random.nextInt(DOMAINS.size())))
              .build());
    }
    return users;
  }

  /** Tokens separated by whitespace, as the contract's "any word" reads. */
  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        if (current.length() > 0) {
          words.add(current.toString());
        }
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    if (current.length() > 0) {
      words.add(current.toString());
    }
    return words;
  }

  private static boolean startsWithIgnoringCase(String text, String prefix) {
    return text.regionMatches(true, 0, prefix, 0, prefix.length());
  }

  private static boolean nameMatches(String name, String query) {
    return startsWithIgnoringCase(name, query)
        || words(name).stream().anyMatch(w -> startsWithIgnoringCase(w, query));
  }

  private static List<String> randomQueries(Random random, Map<UserId, User> users) {
    List<User> all = new ArrayList<>(users.values());
    List<String> queries = new ArrayList<>();
    for (int i = 0; i < 25 && !all.isEmpty(); i++) {
      User u = all.get(random.nextInt(all.size()));
      String source =
          switch (random.nextInt(4)) {
            case 0 -> u.displayName();
            case 1 -> u.userPrincipalName();
            default -> {
              List<String> ws = words(u.displayName());
              yield ws.get(random.nextInt(ws.size()));
            }
          };
      String prefix = source.substring(0, 1 + random.nextInt(source.length()));
      queries.add(random.nextBoolean() ? prefix.toUpperCase(Locale.ROOT) : prefix);
    }
    queries.addAll(
        List.of(
            "a", "ann", "ANN", "anna ", "ann ann", "ávila", "AVILA", "li", "ss", "ß", "i", "ı", "İ",
            "contoso", "@", "x", "zz", "u"));
    return queries;
  }

  @RepeatedTest(4)
  void members_randomUnitsAndPageSizes_walkReturnsEveryMemberOnceInOrder() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    Map<UserId, User> users = randomUsers(random, random.nextInt(250));
    InMemoryDirectory.Builder builder = InMemoryDirectory.builder();
    users.values().forEach(builder::user);
    Map<UnitId, List<User>> model = new HashMap<>();
    for (int u = 0; u < 4; u++) {
      UnitId unit = UnitId.of("unit-" + u);
      builder.unit(AdministrativeUnit.assigned(unit, "Unit " + u));
      List<User> members = new ArrayList<>();
      for (User user : users.values()) {
        if (random.nextInt(3) == 0) {
          builder.member(unit, user.id());
          members.add(user);
        }
      }
      model.put(unit, members);
    }
    InMemoryDirectory directory = builder.build();

    for (Map.Entry<UnitId, List<User>> e : model.entrySet()) {
      List<String> expected =
          e.getValue().stream()
              .map(u -> directory.findUser(u.id()).orElseThrow())
              .sorted(ORDER)
              .map(u -> u.id().value())
              .toList();
      int size = 1 + random.nextInt(20);
      assertThat(ids(walk(size, p -> directory.members(e.getKey(), p))))
          .as("seed %s, unit %s, page size %s", seed, e.getKey(), size)
          .containsExactlyElementsOf(expected);
    }
  }

  @RepeatedTest(4)
  void searchUsers_randomDirectory_everySearchPlanAgreesWithTheModel() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    Map<UserId, User> users = randomUsers(random, random.nextInt(300));
    List<InMemoryDirectory> directories = new ArrayList<>();
    for (PrefixSearch.Plan plan : PrefixSearch.Plan.values()) {
      InMemoryDirectory.Builder builder = InMemoryDirectory.builder().searchPlan(plan);
      users.values().forEach(builder::user);
      directories.add(builder.build());
    }

    for (String query : randomQueries(random, users)) {
      List<String> expected =
          users.values().stream()
              .filter(
                  u ->
                      nameMatches(u.displayName(), query)
                          || startsWithIgnoringCase(u.userPrincipalName(), query))
              .sorted(ORDER)
              .map(u -> u.id().value())
              .toList();
      int size = 1 + random.nextInt(15);
      for (InMemoryDirectory directory : directories) {
        assertThat(ids(walk(size, p -> directory.searchUsers(query, p))))
            .as("seed %s, query '%s', page size %s", seed, query, size)
            .containsExactlyElementsOf(expected);
      }
    }
  }

  @RepeatedTest(2)
  void searchUnits_randomUnits_everySearchPlanAgreesWithTheModel() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    List<AdministrativeUnit> units = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      units.add(AdministrativeUnit.assigned(UnitId.of("au-" + i), randomName(random)));
    }
    List<InMemoryDirectory> directories = new ArrayList<>();
    for (PrefixSearch.Plan plan : PrefixSearch.Plan.values()) {
      InMemoryDirectory.Builder builder = InMemoryDirectory.builder().searchPlan(plan);
      units.forEach(builder::unit);
      directories.add(builder.build());
    }
    Comparator<AdministrativeUnit> order =
        Comparator.comparing(AdministrativeUnit::displayName, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(u -> u.id().value());

    for (String query :
        List.of("a", "ANN", "ávila", "li", "李", "ss", "ß", "van d", "zo", "b", "q")) {
      List<UnitId> expected =
          units.stream()
              .filter(u -> nameMatches(u.displayName(), query))
              .sorted(order)
              .map(AdministrativeUnit::id)
              .toList();
      int size = 1 + random.nextInt(15);
      for (InMemoryDirectory directory : directories) {
        assertThat(walk(size, p -> directory.searchUnits(query, p)))
            .extracting(AdministrativeUnit::id)
            .as("seed %s, query '%s', page size %s", seed, query, size)
            .containsExactlyElementsOf(expected);
      }
    }
  }

  @RepeatedTest(4)
  void members_directoryChangesBetweenPages_stableUsersAreReturnedOnceInOrder() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    UnitId unit = UnitId.of("store");
    Map<UserId, User> users = randomUsers(random, 40 + random.nextInt(100));
    InMemoryDirectory.Builder builder =
        InMemoryDirectory.builder().unit(AdministrativeUnit.assigned(unit, "Store"));
    users.values().forEach(u -> builder.user(u).member(unit, u.id()));
    InMemoryDirectory directory = builder.build();
    Set<UserId> touched = new HashSet<>();
    List<User> returned = new ArrayList<>();
    int size = 1 + random.nextInt(10);
    int fresh = 0;

    Page<User> page = directory.members(unit, PageRequest.first(size));
    while (true) {
      returned.addAll(page.items());
      for (int i = random.nextInt(4); i > 0; i--) {
        List<UserId> ids = new ArrayList<>(users.keySet());
        UserId victim = ids.get(random.nextInt(ids.size()));
        touched.add(victim);
        switch (random.nextInt(3)) {
          case 0 -> directory.removeUser(victim);
          case 1 ->
              directory.putUser(
                  users.get(victim).toBuilder().displayName(randomName(random)).build());
          default -> {
            User added = TestUsers.user("new" + fresh++, randomName(random));
            directory.putUser(added);
            directory.addMember(unit, added.id());
            touched.add(added.id());
          }
        }
      }
      if (!page.hasNext()) {
        break;
      }
      page = directory.members(unit, PageRequest.after(page.nextCursor().orElseThrow(), size));
    }

    String why = "seed " + seed;
    for (int i = 1; i < returned.size(); i++) {
      User previous = returned.get(i - 1);
      if (!touched.contains(previous.id()) && !touched.contains(returned.get(i).id())) {
        assertThat(ORDER.compare(previous, returned.get(i))).as(why).isNegative();
      }
    }
    List<String> stable =
        users.keySet().stream().filter(id -> !touched.contains(id)).map(UserId::value).toList();
    List<String> returnedIds = ids(returned);
    for (String id : stable) {
      assertThat(returnedIds.stream().filter(id::equals).count())
          .as(why + ", user " + id)
          .isEqualTo(1);
    }
  }

  @Test
  void members_keysTooLongForACursor_stillPageCompletely() {
    UnitId unit = UnitId.of("store");
    InMemoryDirectory.Builder builder =
        InMemoryDirectory.builder().unit(AdministrativeUnit.assigned(unit, "Store"));
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String id = "用户".repeat(127) + i;
      builder
          .user(
              User.builder()
                  .id(UserId.of(id))
                  .userPrincipalName("u" + i + "@contoso.com")
                  .displayName("名".repeat(255) + i)
                  .build())
          .member(unit, UserId.of(id));
      expected.add(id);
    }
    InMemoryDirectory directory = builder.build();

    Page<User> first = directory.members(unit, PageRequest.first(1));

    assertThat(first.nextCursor().orElseThrow().length()).isLessThanOrEqualTo(1024);
    assertThat(ids(walk(1, p -> directory.members(unit, p)))).containsExactlyElementsOf(expected);
    assertThat(ids(walk(2, p -> directory.members(unit, p)))).containsExactlyElementsOf(expected);
  }

  @Test
  void members_longKeyCursor_neverExpires() {
    UnitId unit = UnitId.of("store");
    InMemoryDirectory.Builder builder =
        InMemoryDirectory.builder().unit(AdministrativeUnit.assigned(unit, "Store"));
    for (int i = 0; i < 2; i++) {
      String id = "用户".repeat(127) + i;
      builder
          .user(
              User.builder()
                  .id(UserId.of(id))
                  .userPrincipalName("u" + i + "@contoso.com")
                  .displayName("名".repeat(255) + i)
                  .build())
          .member(unit, UserId.of(id));
    }
    InMemoryDirectory directory = builder.build();
    String oldest = directory.members(unit, PageRequest.first(1)).nextCursor().orElseThrow();

    for (int i = 0; i < 4_096; i++) {
      directory.members(unit, PageRequest.first(1));
    }

    assertThat(directory.members(unit, PageRequest.after(oldest, 1)).items())
        .extracting(u -> u.id().value())
        .containsExactly("用户".repeat(127) + 1);
  }
}
