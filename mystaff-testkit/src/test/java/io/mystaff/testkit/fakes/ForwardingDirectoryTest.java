package io.mystaff.testkit.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.PageRequest;
import io.mystaff.api.ProviderFailureException;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.directory.User;
import io.mystaff.inmemory.InMemoryDirectory;
import io.mystaff.spi.ForwardingDirectory;
import io.mystaff.spi.ForwardingDirectoryWriter;
import io.mystaff.testkit.fixtures.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The forwarding fakes forward every operation, {@code allUsers} included; faults hit only their
 * operation.
 */
class ForwardingDirectoryTest {
  private final InMemoryDirectory directory =
      Fixtures.inMemoryDirectory(
          Fixtures.tenant()
              .unit("north", "North Store")
              .cloudUser("alice", u -> u.in("north"))
              .cloudUser("bob")
              .admin("nina", io.mystaff.api.authz.BuiltInRole.AUTHENTICATION_ADMINISTRATOR, "north")
              .build());

  @Test
  void forwardingDirectory_answersAsItsDelegate() {
    ForwardingDirectory forwarding = new ForwardingDirectory(directory);

    assertThat(forwarding.allUsers(PageRequest.first(10)))
        .isEqualTo(directory.allUsers(PageRequest.first(10)));
    assertThat(forwarding.members(UnitId.of("north"), PageRequest.first(10)))
        .isEqualTo(directory.members(UnitId.of("north"), PageRequest.first(10)));
    assertThat(forwarding.findUser(UserId.of("alice")))
        .isEqualTo(directory.findUser(UserId.of("alice")));
    assertThat(forwarding.assignmentsOf(UserId.of("nina")))
        .isEqualTo(directory.assignmentsOf(UserId.of("nina")));
    assertThat(forwarding.searchUsers("al", PageRequest.first(10)).items())
        .extracting(User::id)
        .containsExactly(UserId.of("alice"));
    assertThat(forwarding.searchMembers(UnitId.of("north"), "al", PageRequest.first(10)))
        .isEqualTo(directory.searchMembers(UnitId.of("north"), "al", PageRequest.first(10)));
    assertThat(forwarding.allUnits(PageRequest.first(10)))
        .isEqualTo(directory.allUnits(PageRequest.first(10)));
  }

  @Test
  void forwardingDirectoryWriter_writesThroughItsDelegate() {
    ForwardingDirectoryWriter writer = new ForwardingDirectoryWriter(directory);

    assertThat(writer.pendingAuditEvents(10)).isEqualTo(directory.pendingAuditEvents(10));
  }

  @Test
  void failingDirectory_allUsers_passesThroughUntilToldToFail() {
    FailingDirectory failing = FailingDirectory.wrapping(directory);

    assertThat(failing.allUsers(PageRequest.first(10)).items())
        .extracting(User::id)
        .containsExactlyElementsOf(
            directory.allUsers(PageRequest.first(10)).items().stream().map(User::id).toList());

    failing.failNext(FailingDirectory.Operation.ALL_USERS, 1);
    assertThatThrownBy(() -> failing.allUsers(PageRequest.first(10)))
        .isInstanceOf(ProviderFailureException.class);
    assertThat(failing.members(UnitId.of("north"), PageRequest.first(10)).items()).hasSize(1);
    assertThat(failing.allUsers(PageRequest.first(10)).items()).hasSize(3);
    assertThat(failing.calls(FailingDirectory.Operation.ALL_USERS)).isEqualTo(3);
    assertThat(failing.failures(FailingDirectory.Operation.ALL_USERS)).isEqualTo(1);
    assertThat(FailingDirectory.Operation.ALL_USERS.isWrite()).isFalse();
  }

  @Test
  void failingDirectory_memberSearchAndUnitListing_injectable_andReads() {
    FailingDirectory failing = FailingDirectory.wrapping(directory);
    assertThat(failing.allUnits(PageRequest.first(10)))
        .isEqualTo(directory.allUnits(PageRequest.first(10)));
    failing
        .failNext(FailingDirectory.Operation.SEARCH_MEMBERS, 1)
        .failNext(FailingDirectory.Operation.ALL_UNITS, 1);
    assertThatThrownBy(() -> failing.searchMembers(UnitId.of("north"), "al", PageRequest.first(10)))
        .isInstanceOf(ProviderFailureException.class);
    assertThatThrownBy(() -> failing.allUnits(PageRequest.first(10)))
        .isInstanceOf(ProviderFailureException.class);
    assertThat(failing.searchMembers(UnitId.of("north"), "al", PageRequest.first(10)))
        .isEqualTo(directory.searchMembers(UnitId.of("north"), "al", PageRequest.first(10)));
    assertThat(FailingDirectory.Operation.SEARCH_MEMBERS.isWrite()).isFalse();
    assertThat(FailingDirectory.Operation.ALL_UNITS.isWrite()).isFalse();
    assertThat(FailingDirectory.Operation.ACKNOWLEDGE_AUDIT_EVENTS.isWrite()).isTrue();
  }
}
