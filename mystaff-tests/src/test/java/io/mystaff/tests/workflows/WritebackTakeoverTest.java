package io.mystaff.tests.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.UserId;
import io.mystaff.api.access.SignInContext;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.password.Secret;
import io.mystaff.api.password.WritebackStatus;
import io.mystaff.core.MyStaff;
import io.mystaff.core.MyStaffSettings;
import io.mystaff.core.PasswordResetResult;
import io.mystaff.inmemory.InMemoryAuditLog;
import io.mystaff.inmemory.InMemoryDirectory;
import io.mystaff.inmemory.InMemoryWritebackJournal;
import io.mystaff.spi.WritebackJournal;
import io.mystaff.testkit.fakes.MutableClock;
import io.mystaff.testkit.fakes.ScriptableWriteback;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A {@link MyStaff} with a durable journal ends, on its own, the writebacks another node started
 * and could not finish: no host code has to schedule {@link WritebackJournal#takeOverExpired}.
 */
class WritebackTakeoverTest {
  private static final UserId CARL = UserId.of("carl");

  private final InMemoryDirectory directory = Harness.directoryOf(StoreChain.fixture().build());
  private final InMemoryAuditLog log = new InMemoryAuditLog();
  private final MutableClock clock = MutableClock.at(StoreChain.T0);
  private final ScriptableWriteback writeback = ScriptableWriteback.synchronous();

  private MyStaff node(WritebackJournal journal, Duration takeoverInterval) {
    return MyStaff.builder()
        .directory(directory)
        .directoryWriter(directory)
        .auditSink(log)
        .passwordWriteback(writeback)
        .clock(clock)
        .settings(MyStaffSettings.builder().writebackDeadline(Duration.ofMinutes(10)).build())
        .auditRelay(Runnable::run)
        .writebackJournal(journal)
        .writebackTakeoverInterval(takeoverInterval)
        .build();
  }

  @Test
  void writebackWhoseLeaseExpired_isEndedByAnotherInstancesOwnTakeover() throws Exception {
    InMemoryWritebackJournal store = InMemoryWritebackJournal.create(directory, clock);
    writeback.defaultOutcome(ScriptableWriteback.Outcome.hang());
    try (MyStaff stalled = node(store, Duration.ZERO);
        MyStaff other = node(store.sharingStore(), Duration.ofMillis(10))) {
      PasswordResetResult started =
          stalled
              .signIn(SignInContext.of(UserId.of("nina"), true))
              .resetPassword(CARL, Secret.of("Winter-Orchard-42"));
      CorrelationId id = started.correlationId();
      Thread.sleep(100);
      assertThat(store.status(id).isTerminal()).as("ended within its lease").isFalse();

      clock.advance(Duration.ofMinutes(11)); // the stalled node's lease (its deadline) is over
      long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (log.byCorrelationId(id).size() < 2 && System.nanoTime() - until < 0) {
        Thread.sleep(10);
      }

      assertThat(store.status(id)).isEqualTo(WritebackStatus.FAILED);
      assertThat(log.byCorrelationId(id))
          .extracting(AuditEvent::outcome)
          .as("the takeover's final event, relayed by the instance that took over")
          .containsExactly(AuditOutcome.PENDING, AuditOutcome.FAILED);
      assertThat(other.takeOverExpiredWritebacks()).as("nothing left to take over").isEmpty();
      writeback.release(id);
    }
  }

  @Test
  void intervalZero_runsNoTakeover_theHostCallsIt() throws Exception {
    InMemoryWritebackJournal store = InMemoryWritebackJournal.create(directory, clock);
    writeback.defaultOutcome(ScriptableWriteback.Outcome.hang());
    try (MyStaff stalled = node(store, Duration.ZERO);
        MyStaff other = node(store.sharingStore(), Duration.ZERO)) {
      CorrelationId id =
          stalled
              .signIn(SignInContext.of(UserId.of("nina"), true))
              .resetPassword(CARL, Secret.of("Winter-Orchard-42"))
              .correlationId();
      clock.advance(Duration.ofMinutes(11));
      Thread.sleep(100);
      assertThat(store.status(id).isTerminal()).as("ended with nobody taking it over").isFalse();

      assertThat(other.takeOverExpiredWritebacks()).containsExactly(id);
      assertThat(log.byCorrelationId(id))
          .extracting(AuditEvent::outcome)
          .containsExactly(AuditOutcome.PENDING, AuditOutcome.FAILED);
      writeback.release(id);
    }
  }

  @Test
  void defaultJournal_startsNoTakeoverThread_andTakesNothingOver() {
    long before = takeoverThreads();
    try (MyStaff plain = node(WritebackJournal.none(), Duration.ofMillis(10))) {
      assertThat(takeoverThreads()).isEqualTo(before);
      assertThat(plain.takeOverExpiredWritebacks()).isEqualTo(List.of());
    }
    MyStaff durable =
        node(InMemoryWritebackJournal.create(directory, clock), Duration.ofMillis(10));
    try {
      assertThat(takeoverThreads())
          .as("a durable journal's instance runs one")
          .isEqualTo(before + 1);
    } finally {
      durable.close();
    }
  }

  private static long takeoverThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().equals("mystaff-writeback-takeover"))
        .count();
  }

  @Test
  void negativeInterval_isRejected_closedInstance_refusesTakeover() {
    assertThatThrownBy(() -> MyStaff.builder().writebackTakeoverInterval(Duration.ofSeconds(-1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("writebackTakeoverInterval");
    MyStaff closed = node(InMemoryWritebackJournal.create(directory, clock), Duration.ofSeconds(5));
    closed.close();
    assertThatThrownBy(closed::takeOverExpiredWritebacks).isInstanceOf(IllegalStateException.class);
  }
}
