package io.mystaff.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.UserId;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.directory.User;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Regression: the builder stored seeded users above the versions they were given (version 41 read
 * back as 42), so the directory did not hold exactly the tenant it was seeded with. Found by the
 * contract law {@code findUser_everyField_roundTripsExactly}.
 */
class SeededVersionsDroppedTest {
  private static User user(String id, long version) {
    return User.builder()
        .id(UserId.of(id))
        .displayName(id)
        .userPrincipalName(id + "@contoso.com")
        .version(version)
        .build();
  }

  @Test
  void builder_seededVersions_readBackExactly() {
    InMemoryDirectory d =
        InMemoryDirectory.builder().user(user("alice", 41)).user(user("bob", 0)).build();
    assertThat(d.findUser(UserId.of("alice")).orElseThrow().version()).isEqualTo(41);
    assertThat(d.findUser(UserId.of("bob")).orElseThrow().version()).isZero();
  }

  @Test
  void builder_seededVersions_laterWritesGoAboveEveryOne() {
    InMemoryDirectory d =
        InMemoryDirectory.builder().user(user("alice", 41)).user(user("bob", 0)).build();
    User bob =
        d.setPhone(
            UserId.of("bob"),
            0,
            PhoneType.MOBILE,
            Optional.of(PhoneNumber.of("+14255550100")),
            AuditEvents.phoneEvent("e1", "mgr", "bob"));
    assertThat(bob.version()).isGreaterThan(41);
  }
}
