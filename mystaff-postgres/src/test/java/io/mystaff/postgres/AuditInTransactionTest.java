package io.mystaff.postgres;

import static io.mystaff.api.directory.PhoneType.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.ProviderFailureException;
import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.User;
import io.mystaff.testkit.fixtures.Fixtures;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A directory built with {@link PostgresDirectory.Builder#recordAuditIn}: each write stores its
 * event in the audit log in its own transaction, exactly once, and never without its change (nor
 * the change without it); nothing goes through the outbox.
 */
class AuditInTransactionTest {
  private static final UserId BOB = UserId.of("bob");
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private FaultyDataSource faults;
  private PostgresAuditSink sink;
  private PostgresDirectory directory;

  @BeforeEach
  void seed() {
    String name = TestDatabase.freshName("intx");
    TestDatabase.seed(
        TestDatabase.directory(TestDatabase.dataSource(), name),
        Fixtures.tenant()
            .unit("store-1", "Store 1")
            .cloudUser("bob", u -> u.displayName("Bob Stone").in("store-1"))
            .build());
    faults = new FaultyDataSource(TestDatabase.dataSource());
    sink = PostgresAuditSink.create(faults, name);
    directory =
        PostgresDirectory.builder()
            .dataSource(faults)
            .name(name)
            .migrateSchema(false)
            .passwordHashIterations(1_000)
            .recordAuditIn(sink)
            .build();
  }

  @Test
  void setPhone_eventStoredInTheAuditLogWithTheChange_outboxStaysEmpty() {
    User before = bob();
    AuditEvent e1 = event("e1");
    User after = setPhone(before.version(), e1);
    assertThat(bob()).isEqualTo(after);
    assertThat(sink.find(AuditQuery.all())).containsExactly(e1);
    assertThat(directory.pendingAuditEvents(10)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"SELECT " + Rows.USER_COLUMNS, "INSERT INTO mystaff_audit"})
  void setPhone_connectionLostAtAnyStatement_neitherTheChangeNorItsEvent(String statement) {
    User before = bob();
    faults.failNext(statement, "08006", 1);
    assertThatThrownBy(() -> setPhone(before.version(), event("e1")))
        .isInstanceOf(ProviderFailureException.class);
    assertThat(faults.injected).hasValue(1);
    assertThat(bob()).isEqualTo(before);
    assertThat(sink.find(AuditQuery.all())).isEmpty();
  }

  @Test
  void setPhone_commitNeverReachedTheServer_neitherTheChangeNorItsEvent() {
    User before = bob();
    faults.failCommitUnsent("INSERT INTO mystaff_audit", "08006", 1);
    assertThatThrownBy(() -> setPhone(before.version(), event("e1")))
        .isInstanceOf(ProviderFailureException.class);
    assertThat(bob()).isEqualTo(before);
    assertThat(sink.find(AuditQuery.all())).isEmpty();
  }

  @Test
  void setPhone_commitReplyLost_theCommittedUserAndItsEventOnce() {
    User before = bob();
    AuditEvent e1 = event("e1");
    faults.loseCommitReply("INSERT INTO mystaff_audit", "08006", 1);
    User after = setPhone(before.version(), e1);
    assertThat(faults.injected).hasValue(1);
    assertThat(bob()).isEqualTo(after);
    assertThat(sink.find(AuditQuery.all())).containsExactly(e1);
  }

  @Test
  void setPhone_eventIdAlreadyInTheLog_invalidInputAndNothingChanged() {
    User before = bob();
    AuditEvent recorded = event("e1");
    sink.record(recorded);
    AuditEvent reused = PostgresAuditSinkTest.event("e1", T0.plusSeconds(5), "mgr-2", "bob", "c9");
    assertThatThrownBy(() -> setPhone(before.version(), reused))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("already recorded");
    assertThat(bob()).isEqualTo(before);
    assertThat(sink.find(AuditQuery.all())).containsExactly(recorded);
  }

  @Test
  void appendAuditEvent_twice_storedOnceInTheLogAndNotInTheOutbox() {
    AuditEvent e1 = event("e1");
    directory.appendAuditEvent(e1);
    directory.appendAuditEvent(e1);
    assertThat(sink.find(AuditQuery.all())).containsExactly(e1);
    assertThat(directory.pendingAuditEvents(10)).isEmpty();
  }

  @Test
  void appendAuditEvent_connectionLost_sentAgainAndStoredOnce() {
    AuditEvent e1 = event("e1");
    faults.failNext("INSERT INTO mystaff_audit", "08006", 1);
    directory.appendAuditEvent(e1);
    assertThat(faults.injected).hasValue(1);
    assertThat(sink.find(AuditQuery.all())).containsExactly(e1);
  }

  @Test
  void build_sinkOverAnotherDataSource_invalidInput() {
    PostgresAuditSink elsewhere = PostgresAuditSink.create(TestDatabase.dataSource(), "log");
    PostgresDirectory.Builder builder =
        PostgresDirectory.builder()
            .dataSource(faults)
            .name(TestDatabase.freshName("intx"))
            .migrateSchema(false)
            .recordAuditIn(elsewhere);
    assertThatThrownBy(builder::build)
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("data source");
  }

  private User setPhone(long version, AuditEvent event) {
    return directory.setPhone(
        BOB, version, OFFICE, Optional.of(PhoneNumber.of("+14255550100")), event);
  }

  private User bob() {
    return directory.findUser(BOB).orElseThrow();
  }

  private static AuditEvent event(String id) {
    return PostgresAuditSinkTest.event(id, T0, "mgr", "bob", "c-" + id);
  }
}
