package io.mystaff.postgres;

import static io.mystaff.api.directory.PhoneType.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.ProviderFailureException;
import io.mystaff.api.StaleVersionException;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.User;
import io.mystaff.api.password.Secret;
import io.mystaff.testkit.fixtures.Fixtures;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Database faults at chosen statements: each becomes a typed error or a transparent retry, and a
 * write that fails leaves nothing half-written (no user change without its event, no event without
 * its change, no user without its search terms).
 */
class FaultInjectionTest {
  private static final UserId BOB = UserId.of("bob");
  private FaultyDataSource faults;
  private PostgresDirectory directory;

  @BeforeEach
  void seed() {
    faults = new FaultyDataSource(TestDatabase.dataSource());
    directory = TestDatabase.directory(faults, TestDatabase.freshName("faults"));
    TestDatabase.seed(
        directory,
        Fixtures.tenant()
            .unit("store-1", "Store 1")
            .cloudUser("bob", u -> u.displayName("Bob Stone").in("store-1"))
            .build());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT " + Rows.USER_COLUMNS,
        "UPDATE mystaff_user",
        "INSERT INTO mystaff_outbox"
      })
  void setPhone_connectionLostAtAnyStatement_providerFailureAndNothingWritten(String statement) {
    User before = bob();
    faults.failNext(statement, "08006", 1);
    assertThatThrownBy(() -> setPhone(before.version(), "e1"))
        .isInstanceOf(ProviderFailureException.class)
        .hasMessageContaining("08006");
    assertThat(faults.injected).hasValue(1);
    assertThat(bob()).as("bob after the failed write").isEqualTo(before);
    assertThat(directory.pendingAuditEvents(10)).as("outbox after the failed write").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"40001", "40P01"})
  void setPhone_serializationFailureOrDeadlock_retriedOnceAndAppliedOnce(String state) {
    User before = bob();
    faults.failNext("UPDATE mystaff_user", state, 1);
    User after = setPhone(before.version(), "e1");
    assertThat(faults.injected).hasValue(1);
    assertThat(after.version()).isGreaterThan(before.version());
    assertThat(bob()).isEqualTo(after);
    assertThat(directory.pendingAuditEvents(10)).extracting(e -> e.id()).containsExactly("e1");
  }

  @Test
  void setPhone_serializationFailureAfterTheConditionRan_notRepeated() {
    User before = bob();
    AtomicInteger verified = new AtomicInteger();
    faults.failNext("INSERT INTO mystaff_outbox", "40001", 1);
    assertThatThrownBy(
            () ->
                directory.setPhone(
                    BOB,
                    before.version(),
                    OFFICE,
                    Optional.of(PhoneNumber.of("+14255550100")),
                    event("e1"),
                    current -> verified.incrementAndGet()))
        .isInstanceOf(ProviderFailureException.class);
    assertThat(verified).as("times the condition ran").hasValue(1);
    assertThat(bob()).isEqualTo(before);
    assertThat(directory.pendingAuditEvents(10)).isEmpty();
  }

  @Test
  void setPhone_serializationFailureBeforeTheCondition_retriedAndConditionRunsOnce() {
    User before = bob();
    AtomicInteger verified = new AtomicInteger();
    faults.failNext("pg_advisory_xact_lock_shared", "40001", 2);
    User after =
        directory.setPhone(
            BOB,
            before.version(),
            OFFICE,
            Optional.of(PhoneNumber.of("+14255550100")),
            event("e1"),
            current -> verified.incrementAndGet());
    assertThat(faults.injected).hasValue(2);
    assertThat(verified).hasValue(1);
    assertThat(after.phone(OFFICE)).contains(PhoneNumber.of("+14255550100"));
  }

  @Test
  void setPassword_connectionLostAtCommitStatements_noHashStoredNoEvent() {
    User before = bob();
    faults.failNext("INSERT INTO mystaff_outbox", "08006", 1);
    assertThatThrownBy(
            () ->
                directory.setPassword(
                    BOB, before.version(), Secret.of("Correct-Horse-42"), true, event("e1")))
        .isInstanceOf(ProviderFailureException.class)
        .satisfies(e -> assertThat(e.toString()).doesNotContain("Correct-Horse-42"));
    assertThat(directory.verifyPassword(BOB, Secret.of("Correct-Horse-42"))).isFalse();
    assertThat(bob()).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(strings = {"08006", "08003", "57P01", ""})
  void setPhone_commitAppliedButItsReplyLost_returnsTheCommittedUserOnce(String state) {
    User before = bob();
    faults.loseCommitReply("UPDATE mystaff_user", state.isEmpty() ? null : state, 1);
    User after = setPhone(before.version(), "e1");
    assertThat(faults.injected).as("commits whose reply was lost").hasValue(1);
    assertThat(after.version()).isGreaterThan(before.version());
    assertThat(bob()).as("bob as committed").isEqualTo(after);
    assertThat(directory.pendingAuditEvents(10)).extracting(e -> e.id()).containsExactly("e1");
  }

  @Test
  void setPhone_commitNeverReachedTheServer_providerFailureAndNothingWritten() {
    User before = bob();
    faults.failCommitUnsent("UPDATE mystaff_user", "08006", 1);
    assertThatThrownBy(() -> setPhone(before.version(), "e1"))
        .isInstanceOfSatisfying(
            ProviderFailureException.class,
            e -> assertThat(e.isOutcomeUnknown()).as("outcome unknown").isFalse())
        .hasMessageContaining("08006");
    assertThat(faults.injected).hasValue(1);
    assertThat(bob()).isEqualTo(before);
    assertThat(directory.pendingAuditEvents(10)).isEmpty();
  }

  @Test
  void setPhone_commitReplyLostAndTheServerUnreachable_outcomeUnknownNotAFailure() {
    User before = bob();
    faults.loseCommitReply("UPDATE mystaff_user", "08006", 1);
    faults.failNext("pg_xact_status", "08006", 2); // the read of the outcome, and its retry
    assertThatThrownBy(() -> setPhone(before.version(), "e1"))
        .isInstanceOfSatisfying(
            ProviderFailureException.class,
            e -> {
              assertThat(e.isOutcomeUnknown()).as("outcome unknown").isTrue();
              assertThat(e.getMessage()).contains("may have committed", "08006");
            });
    assertThat(faults.injected).hasValue(3);
    assertThat(bob().version()).as("it did commit").isGreaterThan(before.version());
    assertThat(directory.pendingAuditEvents(10)).extracting(e -> e.id()).containsExactly("e1");
  }

  @Test
  void setPassword_commitReplyLost_passwordSetAndNoFailure() {
    User before = bob();
    faults.loseCommitReply("UPDATE mystaff_user", "08006", 1);
    User after =
        directory.setPassword(
            BOB, before.version(), Secret.of("Correct-Horse-42"), true, event("e1"));
    assertThat(faults.injected).hasValue(1);
    assertThat(directory.verifyPassword(BOB, Secret.of("Correct-Horse-42"))).isTrue();
    assertThat(bob()).isEqualTo(after);
  }

  @Test
  void bulkLoad_commitReplyLost_theLoadCommittedAndCommitReturns() {
    User ann =
        User.builder()
            .id(UserId.of("ann"))
            .userPrincipalName("ann@contoso.example")
            .displayName("Ann Lee")
            .build();
    faults.loseCommitReply("setval('mystaff_version_seq'", "08006", 1);
    try (PostgresBulkLoad load = directory.bulkLoad()) {
      load.user(ann);
      load.commit();
    }
    assertThat(faults.injected).hasValue(1);
    assertThat(directory.findUser(ann.id())).contains(ann);
  }

  @Test
  void putUser_failureWhileIndexing_userNotCreatedAndNotFound() {
    faults.failNext("INSERT INTO mystaff_user_term", "08006", 1);
    User ann =
        User.builder()
            .id(UserId.of("ann"))
            .userPrincipalName("ann@contoso.example")
            .displayName("Ann Lee")
            .build();
    assertThatThrownBy(() -> directory.putUser(ann)).isInstanceOf(ProviderFailureException.class);
    assertThat(directory.findUser(ann.id())).isEmpty();
    assertThat(directory.searchUsers("ann", io.mystaff.api.PageRequest.first(10)).items())
        .isEmpty();
  }

  @Test
  void putUnit_failureWhileMaterialisingARule_unitAndMembersUnchanged() {
    faults.failNext("INSERT INTO mystaff_member", "08006", 1);
    AdministrativeUnit sales =
        AdministrativeUnit.dynamic(
            UnitId.of("sales"), "Sales", "user.displayName -startsWith \"Bob\"");
    assertThatThrownBy(() -> directory.putUnit(sales)).isInstanceOf(ProviderFailureException.class);
    assertThat(directory.findUnit(sales.id())).isEmpty();
    assertThat(directory.unitsOf(BOB)).containsExactly(UnitId.of("store-1"));
  }

  @Test
  void reads_connectionLostOnce_retriedOnAFreshConnection() {
    faults.failNext("SELECT " + Rows.USER_COLUMNS, "08006", 1);
    assertThat(directory.findUser(BOB)).isPresent();
    assertThat(faults.injected).hasValue(1);
  }

  @Test
  void putUser_principalNameOfAnotherUser_invalidInputWithoutTheValue() {
    User clash =
        User.builder()
            .id(UserId.of("bob-2"))
            .userPrincipalName(bob().userPrincipalName().toUpperCase(java.util.Locale.ROOT))
            .displayName("Other Bob")
            .build();
    assertThatThrownBy(() -> directory.putUser(clash))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e -> assertThat(e.getMessage()).doesNotContainIgnoringCase(bob().userPrincipalName()));
    assertThat(directory.findUser(clash.id())).isEmpty();
  }

  @Test
  void setPhone_staleVersion_typedAndNothingWritten() {
    User before = bob();
    setPhone(before.version(), "e1");
    assertThatThrownBy(() -> setPhone(before.version(), "e2"))
        .isInstanceOf(StaleVersionException.class);
    assertThat(directory.pendingAuditEvents(10)).extracting(e -> e.id()).containsExactly("e1");
  }

  private User setPhone(long version, String eventId) {
    return directory.setPhone(
        BOB, version, OFFICE, Optional.of(PhoneNumber.of("+14255550100")), event(eventId));
  }

  private User bob() {
    return directory.findUser(BOB).orElseThrow();
  }

  private static io.mystaff.api.audit.AuditEvent event(String id) {
    return PostgresAuditSinkTest.event(id, Instant.parse("2026-12-01T10:00:00Z"), "mgr", "bob", id);
  }
}
