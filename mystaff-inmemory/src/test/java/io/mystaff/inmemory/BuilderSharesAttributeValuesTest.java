package io.mystaff.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.UserId;
import io.mystaff.api.directory.User;
import io.mystaff.api.directory.UserSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The builder stores one instance of each attribute value among the users it loads (memory: a
 * tenant repeats its departments), and otherwise exactly the users it was given.
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
      }
    }
  }
}
