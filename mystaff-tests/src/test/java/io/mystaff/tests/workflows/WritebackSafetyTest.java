package io.mystaff.tests.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.ProviderFailureException;
import io.mystaff.api.UserId;
import io.mystaff.api.access.SignInContext;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.password.Secret;
import io.mystaff.api.password.WritebackFailure;
import io.mystaff.api.password.WritebackResult;
import io.mystaff.api.password.WritebackStatus;
import io.mystaff.core.MyStaff;
import io.mystaff.core.MyStaffSettings;
import io.mystaff.core.PasswordResetResult;
import io.mystaff.core.StaffSession;
import io.mystaff.core.WritebackHandle;
import io.mystaff.inmemory.InMemoryAuditLog;
import io.mystaff.inmemory.InMemoryDirectory;
import io.mystaff.spi.AuditSink;
import io.mystaff.spi.WritebackJournal;
import io.mystaff.testkit.fakes.MutableClock;
import io.mystaff.testkit.fakes.ScriptableWriteback;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A synced reset never hangs, never loses its final event and never starts against a writeback
 * known to be down.
 */
class WritebackSafetyTest {
  private static final UserId CARL = UserId.of("carl");
  private static final String CHOSEN = "Winter-Orchard-42";

  private final InMemoryDirectory directory = Harness.directoryOf(StoreChain.fixture().build());
  private final InMemoryAuditLog log = new InMemoryAuditLog();
  private final AtomicBoolean sinkDown = new AtomicBoolean();
  private final ScriptableWriteback writeback = ScriptableWriteback.synchronous();
  private MyStaff myStaff = wired(MyStaffSettings.defaults());

  private MyStaff wired(MyStaffSettings settings) {
    return wired(settings, WritebackJournal.none());
  }

  private MyStaff wired(MyStaffSettings settings, WritebackJournal journal) {
    AuditSink sink =
        event -> {
          if (sinkDown.get()) {
            throw new IllegalStateException("audit sink down");
          }
          log.record(event);
        };
    return MyStaff.builder()
        .directory(directory)
        .directoryWriter(directory)
        .auditSink(sink)
        .passwordWriteback(writeback)
        .clock(MutableClock.at(StoreChain.T0))
        .settings(settings)
        .auditRelay(Runnable::run)
        .writebackJournal(journal)
        .build();
  }

  @AfterEach
  void close() {
    myStaff.close();
  }

  private StaffSession nina() {
    return myStaff.signIn(SignInContext.of(UserId.of("nina"), true));
  }

  private static WritebackHandle pending(PasswordResetResult result) {
    assertThat(result).isInstanceOf(PasswordResetResult.WritebackPending.class);
    return ((PasswordResetResult.WritebackPending) result).writeback();
  }

  @Test
  void writebackPastItsDeadline_failsUnreachableWithItsFinalEvent_andAppliesNothingLater()
      throws Exception {
    myStaff.close();
    myStaff = wired(MyStaffSettings.builder().writebackDeadline(Duration.ofMillis(200)).build());
    writeback.defaultOutcome(ScriptableWriteback.Outcome.hang());

    WritebackHandle handle = pending(nina().resetPassword(CARL, Secret.of(CHOSEN)));
    WritebackResult result = handle.completion().toCompletableFuture().get(30, TimeUnit.SECONDS);

    assertThat(result.failure()).contains(WritebackFailure.UNREACHABLE);
    assertThat(handle.progress()).endsWith(WritebackStatus.FAILED);
    assertThat(log.byCorrelationId(handle.correlationId()))
        .extracting(AuditEvent::outcome)
        .containsExactly(AuditOutcome.PENDING, AuditOutcome.FAILED);
    assertThat(log.byCorrelationId(handle.correlationId()).get(1).resultReason())
        .contains("WRITEBACK_UNREACHABLE");

    writeback.release(handle.correlationId()); // the on-premises side wakes up after the deadline
    assertThat(writeback.historyOf(CARL).contains(Secret.of(CHOSEN)))
        .as("a writeback past its deadline no longer holds its precondition")
        .isFalse();
    assertThat(log.byCorrelationId(handle.correlationId())).as("still one final event").hasSize(2);
  }

  @Test
  void writebackKnownToBeDown_resetRefusedUpFront_auditedAndNothingSubmitted() {
    writeback.available(false);
    int before = log.size();

    assertThatThrownBy(() -> nina().resetPassword(CARL, Secret.of(CHOSEN)))
        .isInstanceOfSatisfying(
            ProviderFailureException.class,
            e -> assertThat(e.provider()).isEqualTo("password writeback"));

    assertThat(writeback.submissions()).isEmpty();
    List<AuditEvent> events = log.all().subList(before + 1, log.size()); // after nina's sign-in
    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.outcome()).isEqualTo(AuditOutcome.FAILED);
              assertThat(e.resultReason()).contains("WRITEBACK_UNREACHABLE");
            });
  }

  @Test
  void finalEventWhileTheSinkIsDown_keptInTheDurableOutbox_notInMemory() throws Exception {
    StaffSession nina = nina();
    writeback.defaultOutcome(ScriptableWriteback.Outcome.hang());
    WritebackHandle handle = pending(nina.resetPassword(CARL, Secret.of(CHOSEN)));
    sinkDown.set(true);
    writeback.release(handle.correlationId());
    handle.completion().toCompletableFuture().get(30, TimeUnit.SECONDS);

    assertThat(directory.pendingAuditEvents(10))
        .as("the final event waits in the directory's outbox")
        .singleElement()
        .satisfies(e -> assertThat(e.outcome()).isEqualTo(AuditOutcome.SUCCEEDED));

    sinkDown.set(false);
    myStaff.flushAudit();
    assertThat(log.byCorrelationId(handle.correlationId()))
        .extracting(AuditEvent::outcome)
        .containsExactly(AuditOutcome.PENDING, AuditOutcome.SUCCEEDED);
    assertThat(directory.pendingAuditEvents(10)).isEmpty();
  }

  @Test
  void statusListenerThrowingAnError_cannotStopCompletion() throws Exception {
    writeback.defaultOutcome(ScriptableWriteback.Outcome.hang());
    WritebackHandle handle = pending(nina().resetPassword(CARL, Secret.of(CHOSEN)));
    handle.onStatus(
        status -> {
          throw new StackOverflowError("a listener gone wrong");
        });

    writeback.release(handle.correlationId());

    assertThat(handle.completion().toCompletableFuture().get(30, TimeUnit.SECONDS).status())
        .isEqualTo(WritebackStatus.SUCCEEDED);
    assertThat(log.byCorrelationId(handle.correlationId())).hasSize(2);
  }

  @Test
  void passwordThatNeverExpires_writtenBackWithoutForcedChange() throws Exception {
    directory.putUser(
        directory.findUser(CARL).orElseThrow().toBuilder()
            .attribute("passwordPolicies", "DisablePasswordExpiration")
            .build());

    WritebackHandle handle = pending(nina().resetPassword(CARL, Secret.of(CHOSEN)));
    handle.completion().toCompletableFuture().get(30, TimeUnit.SECONDS);

    assertThat(writeback.submissions(CARL))
        .singleElement()
        .satisfies(s -> assertThat(s.forceChangeNextSignIn()).isFalse());
  }

  @Test
  void ordinaryPassword_writtenBackWithForcedChange() throws Exception {
    WritebackHandle handle = pending(nina().resetPassword(CARL, Secret.of(CHOSEN)));
    handle.completion().toCompletableFuture().get(30, TimeUnit.SECONDS);

    assertThat(writeback.submissions(CARL))
        .singleElement()
        .satisfies(s -> assertThat(s.forceChangeNextSignIn()).isTrue());
  }

  @Test
  void journalCannotRecordTheEnd_nodeStoresNoFinalEvent_theJournalEndsIt() throws Exception {
    List<AuditEvent> abandoned = new CopyOnWriteArrayList<>();
    myStaff.close();
    myStaff =
        wired(
            MyStaffSettings.defaults(),
            new WritebackJournal() {
              @Override
              public void submitted(AuditEvent pending, AuditEvent ifAbandoned, Duration lease) {
                abandoned.add(ifAbandoned);
              }

              @Override
              public boolean finished(AuditEvent finalEvent) {
                throw new ProviderFailureException("journal", "database down");
              }
            });

    WritebackHandle handle = pending(nina().resetPassword(CARL, Secret.of(CHOSEN)));
    WritebackResult result = handle.completion().toCompletableFuture().get(30, TimeUnit.SECONDS);

    assertThat(result.status()).isEqualTo(WritebackStatus.SUCCEEDED);
    assertThat(abandoned).as("journaled with a prepared final event").hasSize(1);
    assertThat(log.byCorrelationId(handle.correlationId()))
        .extracting(AuditEvent::outcome)
        .as("the journal, not this node, stores the final event (after the lease at the latest)")
        .containsExactly(AuditOutcome.PENDING);
    assertThat(directory.pendingAuditEvents(10)).isEmpty();
  }

  @Test
  void journalRefusesTheSubmission_endsWithThePreparedEvent_soATakeoverCannotAddAnother() {
    List<AuditEvent> abandoned = new CopyOnWriteArrayList<>();
    List<AuditEvent> ended = new CopyOnWriteArrayList<>();
    myStaff.close();
    myStaff =
        wired(
            MyStaffSettings.defaults(),
            new WritebackJournal() {
              @Override
              public void submitted(AuditEvent pending, AuditEvent ifAbandoned, Duration lease) {
                abandoned.add(ifAbandoned); // perhaps stored: the reply was lost
                throw new ProviderFailureException("journal", "outcome unknown");
              }

              @Override
              public boolean finished(AuditEvent finalEvent) {
                ended.add(finalEvent);
                throw new ProviderFailureException("journal", "database down");
              }
            });
    int before = log.size();

    assertThatThrownBy(() -> nina().resetPassword(CARL, Secret.of(CHOSEN)))
        .isInstanceOf(ProviderFailureException.class);

    assertThat(writeback.submissions()).isEmpty();
    AuditEvent prepared = abandoned.get(0);
    assertThat(ended).as("ended through the journal").containsExactly(prepared);
    assertThat(log.all().subList(before, log.size()))
        .filteredOn(e -> e.correlationId().equals(prepared.correlationId()))
        .extracting(AuditEvent::outcome)
        .containsExactly(AuditOutcome.PENDING, AuditOutcome.FAILED);
    assertThat(log.byCorrelationId(prepared.correlationId()).get(1).id())
        .as("the final event is the prepared one, whose id a takeover would store")
        .isEqualTo(prepared.id());
  }
}
