package io.mystaff.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.CapabilityNotSupportedException;
import io.mystaff.api.CorrelationId;
import io.mystaff.api.UserId;
import io.mystaff.api.password.Secret;
import io.mystaff.api.password.WritebackFailure;
import io.mystaff.api.password.WritebackResult;
import io.mystaff.api.password.WritebackStatus;
import io.mystaff.spi.AccountUnlocker;
import io.mystaff.spi.PasswordWriteback;
import io.mystaff.spi.WritebackListener;
import io.mystaff.spi.WritebackPrecondition;
import io.mystaff.spi.WritebackRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/** The laws of {@link PasswordWritebackTestSuiteBuilder}. */
final class PasswordWritebackLaws {
  private static final UserId SAM = UserId.of("sam");
  private static final UserId TIA = UserId.of("tia");
  private static final UserId UMA = UserId.of("uma");

  static final List<Law<PasswordWriteback, PasswordWritebackFeature>> ALL =
      List.of(
          Law.of("submit_knownUser_stageCompletesSucceeded", PasswordWritebackLaws::succeeds),
          Law.of(
              "submit_listener_hearsStatusesInOrder_outcomeOnceAndLast",
              PasswordWritebackLaws::statusesInOrder),
          Law.of(
              "submit_listener_hearsInProgressBeforeOutcome",
              PasswordWritebackFeature.REPORTS_PROGRESS,
              PasswordWritebackLaws::reportsProgress),
          Law.of(
              "submit_unknownUser_failsWithUserNotFound_notExceptionally",
              PasswordWritebackLaws::unknownUser),
          Law.of(
              "submit_sameCorrelationIdTwice_sameOutcome_appliedOnce",
              PasswordWritebackLaws::idempotent),
          Law.of("submit_manyAtOnce_everyStageCompletes", PasswordWritebackLaws::many),
          Law.of("submit_password_inNoToStringOrResult", PasswordWritebackLaws::keepsSecret),
          Law.of(
              "historyOf_afterSuccess_holdsThePasswordOnly",
              PasswordWritebackFeature.READS_HISTORY,
              PasswordWritebackLaws::history),
          Law.of(
              "submit_preconditionFails_failsAuthorizationRevoked_appliesNothing",
              PasswordWritebackLaws::preconditionFails),
          Law.of(
              "submit_preconditionThrows_failsAuthorizationRevoked",
              PasswordWritebackLaws::preconditionThrows),
          Law.of("submit_success_preconditionAskedFirst", PasswordWritebackLaws::preconditionAsked),
          Law.<PasswordWriteback, PasswordWritebackFeature>of(
                  "accountUnlocker_declaredFeature_presentExactlyWhenClaimed",
                  PasswordWritebackLaws::unlockerMatchesFeature)
              .checking(
                  "accountUnlocker(): present when UNLOCKS_ACCOUNTS is claimed, empty when it is"
                      + " declared absent"),
          Law.of(
              "unlock_knownUserTwice_succeedsBothTimes_preconditionAsked",
              PasswordWritebackFeature.UNLOCKS_ACCOUNTS,
              PasswordWritebackLaws::unlockSucceeds),
          Law.of(
              "unlock_unknownUser_failsWithUserNotFound_notExceptionally",
              PasswordWritebackFeature.UNLOCKS_ACCOUNTS,
              PasswordWritebackLaws::unlockUnknown),
          Law.of(
              "unlock_preconditionFails_failsAuthorizationRevoked",
              PasswordWritebackFeature.UNLOCKS_ACCOUNTS,
              PasswordWritebackLaws::unlockPreconditionFails),
          Law.of(
              "unlock_preconditionThrows_failsAuthorizationRevoked",
              PasswordWritebackFeature.UNLOCKS_ACCOUNTS,
              PasswordWritebackLaws::unlockPreconditionThrows));

  private PasswordWritebackLaws() {}

  private static void unlockerMatchesFeature(Trial<PasswordWriteback> t) throws Exception {
    PasswordWriteback w = t.subject(ContractTenants.onPremises());
    if (t.claims(PasswordWritebackFeature.UNLOCKS_ACCOUNTS)) {
      assertThat(w.accountUnlocker())
          .as("accountUnlocker() of a writeback claiming UNLOCKS_ACCOUNTS")
          .isPresent();
    } else if (t.lacks(PasswordWritebackFeature.UNLOCKS_ACCOUNTS)) {
      assertThat(w.accountUnlocker())
          .as("accountUnlocker() of a writeback declaring UNLOCKS_ACCOUNTS absent")
          .isEmpty();
    }
  }

  private static AccountUnlocker unlocker(PasswordWriteback w) {
    return w.accountUnlocker()
        .orElseThrow(
            () ->
                new CapabilityNotSupportedException(
                    "account unlock",
                    "accountUnlocker() is empty: the provider lacks UNLOCKS_ACCOUNTS"));
  }

  private static void unlockSucceeds(Trial<PasswordWriteback> t) throws Exception {
    AccountUnlocker u = unlocker(t.subject(ContractTenants.onPremises()));
    AtomicInteger asked = new AtomicInteger();
    WritebackPrecondition holds =
        () -> {
          asked.incrementAndGet();
          return true;
        };
    assertThat(u.unlock(SAM, holds))
        .as("unlocking a known synced user")
        .isEqualTo(WritebackResult.succeeded());
    assertThat(u.unlock(SAM, holds))
        .as("unlocking the same user again (not locked any more)")
        .isEqualTo(WritebackResult.succeeded());
    assertThat(asked)
        .as("times the precondition was asked for two unlocks")
        .hasValueGreaterThanOrEqualTo(2);
  }

  private static void unlockUnknown(Trial<PasswordWriteback> t) throws Exception {
    AccountUnlocker u = unlocker(t.subject(ContractTenants.onPremises()));
    assertThat(u.unlock(ContractTenants.GHOST_USER, WritebackPrecondition.always()).failure())
        .as("unlocking a user unknown on premises")
        .contains(WritebackFailure.USER_NOT_FOUND);
  }

  private static void unlockPreconditionFails(Trial<PasswordWriteback> t) throws Exception {
    AccountUnlocker u = unlocker(t.subject(ContractTenants.onPremises()));
    AtomicInteger asked = new AtomicInteger();
    WritebackResult result =
        u.unlock(
            TIA,
            () -> {
              asked.incrementAndGet();
              return false;
            });
    assertThat(asked).as("times the precondition was asked").hasPositiveValue();
    assertThat(result.failure())
        .as("unlock when the precondition does not hold")
        .contains(WritebackFailure.AUTHORIZATION_REVOKED);
  }

  private static void unlockPreconditionThrows(Trial<PasswordWriteback> t) throws Exception {
    AccountUnlocker u = unlocker(t.subject(ContractTenants.onPremises()));
    WritebackResult result =
        u.unlock(
            UMA,
            () -> {
              throw new IllegalStateException(
                  "the decision could not be re-checked (contract law)");
            });
    assertThat(result.failure())
        .as("unlock when the precondition throws")
        .contains(WritebackFailure.AUTHORIZATION_REVOKED);
  }

  private static void preconditionFails(Trial<PasswordWriteback> t) throws Exception {
    PasswordWriteback w = t.subject(ContractTenants.onPremises());
    String password = strongPassword(t.random());
    AtomicInteger asked = new AtomicInteger();
    Recorder heard = new Recorder();
    WritebackResult result =
        await(
            w.submit(
                request(
                    "revoked",
                    SAM,
                    password,
                    () -> {
                      asked.incrementAndGet();
                      return false;
                    }),
                heard),
            t.timeout());
    assertThat(asked).as("times the precondition was asked").hasPositiveValue();
    assertThat(result.failure())
        .as("outcome when the precondition does not hold")
        .contains(WritebackFailure.AUTHORIZATION_REVOKED);
    assertThat(heard.awaitOutcome(t.timeout()))
        .as("statuses heard")
        .endsWith(WritebackStatus.FAILED);
    assertThat(w.historyOf(SAM).contains(Secret.of(password)))
        .as("the password of a revoked writeback is not in the user's history")
        .isFalse();
  }

  private static void preconditionThrows(Trial<PasswordWriteback> t) throws Exception {
    PasswordWriteback w = t.subject(ContractTenants.onPremises());
    WritebackResult result =
        await(
            w.submit(
                request(
                    "throws",
                    TIA,
                    strongPassword(t.random()),
                    () -> {
                      throw new IllegalStateException(
                          "the directory could not be read (contract law)");
                    }),
                new Recorder()),
            t.timeout());
    assertThat(result.failure())
        .as("outcome when the precondition throws (fail closed)")
        .contains(WritebackFailure.AUTHORIZATION_REVOKED);
  }

  private static void preconditionAsked(Trial<PasswordWriteback> t) throws Exception {
    PasswordWriteback w = t.subject(ContractTenants.onPremises());
    AtomicInteger asked = new AtomicInteger();
    WritebackResult result =
        await(
            w.submit(
                request(
                    "asked",
                    UMA,
                    strongPassword(t.random()),
                    () -> {
                      asked.incrementAndGet();
                      return true;
                    }),
                new Recorder()),
            t.timeout());
    assertThat(result.status())
        .as("outcome when the precondition holds")
        .isEqualTo(WritebackStatus.SUCCEEDED);
    assertThat(asked).as("times the precondition was asked before applying").hasPositiveValue();
  }

  private static void succeeds(Trial<PasswordWriteback> t) throws Exception {
    PasswordWriteback w = t.subject(ContractTenants.onPremises());
    Recorder heard = new Recorder();
    WritebackResult result =
        await(w.submit(request("c1", SAM, strongPassword(t.random())), heard), t.timeout());
    assertThat(result.status())
        .as("outcome of writing back a known user's strong password")
        .isEqualTo(WritebackStatus.SUCCEEDED);
    assertThat(result.failure()).as("failure of a success").isEmpty();
    heard.awaitOutcome(t.timeout());
  }

  private static void statusesInOrder(Trial<PasswordWriteback> t) throws Exception {
    PasswordWriteback w = t.subject(ContractTenants.onPremises());
    Random r = t.random();
    for (UserId user : List.of(SAM, ContractTenants.GHOST_USER, TIA)) {
      Recorder heard = new Recorder();
      WritebackResult result =
          await(
              w.submit(request("order-" + user.value(), user, strongPassword(r)), heard),
              t.timeout());
      List<WritebackStatus> statuses = heard.awaitOutcome(t.timeout());
      checkOrder(statuses, user);
      assertThat(statuses.get(statuses.size() - 1))
          .as("the last status heard for %s is the stage's outcome", user)
          .isEqualTo(result.status());
    }
  }

  private static void reportsProgress(Trial<PasswordWriteback> t) throws Exception {
    PasswordWriteback w = t.subject(ContractTenants.onPremises());
    Recorder heard = new Recorder();
    await(w.submit(request("p1", SAM, strongPassword(t.random())), heard), t.timeout());
    List<WritebackStatus> statuses = heard.awaitOutcome(t.timeout());
    assertThat(statuses).as("statuses heard").contains(WritebackStatus.IN_PROGRESS);
    assertThat(statuses.indexOf(WritebackStatus.IN_PROGRESS))
        .as("IN_PROGRESS comes before the outcome in %s", statuses)
        .isLessThan(statuses.size() - 1);
  }

  private static void unknownUser(Trial<PasswordWriteback> t) throws Exception {
    PasswordWriteback w = t.subject(ContractTenants.onPremises());
    Recorder heard = new Recorder();
    WritebackResult result =
        await(
            w.submit(request("u1", ContractTenants.GHOST_USER, strongPassword(t.random())), heard),
            t.timeout());
    assertThat(result.status())
        .as("outcome for a user unknown on premises")
        .isEqualTo(WritebackStatus.FAILED);
    assertThat(result.failure())
        .as("failure reason for a user unknown on premises")
        .contains(WritebackFailure.USER_NOT_FOUND);
    assertThat(heard.awaitOutcome(t.timeout()))
        .as("statuses heard")
        .endsWith(WritebackStatus.FAILED);
  }

  private static void idempotent(Trial<PasswordWriteback> t) throws Exception {
    PasswordWriteback w = t.subject(ContractTenants.onPremises());
    String password = strongPassword(t.random());
    Recorder first = new Recorder();
    Recorder second = new Recorder();
    CompletionStage<WritebackResult> a = w.submit(request("same", UMA, password), first);
    CompletionStage<WritebackResult> b = w.submit(request("same", UMA, password), second);
    WritebackResult ra = await(a, t.timeout());
    WritebackResult rb = await(b, t.timeout());
    assertThat(ra.status())
        .as("first submission of a strong password")
        .isEqualTo(WritebackStatus.SUCCEEDED);
    assertThat(rb)
        .as("resubmitting the correlation id gives the first outcome, not a second application")
        .isEqualTo(ra);
    assertThat(first.awaitOutcome(t.timeout())).as("first listener").endsWith(ra.status());
    List<WritebackStatus> echoed = second.heard();
    if (!echoed.isEmpty()) {
      // A provider may or may not replay progress to a duplicate's listener; what it replays must
      // be in order.
      checkOrder(second.awaitOutcome(t.timeout()), "the duplicate submission");
    }
    WritebackResult later =
        await(w.submit(request("same", UMA, password), new Recorder()), t.timeout());
    assertThat(later).as("resubmitting after completion").isEqualTo(ra);
  }

  private static void many(Trial<PasswordWriteback> t) throws Exception {
    PasswordWriteback w = t.subject(ContractTenants.onPremises());
    Random r = t.random();
    List<CompletionStage<WritebackResult>> stages = new ArrayList<>();
    List<Recorder> recorders = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      Recorder heard = new Recorder();
      recorders.add(heard);
      UserId user = List.of(SAM, TIA, UMA).get(i % 3);
      stages.add(w.submit(request("m" + i, user, strongPassword(r)), heard));
    }
    for (int i = 0; i < stages.size(); i++) {
      WritebackResult result = await(stages.get(i), t.timeout());
      List<WritebackStatus> statuses = recorders.get(i).awaitOutcome(t.timeout());
      checkOrder(statuses, UserId.of("m" + i));
      assertThat(statuses).as("statuses of writeback m%d", i).endsWith(result.status());
    }
  }

  private static void keepsSecret(Trial<PasswordWriteback> t) throws Exception {
    PasswordWriteback w = t.subject(ContractTenants.onPremises());
    Random r = t.random();
    for (UserId user : List.of(SAM, ContractTenants.GHOST_USER)) {
      String password = strongPassword(r);
      Recorder heard = new Recorder();
      WritebackRequest request = request("s-" + user.value(), user, password);
      CompletionStage<WritebackResult> stage = w.submit(request, heard);
      WritebackResult result = await(stage, t.timeout());
      heard.awaitOutcome(t.timeout());
      Secrets.assertAbsent(password, "the writeback's toString", w.toString());
      Secrets.assertAbsent(password, "the result's toString", result.toString());
      Secrets.assertAbsent(password, "the stage's toString", stage.toString());
      Secrets.assertAbsent(password, "the request's toString", request.toString());
    }
  }

  private static void history(Trial<PasswordWriteback> t) throws Exception {
    PasswordWriteback w = t.subject(ContractTenants.onPremises());
    Random r = t.random();
    String password = strongPassword(r);
    assertThat(w.historyOf(TIA).contains(Secret.of(password)))
        .as("history before any writeback")
        .isFalse();
    WritebackResult result =
        await(w.submit(request("h1", TIA, password), new Recorder()), t.timeout());
    assertThat(result.status())
        .as("writeback of a strong password")
        .isEqualTo(WritebackStatus.SUCCEEDED);
    assertThat(w.historyOf(TIA).contains(Secret.of(password)))
        .as("history holds the password written back")
        .isTrue();
    assertThat(w.historyOf(TIA).contains(Secret.of(strongPassword(r))))
        .as("history holds no other password")
        .isFalse();
    assertThat(w.historyOf(SAM).contains(Secret.of(password)))
        .as("another user's history")
        .isFalse();
  }

  /**
   * SUBMITTED, IN_PROGRESS, then one outcome: any of them may be skipped but the outcome; none
   * repeats.
   */
  private static void checkOrder(List<WritebackStatus> statuses, Object which) {
    assertThat(statuses).as("statuses heard for %s", which).isNotEmpty().doesNotHaveDuplicates();
    for (int i = 1; i < statuses.size(); i++) {
      assertThat(statuses.get(i))
          .as("statuses for %s must follow SUBMITTED, IN_PROGRESS, outcome: %s", which, statuses)
          .isGreaterThan(statuses.get(i - 1));
    }
    assertThat(statuses.stream().filter(WritebackStatus::isTerminal).count())
        .as("exactly one outcome heard for %s: %s", which, statuses)
        .isEqualTo(1);
    assertThat(statuses.get(statuses.size() - 1).isTerminal())
        .as("the outcome is heard last for %s: %s", which, statuses)
        .isTrue();
  }

  private static WritebackRequest request(String correlation, UserId user, String password) {
    return request(correlation, user, password, WritebackPrecondition.always());
  }

  private static WritebackRequest request(
      String correlation, UserId user, String password, WritebackPrecondition precondition) {
    return new WritebackRequest(
        CorrelationId.of(correlation),
        user,
        Optional.of(user.value() + ".synced"),
        Secret.of(password),
        true,
        precondition);
  }

  /**
   * A password any on-premises policy accepts: long, four categories, no names, no common words.
   */
  static String strongPassword(Random r) {
    String consonants = "bcdfghjkmnpqrstvwxzBCDFGHJKMNPQRSTVWXZ";
    String digits = "26789";
    String symbols = "#%&*+=?^~";
    StringBuilder b = new StringBuilder();
    b.append(Character.toUpperCase(consonants.charAt(r.nextInt(19))));
    for (int i = 0; i < 14; i++) {
      String pool =
          switch (i % 4) {
            case 0, 1 -> consonants;
            case 2 -> digits;
            default -> symbols;
          };
      b.append(pool.charAt(r.nextInt(pool.length())));
    }
    return b.append('k').toString();
  }

  /**
   * Waits for the stage; a stage that does not complete, or completes exceptionally, breaks the
   * contract.
   */
  static WritebackResult await(CompletionStage<WritebackResult> stage, Duration timeout)
      throws InterruptedException {
    assertThat(stage).as("submit returned null").isNotNull();
    CompletableFuture<WritebackResult> done = new CompletableFuture<>();
    stage.whenComplete(
        (result, failure) -> {
          if (failure != null) {
            done.completeExceptionally(failure);
          } else {
            done.complete(result);
          }
        });
    try {
      WritebackResult result = done.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      assertThat(result).as("the stage completed with null").isNotNull();
      return result;
    } catch (TimeoutException e) {
      throw new AssertionError("the writeback's stage did not complete within " + timeout);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw new AssertionError(
          "the writeback's stage completed exceptionally; every outcome must be a"
              + " WritebackResult (FAILED with a reason): "
              + (cause == null ? "no cause" : cause.getClass().getName()));
    }
  }

  /** A listener that keeps what it hears. */
  private static final class Recorder implements WritebackListener {
    private final List<WritebackStatus> heard = new CopyOnWriteArrayList<>();

    @Override
    public void onStatus(WritebackStatus status) {
      heard.add(status);
    }

    /** What was heard so far. */
    List<WritebackStatus> heard() {
      return List.copyOf(heard);
    }

    /** What was heard, once an outcome was (waiting up to {@code timeout} for it). */
    List<WritebackStatus> awaitOutcome(Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (heard.stream().noneMatch(WritebackStatus::isTerminal)) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError(
              "the listener heard no outcome within " + timeout + ", only " + heard);
        }
        Thread.sleep(2);
      }
      return List.copyOf(heard);
    }
  }
}
