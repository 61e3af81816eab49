package io.mystaff.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.ProviderFailureException;
import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.authz.BuiltInRole;
import io.mystaff.api.directory.User;
import io.mystaff.api.password.Secret;
import io.mystaff.api.password.WritebackResult;
import io.mystaff.api.password.WritebackStatus;
import io.mystaff.core.PasswordResetResult;
import io.mystaff.testkit.fixtures.Fixtures;
import io.mystaff.testkit.fixtures.Tenant;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A COMMIT whose reply is lost after the server applied it, through {@link io.mystaff.core.MyStaff}
 * on PostgreSQL: the change is reported as made, with its one SUCCEEDED event and no FAILED one; if
 * even the outcome cannot be learnt, the failure says so and no FAILED event claims that nothing
 * happened.
 */
class LostCommitReplyTest {
  private static final UserId ANN = UserId.of("ann");
  private static final UserId SAM = UserId.of("sam");

  private static Tenant tenant() {
    return Fixtures.tenant()
        .unit("store-1", "Store 1")
        .cloudUser("ann", u -> u.in("store-1"))
        .syncedUser("sam", "sam", u -> u.in("store-1"))
        .admin("mgr", BuiltInRole.HELPDESK_ADMINISTRATOR, "store-1")
        .admin("mgr", BuiltInRole.AUTHENTICATION_ADMINISTRATOR, "store-1")
        .build();
  }

  private static Node node() {
    Tenant tenant = tenant();
    String name = TestDatabase.freshName("lost-reply");
    TestDatabase.seed(TestDatabase.directory(TestDatabase.dataSource(), name), tenant);
    List<User> synced = tenant.users().stream().filter(User::isSynced).toList();
    return new Node(name, synced, Duration.ofMinutes(1), Runnable::run);
  }

  @Test
  void cloudReset_commitAppliedButItsReplyLost_passwordSetWithOneSucceededEvent() {
    try (Node node = node()) {
      long before = node.directory.findUser(ANN).orElseThrow().version();
      node.directoryFaults.loseCommitReply("UPDATE mystaff_user", "08006", 1);

      PasswordResetResult result = node.signIn("mgr").resetPassword(ANN);

      assertThat(result).isInstanceOf(PasswordResetResult.TemporaryPassword.class);
      assertThat(node.directoryFaults.injected).as("commits whose reply was lost").hasValue(1);
      node.myStaff.flushAudit();
      assertThat(node.sink.find(AuditQuery.all().correlationId(result.correlationId())))
          .extracting(AuditEvent::outcome)
          .containsExactly(AuditOutcome.SUCCEEDED);
      assertThat(node.directory.findUser(ANN).orElseThrow().version()).isGreaterThan(before);
    }
  }

  @Test
  void cloudReset_replyLostAndOutcomeUnreadable_outcomeUnknownWithoutAFailedEvent() {
    try (Node node = node()) {
      long before = node.directory.findUser(ANN).orElseThrow().version();
      node.directoryFaults.loseCommitReply("UPDATE mystaff_user", "08006", 1);
      node.directoryFaults.failNext("pg_xact_status", "08006", 2);

      assertThatThrownBy(() -> node.signIn("mgr").resetPassword(ANN))
          .isInstanceOfSatisfying(
              ProviderFailureException.class, e -> assertThat(e.isOutcomeUnknown()).isTrue());

      node.myStaff.flushAudit();
      assertThat(node.sink.find(AuditQuery.all().target(ANN.value())))
          .filteredOn(e -> e.activity() == AuditActivity.RESET_PASSWORD)
          .extracting(AuditEvent::outcome)
          .as("the reset committed: its SUCCEEDED event, and no FAILED one")
          .containsExactly(AuditOutcome.SUCCEEDED);
      assertThat(node.directory.findUser(ANN).orElseThrow().version()).isGreaterThan(before);
    }
  }

  @Test
  void syncedReset_journalSubmissionReplyLost_writebackGoesOnAndSucceedsOnce() throws Exception {
    try (Node node = node()) {
      node.journalFaults.loseCommitReply("INSERT INTO mystaff_writeback", "08006", 1);

      PasswordResetResult result =
          node.signIn("mgr").resetPassword(SAM, Secret.of("Correct-Horse-42"));

      assertThat(result).isInstanceOf(PasswordResetResult.WritebackPending.class);
      CorrelationId id = result.correlationId();
      WritebackResult ended =
          ((PasswordResetResult.WritebackPending) result)
              .writeback()
              .completion()
              .toCompletableFuture()
              .get(20, TimeUnit.SECONDS);
      assertThat(ended.isSuccess()).isTrue();
      assertThat(node.journalFaults.injected).hasValue(1);
      node.myStaff.flushAudit();
      assertThat(node.sink.find(AuditQuery.all().correlationId(id)))
          .extracting(AuditEvent::outcome)
          .containsExactly(AuditOutcome.PENDING, AuditOutcome.SUCCEEDED);
      assertThat(node.journal.status(id)).isEqualTo(WritebackStatus.SUCCEEDED);
    }
  }

  @Test
  void syncedReset_journalEndReplyLost_endedOnceAsSucceeded() throws Exception {
    try (Node node = node()) {
      node.journalFaults.loseCommitReply("SET state = 'ENDED'", "08006", 1);

      PasswordResetResult result =
          node.signIn("mgr").resetPassword(SAM, Secret.of("Correct-Horse-42"));
      CorrelationId id = result.correlationId();
      ((PasswordResetResult.WritebackPending) result)
          .writeback()
          .completion()
          .toCompletableFuture()
          .get(20, TimeUnit.SECONDS);

      assertThat(node.journalFaults.injected).hasValue(1);
      node.myStaff.flushAudit();
      assertThat(node.sink.find(AuditQuery.all().correlationId(id)))
          .extracting(AuditEvent::outcome)
          .containsExactly(AuditOutcome.PENDING, AuditOutcome.SUCCEEDED);
      assertThat(node.journal.status(id)).isEqualTo(WritebackStatus.SUCCEEDED);
      assertThat(node.journal.running()).isEmpty();
    }
  }
}
