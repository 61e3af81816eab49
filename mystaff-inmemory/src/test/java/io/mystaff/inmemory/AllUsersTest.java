package io.mystaff.inmemory;

import static io.mystaff.inmemory.TestUsers.ids;
import static io.mystaff.inmemory.TestUsers.user;
import static io.mystaff.inmemory.TestUsers.walk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.Page;
import io.mystaff.api.PageRequest;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.User;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link InMemoryDirectory#allUsers}: the "whole organization" listing. */
class AllUsersTest {
  private static final UnitId STORE = UnitId.of("store");

  private static InMemoryDirectory directory() {
    return InMemoryDirectory.builder()
        .unit(AdministrativeUnit.assigned(STORE, "Store"))
        .user(user("u3", "carl"))
        .user(user("u1", "Bob"))
        .user(user("u2", "bob"))
        .user(user("u0", "Ávila"))
        .user(user("u4", "alice"))
        .member(STORE, UserId.of("u1"))
        .build();
  }

  @Test
  void allUsers_everyUserInDirectoryOrder_membersOrNot() {
    InMemoryDirectory directory = directory();
    assertThat(ids(directory.allUsers(PageRequest.first(100)).items()))
        .containsExactly("u4", "u1", "u2", "u3", "u0");
  }

  @Test
  void allUsers_pagedByEverySize_sameUsersInSameOrder() {
    InMemoryDirectory directory = directory();
    List<String> oneGo = ids(directory.allUsers(PageRequest.first(100)).items());
    for (int size = 1; size <= 6; size++) {
      assertThat(ids(walk(size, directory::allUsers))).as("page size %s", size).isEqualTo(oneGo);
    }
  }

  @Test
  void allUsers_lastPageFull_hasNoCursor() {
    Page<User> page = directory().allUsers(PageRequest.first(5));
    assertThat(page.items()).hasSize(5);
    assertThat(page.hasNext()).isFalse();
  }

  @Test
  void allUsers_emptyDirectory_emptyLastPage() {
    Page<User> page = InMemoryDirectory.builder().build().allUsers(PageRequest.first(3));
    assertThat(page.items()).isEmpty();
    assertThat(page.hasNext()).isFalse();
  }

  @Test
  void allUsers_usersAddedAndRemovedBetweenPages_resumesAfterTheLastUserReturned() {
    InMemoryDirectory directory = directory();
    Page<User> first = directory.allUsers(PageRequest.first(2)); // alice, Bob (u1)
    directory.removeUser(UserId.of("u1"));
    directory.putUser(user("u5", "aaron")); // sorts before the cursor: not seen by this walk
    directory.putUser(user("u6", "bobby")); // sorts after it: seen
    List<String> rest = ids(walkFrom(directory, first.nextCursor().orElseThrow()));
    assertThat(ids(first.items())).containsExactly("u4", "u1");
    assertThat(rest).containsExactly("u2", "u6", "u3", "u0");
  }

  @Test
  void allUsers_cursorOfAnotherListing_rejected() {
    InMemoryDirectory directory = directory();
    String membersCursor = directory.members(STORE, PageRequest.first(1)).nextCursor().orElse(null);
    String searchCursor =
        directory.searchUsers("b", PageRequest.first(1)).nextCursor().orElseThrow();
    String allCursor = directory.allUsers(PageRequest.first(1)).nextCursor().orElseThrow();

    assertThat(membersCursor).as("one member, one page").isNull();
    assertThatThrownBy(() -> directory.allUsers(PageRequest.after(searchCursor, 1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("page cursor");
    assertThatThrownBy(() -> directory.searchUsers("b", PageRequest.after(allCursor, 1)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> directory.members(STORE, PageRequest.after(allCursor, 1)))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void allUsers_cursorOfAnotherDirectory_rejected() {
    String cursor = directory().allUsers(PageRequest.first(1)).nextCursor().orElseThrow();
    assertThatThrownBy(() -> directory().allUsers(PageRequest.after(cursor, 1)))
        .isInstanceOf(InvalidInputException.class);
  }

  private static List<User> walkFrom(InMemoryDirectory directory, String cursor) {
    List<User> users = new java.util.ArrayList<>();
    Page<User> page = directory.allUsers(PageRequest.after(cursor, 2));
    users.addAll(page.items());
    while (page.hasNext()) {
      page = directory.allUsers(PageRequest.after(page.nextCursor().orElseThrow(), 2));
      users.addAll(page.items());
    }
    return users;
  }
}
