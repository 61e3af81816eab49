package io.mystaff.testkit.contract;

import static io.mystaff.api.directory.PhoneType.MOBILE;

import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.authz.BuiltInRole;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.User;
import io.mystaff.testkit.fixtures.Fixtures;
import io.mystaff.testkit.fixtures.Tenant;
import io.mystaff.testkit.fixtures.TenantFixture;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * The tenants the contract suites seed providers with (the analogue of Guava testlib's sample
 * elements). The base tenant uses only what every provider must hold: users, assigned units and
 * role assignments of built-in roles. Dynamic units, custom roles and role-assignable groups each
 * have their own tenant, used only by the laws of that feature.
 */
final class ContractTenants {
  private static final Pattern SPACE = Pattern.compile(" ");

  /** A user id no tenant here uses. */
  static final UserId GHOST_USER = UserId.of("ghost-user");

  /** A unit id no tenant here uses. */
  static final UnitId GHOST_UNIT = UnitId.of("ghost-unit");

  private static final String[] SYLLABLES = {
    "an", "Ann", "anna", "BO", "bob", "li", "Lee", "mar", "Mary", "jo", "JON", "ste"
  };

  private ContractTenants() {}

  /**
   * Stores with names built to catch listing mistakes: names equal but for case, equal display
   * names told apart by id, names that sort differently with and without case, a principal name
   * unlike the display name, a unit larger than several pages, and an empty unit.
   */
  static Tenant directory() {
    TenantFixture t =
        Fixtures.tenant()
            .unit("store-1", "Store 1")
            .unit("store-10", "store 10")
            .unit("north", "North Region")
            .restrictedUnit("hq", "HQ")
            .unit("empty", "Empty Unit")
            .unit("big", "Big Store")
            .cloudUser(
                "ann.lee",
                u -> u.displayName("Ann Lee").in("store-1", "north").phone(MOBILE, "+14255550101"))
            .cloudUser("anna", u -> u.displayName("anna Smith").in("store-1"))
            .cloudUser("anne", u -> u.displayName("ANNE smithers").in("store-1", "store-10"))
            .cloudUser("bob-2", u -> u.displayName("Bob Stone").in("store-10"))
            .cloudUser("bob-1", u -> u.displayName("Bob Stone").in("store-10", "north"))
            .cloudUser("mary", u -> u.displayName("Mary Ann Jones").in("north"))
            .cloudUser("jdoe", u -> u.displayName("Jane Doe").upn("jdoe@contoso.com").in("hq"))
            .cloudUser("zq", u -> u.displayName("Zoe Quinn").upn("quinnz@fabrikam.example"))
            .syncedUser("sam", "sam.synced", u -> u.displayName("alpha Synced").in("store-1"))
            .cloudUser("beta", u -> u.displayName("Beta Ray").disabled())
            .admin("mgr", BuiltInRole.HELPDESK_ADMINISTRATOR, "store-1", "store-10")
            .tenantAdmin("ga", BuiltInRole.GLOBAL_ADMINISTRATOR)
            .admin("ann.lee", BuiltInRole.AUTHENTICATION_ADMINISTRATOR, "north");
    for (int i = 1; i <= 23; i++) {
      String alias = String.format(Locale.ROOT, "staff-%02d", i);
      String name = (i % 2 == 0 ? "staff " : "Staff ") + String.format(Locale.ROOT, "%02d", 24 - i);
      t.cloudUser(alias, u -> u.displayName(name).in("big"));
    }
    return t.build();
  }

  /**
   * Prefix queries for {@link #directory()}: by name start, later word, principal name, in any
   * case.
   */
  static final String[] USER_QUERIES = {
    "a",
    "A",
    "an",
    "ANN",
    "anne",
    "annE smith",
    "smith",
    "Smithe",
    "SMITHERS",
    "bob",
    "bob stone",
    "stone",
    "jd",
    "jdoe@",
    "JDOE@CONTOSO.COM",
    "quinn",
    "quinnz",
    "zo",
    "doe",
    "oe",
    "mith",
    "nn",
    "staff 1",
    "staff",
    "STAFF 2",
    "alpha",
    "synced",
    "ray",
    "b",
    "x",
    "Mary Ann",
    "ann jones",
    "store"
  };

  static final String[] UNIT_QUERIES = {
    "s",
    "st",
    "Store",
    "STORE 1",
    "store 10",
    "1",
    "10",
    "region",
    "reg",
    "north r",
    "hq",
    "h",
    "q",
    "empty",
    "mpty",
    "unit",
    "big",
    "x",
    "tore"
  };

  /** A tenant with a dynamic unit by department, an assigned unit, and users inside and outside. */
  static Tenant dynamic() {
    return Fixtures.tenant()
        .dynamicUnit("sales", "Sales Team", "user.department -eq \"Sales\"")
        .unit("store-1", "Store 1")
        .cloudUser("ann", u -> u.displayName("Ann Sales").department("Sales").in("store-1"))
        .cloudUser("bob", u -> u.displayName("Bob Sales").department("Sales"))
        .cloudUser("cat", u -> u.displayName("Cat Ops").department("Operations").in("store-1"))
        .cloudUser("dan", u -> u.displayName("Dan None"))
        .build();
  }

  /**
   * A tenant with a restricted dynamic unit whose rule costs about 8,000 regular-expression steps
   * per character of the value: decidable (no match) for "Sales", beyond mystaff's step budget on
   * the 200 characters of erin's department. Either way neither user is a member.
   */
  static Tenant expensiveRule() {
    return Fixtures.tenant()
        .unit(
            io.mystaff.api.directory.AdministrativeUnit.dynamic(
                    io.mystaff.api.UnitId.of("board"),
                    "Board",
                    "user.department -match \"(?:(?:)*(?:)*(?:)*(?:)*){999}z\"")
                .withRestrictedManagement(true))
        .unit("store-1", "Store 1")
        .cloudUser("dora", u -> u.displayName("Dora Sales").department("Sales").in("store-1"))
        .cloudUser(
            "erin", u -> u.displayName("Erin Long").department("a".repeat(200)).in("store-1"))
        .build();
  }

  /** A tenant with a custom role assigned at a unit. */
  static Tenant customRoles() {
    return Fixtures.tenant()
        .unit("store-1", "Store 1")
        .customRole("phone-helper", "Phone helper", StaffAction.MANAGE_PHONES)
        .cloudUser("ann", u -> u.in("store-1"))
        .admin("mgr", "phone-helper", "store-1")
        .build();
  }

  /**
   * A tenant with members of role-assignable groups among ordinary users: two marked as such, two
   * members of groups that hold roles (one of them in two such groups and holding a role directly
   * too, one group's assignment eligible), and a member of a group without roles.
   */
  static Tenant roleAssignableGroups() {
    return Fixtures.tenant()
        .unit("store-1", "Store 1")
        .cloudUser("ann", u -> u.in("store-1").roleAssignableGroupMember())
        .cloudUser("bob", u -> u.in("store-1"))
        .syncedUser("cat", "cat.sam", u -> u.roleAssignableGroupMember())
        .cloudUser("dee", u -> u.in("store-1").group("global-admins").group("plain-group"))
        .cloudUser("eve", u -> u.group("helpdesk-team").group("global-admins"))
        .cloudUser("fay", u -> u.in("store-1").group("plain-group"))
        .groupAdmin("global-admins", BuiltInRole.GLOBAL_ADMINISTRATOR)
        .groupAssignment(
            "helpdesk-team",
            a -> a.role(BuiltInRole.HELPDESK_ADMINISTRATOR).unit("store-1").eligible())
        .admin("eve", BuiltInRole.PASSWORD_ADMINISTRATOR, "store-1")
        .build();
  }

  /** Cloud users to write to, one with a phone, and a synced user. */
  static Tenant writable() {
    return Fixtures.tenant()
        .unit("store-1", "Store 1")
        .cloudUser("alice", u -> u.in("store-1").phone(MOBILE, "+14255550100"))
        .cloudUser("bob", u -> u.in("store-1"))
        .syncedUser("sam", "sam.synced", u -> u.in("store-1"))
        .build();
  }

  /** Synced users whose on-premises accounts exist (the writeback's world). */
  static Tenant onPremises() {
    return Fixtures.tenant()
        .unit("store-1", "Store 1")
        .syncedUser("sam", "sam.synced", u -> u.displayName("Sam Synced").in("store-1"))
        .syncedUser("tia", "tia.synced", u -> u.displayName("Tia Synced").in("store-1"))
        .syncedUser("uma", "uma.synced", u -> u.displayName("Uma Synced"))
        .build();
  }

  /**
   * A random tenant for listing laws: up to 40 users and 4 assigned units, with names and principal
   * names drawn from a few syllables in random case, so prefixes, ties and case collide.
   */
  static Tenant random(Random r) {
    Tenant.Builder b = Tenant.builder();
    int unitCount = 1 + r.nextInt(4);
    for (int i = 0; i < unitCount; i++) {
      b.unit(AdministrativeUnit.assigned(UnitId.of("unit-" + i), word(r) + " " + word(r)));
    }
    int userCount = 1 + r.nextInt(40);
    for (int i = 0; i < userCount; i++) {
      UserId id = UserId.of("u" + i);
      String name = r.nextInt(5) == 0 ? word(r) : word(r) + " " + word(r);
      b.user(
          User.builder()
              .id(id)
              .displayName(name)
              .userPrincipalName(word(r).toLowerCase(Locale.ROOT) + i + "@contoso.example")
              .build());
      for (int u = 0; u < unitCount; u++) {
        if (r.nextInt(10) < 4) {
          b.member(UnitId.of("unit-" + u), id);
        }
      }
    }
    return b.build();
  }

  /** A prefix query likely to match something in {@code tenant}, in random case. */
  static String randomQuery(Random r, Tenant tenant) {
    if (r.nextInt(8) == 0) {
      return word(r).substring(0, 1 + r.nextInt(2));
    }
    User user = tenant.users().get(r.nextInt(tenant.users().size()));
    String[] words = SPACE.split(user.displayName(), -1);
    String term =
        switch (r.nextInt(3)) {
          case 0 -> user.displayName();
          case 1 -> words[r.nextInt(words.length)];
          default -> user.userPrincipalName();
        };
    return randomCase(r, term.substring(0, 1 + r.nextInt(term.length())));
  }

  /** A prefix query drawn from the tenant's unit names, in random case. */
  static String randomUnitQuery(Random r, Tenant tenant) {
    AdministrativeUnit unit = tenant.units().get(r.nextInt(tenant.units().size()));
    String[] words = SPACE.split(unit.displayName(), -1);
    String term = r.nextBoolean() ? unit.displayName() : words[r.nextInt(words.length)];
    return randomCase(r, term.substring(0, 1 + r.nextInt(term.length())));
  }

  private static String word(Random r) {
    return randomCase(
        r,
        SYLLABLES[r.nextInt(SYLLABLES.length)]
            + (r.nextBoolean() ? "" : SYLLABLES[r.nextInt(SYLLABLES.length)]));
  }

  private static String randomCase(Random r, String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      out.append(r.nextInt(3) == 0 ? Character.toUpperCase(c) : c);
    }
    return out.toString().trim().isEmpty() ? "a" : out.toString().trim();
  }
}
