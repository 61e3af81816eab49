package io.mystaff.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.UserId;
import io.mystaff.api.access.SignInContext;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.authz.BuiltInRole;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.core.MyStaff;
import io.mystaff.core.MyStaffSettings;
import io.mystaff.core.RateLimit;
import io.mystaff.core.StaffSession;
import io.mystaff.testkit.fixtures.Fixtures;
import io.mystaff.testkit.fixtures.Tenant;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * What one phone edit costs the database, end to end through {@link MyStaff} with the audit relayed
 * on the calling thread: statements, round trips and commits (each a WAL flush), counted by {@link
 * CountingDataSource}. Deterministic, unlike the latency they bound (docs/performance.md, "Fourth
 * run").
 */
class PhoneEditRoundTripsTest {
  private static Tenant tenant() {
    return Fixtures.tenant()
        .unit("store-1", "Store 1")
        .cloudUser("ann", u -> u.in("store-1"))
        .admin("mgr", BuiltInRole.AUTHENTICATION_ADMINISTRATOR, "store-1")
        .build();
  }

  /** The round trips of the second of two edits (the first warms the session up), in order. */
  private static List<String> secondEdit(boolean auditInTransaction) {
    return second(
        auditInTransaction,
        (mgr, n) ->
            mgr.setPhone(UserId.of("ann"), PhoneType.OFFICE, "+1425555010" + n).correlationId());
  }

  /**
   * The round trips of the second of two calls of {@code change} (the first warms up), in order.
   */
  private static List<String> second(
      boolean auditInTransaction, BiFunction<StaffSession, Integer, CorrelationId> change) {
    String name = TestDatabase.freshName("trips");
    TestDatabase.seed(TestDatabase.directory(TestDatabase.dataSource(), name), tenant());
    CountingDataSource counting = new CountingDataSource(TestDatabase.dataSource());
    PostgresAuditSink sink = PostgresAuditSink.create(counting, name);
    PostgresDirectory.Builder builder =
        PostgresDirectory.builder()
            .dataSource(counting)
            .name(name)
            .migrateSchema(false)
            .passwordHashIterations(1_000);
    if (auditInTransaction) {
      builder.recordAuditIn(sink);
    }
    PostgresDirectory directory = builder.build();
    try (MyStaff myStaff =
        MyStaff.builder()
            .directory(directory)
            .directoryWriter(directory)
            .auditSink(sink)
            .auditRelay(Runnable::run)
            .settings(
                MyStaffSettings.builder()
                    .resetLimit(RateLimit.unlimited())
                    .phoneChangeLimit(RateLimit.unlimited())
                    .build())
            .build()) {
      StaffSession mgr = myStaff.signIn(SignInContext.of(UserId.of("mgr"), true));
      CorrelationId first = change.apply(mgr, 0);
      counting.reset();
      CorrelationId second = change.apply(mgr, 1);
      List<String> log = counting.log();
      assertThat(second).as("the second attempt's correlation id").isNotEqualTo(first);
      List<AuditEvent> stored = sink.find(AuditQuery.all().correlationId(second));
      assertThat(stored)
          .as("the edit's events in the audit log")
          .singleElement()
          .satisfies(e -> assertThat(e.outcome()).isEqualTo(AuditOutcome.SUCCEEDED));
      assertThat(directory.pendingAuditEvents(10)).as("outbox after the edit").isEmpty();
      return log;
    }
  }

  private static int toFirstCommit(List<String> log) {
    return log.indexOf("COMMIT") + 1;
  }

  private static long commits(List<String> log) {
    return log.stream()
        .filter(e -> e.equals("COMMIT") || e.endsWith(CountingDataSource.AUTO_COMMIT))
        .count();
  }

  @Test
  void phoneEdit_eventThroughTheOutbox_nineRoundTripsToCommitThreeMoreToRelay() {
    List<String> log = secondEdit(false);
    String shown = String.join("\n", log);
    // Before: 18 to the commit (advisory lock, row lock and pending check apart; the condition
    // read the locked user again, the manager's assignments, the role catalog and each of the
    // target's units apart; UPDATE and INSERT apart), then 7 in the relay (each transaction also
    // asked for its id).
    // Then 11: the commit condition's reads of the target's facts and of the manager were two more
    // round trips after the lock's; now they are sent with it.
    assertThat(toFirstCommit(log)).as("round trips to the write's commit:%n%s", shown).isEqualTo(9);
    assertThat(log.subList(toFirstCommit(log), log.size()))
        .as("the relay: read the outbox, record, acknowledge (each in auto-commit)")
        .hasSize(3)
        .allSatisfy(e -> assertThat(e).doesNotContain("pg_current_xact_id"));
    assertThat(commits(log)).as("commits:%n%s", shown).isEqualTo(3);
  }

  @Test
  void phoneEdit_eventInTheWritesTransaction_oneCommitAndNothingToRelay() {
    List<String> log = secondEdit(true);
    String shown = String.join("\n", log);
    assertThat(toFirstCommit(log)).as("round trips to the write's commit:%n%s", shown).isEqualTo(9);
    assertThat(log.subList(toFirstCommit(log), log.size()))
        .as("the relay finds the outbox empty")
        .singleElement()
        .asString()
        .startsWith("SELECT event FROM mystaff_outbox WHERE tenant = ? ORDER BY seq LIMIT ");
    assertThat(commits(log)).as("commits:%n%s", shown).isEqualTo(1);
  }

  @Test
  void cloudReset_eventInTheWritesTransaction_oneReadMoreThanAPhoneEditBeforeTheHash() {
    List<String> log =
        second(true, (mgr, n) -> mgr.resetPassword(UserId.of("ann")).correlationId());
    String shown = String.join("\n", log);
    // The writer reads the user once more before paying for the hash (fail fast).
    assertThat(toFirstCommit(log))
        .as("round trips to the write's commit:%n%s", shown)
        .isEqualTo(10);
    assertThat(commits(log)).as("commits:%n%s", shown).isEqualTo(1);
  }
}
