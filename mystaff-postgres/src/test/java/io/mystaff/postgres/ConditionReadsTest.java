package io.mystaff.postgres;

import static io.mystaff.api.directory.PhoneType.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.authz.BuiltInRole;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.RoleCatalog;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.User;
import io.mystaff.spi.Directory;
import io.mystaff.testkit.fixtures.Fixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a commit condition reads inside a write's transaction, where the directory serves the locked
 * user from its row and a manager's assignments and the role catalog from the read of the manager:
 * the same values separate reads return, including changes committed just before the write.
 */
class ConditionReadsTest {
  private static final UserId BOB = UserId.of("bob");
  private static final UserId MGR = UserId.of("mgr");
  private PostgresDirectory directory;

  @BeforeEach
  void seed() {
    directory =
        TestDatabase.seeded(
            Fixtures.tenant()
                .unit("store-1", "Store 1")
                .cloudUser("bob", u -> u.in("store-1"))
                .admin("mgr", BuiltInRole.AUTHENTICATION_ADMINISTRATOR, "store-1")
                .admin("mgr", BuiltInRole.HELPDESK_ADMINISTRATOR, "store-1")
                .build());
  }

  /** What one condition saw: the target, the manager, the manager's assignments, the roles. */
  private record Seen(
      Optional<User> target,
      Optional<User> manager,
      List<RoleAssignment> assignments,
      RoleCatalog roles) {}

  private Seen write(User bob) {
    List<Seen> seen = new ArrayList<>();
    directory.setPhone(
        BOB,
        bob.version(),
        OFFICE,
        Optional.of(PhoneNumber.of("+14255550100")),
        PostgresAuditSinkTest.event("e-" + bob.version(), Instant.EPOCH, "mgr", "bob", "c"),
        current ->
            seen.add(
                new Seen(
                    current.findUser(BOB),
                    current.findUser(MGR),
                    current.assignmentsOf(MGR),
                    current.roles())));
    return seen.get(0);
  }

  @Test
  void condition_readsTheSameAsSeparateReads() {
    User bob = directory.findUser(BOB).orElseThrow();
    Seen seen = write(bob);
    assertThat(seen.target()).as("the locked target, as it was before the write").contains(bob);
    assertThat(seen.manager()).isEqualTo(directory.findUser(MGR));
    assertThat(seen.assignments()).isEqualTo(directory.assignmentsOf(MGR)).hasSize(2);
    assertThat(seen.roles()).isEqualTo(directory.roles());
  }

  @Test
  void condition_seesAnAssignmentRemovedJustBeforeTheWrite() {
    List<RoleAssignment> before = directory.assignmentsOf(MGR);
    directory.removeAssignment(before.get(0).id());
    Seen seen = write(directory.findUser(BOB).orElseThrow());
    assertThat(seen.assignments()).isEqualTo(before.subList(1, 2));
  }

  @Test
  void condition_unknownManager_emptyWithNoAssignments() {
    List<Optional<User>> found = new ArrayList<>();
    List<List<RoleAssignment>> assignments = new ArrayList<>();
    User bob = directory.findUser(BOB).orElseThrow();
    directory.setPhone(
        BOB,
        bob.version(),
        OFFICE,
        Optional.empty(),
        PostgresAuditSinkTest.event("e1", Instant.EPOCH, "nobody", "bob", "c"),
        current -> {
          found.add(current.findUser(UserId.of("nobody")));
          assignments.add(current.assignmentsOf(UserId.of("nobody")));
        });
    assertThat(found).containsExactly(Optional.empty());
    assertThat(assignments).containsExactly(List.of());
  }

  /** Bob joins a new restricted unit, store-2. */
  private UnitId joinRestrictedUnit() {
    UnitId joined = UnitId.of("store-2");
    directory.putUnit(
        AdministrativeUnit.assigned(joined, "Store 2").withRestrictedManagement(true));
    directory.addMember(joined, BOB);
    return joined;
  }

  /** What {@code reads} returns inside a phone edit of Bob's by the manager. */
  private List<Object> inCondition(Function<Directory, List<Object>> reads) {
    User bob = directory.findUser(BOB).orElseThrow();
    List<Object> seen = new ArrayList<>();
    directory.setPhone(
        BOB,
        bob.version(),
        OFFICE,
        Optional.empty(),
        PostgresAuditSinkTest.event("e1", Instant.EPOCH, "mgr", "bob", "c"),
        current -> seen.addAll(reads.apply(current)));
    return seen;
  }

  @Test
  void condition_readsTheTargetsFactsAndUnitsAsSeparateReads_includingAUnitJustJoined() {
    UnitId joined = joinRestrictedUnit();
    UnitId none = UnitId.of("no-such-unit");
    List<Object> seen =
        inCondition(
            current ->
                List.of(
                    current.userFactsOf(List.of(BOB, MGR)),
                    current.findUnit(joined),
                    current.findUnit(none),
                    current.findUnits(List.of(joined, none))));
    assertThat(seen)
        .containsExactly(
            directory.userFactsOf(List.of(BOB, MGR)),
            directory.findUnit(joined),
            Optional.empty(),
            directory.findUnits(List.of(joined, none)));
    assertThat(directory.userFactsOf(List.of(BOB)).get(BOB).units()).contains(joined);
    assertThat(directory.findUnit(joined).orElseThrow().restrictedManagement()).isTrue();
  }

  @Test
  void condition_readsTheLockedUsersFactsAlone_servedFromTheReadAhead_asSeparateReads() {
    UnitId joined = joinRestrictedUnit();
    UnitId store1 = UnitId.of("store-1");
    List<Object> seen =
        inCondition(
            current ->
                List.of(
                    current.userFactsOf(List.of(BOB)),
                    current.findUnits(List.of(joined, store1)),
                    current.findUnit(UnitId.of("no-such-unit"))));
    assertThat(seen)
        .containsExactly(
            directory.userFactsOf(List.of(BOB)),
            directory.findUnits(List.of(joined, store1)),
            Optional.empty());
  }

  @Test
  void condition_readsAUserOtherThanTheInitiator_readAfreshAsSeparateReads() {
    UserId other = UserId.of("other");
    directory.putUser(
        User.builder()
            .id(other)
            .userPrincipalName("other@contoso.example")
            .displayName("Other")
            .build());
    List<Object> seen =
        inCondition(
            current ->
                List.of(
                    current.findUser(other),
                    current.assignmentsOf(other),
                    current.findUser(MGR),
                    current.assignmentsOf(MGR),
                    current.userFactsOf(List.of(MGR))));
    assertThat(seen)
        .containsExactly(
            directory.findUser(other),
            List.of(),
            directory.findUser(MGR),
            directory.assignmentsOf(MGR),
            directory.userFactsOf(List.of(MGR)));
  }
}
