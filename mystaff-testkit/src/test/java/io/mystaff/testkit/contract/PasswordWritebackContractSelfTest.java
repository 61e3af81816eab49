package io.mystaff.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.UserId;
import io.mystaff.api.directory.User;
import io.mystaff.api.password.PasswordHistory;
import io.mystaff.api.password.WritebackResult;
import io.mystaff.api.password.WritebackStatus;
import io.mystaff.core.password.ActiveDirectoryPasswordPolicy;
import io.mystaff.inmemory.SimulatedOnPremisesWriteback;
import io.mystaff.spi.AccountUnlocker;
import io.mystaff.spi.PasswordWriteback;
import io.mystaff.spi.WritebackListener;
import io.mystaff.spi.WritebackPrecondition;
import io.mystaff.spi.WritebackRequest;
import io.mystaff.testkit.fixtures.Tenant;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The writeback contract can fail: one broken writeback per law. */
class PasswordWritebackContractSelfTest {

  @Test
  void outcomeBeforeProgress_failsTheOrderLaws() {
    SuiteRun run = SuiteRun.of(OutcomeBeforeProgress.class);
    assertThat(run.failed())
        .as("%s", run)
        .contains(
            "submit_listener_hearsStatusesInOrder_outcomeOnceAndLast",
            "submit_listener_hearsInProgressBeforeOutcome",
            "submit_manyAtOnce_everyStageCompletes");
  }

  @Test
  void stageThatNeverCompletes_failsWithinTheTimeout() {
    SuiteRun run = SuiteRun.of(NeverCompletes.class);
    assertThat(run.failed()).as("%s", run).contains("submit_knownUser_stageCompletesSucceeded");
    assertThat(run.failureOf("submit_knownUser_stageCompletesSucceeded"))
        .contains("did not complete within PT0.2S");
  }

  @Test
  void failureAsExceptionalCompletion_failsTheTypedFailureLaw() {
    SuiteRun run = SuiteRun.of(FailsExceptionally.class);
    assertThat(run.failed())
        .as("%s", run)
        .contains("submit_unknownUser_failsWithUserNotFound_notExceptionally");
    assertThat(run.failureOf("submit_unknownUser_failsWithUserNotFound_notExceptionally"))
        .contains("exceptionally");
    assertThat(run.passed()).as("%s", run).contains("submit_knownUser_stageCompletesSucceeded");
  }

  @Test
  void resubmissionAppliedAgain_failsTheIdempotencyLaw() {
    SuiteRun run = SuiteRun.of(AppliesTwice.class);
    assertThat(run.failed())
        .as("%s", run)
        .containsExactly("submit_sameCorrelationIdTwice_sameOutcome_appliedOnce");
  }

  @Test
  void writebackShowingThePassword_failsTheSecretLaw() {
    SuiteRun run = SuiteRun.of(ShowsPassword.class);
    assertThat(run.failed()).as("%s", run).containsExactly("submit_password_inNoToStringOrResult");
  }

  @Test
  void writebackIgnoringThePrecondition_failsThePreconditionLaws() {
    SuiteRun run = SuiteRun.of(IgnoresPrecondition.class);
    assertThat(run.failed())
        .as("%s", run)
        .containsExactlyInAnyOrder(
            "submit_preconditionFails_failsAuthorizationRevoked_appliesNothing",
            "submit_preconditionThrows_failsAuthorizationRevoked",
            "submit_success_preconditionAskedFirst");
  }

  @Test
  void unlockerIgnoringThePrecondition_failsTheUnlockPreconditionLaws() {
    SuiteRun run = SuiteRun.of(UnlockIgnoresPrecondition.class);
    assertThat(run.failed())
        .as("%s", run)
        .containsExactlyInAnyOrder(
            "unlock_knownUserTwice_succeedsBothTimes_preconditionAsked",
            "unlock_preconditionFails_failsAuthorizationRevoked",
            "unlock_preconditionThrows_failsAuthorizationRevoked");
  }

  @Test
  void writebackClaimingUnlockWithoutAnUnlocker_failsEveryUnlockLaw() {
    SuiteRun run = SuiteRun.of(NoUnlocker.class);
    assertThat(run.failed())
        .as("%s", run)
        .containsExactlyInAnyOrder(
            "accountUnlocker_declaredFeature_presentExactlyWhenClaimed",
            "unlock_knownUserTwice_succeedsBothTimes_preconditionAsked",
            "unlock_unknownUser_failsWithUserNotFound_notExceptionally",
            "unlock_preconditionFails_failsAuthorizationRevoked",
            "unlock_preconditionThrows_failsAuthorizationRevoked");
  }

  /** Unlocks whatever the precondition says. */
  @SelfTestOnly
  static class UnlockIgnoresPrecondition {
    @TestFactory
    DynamicContainer suite() {
      return PasswordWritebackContractSelfTest.suite(
          "unlock ignores precondition",
          t ->
              new Forwarding(t) {
                @Override
                public Optional<AccountUnlocker> accountUnlocker() {
                  AccountUnlocker real = delegate.accountUnlocker().orElseThrow();
                  return Optional.of(
                      (user, precondition) -> real.unlock(user, WritebackPrecondition.always()));
                }
              });
    }
  }

  /** Claims to unlock but offers no unlocker. */
  @SelfTestOnly
  static class NoUnlocker {
    @TestFactory
    DynamicContainer suite() {
      return PasswordWritebackContractSelfTest.suite(
          "no unlocker",
          t ->
              new Forwarding(t) {
                @Override
                public Optional<AccountUnlocker> accountUnlocker() {
                  return Optional.empty();
                }
              });
    }
  }

  @Test
  void writebackWithoutHistory_failsTheClaimedHistoryLaw() {
    SuiteRun run = SuiteRun.of(NoHistory.class);
    assertThat(run.failed())
        .as("%s", run)
        .containsExactly("historyOf_afterSuccess_holdsThePasswordOnly");
  }

  private static SimulatedOnPremisesWriteback simulated(Tenant tenant) {
    return SimulatedOnPremisesWriteback.builder()
        .policy(ActiveDirectoryPasswordPolicy.defaults())
        .knownUsers(tenant.users().stream().filter(User::isSynced).toList())
        .hashIterations(1_000)
        .build();
  }

  private static DynamicContainer suite(String name, Function<Tenant, PasswordWriteback> broken) {
    return PasswordWritebackTestSuiteBuilder.using(broken::apply)
        .named(name)
        .withFeatures(PasswordWritebackFeature.values())
        .withTimeout(Duration.ofMillis(200))
        .build();
  }

  /** Forwards to a simulated writeback; broken ones change one thing. */
  private static class Forwarding implements PasswordWriteback, AutoCloseable {
    final SimulatedOnPremisesWriteback delegate;

    Forwarding(Tenant tenant) {
      this.delegate = simulated(tenant);
    }

    @Override
    public CompletionStage<WritebackResult> submit(
        WritebackRequest request, WritebackListener listener) {
      return delegate.submit(request, listener);
    }

    @Override
    public PasswordHistory historyOf(UserId user) {
      return delegate.historyOf(user);
    }

    @Override
    public Optional<AccountUnlocker> accountUnlocker() {
      return delegate.accountUnlocker();
    }

    @Override
    public void close() {
      delegate.close();
    }
  }

  /** Applies the password whatever the request's precondition says. */
  @SelfTestOnly
  static class IgnoresPrecondition {
    @TestFactory
    DynamicContainer suite() {
      return PasswordWritebackContractSelfTest.suite(
          "ignores precondition",
          t ->
              new Forwarding(t) {
                @Override
                public CompletionStage<WritebackResult> submit(
                    WritebackRequest request, WritebackListener listener) {
                  return delegate.submit(
                      new WritebackRequest(
                          request.correlationId(),
                          request.user(),
                          request.samAccountName(),
                          request.password(),
                          request.forceChangeNextSignIn()),
                      listener);
                }
              });
    }
  }

  /** Reports the outcome, then IN_PROGRESS. */
  @SelfTestOnly
  static class OutcomeBeforeProgress {
    @TestFactory
    DynamicContainer suite() {
      return PasswordWritebackContractSelfTest.suite(
          "outcome before progress",
          t ->
              new Forwarding(t) {
                @Override
                public CompletionStage<WritebackResult> submit(
                    WritebackRequest request, WritebackListener listener) {
                  return delegate
                      .submit(request, status -> {})
                      .thenApply(
                          result -> {
                            listener.onStatus(result.status());
                            listener.onStatus(WritebackStatus.IN_PROGRESS);
                            return result;
                          });
                }
              });
    }
  }

  @SelfTestOnly
  static class NeverCompletes {
    @TestFactory
    DynamicContainer suite() {
      return PasswordWritebackContractSelfTest.suite(
          "never completes",
          t ->
              new Forwarding(t) {
                @Override
                public CompletionStage<WritebackResult> submit(
                    WritebackRequest request, WritebackListener listener) {
                  listener.onStatus(WritebackStatus.IN_PROGRESS);
                  return new CompletableFuture<>();
                }
              });
    }
  }

  /** Completes the stage exceptionally for a failure instead of with a FAILED result. */
  @SelfTestOnly
  static class FailsExceptionally {
    @TestFactory
    DynamicContainer suite() {
      return PasswordWritebackContractSelfTest.suite(
          "fails exceptionally",
          t ->
              new Forwarding(t) {
                @Override
                public CompletionStage<WritebackResult> submit(
                    WritebackRequest request, WritebackListener listener) {
                  return delegate
                      .submit(request, listener)
                      .thenApply(
                          result -> {
                            if (result.failure().isPresent()) {
                              throw new IllegalStateException(result.failure().get().name());
                            }
                            return result;
                          });
                }
              });
    }
  }

  /**
   * Treats every submission as new, so a resubmitted password is applied again (and hits history).
   */
  @SelfTestOnly
  static class AppliesTwice {
    @TestFactory
    DynamicContainer suite() {
      return PasswordWritebackContractSelfTest.suite(
          "applies twice",
          t ->
              new Forwarding(t) {
                private final AtomicInteger submissions = new AtomicInteger();

                @Override
                public CompletionStage<WritebackResult> submit(
                    WritebackRequest request, WritebackListener listener) {
                  WritebackRequest fresh =
                      new WritebackRequest(
                          CorrelationId.of(
                              request.correlationId().value()
                                  + "-"
                                  + submissions.incrementAndGet()),
                          request.user(),
                          request.samAccountName(),
                          request.password(),
                          request.forceChangeNextSignIn(),
                          request.precondition());
                  return delegate.submit(fresh, listener);
                }
              });
    }
  }

  @SelfTestOnly
  static class ShowsPassword {
    @TestFactory
    DynamicContainer suite() {
      return PasswordWritebackContractSelfTest.suite(
          "shows password",
          t ->
              new Forwarding(t) {
                private volatile String last = "";

                @Override
                public CompletionStage<WritebackResult> submit(
                    WritebackRequest request, WritebackListener listener) {
                  last = request.password().reveal();
                  return delegate.submit(request, listener);
                }

                @Override
                public String toString() {
                  return "ShowsPassword{last=" + last + "}";
                }
              });
    }
  }

  @SelfTestOnly
  static class NoHistory {
    @TestFactory
    DynamicContainer suite() {
      return PasswordWritebackContractSelfTest.suite(
          "no history",
          t ->
              new Forwarding(t) {
                @Override
                public PasswordHistory historyOf(UserId user) {
                  return PasswordHistory.none();
                }
              });
    }
  }
}
