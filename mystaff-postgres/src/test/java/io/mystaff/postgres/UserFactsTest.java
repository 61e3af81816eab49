package io.mystaff.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.UserId;
import io.mystaff.api.authz.BuiltInRole;
import io.mystaff.spi.UserFacts;
import io.mystaff.testkit.fixtures.Fixtures;
import io.mystaff.testkit.fixtures.Tenant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The batched read agrees with the single reads, user by user (direct and group-held roles). */
class UserFactsTest {
  @Test
  void userFactsOf_equalsTheSingleReadsForEveryUser() {
    Tenant tenant =
        Fixtures.tenant()
            .unit("store-1", "Store 1")
            .unit("store-2", "Store 2")
            .cloudUser("ann", u -> u.in("store-1", "store-2").group("helpdesk-team"))
            .cloudUser("bob", u -> u.in("store-1"))
            .cloudUser("eve", u -> u.group("helpdesk-team").group("global-admins"))
            .groupAdmin("global-admins", BuiltInRole.GLOBAL_ADMINISTRATOR)
            .groupAssignment(
                "helpdesk-team", a -> a.role(BuiltInRole.HELPDESK_ADMINISTRATOR).unit("store-1"))
            .admin("eve", BuiltInRole.PASSWORD_ADMINISTRATOR, "store-1", "store-2")
            .admin("ann", BuiltInRole.AUTHENTICATION_ADMINISTRATOR, "store-2")
            .build();
    PostgresDirectory d = TestDatabase.seeded(tenant);
    List<UserId> ids =
        List.of(UserId.of("ann"), UserId.of("bob"), UserId.of("eve"), UserId.of("ghost"));
    Map<UserId, UserFacts> facts = d.userFactsOf(ids);
    assertThat(facts).hasSize(4);
    for (UserId id : ids) {
      assertThat(facts.get(id))
          .as("facts of %s", id)
          .isEqualTo(
              new UserFacts(
                  d.unitsOf(id),
                  d.undecidedUnitsOf(id),
                  d.assignmentsOf(id),
                  d.isRoleAssignableGroupMember(id)));
    }
    assertThat(facts.get(UserId.of("eve")).assignments()).hasSize(4);
  }
}
