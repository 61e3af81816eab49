package io.mystaff.testkit.contract;

import static io.mystaff.api.password.WritebackStatus.FAILED;
import static io.mystaff.api.password.WritebackStatus.IN_PROGRESS;
import static io.mystaff.api.password.WritebackStatus.SUBMITTED;
import static io.mystaff.api.password.WritebackStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditInitiator;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.audit.AuditTarget;
import io.mystaff.api.password.WritebackStatus;
import io.mystaff.inmemory.InMemoryWritebackJournal;
import io.mystaff.spi.WritebackJournal;
import io.mystaff.testkit.contract.Differential.Outcome;
import io.mystaff.testkit.fixtures.Tenant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** The laws of {@link WritebackJournalTestSuiteBuilder}. */
final class WritebackJournalLaws {
  static final String DIFFERENTIAL = "differential_randomOperationsOnTwoInstances_matchReference";
  private static final Tenant NO_TENANT = Tenant.builder().build();
  private static final Instant AT = ContractEvents.AT;

  /** A lease that outlasts every law. */
  private static final Duration HELD = Duration.ofHours(1);

  /** A lease that has expired as soon as it is granted. */
  private static final Duration EXPIRED = Duration.ZERO;

  private static final List<WritebackStatus> STATUSES = List.of(WritebackStatus.values());
  private static final int RACING = 40;
  private static final int RUNS = 4;
  private static final int OPERATIONS = 40;

  static final List<Law<WritebackJournalStore, WritebackJournalFeature>> ALL =
      List.of(
          Law.<WritebackJournalStore, WritebackJournalFeature>of(
                  "submitted_newWriteback_statusSubmittedNoFinalEvent",
                  WritebackJournalLaws::submit)
              .checking("a writeback just submitted reads SUBMITTED and has no final event stored"),
          Law.<WritebackJournalStore, WritebackJournalFeature>of(
                  "progressed_byTheHolder_statusFollowsButNeverTerminal",
                  WritebackJournalLaws::progress)
              .checking(
                  "progress reported by the lease holder is read back; a terminal status"
                      + " reported as progress is not: only an end is terminal"),
          Law.<WritebackJournalStore, WritebackJournalFeature>of(
                  "finished_byTheHolder_trueTerminalAndItsEventStoredOnce",
                  WritebackJournalLaws::finish)
              .checking(
                  "finished by the lease holder answers true, the status becomes SUCCEEDED or"
                      + " FAILED as the event's outcome, and exactly that event is stored, once"),
          Law.<WritebackJournalStore, WritebackJournalFeature>of(
                  "finished_again_firstEndStands", WritebackJournalLaws::finishAgain)
              .checking(
                  "after an end, finished with another event answers false and changes nothing;"
                      + " with the same event (a retry) true, and the event is stored once"),
          Law.of("progressed_afterTheEnd_statusUnchanged", WritebackJournalLaws::progressAfterEnd),
          Law.<WritebackJournalStore, WritebackJournalFeature>of(
                  "submitted_sameWritebackAgain_firstSubmissionStands",
                  WritebackJournalLaws::submitAgain)
              .checking(
                  "submitting a journaled writeback again (by its holder or another"
                      + " instance, with an expired lease) changes nothing: the first lease holds"
                      + " and only its holder ends it"),
          Law.<WritebackJournalStore, WritebackJournalFeature>of(
                  "newInstance_sameStore_seesTheSameStatesAndEvents", WritebackJournalLaws::restart)
              .checking(
                  "a new journal instance on the same store (another node, or this node after a"
                      + " restart) reads the same status of running and ended writebacks, and the"
                      + " store's final events are unchanged"),
          Law.of(
              "finished_byAnotherInstance_falseWhileTheLeaseHolds",
              WritebackJournalLaws::finishByOther),
          Law.of(
              "progressed_byAnotherInstance_statusUnchanged",
              WritebackJournalLaws::progressByOther),
          Law.of("takeOverExpired_leaseHeld_takesNothing", WritebackJournalLaws::takeOverHeldLease),
          Law.<WritebackJournalStore, WritebackJournalFeature>of(
                  "takeOverExpired_leaseExpired_endsItOnceWithThePreparedEvent",
                  WritebackJournalLaws::takeOverExpiredLease)
              .checking(
                  "a writeback whose lease expired is ended by one takeover, FAILED, with its"
                      + " ifAbandoned event stored (its time may be the takeover's); a second"
                      + " takeover takes nothing and the former holder's finished answers false"),
          Law.<WritebackJournalStore, WritebackJournalFeature>of(
                  "takeOverExpired_racingTheHolder_exactlyOneEndAndEventEach",
                  WritebackJournalLaws::race)
              .checking(
                  RACING
                      + " expired writebacks, ended by their holder while two other instances"
                      + " take over concurrently: each has exactly one terminal status and one"
                      + " final event, the holder's if its finished answered true, else the"
                      + " prepared one, reported by exactly one takeover"),
          Law.<WritebackJournalStore, WritebackJournalFeature>of(
                  "status_unknownWriteback_typedError", WritebackJournalLaws::statusUnknown)
              .checking(
                  "status of a writeback the store never journaled throws InvalidInputException"
                      + " with code writeback.unknown"),
          Law.<WritebackJournalStore, WritebackJournalFeature>of(
                  "progressed_unknownWriteback_typedError", WritebackJournalLaws::progressUnknown)
              .checking(
                  "progressed for a writeback the store never journaled throws"
                      + " InvalidInputException with code writeback.unknown"),
          Law.<WritebackJournalStore, WritebackJournalFeature>of(
                  "finished_neverJournaled_trueAndNothingStored",
                  WritebackJournalLaws::finishUnknown)
              .checking(
                  "finished for a writeback never journaled answers true (the caller stores the"
                      + " event) and stores nothing"),
          Law.<WritebackJournalStore, WritebackJournalFeature>of(
                  "submitted_negativeLease_typedErrorNothingJournaled",
                  WritebackJournalLaws::negativeLease)
              .checking(
                  "submitted with a negative lease throws InvalidInputException and journals"
                      + " nothing"),
          Law.<WritebackJournalStore, WritebackJournalFeature>of(
                  DIFFERENTIAL, WritebackJournalLaws::differential)
              .checking(
                  "seeded random submissions (leases held or expired), progress, ends, status"
                      + " reads, takeovers and reads of the stored events on two instances give"
                      + " what two instances of the in-memory journal give (takeover times"
                      + " aside)"));

  private WritebackJournalLaws() {}

  private static void submit(Trial<WritebackJournalStore> t) throws Exception {
    WritebackJournalStore s = t.subject(NO_TENANT);
    WritebackJournal j = s.newJournal();
    Attempt a = Attempt.named("submit");
    j.submitted(a.pending(), a.ifAbandoned(), HELD);
    assertThat(j.status(a.id())).as("status of a writeback just submitted").isEqualTo(SUBMITTED);
    assertThat(finalsOf(s, a)).as("final events of a running writeback").isEmpty();
  }

  private static void progress(Trial<WritebackJournalStore> t) throws Exception {
    WritebackJournalStore s = t.subject(NO_TENANT);
    WritebackJournal j = s.newJournal();
    Attempt a = Attempt.named("progress");
    j.submitted(a.pending(), a.ifAbandoned(), HELD);
    j.progressed(a.id(), IN_PROGRESS);
    assertThat(j.status(a.id())).as("status after progressed(IN_PROGRESS)").isEqualTo(IN_PROGRESS);
    j.progressed(a.id(), SUCCEEDED);
    j.progressed(a.id(), FAILED);
    assertThat(j.status(a.id()))
        .as("status after progressed with terminal statuses: only an end is terminal")
        .isEqualTo(IN_PROGRESS);
    assertThat(finalsOf(s, a)).as("final events after progress only").isEmpty();
  }

  private static void finish(Trial<WritebackJournalStore> t) throws Exception {
    WritebackJournalStore s = t.subject(NO_TENANT);
    WritebackJournal j = s.newJournal();
    Attempt ok = Attempt.named("finish-ok");
    Attempt ko = Attempt.named("finish-ko");
    for (Attempt a : List.of(ok, ko)) {
      j.submitted(a.pending(), a.ifAbandoned(), HELD);
      j.progressed(a.id(), IN_PROGRESS);
    }
    assertThat(j.finished(ok.succeeded())).as("finished(SUCCEEDED) by the holder").isTrue();
    assertThat(j.finished(ko.failed("WRITEBACK_POLICY_VIOLATION")))
        .as("finished(FAILED) by the holder")
        .isTrue();
    assertThat(j.status(ok.id())).isEqualTo(SUCCEEDED);
    assertThat(j.status(ko.id())).isEqualTo(FAILED);
    assertThat(finalsOf(s, ok))
        .as("final events of a writeback that succeeded")
        .containsExactly(ok.succeeded());
    assertThat(finalsOf(s, ko))
        .as("final events of a writeback that failed")
        .containsExactly(ko.failed("WRITEBACK_POLICY_VIOLATION"));
  }

  private static void finishAgain(Trial<WritebackJournalStore> t) throws Exception {
    WritebackJournalStore s = t.subject(NO_TENANT);
    WritebackJournal j = s.newJournal();
    Attempt a = Attempt.named("again");
    j.submitted(a.pending(), a.ifAbandoned(), HELD);
    assertThat(j.finished(a.succeeded())).isTrue();
    assertThat(j.finished(a.failed("WRITEBACK_UNREACHABLE")))
        .as("finished with another event after the end")
        .isFalse();
    assertThat(j.status(a.id())).as("status after a second end").isEqualTo(SUCCEEDED);
    assertThat(j.finished(a.succeeded()))
        .as("finished with the same event again (a retry after a lost reply)")
        .isTrue();
    assertThat(finalsOf(s, a))
        .as("final events after three ends, two of them with the first event")
        .containsExactly(a.succeeded());
  }

  private static void progressAfterEnd(Trial<WritebackJournalStore> t) throws Exception {
    WritebackJournalStore s = t.subject(NO_TENANT);
    WritebackJournal j = s.newJournal();
    Attempt a = Attempt.named("late-progress");
    j.submitted(a.pending(), a.ifAbandoned(), HELD);
    j.finished(a.failed("WRITEBACK_UNREACHABLE"));
    j.progressed(a.id(), IN_PROGRESS);
    j.progressed(a.id(), SUCCEEDED);
    assertThat(j.status(a.id())).as("status after progress that came late").isEqualTo(FAILED);
    assertThat(finalsOf(s, a)).hasSize(1);
  }

  private static void submitAgain(Trial<WritebackJournalStore> t) throws Exception {
    WritebackJournalStore s = t.subject(NO_TENANT);
    WritebackJournal holder = s.newJournal();
    WritebackJournal other = s.newJournal();
    Attempt a = Attempt.named("twice");
    holder.submitted(a.pending(), a.ifAbandoned(), HELD);
    holder.progressed(a.id(), IN_PROGRESS);
    holder.submitted(a.pending(), a.ifAbandoned(), EXPIRED);
    other.submitted(a.pending(), a.ifAbandoned(), EXPIRED);
    assertThat(holder.status(a.id())).as("status after submitting again").isEqualTo(IN_PROGRESS);
    assertThat(other.takeOverExpired())
        .as("taken over although the first submission's lease holds")
        .doesNotContain(a.id());
    assertThat(other.finished(a.succeeded()))
        .as("finished by the instance that submitted second")
        .isFalse();
    assertThat(holder.finished(a.succeeded())).as("finished by the first holder").isTrue();
    assertThat(finalsOf(s, a)).containsExactly(a.succeeded());
  }

  private static void restart(Trial<WritebackJournalStore> t) throws Exception {
    WritebackJournalStore s = t.subject(NO_TENANT);
    WritebackJournal before = s.newJournal();
    Attempt running = Attempt.named("restart-running");
    Attempt ok = Attempt.named("restart-ok");
    Attempt ko = Attempt.named("restart-ko");
    for (Attempt a : List.of(running, ok, ko)) {
      before.submitted(a.pending(), a.ifAbandoned(), HELD);
    }
    before.progressed(running.id(), IN_PROGRESS);
    before.finished(ok.succeeded());
    before.finished(ko.failed("WRITEBACK_POLICY_VIOLATION"));
    List<AuditEvent> stored = sorted(s.storedEvents());

    WritebackJournal after = s.newJournal();
    assertThat(after.status(running.id())).as("a running writeback").isEqualTo(IN_PROGRESS);
    assertThat(after.status(ok.id())).as("a writeback that succeeded").isEqualTo(SUCCEEDED);
    assertThat(after.status(ko.id())).as("a writeback that failed").isEqualTo(FAILED);
    assertThat(sorted(s.storedEvents())).as("stored events, read again").isEqualTo(stored);
    assertThat(before.status(running.id())).isEqualTo(IN_PROGRESS);
  }

  private static void finishByOther(Trial<WritebackJournalStore> t) throws Exception {
    WritebackJournalStore s = t.subject(NO_TENANT);
    WritebackJournal holder = s.newJournal();
    WritebackJournal other = s.newJournal();
    Attempt a = Attempt.named("not-yours");
    holder.submitted(a.pending(), a.ifAbandoned(), HELD);
    assertThat(other.finished(a.succeeded()))
        .as("finished by an instance that does not hold the lease")
        .isFalse();
    assertThat(holder.status(a.id())).isEqualTo(SUBMITTED);
    assertThat(finalsOf(s, a)).as("final events after another instance's end").isEmpty();
    assertThat(holder.finished(a.failed("WRITEBACK_UNREACHABLE")))
        .as("finished by the holder afterwards")
        .isTrue();
    assertThat(finalsOf(s, a)).containsExactly(a.failed("WRITEBACK_UNREACHABLE"));
  }

  private static void progressByOther(Trial<WritebackJournalStore> t) throws Exception {
    WritebackJournalStore s = t.subject(NO_TENANT);
    WritebackJournal holder = s.newJournal();
    WritebackJournal other = s.newJournal();
    Attempt a = Attempt.named("not-your-progress");
    holder.submitted(a.pending(), a.ifAbandoned(), HELD);
    other.progressed(a.id(), IN_PROGRESS);
    assertThat(holder.status(a.id()))
        .as("status after another instance's progress")
        .isEqualTo(SUBMITTED);
  }

  private static void takeOverHeldLease(Trial<WritebackJournalStore> t) throws Exception {
    WritebackJournalStore s = t.subject(NO_TENANT);
    WritebackJournal holder = s.newJournal();
    WritebackJournal other = s.newJournal();
    Attempt a = Attempt.named("held");
    holder.submitted(a.pending(), a.ifAbandoned(), HELD);
    assertThat(other.takeOverExpired()).as("another instance's takeover").doesNotContain(a.id());
    assertThat(holder.takeOverExpired()).as("the holder's own takeover").doesNotContain(a.id());
    assertThat(other.status(a.id())).isEqualTo(SUBMITTED);
    assertThat(finalsOf(s, a)).isEmpty();
    assertThat(holder.finished(a.succeeded())).as("finished by the holder afterwards").isTrue();
  }

  private static void takeOverExpiredLease(Trial<WritebackJournalStore> t) throws Exception {
    WritebackJournalStore s = t.subject(NO_TENANT);
    WritebackJournal holder = s.newJournal();
    WritebackJournal other = s.newJournal();
    Attempt a = Attempt.named("expired");
    holder.submitted(a.pending(), a.ifAbandoned(), EXPIRED);
    holder.progressed(a.id(), IN_PROGRESS);
    List<CorrelationId> taken = takeOver(t, other, Set.of(a.id()));
    assertThat(taken).as("writebacks taken over").containsOnlyOnce(a.id());
    assertThat(other.status(a.id())).as("status after the takeover").isEqualTo(FAILED);
    assertThat(holder.status(a.id())).as("status read by the former holder").isEqualTo(FAILED);
    List<AuditEvent> finals = finalsOf(s, a);
    assertThat(finals).as("final events after the takeover").hasSize(1);
    assertThat(at(finals.get(0), AT))
        .as("the takeover's event is the prepared ifAbandoned event (its time aside)")
        .isEqualTo(at(a.ifAbandoned(), AT));
    assertThat(other.takeOverExpired()).as("a second takeover").doesNotContain(a.id());
    assertThat(holder.takeOverExpired()).as("the former holder's takeover").doesNotContain(a.id());
    assertThat(holder.finished(a.succeeded()))
        .as("finished by the former holder after the takeover")
        .isFalse();
    assertThat(finalsOf(s, a)).as("final events after the late finish").hasSize(1);
    assertThat(holder.status(a.id())).isEqualTo(FAILED);
  }

  private static void race(Trial<WritebackJournalStore> t) throws Exception {
    WritebackJournalStore s = t.subject(NO_TENANT);
    WritebackJournal holder = s.newJournal();
    List<WritebackJournal> takers = List.of(s.newJournal(), s.newJournal());
    List<Attempt> attempts = new ArrayList<>();
    for (int i = 0; i < RACING; i++) {
      Attempt a = Attempt.named("race-" + i);
      holder.submitted(a.pending(), a.ifAbandoned(), EXPIRED);
      attempts.add(a);
    }
    boolean[] finishedTrue = new boolean[RACING];
    AtomicBoolean holderDone = new AtomicBoolean();
    ConcurrentLinkedQueue<CorrelationId> taken = new ConcurrentLinkedQueue<>();
    List<Callable<Void>> work = new ArrayList<>();
    work.add(
        () -> {
          try {
            for (int i = 0; i < RACING; i++) {
              finishedTrue[i] = holder.finished(attempts.get(i).succeeded());
            }
          } finally {
            holderDone.set(true);
          }
          return null;
        });
    for (WritebackJournal taker : takers) {
      work.add(
          () -> {
            boolean last = false;
            while (!last) {
              last = holderDone.get(); // one more round after the holder is done
              taken.addAll(taker.takeOverExpired());
            }
            return null;
          });
    }
    ExecutorService pool = Executors.newFixedThreadPool(work.size());
    try {
      for (Future<Void> f : pool.invokeAll(work, t.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
        assertThat(f.isCancelled()).as("a racing thread finished within %s", t.timeout()).isFalse();
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    List<CorrelationId> takenList = new ArrayList<>(taken);
    for (int i = 0; i < RACING; i++) {
      Attempt a = attempts.get(i);
      List<AuditEvent> finals = finalsOf(s, a);
      assertThat(finals).as("final events of %s", a.id()).hasSize(1);
      long takeovers = takenList.stream().filter(a.id()::equals).count();
      if (finishedTrue[i]) {
        assertThat(finals.get(0))
            .as("the final event of %s, whose holder's finished answered true", a.id())
            .isEqualTo(a.succeeded());
        assertThat(takeovers).as("takeovers reporting %s, ended by its holder", a.id()).isZero();
        assertThat(holder.status(a.id())).isEqualTo(SUCCEEDED);
      } else {
        assertThat(finals.get(0).id())
            .as("the final event of %s, whose holder's finished answered false", a.id())
            .isEqualTo(a.ifAbandoned().id());
        assertThat(takeovers).as("takeovers reporting %s", a.id()).isEqualTo(1);
        assertThat(holder.status(a.id())).isEqualTo(FAILED);
      }
    }
  }

  private static void statusUnknown(Trial<WritebackJournalStore> t) throws Exception {
    WritebackJournal j = t.subject(NO_TENANT).newJournal();
    assertThatThrownBy(() -> j.status(Attempt.named("never").id()))
        .as("status of a writeback never journaled")
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.codes()).containsExactly("writeback.unknown"));
  }

  private static void progressUnknown(Trial<WritebackJournalStore> t) throws Exception {
    WritebackJournal j = t.subject(NO_TENANT).newJournal();
    assertThatThrownBy(() -> j.progressed(Attempt.named("never").id(), IN_PROGRESS))
        .as("progress of a writeback never journaled")
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.codes()).containsExactly("writeback.unknown"));
  }

  private static void finishUnknown(Trial<WritebackJournalStore> t) throws Exception {
    WritebackJournalStore s = t.subject(NO_TENANT);
    WritebackJournal j = s.newJournal();
    Attempt a = Attempt.named("never");
    assertThat(j.finished(a.succeeded()))
        .as("finished for a writeback never journaled: the caller stores the event")
        .isTrue();
    assertThat(finalsOf(s, a)).as("events the journal stored for it").isEmpty();
    assertThatThrownBy(() -> j.status(a.id()))
        .as("status after finishing a writeback never journaled")
        .isInstanceOf(InvalidInputException.class);
  }

  private static void negativeLease(Trial<WritebackJournalStore> t) throws Exception {
    WritebackJournal j = t.subject(NO_TENANT).newJournal();
    Attempt a = Attempt.named("negative");
    assertThatThrownBy(() -> j.submitted(a.pending(), a.ifAbandoned(), Duration.ofSeconds(-1)))
        .as("submitted with a negative lease")
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> j.status(a.id()))
        .as("status after a refused submission")
        .isInstanceOf(InvalidInputException.class);
  }

  // ---------------------------------------------------------------------------------------------
  // The differential law.

  private static void differential(Trial<WritebackJournalStore> t) throws Exception {
    for (int n = 0; n < RUNS; n++) {
      Random r = t.random();
      WritebackJournalStore store = t.subject(NO_TENANT);
      List<WritebackJournal> provider = List.of(store.newJournal(), store.newJournal());
      var outbox = Differential.reference(NO_TENANT);
      InMemoryWritebackJournal first = InMemoryWritebackJournal.create(outbox, Clock.systemUTC());
      List<WritebackJournal> reference = List.of(first, first.sharingStore());
      List<Attempt> attempts = new ArrayList<>();
      for (int i = 0; i < OPERATIONS; i++) {
        int on = r.nextInt(2);
        Op op = operation(r, n, i, attempts);
        Outcome expected =
            Outcome.of(
                () ->
                    op.run(reference.get(on), () -> outbox.pendingAuditEvents(Integer.MAX_VALUE)));
        Outcome actual = Outcome.of(() -> op.run(provider.get(on), store::storedEvents));
        Optional<String> difference = Differential.difference(expected, actual);
        if (difference.isPresent()) {
          throw Differential.mismatch(
              DIFFERENTIAL,
              t.seed(),
              n,
              i,
              op.description() + " on instance " + on,
              difference.get(),
              NO_TENANT);
        }
      }
    }
  }

  /** One random operation of the differential law, with what it returns made comparable. */
  private record Op(String description, Step step) {
    Object run(WritebackJournal journal, StoredEvents stored) throws Exception {
      return step.run(journal, stored);
    }
  }

  @FunctionalInterface
  private interface Step {
    Object run(WritebackJournal journal, StoredEvents stored) throws Exception;
  }

  @FunctionalInterface
  private interface StoredEvents {
    List<AuditEvent> get();
  }

  private static Op operation(Random r, int run, int index, List<Attempt> attempts) {
    int kind = attempts.isEmpty() ? 0 : r.nextInt(8);
    return switch (kind) {
      case 0, 1 -> {
        Attempt a = Attempt.named("d" + run + "-" + index);
        attempts.add(a);
        Duration lease = r.nextBoolean() ? HELD : EXPIRED;
        yield new Op(
            "submitted(" + a.id() + ", lease " + lease + ")",
            (j, s) -> {
              j.submitted(a.pending(), a.ifAbandoned(), lease);
              return "submitted";
            });
      }
      case 2 -> {
        Attempt a = pick(r, attempts);
        Duration lease = r.nextBoolean() ? HELD : EXPIRED;
        yield new Op(
            "submitted(" + a.id() + ") again, lease " + lease,
            (j, s) -> {
              j.submitted(a.pending(), a.ifAbandoned(), lease);
              return "submitted";
            });
      }
      case 3 -> {
        CorrelationId id =
            r.nextInt(8) == 0 ? Attempt.named("unknown").id() : pick(r, attempts).id();
        WritebackStatus status = STATUSES.get(r.nextInt(STATUSES.size()));
        yield new Op(
            "progressed(" + id + ", " + status + ")",
            (j, s) -> {
              j.progressed(id, status);
              return "progressed";
            });
      }
      case 4 -> {
        Attempt a = r.nextInt(8) == 0 ? Attempt.named("unknown-" + index) : pick(r, attempts);
        AuditEvent event =
            r.nextBoolean() ? a.succeeded() : a.failed("WRITEBACK_" + (1 + r.nextInt(2)));
        yield new Op("finished(" + event.id() + ")", (j, s) -> j.finished(event));
      }
      case 5 -> {
        CorrelationId id =
            r.nextInt(8) == 0 ? Attempt.named("unknown").id() : pick(r, attempts).id();
        yield new Op("status(" + id + ")", (j, s) -> j.status(id));
      }
      case 6 -> {
        yield new Op(
            "takeOverExpired()",
            (j, s) ->
                j.takeOverExpired().stream()
                    .map(CorrelationId::value)
                    .sorted(Comparator.naturalOrder())
                    .toList());
      }
      default -> {
        yield new Op("reading the stored events", (j, s) -> sorted(atEpoch(s.get())));
      }
    };
  }

  private static Attempt pick(Random r, List<Attempt> attempts) {
    return attempts.get(r.nextInt(attempts.size()));
  }

  // ---------------------------------------------------------------------------------------------

  /** The final events the store holds for {@code a}'s attempt. */
  private static List<AuditEvent> finalsOf(WritebackJournalStore s, Attempt a) {
    return s.storedEvents().stream()
        .filter(e -> e.correlationId().equals(a.id()) && e.outcome() != AuditOutcome.PENDING)
        .toList();
  }

  /**
   * Runs {@code journal}'s takeover until it has reported every id of {@code expected} (or the
   * law's time is up): a lease expires by the store's clock, which may run behind this JVM's.
   */
  private static List<CorrelationId> takeOver(
      Trial<WritebackJournalStore> t, WritebackJournal journal, Collection<CorrelationId> expected)
      throws InterruptedException {
    List<CorrelationId> taken = new ArrayList<>();
    long until = System.nanoTime() + t.timeout().toNanos();
    while (!new HashSet<>(taken).containsAll(expected) && System.nanoTime() - until < 0) {
      taken.addAll(journal.takeOverExpired());
      if (!new HashSet<>(taken).containsAll(expected)) {
        Thread.sleep(10);
      }
    }
    return taken;
  }

  private static List<AuditEvent> sorted(List<AuditEvent> events) {
    return events.stream().sorted(Comparator.comparing(AuditEvent::id)).toList();
  }

  private static List<AuditEvent> atEpoch(List<AuditEvent> events) {
    return events.stream().map(e -> at(e, Instant.EPOCH)).toList();
  }

  /** {@code e} at another time: a takeover stores the prepared event at its own time. */
  private static AuditEvent at(AuditEvent e, Instant time) {
    return new AuditEvent(
        e.id(),
        time,
        e.activity(),
        e.outcome(),
        e.resultReason(),
        e.correlationId(),
        e.initiatedBy(),
        e.targets(),
        e.additionalDetails(),
        e.loggedByService());
  }

  /** One synced reset's events, as core makes them: PENDING, the prepared FAILED, final ones. */
  private record Attempt(String name, CorrelationId id) {
    static Attempt named(String name) {
      return new Attempt(name, CorrelationId.of("journal-" + name));
    }

    AuditEvent pending() {
      return event("pending", AuditOutcome.PENDING, Optional.of("WRITEBACK_SUBMITTED"));
    }

    AuditEvent ifAbandoned() {
      return event("abandoned", AuditOutcome.FAILED, Optional.of("WRITEBACK_UNKNOWN"));
    }

    AuditEvent succeeded() {
      return event("succeeded", AuditOutcome.SUCCEEDED, Optional.empty());
    }

    AuditEvent failed(String reason) {
      return event("failed-" + reason, AuditOutcome.FAILED, Optional.of(reason));
    }

    private AuditEvent event(String kind, AuditOutcome outcome, Optional<String> reason) {
      AuditEvent.Builder b =
          AuditEvent.builder()
              .id(name + "-" + kind)
              .activityDateTime(AT)
              .activity(AuditActivity.RESET_PASSWORD)
              .outcome(outcome)
              .correlationId(id)
              .initiatedBy(
                  new AuditInitiator(
                      UserId.of("mgr"), Optional.of("mgr@contoso.com"), Optional.empty()))
              .target(
                  new AuditTarget(
                      "sam",
                      "User",
                      Optional.of("Sam Lee"),
                      Optional.of("sam@contoso.com"),
                      List.of()))
              .additionalDetail(AuditEvent.ORIGIN_KEY, AuditEvent.ORIGIN_MY_STAFF);
      reason.ifPresent(b::resultReason);
      return b.build();
    }
  }
}
