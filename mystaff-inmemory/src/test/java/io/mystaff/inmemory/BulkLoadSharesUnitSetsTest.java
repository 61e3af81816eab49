package io.mystaff.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.User;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Memory: a member of one unit only holds that unit's shared one-element set of units, whether
 * loaded by the builder all at once or added later one by one; a member of two holds a set of its
 * own.
 */
class BulkLoadSharesUnitSetsTest {
  private static final UnitId STORE = UnitId.of("store-1");
  private static final UnitId OTHER = UnitId.of("store-2");

  @Test
  void loneMembers_shareTheirUnitsSet_bulkAndLive() {
    InMemoryDirectory.Builder builder =
        InMemoryDirectory.builder()
            .unit(AdministrativeUnit.assigned(STORE, "Store 1"))
            .unit(AdministrativeUnit.assigned(OTHER, "Store 2"));
    for (int i = 0; i < 5; i++) {
      builder.user(user(i)).member(STORE, UserId.of("u" + i));
    }
    builder.member(OTHER, UserId.of("u4"));
    InMemoryDirectory d = builder.build();
    d.putUser(user(5));
    d.addMember(STORE, UserId.of("u5"));

    Set<UnitId> shared = d.unitsOf(UserId.of("u0"));
    assertThat(shared).containsExactly(STORE);
    for (int i = 1; i < 4; i++) {
      assertThat(d.unitsOf(UserId.of("u" + i))).isSameAs(shared);
    }
    assertThat(d.unitsOf(UserId.of("u5"))).as("added live").isSameAs(shared);
    assertThat(d.unitsOf(UserId.of("u4"))).containsExactlyInAnyOrder(STORE, OTHER);
  }

  private static User user(int i) {
    return User.builder()
        .id(UserId.of("u" + i))
        .displayName("User " + i)
        .userPrincipalName("user" + i + "@contoso.com")
        .build();
  }
}
