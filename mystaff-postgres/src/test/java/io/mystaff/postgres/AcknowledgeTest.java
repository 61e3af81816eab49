package io.mystaff.postgres;

import static io.mystaff.api.directory.PhoneType.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.User;
import io.mystaff.spi.CommitCondition;
import io.mystaff.testkit.fixtures.Fixtures;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link PostgresDirectory#acknowledgeAuditEvents} commits without waiting for its WAL flush, for
 * its own transaction only: the pooled connection keeps its session's {@code synchronous_commit},
 * and exactly the named events leave the outbox, one or many.
 */
class AcknowledgeTest {
  private static String synchronousCommit(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW synchronous_commit")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static void edit(PostgresDirectory d, UserId user, String eventId, int n) {
    User current = d.findUser(user).orElseThrow();
    d.setPhone(
        user,
        current.version(),
        OFFICE,
        Optional.of(PhoneNumber.of("+142555501" + n)),
        PostgresAuditSinkTest.event(eventId, Instant.EPOCH, "mgr", user.value(), "c" + n),
        CommitCondition.none());
  }

  @Test
  void acknowledge_removesExactlyTheNamedEvents_andLeavesTheSessionsSettingAlone()
      throws SQLException {
    TestDatabase.dataSource(); // migrates the schema
    try (HikariDataSource pool = TestDatabase.newPool(1)) {
      PostgresDirectory d = TestDatabase.directory(pool, TestDatabase.freshName("ack"));
      TestDatabase.seed(d, Fixtures.tenant().cloudUser("ann", u -> {}).build());
      try (Connection c = pool.getConnection();
          Statement s = c.createStatement()) {
        s.execute("SET synchronous_commit = remote_apply");
      }
      UserId ann = UserId.of("ann");
      for (int i = 0; i < 4; i++) {
        edit(d, ann, "e" + i, 10 + i);
      }
      d.acknowledgeAuditEvents(List.of("e1"));
      assertThat(d.pendingAuditEvents(10))
          .extracting(AuditEvent::id)
          .containsExactly("e0", "e2", "e3");
      d.acknowledgeAuditEvents(List.of("e0", "e3", "unknown"));
      assertThat(d.pendingAuditEvents(10)).extracting(AuditEvent::id).containsExactly("e2");
      d.acknowledgeAuditEvents(List.of("e1"));
      assertThat(d.pendingAuditEvents(10)).extracting(AuditEvent::id).containsExactly("e2");
      try (Connection c = pool.getConnection()) {
        assertThat(synchronousCommit(c))
            .as("the pooled connection's own setting after the acknowledgements")
            .isEqualTo("remote_apply");
      }
    }
  }
}
