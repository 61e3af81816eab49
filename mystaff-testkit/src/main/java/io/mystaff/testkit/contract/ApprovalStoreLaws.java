package io.mystaff.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.ApprovalId;
import io.mystaff.api.CorrelationId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.Page;
import io.mystaff.api.PageRequest;
import io.mystaff.api.UserId;
import io.mystaff.api.approval.ApprovalRequest;
import io.mystaff.api.approval.ApprovalState;
import io.mystaff.api.approval.RequestedChange;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.spi.ApprovalStore;
import io.mystaff.testkit.fixtures.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** The laws of {@link ApprovalStoreTestSuiteBuilder}. */
final class ApprovalStoreLaws {
  private static final Tenant NO_TENANT = Tenant.builder().build();
  private static final Instant AT = ContractEvents.AT;
  private static final Duration TTL = Duration.ofHours(1);
  private static final UserId REQUESTER = UserId.of("requester");
  private static final UserId APPROVER = UserId.of("approver");
  private static final UserId OTHER_APPROVER = UserId.of("other-approver");
  private static final int RACING = 40;
  private static final int THREADS = 4;

  static final List<Law<ApprovalStore, ApprovalStoreFeature>> ALL =
      List.of(
          Law.<ApprovalStore, ApprovalStoreFeature>of(
                  "create_thenFind_theRequestAsStored", ApprovalStoreLaws::createThenFind)
              .checking(
                  "a created request is found equal to what was stored, each change kind; an"
                      + " unknown id is found empty"),
          Law.<ApprovalStore, ApprovalStoreFeature>of(
                  "create_sameIdAgain_typedErrorFirstStands", ApprovalStoreLaws::createTwice)
              .checking(
                  "creating a request whose id is stored already fails with approval.duplicate"
                      + " and the first request stands; a request not REQUESTED fails with"
                      + " approval.notNew"),
          Law.<ApprovalStore, ApprovalStoreFeature>of(
                  "transition_fromTheStoredState_appliesOnce", ApprovalStoreLaws::transitionOnce)
              .checking(
                  "a transition from the stored state answers true and is read back; the same"
                      + " transition again answers false and changes nothing; an approved request"
                      + " moves on to EXECUTED or FAILED"),
          Law.<ApprovalStore, ApprovalStoreFeature>of(
                  "transition_illegalMove_typedErrorUnchanged", ApprovalStoreLaws::illegalMoves)
              .checking(
                  "every move the state diagram lacks, a move that changes the request's"
                      + " immutable part, and a move that changes an approved request's decision"
                      + " fail with approval.illegalTransition and change nothing"),
          Law.<ApprovalStore, ApprovalStoreFeature>of(
                  "transition_unknownRequest_typedError", ApprovalStoreLaws::transitionUnknown)
              .checking("a transition of a request never stored fails with approval.unknown"),
          Law.<ApprovalStore, ApprovalStoreFeature>of(
                  "transition_racingThreads_exactlyOneWinner", ApprovalStoreLaws::race)
              .checking(
                  RACING
                      + " requests, each approved by two approvers, rejected and expired by"
                      + " four threads at once: exactly one transition answers true per request,"
                      + " and the stored request is the winner's"),
          Law.<ApprovalStore, ApprovalStoreFeature>of(
                  "expireDue_atTheExpiryInstant_expiresExactlyTheDueOnes",
                  ApprovalStoreLaws::expireExactly)
              .checking(
                  "expireDue(t) expires the pending requests whose expiry is at or before t, not"
                      + " one a nanosecond later, nor decided ones; a second call expires nothing"),
          Law.<ApprovalStore, ApprovalStoreFeature>of(
                  "expireDue_racingCalls_eachExpiredOnce", ApprovalStoreLaws::expireRace)
              .checking(
                  "four threads expiring the same "
                      + RACING
                      + " due requests at once: each request is in exactly one answer"),
          Law.<ApprovalStore, ApprovalStoreFeature>of(
                  "pending_everyPageSize_allRequestedInOrderOnce", ApprovalStoreLaws::paging)
              .checking(
                  "following the cursors at every page size visits each REQUESTED request"
                      + " once, ordered by request time then id (ties included), and no decided"
                      + " one"),
          Law.<ApprovalStore, ApprovalStoreFeature>of(
                  "pending_decidedBetweenPages_laterPagesUnshifted",
                  ApprovalStoreLaws::pagingWhileDeciding)
              .checking(
                  "requests decided between pages (seen ones and unseen ones) neither hide nor"
                      + " repeat a request that stays pending"),
          Law.<ApprovalStore, ApprovalStoreFeature>of(
                  "pending_foreignCursor_typedError", ApprovalStoreLaws::badCursor)
              .checking("a cursor the store did not issue fails with page.cursorInvalid"));

  private ApprovalStoreLaws() {}

  static ApprovalRequest request(int i, Instant at, Duration ttl) {
    RequestedChange change =
        switch (i % 3) {
          case 0 -> RequestedChange.generatedPasswordReset();
          case 1 ->
              new RequestedChange.SetPhone(
                  PhoneType.MOBILE, PhoneNumber.of("+1425555" + (1000 + i % 9000)));
          default -> new RequestedChange.RemovePhone(PhoneType.OFFICE);
        };
    return ApprovalRequest.requested(
        ApprovalId.of("approval-" + i),
        CorrelationId.of("correlation-" + i),
        REQUESTER,
        UserId.of("target-" + i),
        change,
        at,
        at.plus(ttl));
  }

  /** {@code r}, {@code REQUESTED}, moved to {@code state}. */
  static ApprovalRequest inState(ApprovalRequest r, ApprovalState state) {
    Instant at = r.requestedAt().plusSeconds(1);
    return switch (state) {
      case REQUESTED -> r;
      case APPROVED -> r.approve(APPROVER, at);
      case EXECUTED -> r.approve(APPROVER, at).executed();
      case FAILED -> r.approve(APPROVER, at).failed("TARGET_OUT_OF_SCOPE");
      case REJECTED -> r.reject(APPROVER, at, "not asked for");
      case EXPIRED -> r.expire();
    };
  }

  private static void createThenFind(Trial<ApprovalStore> trial) throws Exception {
    ApprovalStore store = trial.subject(NO_TENANT);
    for (int i = 0; i < 3; i++) {
      ApprovalRequest r = request(i, AT, TTL);
      store.create(r);
      assertThat(store.find(r.id())).as("find(%s) after create", r.id()).contains(r);
    }
    assertThat(store.find(ApprovalId.of("never-stored"))).as("find of an unknown id").isEmpty();
  }

  private static void createTwice(Trial<ApprovalStore> trial) throws Exception {
    ApprovalStore store = trial.subject(NO_TENANT);
    ApprovalRequest first = request(1, AT, TTL);
    store.create(first);
    ApprovalRequest sameId =
        ApprovalRequest.requested(
            first.id(),
            CorrelationId.of("other"),
            REQUESTER,
            UserId.of("someone-else"),
            RequestedChange.generatedPasswordReset(),
            AT.plusSeconds(5),
            AT.plusSeconds(5).plus(TTL));
    assertThatThrownBy(() -> store.create(sameId))
        .as("create with a stored id")
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.codes()).containsExactly("approval.duplicate"));
    assertThat(store.find(first.id())).as("the first request stands").contains(first);
    ApprovalRequest approved = inState(request(2, AT, TTL), ApprovalState.APPROVED);
    assertThatThrownBy(() -> store.create(approved))
        .as("create of an APPROVED request")
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.codes()).containsExactly("approval.notNew"));
    assertThat(store.find(approved.id())).as("nothing stored").isEmpty();
  }

  private static void transitionOnce(Trial<ApprovalStore> trial) throws Exception {
    ApprovalStore store = trial.subject(NO_TENANT);
    for (ApprovalState end : List.of(ApprovalState.EXECUTED, ApprovalState.FAILED)) {
      ApprovalRequest r = request(end == ApprovalState.EXECUTED ? 1 : 2, AT, TTL);
      store.create(r);
      ApprovalRequest approved = inState(r, ApprovalState.APPROVED);
      assertThat(store.transition(ApprovalState.REQUESTED, approved))
          .as("REQUESTED -> APPROVED")
          .isTrue();
      assertThat(store.find(r.id())).contains(approved);
      assertThat(store.transition(ApprovalState.REQUESTED, approved))
          .as("REQUESTED -> APPROVED again, the request being APPROVED")
          .isFalse();
      ApprovalRequest rejected = inState(r, ApprovalState.REJECTED);
      assertThat(store.transition(ApprovalState.REQUESTED, rejected))
          .as("REQUESTED -> REJECTED, the request being APPROVED")
          .isFalse();
      assertThat(store.find(r.id())).as("unchanged by the lost transitions").contains(approved);
      ApprovalRequest ended =
          end == ApprovalState.EXECUTED ? approved.executed() : approved.failed("DENIED");
      assertThat(store.transition(ApprovalState.APPROVED, ended))
          .as("APPROVED -> %s", end)
          .isTrue();
      assertThat(store.find(r.id())).contains(ended);
    }
  }

  private static void illegalMoves(Trial<ApprovalStore> trial) throws Exception {
    ApprovalStore store = trial.subject(NO_TENANT);
    int n = 0;
    for (ApprovalState stored : ApprovalState.values()) {
      for (ApprovalState next : ApprovalState.values()) {
        if (stored.canMoveTo(next) || next == ApprovalState.REQUESTED) {
          continue; // REQUESTED as a next state is never a legal move; checked below
        }
        ApprovalRequest r = request(100 + n++, AT, TTL);
        store.create(r);
        ApprovalRequest now = r;
        for (ApprovalState step : path(stored)) {
          ApprovalRequest moved = inState(r, step);
          assertThat(store.transition(now.state(), moved)).as("setting up %s", stored).isTrue();
          now = moved;
        }
        ApprovalRequest target = inState(r, next);
        ApprovalRequest before = now;
        assertThatThrownBy(() -> store.transition(before.state(), target))
            .as("%s -> %s", stored, next)
            .isInstanceOfSatisfying(
                InvalidInputException.class,
                e -> assertThat(e.codes()).containsExactly("approval.illegalTransition"));
        assertThat(store.find(r.id()))
            .as("unchanged after %s -> %s", stored, next)
            .contains(before);
      }
    }
    ApprovalRequest r = request(1, AT, TTL);
    store.create(r);
    ApprovalRequest otherTarget =
        ApprovalRequest.requested(
                r.id(),
                r.correlationId(),
                r.requester(),
                UserId.of("someone-else"),
                r.change(),
                r.requestedAt(),
                r.expiresAt())
            .approve(APPROVER, AT);
    assertThatThrownBy(() -> store.transition(ApprovalState.REQUESTED, otherTarget))
        .as("a move that changes the target")
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.codes()).containsExactly("approval.illegalTransition"));
    assertThat(store.find(r.id())).contains(r);
    ApprovalRequest approved = inState(r, ApprovalState.APPROVED);
    assertThat(store.transition(ApprovalState.REQUESTED, approved)).isTrue();
    ApprovalRequest otherApprover = r.approve(OTHER_APPROVER, AT.plusSeconds(1)).executed();
    assertThatThrownBy(() -> store.transition(ApprovalState.APPROVED, otherApprover))
        .as("APPROVED -> EXECUTED naming another approver")
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.codes()).containsExactly("approval.illegalTransition"));
    assertThat(store.find(r.id())).contains(approved);
  }

  /** The states a request passes to reach {@code state} from REQUESTED. */
  private static List<ApprovalState> path(ApprovalState state) {
    return switch (state) {
      case REQUESTED -> List.of();
      case APPROVED -> List.of(ApprovalState.APPROVED);
      case EXECUTED, FAILED -> List.of(ApprovalState.APPROVED, state);
      case REJECTED, EXPIRED -> List.of(state);
    };
  }

  private static void transitionUnknown(Trial<ApprovalStore> trial) throws Exception {
    ApprovalStore store = trial.subject(NO_TENANT);
    ApprovalRequest never = inState(request(7, AT, TTL), ApprovalState.APPROVED);
    assertThatThrownBy(() -> store.transition(ApprovalState.REQUESTED, never))
        .as("transition of a request never stored")
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.codes()).containsExactly("approval.unknown"));
    assertThat(store.find(never.id())).isEmpty();
  }

  private static void race(Trial<ApprovalStore> trial) throws Exception {
    ApprovalStore store = trial.subject(NO_TENANT);
    List<ApprovalRequest> requests = new ArrayList<>();
    for (int i = 0; i < RACING; i++) {
      ApprovalRequest r = request(i, AT, TTL);
      store.create(r);
      requests.add(r);
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      for (ApprovalRequest r : requests) {
        List<ApprovalRequest> contenders =
            List.of(
                r.approve(APPROVER, AT.plusSeconds(1)),
                r.approve(OTHER_APPROVER, AT.plusSeconds(2)),
                r.reject(APPROVER, AT.plusSeconds(3), "no"),
                r.expire());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (ApprovalRequest next : contenders) {
          Callable<Boolean> move =
              () -> {
                start.await();
                return store.transition(ApprovalState.REQUESTED, next);
              };
          results.add(pool.submit(move));
        }
        start.countDown();
        List<ApprovalRequest> winners = new ArrayList<>();
        for (int i = 0; i < contenders.size(); i++) {
          if (results.get(i).get(trial.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
            winners.add(contenders.get(i));
          }
        }
        assertThat(winners).as("winners of the race for %s", r.id()).hasSize(1);
        assertThat(store.find(r.id())).as("stored after the race").contains(winners.get(0));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void expireExactly(Trial<ApprovalStore> trial) throws Exception {
    ApprovalStore store = trial.subject(NO_TENANT);
    Instant t = AT.plus(TTL);
    ApprovalRequest early = request(1, AT.minusNanos(1), TTL);
    ApprovalRequest exact = request(2, AT, TTL);
    ApprovalRequest late = request(3, AT.plusNanos(1), TTL);
    ApprovalRequest decided = request(4, AT.minusSeconds(10), TTL);
    for (ApprovalRequest r : List.of(early, exact, late, decided)) {
      store.create(r);
    }
    assertThat(store.transition(ApprovalState.REQUESTED, inState(decided, ApprovalState.APPROVED)))
        .isTrue();
    assertThat(store.expireDue(t.minusNanos(2)))
        .as("expireDue a nanosecond before the first expiry")
        .isEmpty();
    List<ApprovalRequest> expired = store.expireDue(t);
    assertThat(expired)
        .as("expireDue(%s)", t)
        .containsExactlyInAnyOrder(early.expire(), exact.expire());
    assertThat(store.find(late.id())).as("a request a nanosecond from expiry").contains(late);
    assertThat(store.find(exact.id())).contains(exact.expire());
    assertThat(store.find(decided.id()))
        .as("an approved request never expires")
        .contains(inState(decided, ApprovalState.APPROVED));
    assertThat(store.expireDue(t)).as("a second expireDue(%s)", t).isEmpty();
    assertThat(store.expireDue(t.plusNanos(1))).containsExactly(late.expire());
  }

  private static void expireRace(Trial<ApprovalStore> trial) throws Exception {
    ApprovalStore store = trial.subject(NO_TENANT);
    Set<ApprovalId> due = new HashSet<>();
    for (int i = 0; i < RACING; i++) {
      ApprovalRequest r = request(i, AT, TTL);
      store.create(r);
      due.add(r.id());
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<ApprovalRequest>>> results = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        Callable<List<ApprovalRequest>> sweep =
            () -> {
              start.await();
              return store.expireDue(AT.plus(TTL));
            };
        results.add(pool.submit(sweep));
      }
      start.countDown();
      List<ApprovalId> expired = new ArrayList<>();
      for (Future<List<ApprovalRequest>> f : results) {
        f.get(trial.timeout().toMillis(), TimeUnit.MILLISECONDS).forEach(r -> expired.add(r.id()));
      }
      assertThat(expired).as("requests expired by the racing sweeps").hasSize(RACING);
      assertThat(new HashSet<>(expired)).isEqualTo(due);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void paging(Trial<ApprovalStore> trial) throws Exception {
    ApprovalStore store = trial.subject(NO_TENANT);
    Random random = trial.random();
    List<ApprovalRequest> pending = new ArrayList<>();
    int n = 25;
    for (int i = 0; i < n; i++) {
      // few distinct instants, so ties are ordered by id
      ApprovalRequest r = request(i, AT.plusSeconds(random.nextInt(6)), TTL);
      store.create(r);
      if (random.nextInt(4) == 0) {
        assertThat(store.transition(ApprovalState.REQUESTED, inState(r, ApprovalState.REJECTED)))
            .isTrue();
      } else {
        pending.add(r);
      }
    }
    pending.sort(
        Comparator.comparing(ApprovalRequest::requestedAt).thenComparing(ApprovalRequest::id));
    for (int size = 1; size <= n + 1; size++) {
      assertThat(all(store, size)).as("pending requests at page size %s", size).isEqualTo(pending);
    }
  }

  private static List<ApprovalRequest> all(ApprovalStore store, int size) {
    List<ApprovalRequest> seen = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    for (int pages = 0; pages < 1_000; pages++) {
      Page<ApprovalRequest> page = store.pending(new PageRequest(size, cursor));
      assertThat(page.items().size()).as("page size").isLessThanOrEqualTo(size);
      seen.addAll(page.items());
      cursor = page.nextCursor();
      if (cursor.isEmpty()) {
        return seen;
      }
    }
    throw new AssertionError("the pending listing did not end after 1,000 pages");
  }

  private static void pagingWhileDeciding(Trial<ApprovalStore> trial) throws Exception {
    ApprovalStore store = trial.subject(NO_TENANT);
    List<ApprovalRequest> all = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ApprovalRequest r = request(i, AT.plusSeconds(i), TTL);
      store.create(r);
      all.add(r);
    }
    Page<ApprovalRequest> first = store.pending(PageRequest.first(4));
    assertThat(first.items()).isEqualTo(all.subList(0, 4));
    // decide two seen requests and one not yet seen
    for (ApprovalRequest r : List.of(all.get(0), all.get(1), all.get(6))) {
      assertThat(store.transition(ApprovalState.REQUESTED, inState(r, ApprovalState.APPROVED)))
          .isTrue();
    }
    List<ApprovalRequest> rest = new ArrayList<>();
    Optional<String> cursor = first.nextCursor();
    while (cursor.isPresent()) {
      Page<ApprovalRequest> page = store.pending(new PageRequest(4, cursor));
      rest.addAll(page.items());
      cursor = page.nextCursor();
    }
    List<ApprovalRequest> expected = new ArrayList<>(all.subList(4, 10));
    expected.remove(all.get(6));
    assertThat(rest)
        .as("the pages after the first, once two seen and one unseen request were decided")
        .isEqualTo(expected);
  }

  private static void badCursor(Trial<ApprovalStore> trial) throws Exception {
    ApprovalStore store = trial.subject(NO_TENANT);
    store.create(request(1, AT, TTL));
    assertThatThrownBy(() -> store.pending(PageRequest.after("not-a-cursor-of-yours", 5)))
        .as("pending with a foreign cursor")
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.codes()).containsExactly("page.cursorInvalid"));
  }
}
