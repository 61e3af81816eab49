package io.mystaff.tests.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.DelegationId;
import io.mystaff.api.PageRequest;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.access.SignInContext;
import io.mystaff.api.access.SignInRefusedException;
import io.mystaff.api.authz.Decision;
import io.mystaff.api.authz.Delegation;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.Scope;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.User;
import io.mystaff.core.MyStaff;
import io.mystaff.core.StaffMember;
import io.mystaff.core.StaffSession;
import io.mystaff.inmemory.InMemoryDelegationStore;
import io.mystaff.inmemory.InMemoryDirectory;
import io.mystaff.spi.DelegationStore;
import io.mystaff.testkit.fakes.MutableClock;
import io.mystaff.testkit.fakes.RecordingAuditSink;
import io.mystaff.testkit.fixtures.Tenant;
import io.mystaff.testkit.random.Property;
import io.mystaff.testkit.random.RandomTenants;
import io.mystaff.testkit.random.Seeds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * On random tenants with a random delegation (any delegator, any units, any actions, a window
 * around now, its edges hit exactly at times): a delegation never widens what the deputy can do
 * beyond (the delegator's rights now) ∩ (delegated units and actions) ∩ (window); it never changes
 * a decision the deputy's own roles make a permit, nor the reason of a deny it does not turn into a
 * permit; and revoking it restores every one of the deputy's decisions exactly. The delegation is
 * put in the store directly, so delegations {@code delegate()} would refuse are covered too.
 * Seeded; a failure names the seed to replay it.
 */
class DelegationNeverWidensTest {
  private static final RandomTenants TENANTS = RandomTenants.small();
  static final int WORLDS = 4000;

  @Test
  void delegationNeverWidensAndRevokingRestores() {
    long seed = Seeds.forTest("DelegationNeverWidensTest");
    AtomicLong worlds = new AtomicLong();
    AtomicLong asDeputy = new AtomicLong();
    AtomicLong compared = new AtomicLong();
    Property.forAll(
        seed,
        WORLDS,
        r -> r.nextLong(),
        worldSeed -> {
          World w = new World(new Random(worldSeed));
          try {
            if (w.run(asDeputy, compared)) {
              worlds.incrementAndGet();
            }
          } finally {
            w.myStaff.close();
          }
        });
    System.out.printf(
        "deputies: seed %d, %d worlds, %d decisions compared, %d granted as deputy%n",
        seed, worlds.get(), compared.get(), asDeputy.get());
    assertThat(worlds.get()).as("worlds with a deputy who can sign in").isGreaterThan(1000);
    assertThat(asDeputy.get()).as("decisions granted as deputy").isGreaterThan(40);
  }

  private static final class World {
    final Random r;
    final Tenant tenant;
    final MutableClock clock;
    final InMemoryDirectory directory;
    final DelegationStore store = new InMemoryDelegationStore();
    final MyStaff myStaff;

    World(Random r) {
      this.r = r;
      this.tenant = TENANTS.apply(r);
      this.clock = MutableClock.at(RandomTenants.instant(r));
      this.directory = Harness.seeded(tenant).passwordHashIterations(1).build();
      this.myStaff =
          MyStaff.builder()
              .directory(directory)
              .directoryWriter(directory)
              .auditSink(new RecordingAuditSink())
              .auditRelay(Runnable::run)
              .clock(clock)
              .delegations(store)
              .build();
    }

    Optional<StaffSession> signIn(UserId who) {
      try {
        return Optional.of(myStaff.signIn(SignInContext.of(who, true)));
      } catch (SignInRefusedException e) {
        return Optional.empty();
      }
    }

    /** False when no one can sign in as deputy. */
    boolean run(AtomicLong asDeputy, AtomicLong compared) {
      List<UserId> ids = new ArrayList<>();
      for (User u : tenant.users()) {
        ids.add(u.id());
      }
      if (ids.size() < 2 || tenant.units().isEmpty()) {
        return false;
      }
      UserId deputyId = null;
      StaffSession deputy = null;
      for (int attempt = 0; attempt < 6 && deputy == null; attempt++) {
        UserId who = ids.get(r.nextInt(ids.size()));
        Optional<StaffSession> s = signIn(who);
        if (s.isPresent()) {
          deputyId = who;
          deputy = s.get();
        }
      }
      if (deputy == null) {
        return false;
      }
      List<UserId> unitManagers = new ArrayList<>();
      for (RoleAssignment a : tenant.assignments()) {
        if (a.scope() instanceof Scope.Unit
            && a.principal() instanceof UserId u
            && !u.equals(deputyId)) {
          unitManagers.add(u);
        }
      }
      UserId delegatorId = deputyId;
      if (!unitManagers.isEmpty() && r.nextInt(4) > 0) {
        delegatorId = unitManagers.get(r.nextInt(unitManagers.size()));
      }
      while (delegatorId.equals(deputyId)) {
        delegatorId = ids.get(r.nextInt(ids.size()));
      }
      Optional<StaffSession> delegatorSession = signIn(delegatorId);
      Delegation d = randomDelegation(delegatorId, deputyId);
      Instant now = clock.instant();

      Map<UserId, StaffMember> before = rows(deputy);
      store.add(d);
      Map<UserId, StaffMember> during = rows(deputy);
      Map<UserId, StaffMember> delegatorRows = delegatorSession.map(this::rows).orElse(Map.of());
      store.revoke(d.id());
      Map<UserId, StaffMember> after = rows(deputy);

      String where = "delegation " + d + " at " + now;
      assertThat(after).as("revoking restores every decision; %s", where).isEqualTo(before);
      for (Map.Entry<UserId, StaffMember> e : during.entrySet()) {
        UserId target = e.getKey();
        StaffMember own = before.get(target);
        for (StaffAction action : StaffAction.values()) {
          compared.incrementAndGet();
          Decision mine = own.decision(action);
          Decision withIt = e.getValue().decision(action);
          String what = action + " on " + target + ", " + where;
          if (mine.isPermit()) {
            assertThat(withIt).as("an own permit stays as it was: %s", what).isEqualTo(mine);
            continue;
          }
          if (!withIt.isPermit()) {
            assertThat(withIt).as("an own deny keeps its reason: %s", what).isEqualTo(mine);
            continue;
          }
          asDeputy.incrementAndGet();
          Decision.Permit p = (Decision.Permit) withIt;
          assertThat(p.asDeputy()).as("a new permit is the deputy's: %s", what).contains(d);
          assertThat(d.delegates(action)).as("action delegated: %s", what).isTrue();
          assertThat(d.isActiveAt(now)).as("window open: %s", what).isTrue();
          assertThat(directory.assignmentsOf(delegatorId))
              .as("granted by the delegator's assignment: %s", what)
              .contains(p.grantedBy());
          assertThat(p.grantedBy().scope())
              .as("granted by a delegated unit's assignment: %s", what)
              .isInstanceOfSatisfying(
                  Scope.Unit.class, u -> assertThat(d.units()).contains(u.unit()));
          assertThat(target).as("never on the deputy: %s", what).isNotEqualTo(deputyId);
          if (action.isChange()) {
            StaffMember delegatorRow = delegatorRows.get(target);
            assertThat(delegatorRow)
                .as("the delegator can sign in when they grant a change: %s", what)
                .isNotNull();
            assertThat(delegatorRow.decision(action).isPermit())
                .as("the delegator may do it now: %s", what)
                .isTrue();
          }
        }
      }
      return true;
    }

    Map<UserId, StaffMember> rows(StaffSession s) {
      List<StaffMember> members =
          s.searchUsers("user", PageRequest.first(PageRequest.MAX_SIZE)).items();
      assertThat(members).hasSize(tenant.users().size());
      Map<UserId, StaffMember> rows = new LinkedHashMap<>();
      for (StaffMember m : members) {
        rows.put(m.user().id(), m);
      }
      return rows;
    }

    Delegation randomDelegation(UserId delegator, UserId deputy) {
      Set<UnitId> units = new LinkedHashSet<>();
      List<AdministrativeUnit> all = tenant.units();
      for (AdministrativeUnit u : all) {
        if (r.nextInt(3) == 0) {
          units.add(u.id());
        }
      }
      for (RoleAssignment a : directory.assignmentsOf(delegator)) {
        if (a.scope() instanceof Scope.Unit u && r.nextInt(4) > 0) {
          units.add(u.unit());
        }
      }
      if (units.isEmpty()) {
        units.add(all.get(r.nextInt(all.size())).id());
      }
      EnumSet<StaffAction> actions = EnumSet.noneOf(StaffAction.class);
      for (StaffAction a : StaffAction.values()) {
        if (r.nextInt(4) > 0) {
          actions.add(a);
        }
      }
      if (actions.isEmpty()) {
        actions.add(StaffAction.RESET_PASSWORD);
      }
      Instant now = clock.instant();
      Instant from;
      Instant until;
      switch (r.nextInt(6)) {
        case 0 -> { // starts exactly now
          from = now;
          until = now.plusSeconds(1 + r.nextInt(7200));
        }
        case 1 -> { // ends exactly now: no longer grants
          from = now.minusSeconds(1 + r.nextInt(7200));
          until = now;
        }
        case 2 -> { // starts a nanosecond from now
          from = now.plusNanos(1);
          until = from.plusSeconds(1 + r.nextInt(7200));
        }
        case 3 -> { // ends a nanosecond from now: still grants
          from = now.minusSeconds(r.nextInt(7200));
          until = now.plusNanos(1);
        }
        default -> {
          from = now.minus(Duration.ofMinutes(r.nextInt(120)));
          until = from.plus(Duration.ofMinutes(1 + r.nextInt(240)));
        }
      }
      return new Delegation(DelegationId.random(), delegator, deputy, units, actions, from, until);
    }
  }
}
