package io.mystaff.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.DelegationId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.authz.Delegation;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.spi.DelegationStore;
import io.mystaff.spi.DelegationStore.Revocation;
import io.mystaff.testkit.fixtures.Tenant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** The laws of {@link DelegationStoreTestSuiteBuilder}. */
final class DelegationStoreLaws {
  private static final Tenant NO_TENANT = Tenant.builder().build();
  private static final Instant AT = ContractEvents.AT;
  private static final UserId SAM = UserId.of("sam");
  private static final UserId NINA = UserId.of("nina");
  private static final UserId HANK = UserId.of("hank");
  private static final int RACING = 40;
  private static final int THREADS = 4;

  static final List<Law<DelegationStore, DelegationStoreFeature>> ALL =
      List.of(
          Law.<DelegationStore, DelegationStoreFeature>of(
                  "add_thenFind_theDelegationAsStored", DelegationStoreLaws::roundTrip)
              .checking(
                  "added delegations (random units, actions and windows) are found equal to what"
                      + " was stored; an unknown id is found empty"),
          Law.<DelegationStore, DelegationStoreFeature>of(
                  "add_sameIdAgain_typedErrorFirstStands", DelegationStoreLaws::addTwice)
              .checking(
                  "adding a delegation whose id was stored before (also after it was revoked)"
                      + " fails with delegation.duplicate and the first one stands"),
          Law.<DelegationStore, DelegationStoreFeature>of(
                  "revoke_stored_revokedOnceThenAlreadyRevoked", DelegationStoreLaws::revokeOnce)
              .checking(
                  "the first revoke answers REVOKED, every later one ALREADY_REVOKED; a revoked"
                      + " delegation is neither found, active nor listed"),
          Law.<DelegationStore, DelegationStoreFeature>of(
                  "revoke_unknownId_typedUnknown", DelegationStoreLaws::revokeUnknown)
              .checking("revoking an id never stored answers UNKNOWN and changes nothing"),
          Law.<DelegationStore, DelegationStoreFeature>of(
                  "activeFor_windowBoundaries_exact", DelegationStoreLaws::window)
              .checking(
                  "a delegation is active for its deputy at from and a nanosecond before until,"
                      + " not a nanosecond before from nor at until, and never for anyone else"),
          Law.<DelegationStore, DelegationStoreFeature>of(
                  "involving_givenAndReceived_notEndedInOrder", DelegationStoreLaws::involving)
              .checking(
                  "involving(user, t) lists the unrevoked delegations the user gave or received"
                      + " whose until is after t (future ones too), in the order added"),
          Law.<DelegationStore, DelegationStoreFeature>of(
                  "revoke_racingThreads_exactlyOneWinner", DelegationStoreLaws::race)
              .checking(
                  RACING
                      + " delegations, each revoked by "
                      + THREADS
                      + " threads at once: exactly one REVOKED per delegation, the others"
                      + " ALREADY_REVOKED"));

  private DelegationStoreLaws() {}

  static Delegation delegation(
      int i, UserId delegator, UserId deputy, Instant from, Instant until) {
    return new Delegation(
        DelegationId.of("delegation-" + i),
        delegator,
        deputy,
        Set.of(UnitId.of("unit-" + i % 3), UnitId.of("unit-" + (i % 3 + 1))),
        i % 2 == 0 ? EnumSet.allOf(StaffAction.class) : EnumSet.of(StaffAction.RESET_PASSWORD),
        from,
        until);
  }

  private static Delegation random(int i, Random random) {
    Instant from = AT.plusSeconds(random.nextInt(3600));
    Set<UnitId> units = new java.util.LinkedHashSet<>();
    int n = 1 + random.nextInt(4);
    for (int k = 0; k < n; k++) {
      units.add(UnitId.of("unit-" + random.nextInt(10)));
    }
    EnumSet<StaffAction> actions = EnumSet.noneOf(StaffAction.class);
    for (StaffAction a : StaffAction.values()) {
      if (random.nextBoolean()) {
        actions.add(a);
      }
    }
    if (actions.isEmpty()) {
      actions.add(StaffAction.RESET_PASSWORD);
    }
    return new Delegation(
        DelegationId.of("delegation-" + i),
        UserId.of("delegator-" + random.nextInt(5)),
        UserId.of("deputy-" + random.nextInt(5)),
        units,
        actions,
        from,
        from.plusNanos(1 + random.nextInt(1_000_000_000)));
  }

  private static void roundTrip(Trial<DelegationStore> t) throws Exception {
    DelegationStore store = t.subject(NO_TENANT);
    Random random = t.random();
    List<Delegation> added = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      Delegation d = random(i, random);
      store.add(d);
      added.add(d);
    }
    for (Delegation d : added) {
      assertThat(store.find(d.id())).as("seed %d", t.seed()).contains(d);
    }
    assertThat(store.find(DelegationId.of("never-stored"))).isEmpty();
  }

  private static void addTwice(Trial<DelegationStore> t) throws Exception {
    DelegationStore store = t.subject(NO_TENANT);
    Delegation first = delegation(1, SAM, NINA, AT, AT.plusSeconds(60));
    store.add(first);
    Delegation again = delegation(1, SAM, HANK, AT, AT.plusSeconds(120));
    assertThatThrownBy(() -> store.add(again))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.codes()).containsExactly("delegation.duplicate"));
    assertThat(store.find(first.id())).contains(first);
    assertThat(store.revoke(first.id())).isEqualTo(Revocation.REVOKED);
    assertThatThrownBy(() -> store.add(first))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.codes()).containsExactly("delegation.duplicate"));
    assertThat(store.find(first.id())).isEmpty();
  }

  private static void revokeOnce(Trial<DelegationStore> t) throws Exception {
    DelegationStore store = t.subject(NO_TENANT);
    Delegation d = delegation(2, SAM, NINA, AT, AT.plusSeconds(60));
    Delegation other = delegation(3, SAM, NINA, AT, AT.plusSeconds(60));
    store.add(d);
    store.add(other);
    assertThat(store.revoke(d.id())).isEqualTo(Revocation.REVOKED);
    assertThat(store.revoke(d.id())).isEqualTo(Revocation.ALREADY_REVOKED);
    assertThat(store.revoke(d.id())).isEqualTo(Revocation.ALREADY_REVOKED);
    assertThat(store.find(d.id())).isEmpty();
    assertThat(store.activeFor(NINA, AT)).containsExactly(other);
    assertThat(store.involving(SAM, AT)).containsExactly(other);
    assertThat(store.involving(NINA, AT)).containsExactly(other);
  }

  private static void revokeUnknown(Trial<DelegationStore> t) throws Exception {
    DelegationStore store = t.subject(NO_TENANT);
    Delegation d = delegation(4, SAM, NINA, AT, AT.plusSeconds(60));
    store.add(d);
    assertThat(store.revoke(DelegationId.of("never-stored"))).isEqualTo(Revocation.UNKNOWN);
    assertThat(store.revoke(DelegationId.of("never-stored"))).isEqualTo(Revocation.UNKNOWN);
    assertThat(store.find(d.id())).contains(d);
    assertThat(store.activeFor(NINA, AT)).containsExactly(d);
  }

  private static void window(Trial<DelegationStore> t) throws Exception {
    DelegationStore store = t.subject(NO_TENANT);
    Instant from = AT.plusSeconds(100);
    Instant until = from.plusSeconds(3600);
    Delegation d = delegation(5, SAM, NINA, from, until);
    store.add(d);
    assertThat(store.activeFor(NINA, from.minusNanos(1))).isEmpty();
    assertThat(store.activeFor(NINA, from)).containsExactly(d);
    assertThat(store.activeFor(NINA, until.minusNanos(1))).containsExactly(d);
    assertThat(store.activeFor(NINA, until)).isEmpty();
    assertThat(store.activeFor(NINA, until.plusSeconds(1))).isEmpty();
    assertThat(store.activeFor(SAM, from)).as("the delegator is no deputy").isEmpty();
    assertThat(store.activeFor(HANK, from)).isEmpty();
    Random random = t.random();
    for (int i = 0; i < 200; i++) {
      Instant at = from.plusNanos(random.nextLong(-10_000_000_000L, 3_610_000_000_000L));
      assertThat(store.activeFor(NINA, at))
          .as("seed %d, at %s", t.seed(), at)
          .isEqualTo(d.isActiveAt(at) ? List.of(d) : List.of());
    }
  }

  private static void involving(Trial<DelegationStore> t) throws Exception {
    DelegationStore store = t.subject(NO_TENANT);
    Delegation given = delegation(6, SAM, NINA, AT, AT.plusSeconds(60));
    Delegation received = delegation(7, HANK, SAM, AT.plusSeconds(30), AT.plusSeconds(90));
    Delegation later = delegation(8, SAM, HANK, AT.plusSeconds(600), AT.plusSeconds(900));
    Delegation unrelated = delegation(9, HANK, NINA, AT, AT.plusSeconds(60));
    store.add(given);
    store.add(received);
    store.add(later);
    store.add(unrelated);
    assertThat(store.involving(SAM, AT)).containsExactly(given, received, later);
    assertThat(store.involving(SAM, AT.plusSeconds(60))).containsExactly(received, later);
    assertThat(store.involving(SAM, AT.plusSeconds(900))).isEmpty();
    assertThat(store.activeFor(SAM, AT)).isEmpty();
    assertThat(store.activeFor(SAM, AT.plusSeconds(30))).containsExactly(received);
  }

  private static void race(Trial<DelegationStore> t) throws Exception {
    DelegationStore store = t.subject(NO_TENANT);
    List<Delegation> all = new ArrayList<>();
    for (int i = 0; i < RACING; i++) {
      Delegation d = delegation(100 + i, SAM, NINA, AT, AT.plusSeconds(60));
      store.add(d);
      all.add(d);
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      for (Delegation d : all) {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Revocation>> answers = new ArrayList<>();
        for (int k = 0; k < THREADS; k++) {
          answers.add(
              pool.submit(
                  () -> {
                    start.await();
                    return store.revoke(d.id());
                  }));
        }
        start.countDown();
        int won = 0;
        for (Future<Revocation> f : answers) {
          Revocation r = f.get(t.timeout().toMillis(), TimeUnit.MILLISECONDS);
          if (r == Revocation.REVOKED) {
            won++;
          } else {
            assertThat(r).isEqualTo(Revocation.ALREADY_REVOKED);
          }
        }
        assertThat(won).as("winners for %s", d.id()).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(store.activeFor(NINA, AT)).isEmpty();
  }
}
