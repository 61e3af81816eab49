package io.mystaff.tests.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.Page;
import io.mystaff.api.PageRequest;
import io.mystaff.api.UserId;
import io.mystaff.api.directory.User;
import io.mystaff.inmemory.InMemoryDirectory;
import io.mystaff.spi.DirectoryOrder;
import io.mystaff.testkit.random.Property;
import io.mystaff.testkit.random.Seeds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link InMemoryDirectory#allUsers} model-checked against a plain list: the organization's users
 * sorted by display name (case-insensitively), then id. Seeded; a failure names the seed.
 */
class AllUsersPagingTest {
  /** Directory order, restated independently of the implementation. */
  private static final Comparator<User> ORDER = DirectoryOrder.USERS;

  /** Names that collide case-insensitively and across scripts, so ties and id order matter. */
  private static final List<String> NAMES =
      List.of(
          "Ann",
          "ann",
          "ANN",
          "Anna",
          "Bo",
          "bo",
          "Björn",
          "Ávila",
          "ávila",
          "Lee",
          "李",
          "Zoë",
          "zoe",
          "van der Berg",
          "O'Neil",
          "ß",
          "SS",
          "İpek",
          "ipek");

  /** One generated case: the users, the page size, and the changes to make between pages. */
  record Case(List<User> users, int pageSize, long changeSeed) {
    @Override
    public String toString() {
      return users.size() + " users, page size " + pageSize + ", change seed " + changeSeed;
    }
  }

  private static User user(String id, String name) {
    return User.builder()
        .id(UserId.of(id))
        .userPrincipalName(id + "@contoso.com")
        .displayName(name)
        .build();
  }

  private static String name(Random r) {
    String name = NAMES.get(r.nextInt(NAMES.size()));
    return r.nextInt(4) == 0 ? name + " " + NAMES.get(r.nextInt(NAMES.size())) : name;
  }

  private static Case generate(Random r) {
    Map<String, User> users = new LinkedHashMap<>();
    int count = r.nextInt(120);
    for (int i = 0; i < count; i++) {
      String id = "u" + Integer.toString(r.nextInt(5_000), 36);
      users.put(id, user(id, name(r)));
    }
    return new Case(List.copyOf(users.values()), 1 + r.nextInt(25), r.nextLong());
  }

  private static InMemoryDirectory directoryOf(List<User> users) {
    InMemoryDirectory.Builder b = InMemoryDirectory.builder().passwordHashIterations(1);
    users.forEach(b::user);
    return b.build();
  }

  private static List<String> ids(List<User> users) {
    return users.stream().map(u -> u.id().value()).toList();
  }

  @Test
  void allUsers_anyDirectoryAnyPageSize_walkEqualsTheSortedList() {
    Property.forAll(
        Seeds.forTest("allUsers.walk"),
        300,
        AllUsersPagingTest::generate,
        c -> {
          InMemoryDirectory directory = directoryOf(c.users());
          List<String> model = ids(c.users().stream().sorted(ORDER).toList());

          List<User> walked = new ArrayList<>();
          Page<User> page = directory.allUsers(PageRequest.first(c.pageSize()));
          int pages = 1;
          while (true) {
            assertThat(page.items().size()).as("page size bound").isLessThanOrEqualTo(c.pageSize());
            if (page.hasNext()) {
              assertThat(page.items()).as("a page with a cursor is full").hasSize(c.pageSize());
            }
            walked.addAll(page.items());
            if (!page.hasNext()) {
              break;
            }
            page =
                directory.allUsers(
                    PageRequest.after(page.nextCursor().orElseThrow(), c.pageSize()));
            pages++;
          }

          assertThat(ids(walked)).isEqualTo(model);
          int expectedPages = Math.max(1, (model.size() + c.pageSize() - 1) / c.pageSize());
          assertThat(pages).isEqualTo(expectedPages);
        });
  }

  /**
   * With users added, renamed and removed between pages, a walk never goes backwards and returns
   * every user that existed, unchanged, throughout the walk exactly once (a user renamed past the
   * cursor may be seen again, under the new name). Each page is exactly what the model says follows
   * the cursor at that time.
   */
  @Test
  void allUsers_directoryChangesBetweenPages_eachPageFollowsTheCursorInTheCurrentModel() {
    Property.forAll(
        Seeds.forTest("allUsers.changes"),
        200,
        AllUsersPagingTest::generate,
        c -> {
          InMemoryDirectory directory = directoryOf(c.users());
          Random changes = new Random(c.changeSeed());
          TreeMap<User, String> model = new TreeMap<>(ORDER);
          Map<String, User> byId = new LinkedHashMap<>();
          for (User u : c.users()) {
            model.put(u, u.id().value());
            byId.put(u.id().value(), u);
          }
          Set<String> touched = new HashSet<>();
          List<User> walked = new ArrayList<>();
          User last = null;
          int fresh = 0;

          Page<User> page = directory.allUsers(PageRequest.first(c.pageSize()));
          while (true) {
            List<String> expected =
                ids(
                    (last == null ? model.keySet() : model.tailMap(last, false).keySet())
                        .stream().limit(c.pageSize()).toList());
            assertThat(ids(page.items()))
                .as("page after %s", last == null ? "the start" : last.id())
                .isEqualTo(expected);
            walked.addAll(page.items());
            if (!page.hasNext()) {
              break;
            }
            last = page.items().get(page.items().size() - 1);
            for (int i = changes.nextInt(4); i > 0; i--) {
              List<String> present = new ArrayList<>(byId.keySet());
              int kind = present.isEmpty() ? 2 : changes.nextInt(3);
              if (kind == 0) {
                User victim = byId.remove(present.get(changes.nextInt(present.size())));
                model.remove(victim);
                directory.removeUser(victim.id());
                touched.add(victim.id().value());
              } else if (kind == 1) {
                User old = byId.get(present.get(changes.nextInt(present.size())));
                User renamed =
                    directory.putUser(old.toBuilder().displayName(name(changes)).build());
                model.remove(old);
                model.put(renamed, renamed.id().value());
                byId.put(renamed.id().value(), renamed);
                touched.add(renamed.id().value());
              } else {
                User added = directory.putUser(user("new" + fresh++, name(changes)));
                model.put(added, added.id().value());
                byId.put(added.id().value(), added);
                touched.add(added.id().value());
              }
            }
            page =
                directory.allUsers(
                    PageRequest.after(page.nextCursor().orElseThrow(), c.pageSize()));
          }

          List<String> walkedIds = ids(walked);
          for (int i = 1; i < walked.size(); i++) {
            assertThat(ORDER.compare(walked.get(i - 1), walked.get(i)))
                .as("ascending at %s", i)
                .isNegative();
          }
          for (String id : ids(c.users())) {
            if (!touched.contains(id)) {
              assertThat(walkedIds.stream().filter(id::equals).count())
                  .as("untouched user %s", id)
                  .isEqualTo(1);
            }
          }
        });
  }
}
