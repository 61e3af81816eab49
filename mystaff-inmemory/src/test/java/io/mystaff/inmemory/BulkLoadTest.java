package io.mystaff.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.mystaff.api.Page;
import io.mystaff.api.PageRequest;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.directory.User;
import io.mystaff.spi.CommitCondition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The builder's bulk load (users sorted once, ordered structures filled in ascending order, rules
 * matched through a {@link io.mystaff.membership.RuleIndex}) against the plain model: the same
 * builder adding each user and membership one by one through the live mutators' paths ({@code
 * userByUser}). On seeded random tenants (names that tie ignoring case or differ past the packed
 * sort key, names with characters outside the BMP and unpaired surrogates, dynamic units with
 * indexed, unindexed and undecidable rules, duplicate memberships), both directories must be
 * indistinguishable: every user with its version, units and undecided units, every listing walked
 * with pages of random sizes, searches, member listings, the next version handed out; and a bad
 * tenant must fail both ways with the same exception.
 *
 * <p>Seeded: replay with {@code -Dmystaff.seed=<seed>}; every failure names the seed and round.
 */
class BulkLoadTest {
  private static final long SEED = Long.getLong("mystaff.seed", 0xB01_C10ADL);
  private static final int ROUNDS = 40;

  private static final List<String> PIECES =
      List.of(
          "Anna",
          "anna",
          "ANNA",
          "Annabel",
          "Annabelle",
          "Annabellez",
          "Sofia",
          "Straße",
          "STRASSE",
          "İpek",
          "ipek",
          "ılgaz",
          "\u212Aelvin", // Kelvin sign, folds with k
          "kelvin",
          "\u017Fara", // long s, folds with s
          "Sara",
          "}brace", // the last character the sort key packs exactly
          "~tilde", // the first it does not
          "\u00A1",
          "\uD801\uDC00\uD801\uDC01", // Deseret capitals
          "\uD801\uDC28\uD801\uDC29", // the same in lower case
          "\uD83D\uDE00smile",
          "x\uD83Dy", // an unpaired high surrogate
          "\uDE00z", // an unpaired low surrogate
          "李",
          "Zoë",
          "zoe",
          "O'Neil",
          "a",
          "Ab");

  private static final List<String> DEPARTMENTS =
      List.of(
          "Sales",
          "sales",
          "SALES",
          "HR",
          "Ops",
          "ops",
          "İstanbul",
          "istanbul",
          "",
          "a".repeat(256));

  private static final List<String> RULES =
      List.of(
          "user.department -eq \"Sales\"",
          "user.department -eq \"ops\"",
          "user.department -in [\"HR\", \"istanbul\"]",
          "(user.department -eq \"Sales\") -and (user.displayName -startsWith \"a\")",
          "(user.department -eq \"HR\") -or (user.city -eq \"Oslo\")",
          "-not (user.department -ne \"Ops\")",
          "user.department -ne \"Sales\"",
          "user.department -startsWith \"S\"",
          "user.department -eq null",
          "user.displayName -contains \"ann\"",
          "user.city -match \"^o\"",
          // spends its whole step budget on the long department: undecided
          "user.department -match \"(?:(?:)*(?:)*(?:)*(?:)*){999}z\"");

  @Test
  void bulkLoad_randomTenants_indistinguishableFromUserByUser() {
    Random random = new Random(SEED);
    for (int round = 0; round < ROUNDS; round++) {
      String context = "seed " + SEED + " (-Dmystaff.seed=" + SEED + "), round " + round;
      Tenant tenant = Tenant.random(random);
      InMemoryDirectory bulk = tenant.builder().build();
      InMemoryDirectory model = tenant.builder().userByUser(true).build();
      assertSame(context, random, tenant, bulk, model);

      // the next version handed out: above every seeded version, in both
      UserId someone = tenant.users.keySet().iterator().next();
      User before = bulk.findUser(someone).orElseThrow();
      User changedBulk = setPhone(bulk, before);
      User changedModel = setPhone(model, before);
      assertThat(changedBulk.version()).as(context).isEqualTo(changedModel.version());
      assertThat(changedBulk.version())
          .as(context)
          .isGreaterThan(tenant.users.values().stream().mapToLong(User::version).max().orElse(0));
    }
  }

  @Test
  void bulkLoad_badTenants_failAsUserByUserDoes() {
    Random random = new Random(SEED);
    int failed = 0;
    for (int round = 0; round < ROUNDS; round++) {
      String context = "seed " + SEED + " (-Dmystaff.seed=" + SEED + "), round " + round;
      Tenant tenant = Tenant.random(random);
      tenant.spoil(random);
      Throwable bulk = catchThrowable(() -> tenant.builder().build());
      Throwable model = catchThrowable(() -> tenant.builder().userByUser(true).build());
      assertThat(bulk).as(context).isNotNull();
      assertThat(bulk).as(context).isExactlyInstanceOf(model.getClass());
      assertThat(bulk.getMessage()).as(context).isEqualTo(model.getMessage());
      failed++;
    }
    assertThat(failed).isEqualTo(ROUNDS);
  }

  private static User setPhone(InMemoryDirectory directory, User user) {
    return directory.setPhone(
        user.id(),
        user.version(),
        PhoneType.MOBILE,
        Optional.of(PhoneNumber.of("+4711223344")),
        AuditEvents.phoneEvent("e-" + user.id().value(), "admin", user.id().value()),
        CommitCondition.none());
  }

  private static void assertSame(
      String context,
      Random random,
      Tenant tenant,
      InMemoryDirectory bulk,
      InMemoryDirectory model) {
    assertThat(bulk.userCount()).as(context).isEqualTo(model.userCount());
    for (UserId id : tenant.users.keySet()) {
      String what = context + ", user " + id;
      assertThat(bulk.findUser(id)).as(what).isEqualTo(model.findUser(id));
      assertThat(bulk.unitsOf(id)).as(what).isEqualTo(model.unitsOf(id));
      assertThat(bulk.undecidedUnitsOf(id)).as(what).isEqualTo(model.undecidedUnitsOf(id));
    }
    int size = 1 + random.nextInt(random.nextBoolean() ? 4 : 40);
    String paged = context + ", pages of " + size;
    assertThat(walk(size, bulk::allUsers))
        .as(paged + ": allUsers")
        .containsExactlyElementsOf(walk(size, model::allUsers))
        .hasSize(tenant.users.size());
    assertThat(walkUnits(size, bulk::allUnits))
        .as(paged + ": allUnits")
        .containsExactlyElementsOf(walkUnits(size, model::allUnits));
    for (UnitId unit : tenant.units.keySet()) {
      assertThat(walk(size, p -> bulk.members(unit, p)))
          .as(paged + ": members of " + unit)
          .containsExactlyElementsOf(walk(size, p -> model.members(unit, p)));
    }
    for (String query : queries(random, tenant)) {
      String what = paged + ", query '" + query + "'";
      assertThat(walk(size, p -> bulk.searchUsers(query, p)))
          .as(what)
          .containsExactlyElementsOf(walk(size, p -> model.searchUsers(query, p)));
      for (UnitId unit : tenant.units.keySet()) {
        assertThat(walk(size, p -> bulk.searchMembers(unit, query, p)))
            .as(what + ", members of " + unit)
            .containsExactlyElementsOf(walk(size, p -> model.searchMembers(unit, query, p)));
      }
    }
  }

  /** Every user of a listing, page by page: each with its version. */
  private static List<User> walk(int size, Function<PageRequest, Page<User>> listing) {
    List<User> all = new ArrayList<>();
    Page<User> page = listing.apply(PageRequest.first(size));
    while (true) {
      assertThat(page.items().size()).isLessThanOrEqualTo(size);
      all.addAll(page.items());
      if (!page.hasNext()) {
        return all;
      }
      page = listing.apply(PageRequest.after(page.nextCursor().orElseThrow(), size));
    }
  }

  private static List<AdministrativeUnit> walkUnits(
      int size, Function<PageRequest, Page<AdministrativeUnit>> listing) {
    List<AdministrativeUnit> all = new ArrayList<>();
    Page<AdministrativeUnit> page = listing.apply(PageRequest.first(size));
    while (true) {
      all.addAll(page.items());
      if (!page.hasNext()) {
        return all;
      }
      page = listing.apply(PageRequest.after(page.nextCursor().orElseThrow(), size));
    }
  }

  private static List<String> queries(Random random, Tenant tenant) {
    List<String> queries = new ArrayList<>();
    List<User> users = new ArrayList<>(tenant.users.values());
    for (int i = 0; i < 6; i++) {
      User u = users.get(random.nextInt(users.size()));
      String term = random.nextBoolean() ? u.displayName() : u.userPrincipalName();
      String prefix = term.substring(0, 1 + random.nextInt(term.length())).strip();
      if (!prefix.isEmpty()) {
        queries.add(random.nextBoolean() ? prefix.toUpperCase(Locale.ROOT) : prefix);
      }
    }
    queries.add("a");
    queries.add("anna ");
    return queries;
  }

  private static String randomName(Random random) {
    StringBuilder name = new StringBuilder();
    int words = 1 + random.nextInt(3);
    for (int i = 0; i < words; i++) {
      if (i > 0) {
        name.append(' ');
      }
      name.append(PIECES.get(random.nextInt(PIECES.size())));
    }
    return name.toString();
  }

  /** A random tenant, given to a builder in the same order each time. */
  private static final class Tenant {
    final Map<UserId, User> users = new LinkedHashMap<>();
    final Map<UnitId, AdministrativeUnit> units = new LinkedHashMap<>();
    final List<Map.Entry<UnitId, UserId>> members = new ArrayList<>();

    static Tenant random(Random random) {
      Tenant t = new Tenant();
      int count = 1 + (random.nextInt(5) == 0 ? random.nextInt(8) : random.nextInt(300));
      for (int i = 0; i < count; i++) {
        // ids drawn from a small range: some users are given twice, the later one replacing
        UserId id = UserId.of("u" + Integer.toString(random.nextInt(2 * count), 36));
        User.Builder user =
            User.builder()
                .id(id)
                .displayName(randomName(random))
                .userPrincipalName("p" + i + "@contoso.example")
                .version(random.nextInt(3) == 0 ? 0 : random.nextInt(1_000_000));
        if (random.nextInt(4) > 0) {
          user.attribute("department", DEPARTMENTS.get(random.nextInt(DEPARTMENTS.size())));
        }
        if (random.nextBoolean()) {
          user.attribute("city", random.nextBoolean() ? "Oslo" : "Rome");
        }
        t.users.put(id, user.build());
      }
      int unitCount = 1 + random.nextInt(8);
      for (int u = 0; u < unitCount; u++) {
        UnitId id = UnitId.of("unit-" + u);
        t.units.put(
            id,
            random.nextInt(3) == 0
                ? AdministrativeUnit.dynamic(
                    id, randomName(random), RULES.get(random.nextInt(RULES.size())))
                : AdministrativeUnit.assigned(id, randomName(random)));
      }
      List<UnitId> assigned =
          t.units.values().stream()
              .filter(u -> u.membershipRule().isEmpty())
              .map(AdministrativeUnit::id)
              .toList();
      List<UserId> ids = new ArrayList<>(t.users.keySet());
      for (int m = assigned.isEmpty() ? 0 : random.nextInt(3 * ids.size()); m > 0; m--) {
        t.members.add(
            Map.entry(
                assigned.get(random.nextInt(assigned.size())),
                ids.get(random.nextInt(ids.size()))));
      }
      return t;
    }

    /** Makes the tenant one a builder refuses, in one of the ways it can be. */
    void spoil(Random random) {
      List<UserId> ids = new ArrayList<>(users.keySet());
      UserId victim = ids.get(random.nextInt(ids.size()));
      switch (random.nextInt(5)) {
        case 0 -> {
          // the principal name of another user, in other case
          User other = users.get(ids.get(random.nextInt(ids.size())));
          UserId id = UserId.of("dup");
          users.put(
              id,
              User.builder()
                  .id(id)
                  .displayName("Dup")
                  .userPrincipalName(other.userPrincipalName().toUpperCase(Locale.ROOT))
                  .build());
        }
        case 1 -> users.put(victim, users.get(victim).toBuilder().version(Long.MAX_VALUE).build());
        case 2 -> insertMember(random, Map.entry(UnitId.of("no-such-unit"), victim));
        case 3 ->
            insertMember(random, Map.entry(units.keySet().iterator().next(), UserId.of("nobody")));
        default -> {
          UnitId dynamic = UnitId.of("dynamic");
          units.put(dynamic, AdministrativeUnit.dynamic(dynamic, "Dynamic", RULES.get(0)));
          insertMember(random, Map.entry(dynamic, victim));
        }
      }
    }

    private void insertMember(Random random, Map.Entry<UnitId, UserId> member) {
      members.add(random.nextInt(members.size() + 1), member);
    }

    InMemoryDirectory.Builder builder() {
      InMemoryDirectory.Builder b = InMemoryDirectory.builder();
      units.values().forEach(b::unit);
      users.values().forEach(b::user);
      members.forEach(m -> b.member(m.getKey(), m.getValue()));
      return b;
    }
  }
}
