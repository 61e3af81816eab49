package io.mystaff.tests.workflows;

import static io.mystaff.api.authz.BuiltInRole.AUTHENTICATION_ADMINISTRATOR;
import static io.mystaff.api.authz.BuiltInRole.GLOBAL_READER;
import static io.mystaff.api.authz.BuiltInRole.HELPDESK_ADMINISTRATOR;
import static io.mystaff.api.authz.BuiltInRole.USER_ADMINISTRATOR;

import io.mystaff.api.directory.PhoneType;
import io.mystaff.testkit.fixtures.Fixtures;
import io.mystaff.testkit.fixtures.TenantFixture;
import java.time.Duration;
import java.time.Instant;

/**
 * The organization most workflow tests run against: a chain of stores, each an administrative unit,
 * with managers of every shape.
 *
 * <pre>
 * units     north "North Store", south "South Store", west "West Store", vault "Vault" (restricted)
 * staff     alice (cloud, north, mobile +14255550101), bob (cloud, north), carl (synced "carl", north),
 *           dora (cloud, south), erin (cloud, north + vault), pam (cloud, north, tenant User Administrator)
 * managers  nina  Authentication Administrator at north              (one location)
 *           sam   Authentication Administrator at north and south    (two locations)
 *           tara  Authentication Administrator, tenant-wide          (whole organization)
 *           hank  Helpdesk Administrator at south                    (passwords, not phones)
 *           val   Authentication Administrator at vault              (restricted unit)
 *           rita  Global Reader, tenant-wide                         (changes no one)
 *           tim   Authentication Administrator at north, from T0 - 1 day until T0 + 1 hour
 *           eve   no role
 * </pre>
 */
final class StoreChain {
  /** The instant every test starts at. */
  static final Instant T0 = Instant.parse("2025-03-03T08:00:00Z");

  /** When tim's time-bound assignment ends. */
  static final Instant TIM_ROLE_ENDS = T0.plus(Duration.ofHours(1));

  static final String ALICE_MOBILE = "+14255550101";

  private StoreChain() {}

  static TenantFixture fixture() {
    return Fixtures.tenant()
        .unit("north", "North Store")
        .unit("south", "South Store")
        .unit("west", "West Store")
        .restrictedUnit("vault", "Vault")
        .cloudUser("alice", u -> u.in("north").phone(PhoneType.MOBILE, ALICE_MOBILE))
        .cloudUser("bob", u -> u.in("north"))
        .syncedUser("carl", "carl", u -> u.in("north"))
        .cloudUser("dora", u -> u.in("south"))
        .cloudUser("erin", u -> u.in("north", "vault"))
        .cloudUser("pam", u -> u.in("north"))
        .tenantAdmin("pam", USER_ADMINISTRATOR)
        .admin("nina", AUTHENTICATION_ADMINISTRATOR, "north")
        .admin("sam", AUTHENTICATION_ADMINISTRATOR, "north", "south")
        .tenantAdmin("tara", AUTHENTICATION_ADMINISTRATOR)
        .admin("hank", HELPDESK_ADMINISTRATOR, "south")
        .admin("val", AUTHENTICATION_ADMINISTRATOR, "vault")
        .tenantAdmin("rita", GLOBAL_READER)
        .timeBound(
            "tim",
            AUTHENTICATION_ADMINISTRATOR,
            "north",
            T0.minus(Duration.ofDays(1)),
            TIM_ROLE_ENDS)
        .cloudUser("eve");
  }
}
