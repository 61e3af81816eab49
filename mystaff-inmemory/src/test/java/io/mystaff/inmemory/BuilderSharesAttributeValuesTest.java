package io.mystaff.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.UserId;
import io.mystaff.api.directory.User;
import io.mystaff.api.directory.UserSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The builder stores one instance of each attribute value and of each attribute map among the users
 * it loads (memory: a tenant repeats its departments), and otherwise exactly the users it was
 * given; users put later share the loaded maps.
 */
class BuilderSharesAttributeValuesTest {
  private static final long SEED = 0x13_0005L;

  @Test
  void builder_equalAttributeValues_storedOnceAndUsersOtherwiseExact() {
    Random random = new Random(SEED);
    InMemoryDirectory.Builder builder = InMemoryDirectory.builder();
    List<User> given = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      User.Builder b =
          User.builder()
              .id(UserId.of("u" + i))
              .displayName("User " + i)
              .userPrincipalName("user" + i + "@contoso.com")
              .version(random.nextInt(100))
              // new String: equal values, never the same instance
              .attribute("department", new String("dept-" + random.nextInt(5)))
              .attribute("city", new String("city-" + random.nextInt(3)));
      if (random.nextBoolean()) {
        b.source(UserSource.SYNCED_FROM_ON_PREMISES).onPremisesSamAccountName("s" + i);
      }
      User u = b.build();
      given.add(u);
      builder.user(u);
    }
    InMemoryDirectory d = builder.build();
    String why = "seed " + SEED;
    for (User u : given) {
      User stored = d.findUser(u.id()).orElseThrow();
      assertThat(stored).as(why).isEqualTo(u);
      assertThat(stored.version()).as(why).isEqualTo(u.version());
      for (User v : given) {
        for (String name : List.of("department", "city")) {
          String a = stored.attribute(name).orElseThrow();
          String b = d.findUser(v.id()).orElseThrow().attribute(name).orElseThrow();
          if (a.equals(b)) {
            assertThat(a).as(why + ": %s of %s and %s", name, u.id(), v.id()).isSameAs(b);
          }
        }
        Map<String, String> mine = stored.attributes();
        Map<String, String> theirs = d.findUser(v.id()).orElseThrow().attributes();
        if (mine.equals(theirs)) {
          assertThat(mine).as(why + ": attributes of %s and %s", u.id(), v.id()).isSameAs(theirs);
        }
      }
    }
  }

  /**
   * Users put later share the attribute map of loaded users with equal attributes, and are stored
   * otherwise exactly as given: equal, with the same attributes whatever the case of a name.
   */
  @Test
  void putUser_equalAttributes_shareTheLoadedMap() {
    InMemoryDirectory d =
        InMemoryDirectory.builder()
            .user(user(0, "dept-1"))
            .user(user(1, "dept-1"))
            .user(user(2, "dept-2"))
            .build();
    Map<String, String> loaded = d.findUser(UserId.of("u0")).orElseThrow().attributes();
    assertThat(d.findUser(UserId.of("u1")).orElseThrow().attributes()).isSameAs(loaded);

    User given = user(3, "dept-1");
    User stored = d.putUser(given);
    assertThat(stored.attributes()).isSameAs(loaded);
    assertThat(stored.toBuilder().version(given.version()).build()).isEqualTo(given);
    assertThat(stored.attribute("DEPARTMENT")).contains("dept-1");

    // a new map is held from its first user on, and a change of attributes leaves the old one
    User other = d.putUser(user(4, "dept-9"));
    assertThat(d.putUser(user(5, "dept-9")).attributes()).isSameAs(other.attributes());
    User changed = d.putUser(user(5, "dept-1").toBuilder().attribute("city", "Oslo").build());
    assertThat(changed.attributes())
        .isEqualTo(Map.of("department", "dept-1", "city", "Oslo"))
        .isNotSameAs(loaded);
    assertThat(d.findUser(UserId.of("u5")).orElseThrow()).isEqualTo(changed);
  }

  private static User user(int i, String department) {
    return User.builder()
        .id(UserId.of("u" + i))
        .displayName("User " + i)
        .userPrincipalName("user" + i + "@contoso.com")
        // new String: equal values, never the same instance
        .attribute("department", new String(department))
        .build();
  }
}
