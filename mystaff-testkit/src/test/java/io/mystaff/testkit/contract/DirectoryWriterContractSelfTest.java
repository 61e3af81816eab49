package io.mystaff.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.directory.User;
import io.mystaff.api.password.Secret;
import io.mystaff.spi.CommitCondition;
import io.mystaff.testkit.fixtures.Fixtures;
import io.mystaff.testkit.fixtures.Tenant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The directory-writer contract can fail: one broken writer per law family. */
class DirectoryWriterContractSelfTest {

  @Test
  void writerIgnoringTheExpectedVersion_failsCompareAndSetAndLosesUpdates() {
    SuiteRun run = SuiteRun.of(IgnoresExpectedVersion.class);
    assertThat(run.failed())
        .as("%s", run)
        .contains(
            "setPhone_staleVersion_throwsStaleAndChangesNothing",
            "setPhone_futureVersion_throwsStaleAndChangesNothing",
            "concurrentWriters_compareAndSetRetry_loseNoUpdate");
    assertThat(run.passed()).as("%s", run).contains("outbox_successfulWrites_pendingOldestFirst");
  }

  @Test
  void writerIgnoringTheCommitCondition_failsTheConditionLaws() {
    SuiteRun run = SuiteRun.of(IgnoresCondition.class);
    assertThat(run.failed())
        .as("%s", run)
        .containsExactlyInAnyOrder(
            "setPhone_conditionFails_rethrowsAndChangesNothing",
            "setPassword_conditionFails_rethrowsAndChangesNothing",
            "setPhone_condition_verifiedOnceAgainstTheStateCommittedTo",
            "setPhone_writeOfSameUserDuringCondition_doesNotCommitInBetween");
  }

  @Test
  void writerVerifyingTheConditionAfterCommitting_failsTheConditionLaws() {
    SuiteRun run = SuiteRun.of(VerifiesAfterCommit.class);
    assertThat(run.failed())
        .as("%s", run)
        .contains(
            "setPhone_conditionFails_rethrowsAndChangesNothing",
            "setPassword_conditionFails_rethrowsAndChangesNothing",
            "setPhone_condition_verifiedOnceAgainstTheStateCommittedTo");
  }

  @Test
  void writerVerifyingTheConditionOutsideItsAtomicSection_failsTheExclusionLaws() {
    SuiteRun run = SuiteRun.of(VerifiesOutsideAtomicSection.class);
    assertThat(run.failed())
        .as("%s", run)
        .containsExactlyInAnyOrder(
            "setPhone_staleVersion_conditionNotVerified",
            "setPhone_writeOfSameUserDuringCondition_doesNotCommitInBetween");
  }

  @Test
  void outboxAcknowledgingEverything_failsTheAcknowledgeLaw() {
    SuiteRun run = SuiteRun.of(AcknowledgesEverything.class);
    assertThat(run.failed())
        .as("%s", run)
        .containsExactlyInAnyOrder(
            "outbox_acknowledge_removesExactlyThoseIds_idempotent",
            "outbox_idsAndTimesOutOfOrder_pendingInCommitOrder",
            DirectoryWriterDifferentialLaw.NAME);
  }

  @Test
  void outboxLosingEvents_failsTheOutboxLaws() {
    SuiteRun run = SuiteRun.of(LosesEveryOtherEvent.class);
    assertThat(run.failed())
        .as("%s", run)
        .contains(
            "outbox_successfulWrites_pendingOldestFirst",
            "concurrentWriters_compareAndSetRetry_loseNoUpdate");
  }

  @Test
  void eventStoredBeforeTheWriteIsChecked_failsTheAtomicityLaws() {
    SuiteRun run = SuiteRun.of(NotAtomic.class);
    assertThat(run.failed())
        .as("%s", run)
        .contains(
            "outbox_failedWrites_storeNoEvent",
            "setPhone_staleVersion_throwsStaleAndChangesNothing",
            "setPhone_unknownUser_throwsUnknownUserAndStoresNoEvent");
  }

  @Test
  void writerShowingTheLastPassword_failsTheSecretLaw() {
    SuiteRun run = SuiteRun.of(ShowsLastPassword.class);
    assertThat(run.failed())
        .as("%s", run)
        .containsExactly("setPassword_secret_inNoToStringOrEvent");
    assertThat(run.failureOf("setPassword_secret_inNoToStringOrEvent"))
        .contains("the writer's toString");
  }

  private static DynamicContainer suite(String name, Function<Tenant, ForwardingDirectory> broken) {
    return DirectoryWriterTestSuiteBuilder.using(
            t -> {
              ForwardingDirectory d = broken.apply(t);
              return new WritableDirectory(d, d);
            })
        .named(name)
        .build();
  }

  @SelfTestOnly
  static class IgnoresExpectedVersion {
    @TestFactory
    DynamicContainer suite() {
      return DirectoryWriterContractSelfTest.suite(
          "ignores expected version",
          t ->
              new ForwardingDirectory(Fixtures.inMemoryDirectory(t)) {
                @Override
                public User setPhone(
                    UserId user,
                    long expectedVersion,
                    PhoneType type,
                    Optional<PhoneNumber> number,
                    AuditEvent event) {
                  pause(); // let other writers in between the caller's read and this write, every
                  // time
                  long current = delegate.findUser(user).map(User::version).orElse(expectedVersion);
                  return delegate.setPhone(user, current, type, number, event);
                }
              });
    }
  }

  @SelfTestOnly
  static class IgnoresCondition {
    @TestFactory
    DynamicContainer suite() {
      return DirectoryWriterContractSelfTest.suite(
          "ignores condition",
          t ->
              new ForwardingDirectory(Fixtures.inMemoryDirectory(t)) {
                @Override
                public User setPhone(
                    UserId user,
                    long expectedVersion,
                    PhoneType type,
                    Optional<PhoneNumber> number,
                    AuditEvent event,
                    CommitCondition condition) {
                  return delegate.setPhone(
                      user, expectedVersion, type, number, event, CommitCondition.none());
                }

                @Override
                public User setPassword(
                    UserId user,
                    long expectedVersion,
                    Secret password,
                    boolean force,
                    AuditEvent event,
                    CommitCondition condition) {
                  return delegate.setPassword(
                      user, expectedVersion, password, force, event, CommitCondition.none());
                }
              });
    }
  }

  @SelfTestOnly
  static class VerifiesAfterCommit {
    @TestFactory
    DynamicContainer suite() {
      return DirectoryWriterContractSelfTest.suite(
          "verifies after commit",
          t ->
              new ForwardingDirectory(Fixtures.inMemoryDirectory(t)) {
                @Override
                public User setPhone(
                    UserId user,
                    long expectedVersion,
                    PhoneType type,
                    Optional<PhoneNumber> number,
                    AuditEvent event,
                    CommitCondition condition) {
                  User written =
                      delegate.setPhone(
                          user, expectedVersion, type, number, event, CommitCondition.none());
                  condition.verify(delegate);
                  return written;
                }

                @Override
                public User setPassword(
                    UserId user,
                    long expectedVersion,
                    Secret password,
                    boolean force,
                    AuditEvent event,
                    CommitCondition condition) {
                  User written =
                      delegate.setPassword(
                          user, expectedVersion, password, force, event, CommitCondition.none());
                  condition.verify(delegate);
                  return written;
                }
              });
    }
  }

  /** Checks the condition first, without holding anything, then writes. */
  @SelfTestOnly
  static class VerifiesOutsideAtomicSection {
    @TestFactory
    DynamicContainer suite() {
      return DirectoryWriterContractSelfTest.suite(
          "verifies outside its atomic section",
          t ->
              new ForwardingDirectory(Fixtures.inMemoryDirectory(t)) {
                @Override
                public User setPhone(
                    UserId user,
                    long expectedVersion,
                    PhoneType type,
                    Optional<PhoneNumber> number,
                    AuditEvent event,
                    CommitCondition condition) {
                  condition.verify(delegate);
                  return delegate.setPhone(
                      user, expectedVersion, type, number, event, CommitCondition.none());
                }

                @Override
                public User setPassword(
                    UserId user,
                    long expectedVersion,
                    Secret password,
                    boolean force,
                    AuditEvent event,
                    CommitCondition condition) {
                  condition.verify(delegate);
                  return delegate.setPassword(
                      user, expectedVersion, password, force, event, CommitCondition.none());
                }
              });
    }
  }

  private static void pause() {
    try {
      Thread.sleep(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @SelfTestOnly
  static class AcknowledgesEverything {
    @TestFactory
    DynamicContainer suite() {
      return DirectoryWriterContractSelfTest.suite(
          "acknowledges everything",
          t ->
              new ForwardingDirectory(Fixtures.inMemoryDirectory(t)) {
                @Override
                public void acknowledgeAuditEvents(Collection<String> eventIds) {
                  if (!eventIds.isEmpty()) {
                    delegate.acknowledgeAuditEvents(
                        delegate.pendingAuditEvents(10_000).stream().map(AuditEvent::id).toList());
                  }
                }
              });
    }
  }

  @SelfTestOnly
  static class LosesEveryOtherEvent {
    @TestFactory
    DynamicContainer suite() {
      return DirectoryWriterContractSelfTest.suite(
          "loses every other event",
          t ->
              new ForwardingDirectory(Fixtures.inMemoryDirectory(t)) {
                private int writes;

                @Override
                public synchronized User setPhone(
                    UserId user,
                    long expectedVersion,
                    PhoneType type,
                    Optional<PhoneNumber> number,
                    AuditEvent event) {
                  User written = delegate.setPhone(user, expectedVersion, type, number, event);
                  if (writes++ % 2 == 1) {
                    delegate.acknowledgeAuditEvents(List.of(event.id()));
                  }
                  return written;
                }
              });
    }
  }

  /** Keeps its own outbox and adds the event before the write, which may then fail. */
  @SelfTestOnly
  static class NotAtomic {
    @TestFactory
    DynamicContainer suite() {
      return DirectoryWriterContractSelfTest.suite(
          "not atomic",
          t ->
              new ForwardingDirectory(Fixtures.inMemoryDirectory(t)) {
                private final List<AuditEvent> outbox = new CopyOnWriteArrayList<>();

                @Override
                public User setPhone(
                    UserId user,
                    long expectedVersion,
                    PhoneType type,
                    Optional<PhoneNumber> number,
                    AuditEvent event) {
                  outbox.add(event);
                  return delegate.setPhone(user, expectedVersion, type, number, event);
                }

                @Override
                public User setPassword(
                    UserId user,
                    long expectedVersion,
                    Secret password,
                    boolean force,
                    AuditEvent event) {
                  outbox.add(event);
                  return delegate.setPassword(user, expectedVersion, password, force, event);
                }

                @Override
                public List<AuditEvent> pendingAuditEvents(int max) {
                  return List.copyOf(outbox.subList(0, Math.min(max, outbox.size())));
                }

                @Override
                public void acknowledgeAuditEvents(Collection<String> eventIds) {
                  outbox.removeIf(e -> eventIds.contains(e.id()));
                }
              });
    }
  }

  @SelfTestOnly
  static class ShowsLastPassword {
    @TestFactory
    DynamicContainer suite() {
      return DirectoryWriterContractSelfTest.suite(
          "shows last password",
          t ->
              new ForwardingDirectory(Fixtures.inMemoryDirectory(t)) {
                private volatile String last = "";

                @Override
                public User setPassword(
                    UserId user,
                    long expectedVersion,
                    Secret password,
                    boolean force,
                    AuditEvent event) {
                  last = password.reveal();
                  return delegate.setPassword(user, expectedVersion, password, force, event);
                }

                @Override
                public String toString() {
                  return "ShowsLastPassword{last=" + last + "}";
                }
              });
    }
  }
}
