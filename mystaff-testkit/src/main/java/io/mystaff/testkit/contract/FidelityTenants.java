package io.mystaff.testkit.contract;

import static io.mystaff.api.directory.PhoneType.ALTERNATE_MOBILE;
import static io.mystaff.api.directory.PhoneType.MOBILE;
import static io.mystaff.api.directory.PhoneType.OFFICE;

import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.authz.BuiltInRole;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.MembershipType;
import io.mystaff.api.directory.User;
import io.mystaff.testkit.fixtures.Fixtures;
import io.mystaff.testkit.fixtures.Tenant;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Tenants that set every field a provider must keep, and names chosen where naive stores go wrong:
 * non-ASCII and supplementary characters, case that folds differently, equal names told apart by
 * id, and names and ids as long as the API allows.
 */
final class FidelityTenants {
  /**
   * Display names whose order by UTF-16 units differs from their order by code points, whose case
   * folds outside ASCII, or which are equal ignoring case.
   */
  static final List<String> UNICODE_NAMES =
      List.of(
          "\uD83D\uDE00 Smile", // U+1F600: after U+FF21 by code point, before it by UTF-16 unit
          "\uFF21lpha Fullwidth", // U+FF21 FULLWIDTH A
          "\uFF41lpha fullwidth", // its lower case
          "\uD835\uDC9Cscript", // U+1D49C MATHEMATICAL SCRIPT A
          "\uD840\uDC00 Ext B", // U+20000, a CJK extension B character
          "\u4E00 Kanji",
          "\u00C9mile Zola",
          "\u00E9mile zola",
          "Emile Zola",
          "\u00D8rjan Berg",
          "\u00DFeta Wolf", // sharp s: upper case is "SS" in String.toUpperCase, itself per char
          "\u0130stanbul Kaya", // dotted capital I
          "\u0131\u015F\u0131k Kaya", // dotless i
          "Zo\u00EB Quinn",
          "zoe quinn",
          "ZOE QUINN",
          "\u03A3igma Greek",
          "\u03C3igma greek",
          "\u0410\u043D\u043D\u0430 Cyrillic",
          "Bob Stone",
          "bob stone",
          "BOB STONE",
          "\uE000 Private Use");

  private FidelityTenants() {}

  /** Every {@link #UNICODE_NAMES} name on a user in one unit, with ids that differ only in case. */
  static Tenant unicode() {
    Tenant.Builder b = Tenant.builder();
    UnitId unit = UnitId.of("world");
    b.unit(AdministrativeUnit.assigned(unit, "World"));
    for (int i = 0; i < UNICODE_NAMES.size(); i++) {
      String name = UNICODE_NAMES.get(i);
      for (String id : List.of("n" + i, "N" + i)) {
        if (id.equals("N" + i) && i % 3 != 0) {
          continue;
        }
        b.user(
            User.builder()
                .id(UserId.of(id))
                .displayName(name)
                .userPrincipalName(id + (id.startsWith("N") ? "-upper" : "") + "@contoso.example")
                .build());
        b.member(unit, UserId.of(id));
      }
      b.unit(AdministrativeUnit.assigned(UnitId.of("unit-" + i), name));
    }
    return b.build();
  }

  /**
   * Users whose ids and display names are as long as allowed (256 characters) and made of
   * characters that take 2 to 4 bytes in UTF-8, all in one unit: a cursor that stores the last name
   * and id naively outgrows {@link io.mystaff.api.PageRequest#MAX_CURSOR_LENGTH}.
   */
  static Tenant longNames() {
    Tenant.Builder b = Tenant.builder();
    UnitId unit = UnitId.of("long");
    b.unit(AdministrativeUnit.assigned(unit, "\u00E9".repeat(256)));
    String[] alphabet = {"\u00E9", "\u4E00", "\uD840\uDC00", "\uD83D\uDE00", "a"};
    int n = 0;
    for (String nameChar : alphabet) {
      for (String idChar : alphabet) {
        UserId id =
            UserId.of(
                idChar.repeat(256 / idChar.length() - 2)
                    + String.format(java.util.Locale.ROOT, "%02d", n));
        String name = nameChar.repeat(256 / nameChar.length() - 2) + (n % 2 == 0 ? "x" : "X");
        b.user(
            User.builder()
                .id(id)
                .displayName(name)
                .userPrincipalName("long" + n + "@contoso.example")
                .build());
        b.member(unit, id);
        n++;
      }
    }
    for (int i = 0; i < 3; i++) {
      b.unit(
          AdministrativeUnit.assigned(
              UnitId.of("\u4E00".repeat(250) + i), "\uD840\uDC00".repeat(127) + i));
    }
    return b.build();
  }

  /** When the time-bound assignment of {@link #everyField()} starts. */
  static final Instant WINDOW_START = Instant.parse("2025-03-01T08:15:30.123456Z");

  /**
   * Every field of every value a directory holds set to something other than its default: users
   * with attributes, groups, every phone type with and without extension, guest type, disabled,
   * forced password change and seeded versions; units with descriptions, restricted management;
   * assignments active and eligible, tenant-wide and unit-scoped, open and time-bound to the
   * microsecond.
   */
  static Tenant everyField() {
    return Fixtures.tenant()
        .unit(
            new AdministrativeUnit(
                UnitId.of("store-1"),
                "Store 1",
                Optional.of("The first store, \u00E9t\u00E9 2025"),
                MembershipType.ASSIGNED,
                Optional.empty(),
                false))
        .unit(
            new AdministrativeUnit(
                UnitId.of("vault"),
                "Vault",
                Optional.of("Restricted: finance only"),
                MembershipType.ASSIGNED,
                Optional.empty(),
                true))
        .unit("plain", "Plain")
        .cloudUser(
            "alice",
            u ->
                u.displayName("Alice \u00C5berg")
                    .upn("alice.aberg@fabrikam.example")
                    .in("store-1", "vault")
                    .phone(MOBILE, "+14255550100")
                    .phone(ALTERNATE_MOBILE, "+14255550101")
                    .phone(OFFICE, "+14255550102", "4711")
                    .department("Sales")
                    .jobTitle("Store manager")
                    .attribute("employeeId", "E-0042")
                    .group("store-managers")
                    .group("all-staff")
                    .forceChangePasswordNextSignIn()
                    .version(41))
        .cloudUser(
            "gus",
            u ->
                u.displayName("Gus Guest")
                    .guest()
                    .disabled()
                    .in("plain")
                    .phone(OFFICE, "+442071838750")
                    .version(7))
        .syncedUser(
            "sam",
            "sam.synced",
            u -> u.displayName("Sam Synced").in("store-1").group("all-staff").version(1_000_003))
        .cloudUser("zed", u -> u.displayName("Zed Default"))
        .admin("alice", BuiltInRole.HELPDESK_ADMINISTRATOR, "store-1")
        .assignment(
            "alice",
            a ->
                a.id("alice-window")
                    .role(BuiltInRole.AUTHENTICATION_ADMINISTRATOR)
                    .unit("vault")
                    .from(WINDOW_START)
                    .until(WINDOW_START.plusSeconds(86_400).plusNanos(1_000))
                    .eligible())
        .tenantAdmin("zed", BuiltInRole.PASSWORD_ADMINISTRATOR)
        .build();
  }

  /** The users of a tenant in directory order. */
  static List<User> inDirectoryOrder(Tenant tenant) {
    return tenant.users().stream().sorted(Listings.USER_ORDER).toList();
  }
}
