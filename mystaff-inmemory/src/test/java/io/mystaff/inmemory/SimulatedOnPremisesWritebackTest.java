package io.mystaff.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.UserId;
import io.mystaff.api.directory.User;
import io.mystaff.api.directory.UserSource;
import io.mystaff.api.password.PasswordCheck;
import io.mystaff.api.password.PasswordContext;
import io.mystaff.api.password.PolicyViolation;
import io.mystaff.api.password.Secret;
import io.mystaff.api.password.WritebackFailure;
import io.mystaff.api.password.WritebackResult;
import io.mystaff.api.password.WritebackStatus;
import io.mystaff.spi.PasswordPolicy;
import io.mystaff.spi.WritebackListener;
import io.mystaff.spi.WritebackRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimulatedOnPremisesWritebackTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final UserId ALEX = UserId.of("alex");
  private static final UserId SAM = UserId.of("sam");

  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : toClose) {
      c.close();
    }
  }

  @Test
  void submit_acceptedPassword_reportsInProgressThenSucceededAndAppliesIt() throws Exception {
    SimulatedOnPremisesWriteback writeback = simulator(SimulatedOnPremisesWriteback.builder());
    Recorder recorder = new Recorder();

    WritebackResult result =
        await(writeback.submit(request("c1", ALEX, "Spring2025!x", true), recorder));

    assertThat(result).isEqualTo(WritebackResult.succeeded());
    assertThat(recorder.statuses)
        .containsExactly(WritebackStatus.IN_PROGRESS, WritebackStatus.SUCCEEDED);
    assertThat(writeback.verifyPassword(ALEX, Secret.of("Spring2025!x"))).isTrue();
    assertThat(writeback.verifyPassword(ALEX, Secret.of("other"))).isFalse();
    assertThat(writeback.historyOf(ALEX).contains(Secret.of("Spring2025!x"))).isTrue();
    assertThat(writeback.appliedCount(ALEX)).isEqualTo(1);
    assertThat(writeback.mustChangePassword(ALEX)).isTrue();
    assertThat(writeback.awaitIdle(WAIT)).isTrue();
  }

  @Test
  void submit_policyRejects_failsWithPolicyViolationAndAppliesNothing() throws Exception {
    SimulatedOnPremisesWriteback writeback =
        simulator(SimulatedOnPremisesWriteback.builder().policy(new MinLength(10)));
    Recorder recorder = new Recorder();

    WritebackResult result = await(writeback.submit(request("c1", ALEX, "short", false), recorder));

    assertThat(result).isEqualTo(WritebackResult.failed(WritebackFailure.POLICY_VIOLATION));
    assertThat(recorder.statuses)
        .containsExactly(WritebackStatus.IN_PROGRESS, WritebackStatus.FAILED);
    assertThat(writeback.appliedCount(ALEX)).isZero();
    assertThat(writeback.historyOf(ALEX).contains(Secret.of("short"))).isFalse();
  }

  @Test
  void submit_policyContext_carriesKnownNamesAndTheCurrentHistory() throws Exception {
    RecordingPolicy policy = new RecordingPolicy();
    User user =
        User.builder()
            .id(ALEX)
            .userPrincipalName("alex@contoso.com")
            .displayName("Alex Wilber")
            .source(UserSource.SYNCED_FROM_ON_PREMISES)
            .onPremisesSamAccountName("alexw")
            .build();
    SimulatedOnPremisesWriteback writeback =
        simulator(SimulatedOnPremisesWriteback.builder().policy(policy).knownUsers(List.of(user)));

    await(writeback.submit(request("c1", ALEX, "first-password", false), new Recorder()));
    await(writeback.submit(request("c2", ALEX, "second-password", false), new Recorder()));

    PasswordContext second = policy.contexts.get(1);
    assertThat(second.userPrincipalName()).isEqualTo("alex@contoso.com");
    assertThat(second.displayName()).isEqualTo("Alex Wilber");
    assertThat(second.samAccountName()).contains("alexw");
    assertThat(second.history().contains(Secret.of("first-password"))).isTrue();
    assertThat(second.history().contains(Secret.of("second-password"))).isFalse();
  }

  @Test
  void submit_withoutKnownUsers_policySeesTheSamAccountNameAsTheNames() throws Exception {
    RecordingPolicy policy = new RecordingPolicy();
    SimulatedOnPremisesWriteback writeback =
        simulator(SimulatedOnPremisesWriteback.builder().policy(policy));

    await(
        writeback.submit(
            new WritebackRequest(
                CorrelationId.of("c1"), ALEX, Optional.of("alexw"), Secret.of("pw-123456"), false),
            new Recorder()));

    assertThat(policy.contexts.get(0).displayName()).isEqualTo("alexw");
    assertThat(policy.contexts.get(0).samAccountName()).contains("alexw");
  }

  @Test
  void submit_reusedPassword_failsWithPolicyViolationUntilItLeavesTheHistory() throws Exception {
    SimulatedOnPremisesWriteback writeback =
        simulator(SimulatedOnPremisesWriteback.builder().historyDepth(2));

    assertThat(
            await(writeback.submit(request("c1", ALEX, "pw-one", false), new Recorder()))
                .isSuccess())
        .isTrue();
    assertThat(
            await(writeback.submit(request("c2", ALEX, "pw-two", false), new Recorder()))
                .isSuccess())
        .isTrue();
    assertThat(await(writeback.submit(request("c3", ALEX, "pw-one", false), new Recorder())))
        .isEqualTo(WritebackResult.failed(WritebackFailure.POLICY_VIOLATION));
    assertThat(
            await(writeback.submit(request("c4", ALEX, "pw-three", false), new Recorder()))
                .isSuccess())
        .isTrue();

    assertThat(writeback.historyOf(ALEX).contains(Secret.of("pw-one"))).isFalse();
    assertThat(
            await(writeback.submit(request("c5", ALEX, "pw-one", false), new Recorder()))
                .isSuccess())
        .isTrue();
    assertThat(writeback.appliedCount(ALEX)).isEqualTo(4);
  }

  @Test
  void historyOf_defaultDepth_remembersTheLast24Passwords() throws Exception {
    SimulatedOnPremisesWriteback writeback = simulator(SimulatedOnPremisesWriteback.builder());
    for (int i = 0; i < 25; i++) {
      assertThat(
              await(writeback.submit(request("c" + i, ALEX, "pw-" + i, false), new Recorder()))
                  .isSuccess())
          .isTrue();
    }

    assertThat(writeback.historyOf(ALEX).contains(Secret.of("pw-0"))).isFalse();
    for (int i = 1; i < 25; i++) {
      assertThat(writeback.historyOf(ALEX).contains(Secret.of("pw-" + i))).as("pw-" + i).isTrue();
    }
  }

  @Test
  void historyOf_unknownUser_isEmpty() {
    SimulatedOnPremisesWriteback writeback = simulator(SimulatedOnPremisesWriteback.builder());

    assertThat(writeback.historyOf(SAM).contains(Secret.of("anything"))).isFalse();
    assertThat(writeback.verifyPassword(SAM, Secret.of("anything"))).isFalse();
    assertThat(writeback.appliedCount(SAM)).isZero();
  }

  @Test
  void submit_unknownUser_failsWithUserNotFound() throws Exception {
    SimulatedOnPremisesWriteback writeback =
        simulator(SimulatedOnPremisesWriteback.builder().unknownUser(SAM));

    assertThat(await(writeback.submit(request("c1", SAM, "pw-123", false), new Recorder())))
        .isEqualTo(WritebackResult.failed(WritebackFailure.USER_NOT_FOUND));
    assertThat(
            await(writeback.submit(request("c2", ALEX, "pw-123", false), new Recorder()))
                .isSuccess())
        .isTrue();
  }

  @Test
  void submit_knownUsersGiven_everyOtherUserIsNotFound() throws Exception {
    User alex =
        User.builder().id(ALEX).userPrincipalName("alex@contoso.com").displayName("Alex").build();
    SimulatedOnPremisesWriteback writeback =
        simulator(SimulatedOnPremisesWriteback.builder().knownUsers(List.of(alex)));

    assertThat(
            await(writeback.submit(request("c1", ALEX, "pw-123", false), new Recorder()))
                .isSuccess())
        .isTrue();
    assertThat(await(writeback.submit(request("c2", SAM, "pw-123", false), new Recorder())))
        .isEqualTo(WritebackResult.failed(WritebackFailure.USER_NOT_FOUND));
  }

  @Test
  void failNext_count_failsThatManyWritebacksThenRecovers() throws Exception {
    SimulatedOnPremisesWriteback writeback = simulator(SimulatedOnPremisesWriteback.builder());
    writeback.failNext(2, WritebackFailure.UNREACHABLE);

    assertThat(await(writeback.submit(request("c1", ALEX, "pw-1", false), new Recorder())))
        .isEqualTo(WritebackResult.failed(WritebackFailure.UNREACHABLE));
    assertThat(await(writeback.submit(request("c2", SAM, "pw-2", false), new Recorder())))
        .isEqualTo(WritebackResult.failed(WritebackFailure.UNREACHABLE));
    assertThat(
            await(writeback.submit(request("c3", ALEX, "pw-3", false), new Recorder())).isSuccess())
        .isTrue();
    assertThat(writeback.appliedCount(ALEX)).isEqualTo(1);
    assertThat(writeback.appliedCount(SAM)).isZero();
  }

  @Test
  void failNext_negative_isRejected() {
    SimulatedOnPremisesWriteback writeback = simulator(SimulatedOnPremisesWriteback.builder());

    assertThatThrownBy(() -> writeback.failNext(-1, WritebackFailure.UNKNOWN))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void failFor_user_failsOnlyThatUserUntilCleared() throws Exception {
    SimulatedOnPremisesWriteback writeback = simulator(SimulatedOnPremisesWriteback.builder());
    writeback.failFor(SAM, WritebackFailure.ACCESS_DENIED);

    assertThat(await(writeback.submit(request("c1", SAM, "pw-1", false), new Recorder())))
        .isEqualTo(WritebackResult.failed(WritebackFailure.ACCESS_DENIED));
    assertThat(await(writeback.submit(request("c2", SAM, "pw-2", false), new Recorder())))
        .isEqualTo(WritebackResult.failed(WritebackFailure.ACCESS_DENIED));
    assertThat(
            await(writeback.submit(request("c3", ALEX, "pw-3", false), new Recorder())).isSuccess())
        .isTrue();
    writeback.clearFailures();
    assertThat(
            await(writeback.submit(request("c4", SAM, "pw-4", false), new Recorder())).isSuccess())
        .isTrue();
  }

  @Test
  void submit_sameCorrelationIdTwice_returnsFirstResultAndAppliesOnce() throws Exception {
    SimulatedOnPremisesWriteback writeback = simulator(SimulatedOnPremisesWriteback.builder());
    Recorder first = new Recorder();
    Recorder second = new Recorder();

    WritebackResult a = await(writeback.submit(request("c1", ALEX, "pw-first", false), first));
    WritebackResult b = await(writeback.submit(request("c1", ALEX, "pw-second", true), second));

    assertThat(b).isEqualTo(a).isEqualTo(WritebackResult.succeeded());
    assertThat(writeback.appliedCount(ALEX)).isEqualTo(1);
    assertThat(writeback.verifyPassword(ALEX, Secret.of("pw-first"))).isTrue();
    assertThat(writeback.historyOf(ALEX).contains(Secret.of("pw-second"))).isFalse();
    assertThat(writeback.mustChangePassword(ALEX)).isFalse();
    assertThat(second.statuses)
        .containsExactly(WritebackStatus.IN_PROGRESS, WritebackStatus.SUCCEEDED);
  }

  @Test
  void submit_sameCorrelationIdOfAFailure_returnsTheFailureAgain() throws Exception {
    SimulatedOnPremisesWriteback writeback = simulator(SimulatedOnPremisesWriteback.builder());
    writeback.failNext(1, WritebackFailure.UNREACHABLE);

    await(writeback.submit(request("c1", ALEX, "pw-1", false), new Recorder()));
    WritebackResult again =
        await(writeback.submit(request("c1", ALEX, "pw-1", false), new Recorder()));

    assertThat(again).isEqualTo(WritebackResult.failed(WritebackFailure.UNREACHABLE));
    assertThat(writeback.appliedCount(ALEX)).isZero();
  }

  @Test
  void stall_heldWriteback_staysInProgressUntilResumed() throws Exception {
    SimulatedOnPremisesWriteback writeback = simulator(SimulatedOnPremisesWriteback.builder());
    writeback.stall();
    Recorder first = new Recorder();
    Recorder duplicate = new Recorder();

    CompletionStage<WritebackResult> stage =
        writeback.submit(request("c1", ALEX, "pw-1", false), first);
    first.awaitStatuses(1);
    writeback.submit(request("c1", ALEX, "pw-1", false), duplicate);

    assertThat(first.statuses).containsExactly(WritebackStatus.IN_PROGRESS);
    assertThat(duplicate.statuses).containsExactly(WritebackStatus.IN_PROGRESS);
    assertThat(stage.toCompletableFuture().isDone()).isFalse();
    assertThat(writeback.awaitIdle(Duration.ofMillis(20))).isFalse();
    assertThat(writeback.appliedCount(ALEX)).isZero();

    writeback.resume();

    assertThat(await(stage)).isEqualTo(WritebackResult.succeeded());
    assertThat(writeback.awaitIdle(WAIT)).isTrue();
    duplicate.awaitStatuses(2);
    assertThat(first.statuses)
        .containsExactly(WritebackStatus.IN_PROGRESS, WritebackStatus.SUCCEEDED);
    assertThat(duplicate.statuses)
        .containsExactly(WritebackStatus.IN_PROGRESS, WritebackStatus.SUCCEEDED);
  }

  @Test
  void latency_configured_delaysTheDecisionOnTheGivenExecutor() throws Exception {
    RecordingScheduler scheduler = new RecordingScheduler();
    toClose.add(scheduler::shutdownNow);
    SimulatedOnPremisesWriteback writeback =
        simulator(
            SimulatedOnPremisesWriteback.builder()
                .executor(scheduler)
                .latency(Duration.ofMillis(30)));

    assertThat(
            await(writeback.submit(request("c1", ALEX, "pw-1", false), new Recorder())).isSuccess())
        .isTrue();

    // ScheduledThreadPoolExecutor.execute schedules with delay 0; only the latency is non-zero.
    assertThat(scheduler.delaysNanos)
        .filteredOn(d -> d > 0)
        .containsExactly(Duration.ofMillis(30).toNanos());
    writeback.close();
    assertThat(scheduler.isShutdown()).as("a borrowed executor outlives the simulator").isFalse();
  }

  @Test
  void latency_negative_isRejected() {
    assertThatThrownBy(() -> SimulatedOnPremisesWriteback.builder().latency(Duration.ofMillis(-1)))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void close_unfinishedAndLaterWritebacks_failAsUnreachable() throws Exception {
    SimulatedOnPremisesWriteback writeback = simulator(SimulatedOnPremisesWriteback.builder());
    writeback.stall();
    Recorder recorder = new Recorder();
    CompletionStage<WritebackResult> held =
        writeback.submit(request("c1", ALEX, "pw-1", false), recorder);
    recorder.awaitStatuses(1);

    writeback.close();

    assertThat(await(held)).isEqualTo(WritebackResult.failed(WritebackFailure.UNREACHABLE));
    assertThat(recorder.statuses)
        .containsExactly(WritebackStatus.IN_PROGRESS, WritebackStatus.FAILED);
    assertThat(await(writeback.submit(request("c2", ALEX, "pw-2", false), new Recorder())))
        .isEqualTo(WritebackResult.failed(WritebackFailure.UNREACHABLE));
    assertThat(writeback.awaitIdle(WAIT)).isTrue();
    assertThat(writeback.appliedCount(ALEX)).isZero();
    writeback.close();
  }

  @Test
  void submit_listenerThrows_writebackStillCompletes() throws Exception {
    SimulatedOnPremisesWriteback writeback = simulator(SimulatedOnPremisesWriteback.builder());

    WritebackResult result =
        await(
            writeback.submit(
                request("c1", ALEX, "pw-1", false),
                status -> {
                  throw new IllegalStateException("listener bug");
                }));

    assertThat(result.isSuccess()).isTrue();
  }

  @Test
  void submit_policyThrows_failsWithUnknown() throws Exception {
    PasswordPolicy broken =
        new MinLength(1) {
          @Override
          public PasswordCheck check(Secret candidate, PasswordContext context) {
            throw new IllegalStateException("policy bug");
          }
        };
    SimulatedOnPremisesWriteback writeback =
        simulator(SimulatedOnPremisesWriteback.builder().policy(broken));

    assertThat(await(writeback.submit(request("c1", ALEX, "pw-1", false), new Recorder())))
        .isEqualTo(WritebackResult.failed(WritebackFailure.UNKNOWN));
  }

  @Test
  void submit_callerDestroysSecretAfterSubmitting_writebackStillAppliesIt() throws Exception {
    SimulatedOnPremisesWriteback writeback = simulator(SimulatedOnPremisesWriteback.builder());
    writeback.stall();
    Secret secret = Secret.of("pw-kept");
    CompletionStage<WritebackResult> stage =
        writeback.submit(
            new WritebackRequest(CorrelationId.of("c1"), ALEX, Optional.empty(), secret, false),
            new Recorder());

    secret.destroy();
    writeback.resume();

    assertThat(await(stage).isSuccess()).isTrue();
    assertThat(writeback.verifyPassword(ALEX, Secret.of("pw-kept"))).isTrue();
  }

  @Test
  void submit_destroyedSecret_isRejected() {
    SimulatedOnPremisesWriteback writeback = simulator(SimulatedOnPremisesWriteback.builder());
    Secret secret = Secret.of("pw");
    secret.destroy();

    assertThatThrownBy(
            () ->
                writeback.submit(
                    new WritebackRequest(
                        CorrelationId.of("c1"), ALEX, Optional.empty(), secret, false),
                    new Recorder()))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void submit_concurrentDuplicates_applyEachCorrelationExactlyOnce() throws Exception {
    SimulatedOnPremisesWriteback writeback =
        simulator(SimulatedOnPremisesWriteback.builder().historyDepth(0));
    int threads = 8;
    int correlations = 50;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Recorder> recorders = new CopyOnWriteArrayList<>();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < correlations; i++) {
                    Recorder r = new Recorder();
                    recorders.add(r);
                    await(
                        writeback.submit(
                            request("c" + i, UserId.of("u" + (i % 5)), "pw-" + i, false), r));
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    int applied = 0;
    for (int u = 0; u < 5; u++) {
      applied += writeback.appliedCount(UserId.of("u" + u));
    }
    assertThat(applied).isEqualTo(correlations);
    for (Recorder r : recorders) {
      r.awaitStatuses(2);
      assertThat(r.statuses)
          .containsExactly(WritebackStatus.IN_PROGRESS, WritebackStatus.SUCCEEDED);
    }
  }

  @Test
  void builder_badHistoryDepthOrIterations_isRejected() {
    assertThatThrownBy(() -> SimulatedOnPremisesWriteback.builder().historyDepth(-1))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> SimulatedOnPremisesWriteback.builder().hashIterations(0))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void minimumPasswordAge_resetOfAPasswordTooYoung_failsWithPolicyViolationUntilItIsOldEnough()
      throws Exception {
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2025-03-03T08:00:00Z"));
    java.time.Clock ticking =
        new java.time.Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
          }

          @Override
          public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now.get();
          }
        };
    SimulatedOnPremisesWriteback writeback =
        simulator(
            SimulatedOnPremisesWriteback.builder()
                .minimumPasswordAge(Duration.ofDays(1))
                .clock(ticking));
    assertThat(await(writeback.submit(request("c1", ALEX, "Spring2025!x", true), new Recorder())))
        .isEqualTo(WritebackResult.succeeded());

    now.set(now.get().plus(Duration.ofHours(23)));
    assertThat(
            await(writeback.submit(request("c2", ALEX, "Summer2025!y", true), new Recorder()))
                .failure())
        .contains(WritebackFailure.POLICY_VIOLATION);
    now.set(now.get().plus(Duration.ofHours(1)));
    assertThat(await(writeback.submit(request("c3", ALEX, "Summer2025!y", true), new Recorder())))
        .isEqualTo(WritebackResult.succeeded());
  }

  @Test
  void passwordNeverExpires_resetSetsNoForcedChange() throws Exception {
    SimulatedOnPremisesWriteback writeback =
        simulator(SimulatedOnPremisesWriteback.builder().passwordNeverExpires(ALEX));

    await(writeback.submit(request("c1", ALEX, "Spring2025!x", true), new Recorder()));
    await(writeback.submit(request("c2", SAM, "Spring2025!x", true), new Recorder()));

    assertThat(writeback.mustChangePassword(ALEX)).as("never-expiring password").isFalse();
    assertThat(writeback.mustChangePassword(SAM)).as("ordinary password").isTrue();
  }

  @Test
  void unreachable_notAvailableAndWritebacksFailUnreachable_untilReachableAgain() throws Exception {
    SimulatedOnPremisesWriteback writeback = simulator(SimulatedOnPremisesWriteback.builder());
    assertThat(writeback.isAvailable()).isTrue();
    writeback.setReachable(false);
    assertThat(writeback.isAvailable()).isFalse();
    assertThat(
            await(writeback.submit(request("c1", ALEX, "Spring2025!x", true), new Recorder()))
                .failure())
        .contains(WritebackFailure.UNREACHABLE);
    writeback.setReachable(true);
    assertThat(await(writeback.submit(request("c2", ALEX, "Spring2025!x", true), new Recorder())))
        .isEqualTo(WritebackResult.succeeded());
  }

  private SimulatedOnPremisesWriteback simulator(SimulatedOnPremisesWriteback.Builder builder) {
    SimulatedOnPremisesWriteback writeback = builder.hashIterations(1).build();
    toClose.add(writeback);
    return writeback;
  }

  static WritebackRequest request(String correlation, UserId user, String password, boolean force) {
    return new WritebackRequest(
        CorrelationId.of(correlation), user, Optional.of(user.value()), Secret.of(password), force);
  }

  static WritebackResult await(CompletionStage<WritebackResult> stage) throws Exception {
    return stage.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  /** Records the statuses a listener hears. */
  static final class Recorder implements WritebackListener {
    final List<WritebackStatus> statuses = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch[] heard = {new CountDownLatch(1), new CountDownLatch(2)};

    @Override
    public void onStatus(WritebackStatus status) {
      statuses.add(status);
      for (CountDownLatch latch : heard) {
        latch.countDown();
      }
    }

    void awaitStatuses(int count) throws InterruptedException {
      assertThat(heard[count - 1].await(WAIT.toSeconds(), TimeUnit.SECONDS))
          .as("listener heard %s statuses", count)
          .isTrue();
    }
  }

  /** Rejects passwords shorter than a minimum. */
  static class MinLength implements PasswordPolicy {
    private final int min;

    MinLength(int min) {
      this.min = min;
    }

    @Override
    public String name() {
      return "min-length";
    }

    @Override
    public PasswordCheck check(Secret candidate, PasswordContext context) {
      return candidate.length() >= min
          ? PasswordCheck.accepted()
          : PasswordCheck.rejected(
              List.of(PolicyViolation.of("password.tooShort", "minLength", min)));
    }
  }

  /** Accepts everything and remembers each context it was asked with. */
  static final class RecordingPolicy implements PasswordPolicy {
    final List<PasswordContext> contexts = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
      return "recording";
    }

    @Override
    public PasswordCheck check(Secret candidate, PasswordContext context) {
      contexts.add(context);
      return PasswordCheck.accepted();
    }
  }

  /** A scheduler that records the delays it is asked to schedule with. */
  static final class RecordingScheduler extends ScheduledThreadPoolExecutor {
    final List<Long> delaysNanos = new CopyOnWriteArrayList<>();

    RecordingScheduler() {
      super(1);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
      delaysNanos.add(unit.toNanos(delay));
      return super.schedule(command, delay, unit);
    }
  }
}
