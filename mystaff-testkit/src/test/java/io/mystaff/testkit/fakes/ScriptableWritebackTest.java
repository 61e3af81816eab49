package io.mystaff.testkit.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.ProviderFailureException;
import io.mystaff.api.UserId;
import io.mystaff.api.password.Secret;
import io.mystaff.api.password.WritebackFailure;
import io.mystaff.api.password.WritebackResult;
import io.mystaff.api.password.WritebackStatus;
import io.mystaff.spi.WritebackRequest;
import io.mystaff.testkit.fakes.ScriptableWriteback.Outcome;
import io.mystaff.testkit.fakes.ScriptableWriteback.Submission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class ScriptableWritebackTest {
  private static final UserId BOB = UserId.of("bob");
  private static final UserId CAROL = UserId.of("carol");

  private final List<WritebackStatus> statuses = Collections.synchronizedList(new ArrayList<>());

  private static WritebackRequest request(String correlation, UserId user, String password) {
    return new WritebackRequest(
        CorrelationId.of(correlation),
        user,
        Optional.of(user.value() + ".sam"),
        Secret.of(password),
        true);
  }

  private static WritebackResult resultOf(CompletionStage<WritebackResult> stage) {
    return stage.toCompletableFuture().getNow(null);
  }

  @Test
  void submit_defaultOutcome_reportsInProgressThenSucceededAndCompletes() {
    ScriptableWriteback wb = ScriptableWriteback.synchronous();

    CompletionStage<WritebackResult> stage =
        wb.submit(request("c1", BOB, "Pa55word!x"), statuses::add);

    assertThat(resultOf(stage)).isEqualTo(WritebackResult.succeeded());
    assertThat(statuses).containsExactly(WritebackStatus.IN_PROGRESS, WritebackStatus.SUCCEEDED);
  }

  @Test
  void submit_scriptedFailure_reportsFailedWithReason() {
    ScriptableWriteback wb =
        ScriptableWriteback.synchronous().script(Outcome.fail(WritebackFailure.UNREACHABLE));

    CompletionStage<WritebackResult> stage =
        wb.submit(request("c1", BOB, "Pa55word!x"), statuses::add);

    assertThat(resultOf(stage)).isEqualTo(WritebackResult.failed(WritebackFailure.UNREACHABLE));
    assertThat(statuses).containsExactly(WritebackStatus.IN_PROGRESS, WritebackStatus.FAILED);
  }

  @Test
  void submit_perCallScript_usedInOrderThenDefault() {
    ScriptableWriteback wb =
        ScriptableWriteback.synchronous()
            .defaultOutcome(Outcome.fail(WritebackFailure.UNKNOWN))
            .script(Outcome.succeed(), Outcome.fail(WritebackFailure.ACCESS_DENIED));

    List<WritebackResult> results =
        List.of(
            resultOf(wb.submit(request("c1", BOB, "Pa55word!x"), s -> {})),
            resultOf(wb.submit(request("c2", BOB, "Pa55word!x"), s -> {})),
            resultOf(wb.submit(request("c3", BOB, "Pa55word!x"), s -> {})));

    assertThat(results)
        .containsExactly(
            WritebackResult.succeeded(),
            WritebackResult.failed(WritebackFailure.ACCESS_DENIED),
            WritebackResult.failed(WritebackFailure.UNKNOWN));
  }

  @Test
  void submit_perUserOutcome_winsAndDoesNotUseUpPerCallScript() {
    ScriptableWriteback wb =
        ScriptableWriteback.synchronous()
            .scriptUser(CAROL, Outcome.fail(WritebackFailure.USER_NOT_FOUND))
            .script(Outcome.fail(WritebackFailure.UNREACHABLE));

    WritebackResult carol = resultOf(wb.submit(request("c1", CAROL, "Pa55word!x"), s -> {}));
    WritebackResult bob = resultOf(wb.submit(request("c2", BOB, "Pa55word!x"), s -> {}));
    WritebackResult bobAgain = resultOf(wb.submit(request("c3", BOB, "Pa55word!x"), s -> {}));

    assertThat(carol.failure()).contains(WritebackFailure.USER_NOT_FOUND);
    assertThat(bob.failure()).contains(WritebackFailure.UNREACHABLE);
    assertThat(bobAgain.isSuccess()).isTrue();
  }

  @Test
  void submit_hang_staysInProgressUntilReleased() {
    ScriptableWriteback wb = ScriptableWriteback.synchronous().script(Outcome.hang());

    CompletionStage<WritebackResult> stage =
        wb.submit(request("c1", BOB, "Pa55word!x"), statuses::add);

    assertThat(stage.toCompletableFuture()).isNotDone();
    assertThat(statuses).containsExactly(WritebackStatus.IN_PROGRESS);
    assertThat(wb.hanging()).containsExactly(CorrelationId.of("c1"));

    assertThat(
            wb.release(
                CorrelationId.of("c1"), WritebackResult.failed(WritebackFailure.POLICY_VIOLATION)))
        .isTrue();

    assertThat(resultOf(stage).failure()).contains(WritebackFailure.POLICY_VIOLATION);
    assertThat(statuses).containsExactly(WritebackStatus.IN_PROGRESS, WritebackStatus.FAILED);
    assertThat(wb.hanging()).isEmpty();
  }

  @Test
  void release_unknownFinishedOrAlreadyReleased_returnsFalse() {
    ScriptableWriteback wb = ScriptableWriteback.synchronous().script(Outcome.hang());
    wb.submit(request("hung", BOB, "Pa55word!x"), s -> {});
    wb.submit(request("done", BOB, "Pa55word!x"), s -> {});

    assertThat(wb.release(CorrelationId.of("nope"))).isFalse();
    assertThat(wb.release(CorrelationId.of("done"))).isFalse();
    assertThat(wb.release(CorrelationId.of("hung"))).isTrue();
    assertThat(wb.release(CorrelationId.of("hung"))).isFalse();
  }

  @Test
  void releaseAll_severalHanging_completesEachOnce() {
    ScriptableWriteback wb = ScriptableWriteback.synchronous().defaultOutcome(Outcome.hang());
    CompletionStage<WritebackResult> a = wb.submit(request("a", BOB, "Pa55word!x"), s -> {});
    CompletionStage<WritebackResult> b = wb.submit(request("b", CAROL, "Pa55word!x"), s -> {});

    assertThat(wb.releaseAll(WritebackResult.succeeded()))
        .containsExactly(CorrelationId.of("a"), CorrelationId.of("b"));
    assertThat(resultOf(a).isSuccess()).isTrue();
    assertThat(resultOf(b).isSuccess()).isTrue();
    assertThat(wb.releaseAll(WritebackResult.succeeded())).isEmpty();
  }

  @Test
  void submit_crash_completesExceptionallyWithoutTerminalStatus() {
    ScriptableWriteback wb =
        ScriptableWriteback.synchronous().script(Outcome.crash("socket closed"));

    CompletableFuture<WritebackResult> f =
        wb.submit(request("c1", BOB, "Pa55word!x"), statuses::add).toCompletableFuture();

    assertThat(f).isCompletedExceptionally();
    assertThatThrownBy(f::join)
        .hasCauseInstanceOf(ProviderFailureException.class)
        .hasMessageContaining("socket closed");
    assertThat(statuses).containsExactly(WritebackStatus.IN_PROGRESS);
  }

  @Test
  void submit_sameCorrelationIdTwice_appliesOnceAndBothGetTheFirstResult() {
    ScriptableWriteback wb = ScriptableWriteback.synchronous().script(Outcome.hang());
    List<WritebackStatus> second = new ArrayList<>();

    CompletionStage<WritebackResult> first =
        wb.submit(request("same", BOB, "First-Pa55!"), statuses::add);
    CompletionStage<WritebackResult> again =
        wb.submit(request("same", BOB, "Second-Pa55!"), second::add);
    wb.release(CorrelationId.of("same"));

    assertThat(resultOf(first)).isEqualTo(WritebackResult.succeeded());
    assertThat(resultOf(again)).isEqualTo(WritebackResult.succeeded());
    assertThat(second).as("a duplicate is not applied, so it reports nothing").isEmpty();
    assertThat(wb.submissions()).extracting(Submission::duplicate).containsExactly(false, true);
    assertThat(wb.historyOf(BOB).contains(Secret.of("First-Pa55!"))).isTrue();
    assertThat(wb.historyOf(BOB).contains(Secret.of("Second-Pa55!"))).isFalse();
    assertThat(wb.passwordMatches(CorrelationId.of("same"), Secret.of("First-Pa55!"))).isTrue();
  }

  @Test
  void submit_records_requestPartsButNeverThePassword() {
    ScriptableWriteback wb = ScriptableWriteback.synchronous();

    wb.submit(request("c1", BOB, "Tr0ub4dor&3"), s -> {});

    Submission s = wb.submissions(BOB).get(0);
    assertThat(s)
        .isEqualTo(
            new Submission(CorrelationId.of("c1"), BOB, Optional.of("bob.sam"), true, true, false));
    assertThat(s.toString()).doesNotContain("Tr0ub4dor");
    assertThat(wb.passwordMatches(CorrelationId.of("c1"), Secret.of("Tr0ub4dor&3"))).isTrue();
    assertThat(wb.passwordMatches(CorrelationId.of("c1"), Secret.of("Tr0ub4dor&4"))).isFalse();
    assertThat(wb.passwordMatches(CorrelationId.of("other"), Secret.of("Tr0ub4dor&3"))).isFalse();
  }

  @Test
  void submit_callerDestroysSecretAfterSubmit_historyStillKnowsPassword() {
    ScriptableWriteback wb = ScriptableWriteback.synchronous().script(Outcome.hang());
    WritebackRequest r = request("c1", BOB, "Pa55word!x");

    wb.submit(r, s -> {});
    r.password().destroy();
    wb.release(CorrelationId.of("c1"));

    assertThat(wb.historyOf(BOB).contains(Secret.of("Pa55word!x"))).isTrue();
  }

  @Test
  void submit_destroyedPassword_recordedAsNotGivenAndRejected() {
    ScriptableWriteback wb = ScriptableWriteback.synchronous();
    WritebackRequest r = request("c1", BOB, "Pa55word!x");
    r.password().destroy();

    assertThatThrownBy(() -> wb.submit(r, s -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("destroyed");
    assertThat(wb.submissions())
        .singleElement()
        .extracting(Submission::passwordGiven)
        .isEqualTo(false);
  }

  @Test
  void historyOf_rememberedAndFailedPasswords_onlyRememberedAndSucceededCount() {
    ScriptableWriteback wb =
        ScriptableWriteback.synchronous()
            .rememberHistory(BOB, Secret.of("Old-Pa55!"))
            .script(Outcome.fail(WritebackFailure.POLICY_VIOLATION));

    wb.submit(request("c1", BOB, "Rejected-Pa55!"), s -> {});

    assertThat(wb.historyOf(BOB).contains(Secret.of("Old-Pa55!"))).isTrue();
    assertThat(wb.historyOf(BOB).contains(Secret.of("Rejected-Pa55!"))).isFalse();
    assertThat(wb.historyOf(CAROL).contains(Secret.of("Old-Pa55!"))).isFalse();
  }

  @Test
  void submit_onExecutor_reportsAndCompletesOnlyWhenTheExecutorRuns() {
    List<Runnable> tasks = new ArrayList<>();
    ScriptableWriteback wb = ScriptableWriteback.completingOn(tasks::add);

    CompletionStage<WritebackResult> stage =
        wb.submit(request("c1", BOB, "Pa55word!x"), statuses::add);

    assertThat(stage.toCompletableFuture()).isNotDone();
    assertThat(statuses).isEmpty();
    tasks.forEach(Runnable::run);
    assertThat(resultOf(stage).isSuccess()).isTrue();
    assertThat(statuses).containsExactly(WritebackStatus.IN_PROGRESS, WritebackStatus.SUCCEEDED);
  }

  @Test
  void release_onExecutorRunBeforeTheStart_stillReportsInProgressFirst() {
    List<Runnable> tasks = new ArrayList<>();
    ScriptableWriteback wb = ScriptableWriteback.completingOn(tasks::add).script(Outcome.hang());
    CompletionStage<WritebackResult> stage =
        wb.submit(request("c1", BOB, "Pa55word!x"), statuses::add);
    wb.release(CorrelationId.of("c1"));

    Collections.reverse(tasks);
    tasks.forEach(Runnable::run);

    assertThat(resultOf(stage).isSuccess()).isTrue();
    assertThat(statuses).containsExactly(WritebackStatus.IN_PROGRESS, WritebackStatus.SUCCEEDED);
  }

  @Test
  void submit_listenerThrows_completesAnywayAndKeepsTheError() {
    ScriptableWriteback wb = ScriptableWriteback.synchronous();

    CompletionStage<WritebackResult> stage =
        wb.submit(
            request("c1", BOB, "Pa55word!x"),
            s -> {
              throw new IllegalStateException("listener bug");
            });

    assertThat(resultOf(stage).isSuccess()).isTrue();
    assertThat(wb.listenerErrors())
        .hasSize(2)
        .allSatisfy(e -> assertThat(e).hasMessage("listener bug"));
  }

  @Test
  void submit_returnedStage_cannotBeCompletedByTheCaller() {
    ScriptableWriteback wb = ScriptableWriteback.synchronous().script(Outcome.hang());
    CompletionStage<WritebackResult> stage = wb.submit(request("c1", BOB, "Pa55word!x"), s -> {});

    stage.toCompletableFuture().complete(WritebackResult.failed(WritebackFailure.UNKNOWN));

    assertThat(wb.hanging()).containsExactly(CorrelationId.of("c1"));
    CompletionStage<WritebackResult> again = wb.submit(request("c1", BOB, "Pa55word!x"), s -> {});
    assertThat(again.toCompletableFuture()).isNotDone();
  }
}
