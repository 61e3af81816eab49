package io.mystaff.tests.reliability;

import static io.mystaff.api.authz.BuiltInRole.AUTHENTICATION_ADMINISTRATOR;
import static io.mystaff.api.authz.BuiltInRole.GLOBAL_ADMINISTRATOR;
import static io.mystaff.api.authz.BuiltInRole.HELPDESK_ADMINISTRATOR;
import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.AssignmentId;
import io.mystaff.api.MyStaffException;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.access.SignInContext;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.authz.ActorFacts;
import io.mystaff.api.authz.Decision;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.Scope;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.authz.TargetFacts;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.directory.User;
import io.mystaff.api.password.Secret;
import io.mystaff.core.MyStaff;
import io.mystaff.core.MyStaffSettings;
import io.mystaff.core.RateLimit;
import io.mystaff.core.StaffSession;
import io.mystaff.core.authz.AuthorizationEngine;
import io.mystaff.inmemory.InMemoryDirectory;
import io.mystaff.spi.CommitCondition;
import io.mystaff.spi.Directory;
import io.mystaff.spi.ForwardingDirectoryWriter;
import io.mystaff.testkit.fakes.RecordingAuditSink;
import io.mystaff.testkit.fixtures.Fixtures;
import io.mystaff.testkit.fixtures.TenantFixture;
import io.mystaff.testkit.random.Seeds;
import io.mystaff.tests.workflows.Harness;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Races the facts an authorization rests on against the changes it permits. Four manager threads
 * reset passwords and edit phones of eight users as fast as they can while a fifth thread promotes
 * those users to Global Administrator and demotes them, revokes and restores the managers' roles,
 * moves users between units, re-creates a unit with the other restricted-management flag and marks
 * users as members of role-assignable groups.
 *
 * <p>The oracle sits where the change commits: a writer decorator extends every write's {@link
 * CommitCondition} so that, after core's own check passed and inside the directory's atomic
 * section, the engine decides the change again from facts this test reads itself from the
 * committing state. A change the rules forbid at that moment is a violation. The suite requires
 * none, and a control run with core's check removed shows the oracle finds them.
 */
class WriteRaceTest {
  private static final int WORKERS = 4;
  private static final int TARGETS = 8;
  private static final int MIN_RACES = Scale.of(10_000);
  private static final int MIN_CHANGES = Scale.of(10_000);
  private static final UnitId STORE = UnitId.of("store");
  private static final UnitId OTHER = UnitId.of("other");
  private static final List<String> MANAGERS =
      List.of("unitAuth1", "unitAuth2", "unitHelpdesk", "tenantAuth1", "tenantAuth2");

  @Test
  void tenThousandRacesOfFactChangesAgainstChanges_noChangeForbiddenAtCommit() throws Exception {
    long seed = Seeds.forTest("WriteRaceTest");
    Race race = new Race(seed, true);
    // until the commit check has caught a race too (a change is a few microseconds, so on a busy
    // machine ten thousand attempts may all fall between fact changes), within a bound
    race.run(MIN_RACES, MIN_CHANGES, 50 * MIN_CHANGES);
    System.out.printf(
        Locale.ROOT,
        "WriteRaceTest: seed %d, %d fact changes against %d change attempts on %d"
            + " threads: %d committed, %d denied, %d writes abandoned at commit because a fact changed,"
            + " %d forbidden at commit%n",
        seed,
        race.factChanges.get(),
        race.attempts.get(),
        WORKERS,
        race.committed.get(),
        race.denied.get(),
        race.abandoned.get(),
        race.violations.size());
    assertThat(race.violations)
        .as("changes the rules forbid at commit time (%s)", Seeds.replayFlag(seed))
        .isEmpty();
    assertThat(race.abandoned.get())
        .as("writes abandoned at commit: the races really happened")
        .isPositive();
    assertThat(race.unexpected).as("unexpected failures").isEmpty();
  }

  /** The same race with core's commit check taken out: the oracle must see forbidden changes. */
  @Test
  void withoutTheCommitCheck_theOracleFindsForbiddenChanges() throws Exception {
    long seed = Seeds.forTest("WriteRaceTest.control");
    Race race = new Race(seed, false);
    race.run(Integer.MAX_VALUE, Integer.MAX_VALUE, 200_000);
    System.out.printf(
        Locale.ROOT,
        "WriteRaceTest control (no commit check): seed %d, first forbidden change after"
            + " %d change attempts and %d fact changes: %s%n",
        seed,
        race.attempts.get(),
        race.factChanges.get(),
        race.violations.peek());
    assertThat(race.violations)
        .as("forbidden changes found without the commit check (%s)", Seeds.replayFlag(seed))
        .isNotEmpty();
  }

  private static final class Race {
    final Random random;
    final boolean enforce;
    final InMemoryDirectory directory;
    final AtomicInteger factChanges = new AtomicInteger();
    final AtomicInteger attempts = new AtomicInteger();
    final AtomicInteger committed = new AtomicInteger();
    final AtomicInteger denied = new AtomicInteger();
    final AtomicInteger abandoned = new AtomicInteger();
    final ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
    final AtomicLong ids = new AtomicLong();

    Race(long seed, boolean enforce) {
      this.random = new Random(seed);
      this.enforce = enforce;
      TenantFixture tenant = Fixtures.tenant().unit("store", "Store").unit("other", "Other");
      for (int t = 0; t < TARGETS; t++) {
        tenant.cloudUser("staff" + t, u -> u.in("store"));
      }
      tenant
          .admin("unitAuth1", AUTHENTICATION_ADMINISTRATOR, "store")
          .admin("unitAuth2", AUTHENTICATION_ADMINISTRATOR, "store", "other")
          .admin("unitHelpdesk", HELPDESK_ADMINISTRATOR, "store")
          .tenantAdmin("tenantAuth1", AUTHENTICATION_ADMINISTRATOR)
          .tenantAdmin("tenantAuth2", AUTHENTICATION_ADMINISTRATOR);
      this.directory = Harness.seeded(tenant.build()).passwordHashIterations(1).build();
    }

    /**
     * Races until there were {@code minChanges} change attempts and {@code minRaces} fact changes
     * and, when core's check is on, it abandoned at least one write; or until {@code maxChanges}
     * attempts; or, with the check off, until the first forbidden change.
     */
    void run(int minRaces, int minChanges, int maxChanges) throws Exception {
      RecordingAuditSink sink = new RecordingAuditSink();
      try (MyStaff myStaff =
          MyStaff.builder()
              .directory(directory)
              .directoryWriter(new Oracle())
              .auditSink(sink)
              .settings(
                  MyStaffSettings.builder()
                      .resetLimit(RateLimit.unlimited())
                      .phoneChangeLimit(RateLimit.unlimited())
                      .build()) // races, not rate limits
              .build()) {
        List<StaffSession> sessions = new ArrayList<>();
        for (String m : MANAGERS) {
          sessions.add(myStaff.signIn(SignInContext.of(UserId.of(m), true)));
        }
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS + 1);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
          Random r = new Random(random.nextLong());
          done.add(
              pool.submit(
                  () -> {
                    go.await();
                    while (!stop.get()) {
                      attempt(sessions.get(r.nextInt(sessions.size())), r);
                      int n = attempts.incrementAndGet();
                      if (n >= maxChanges
                          || (n >= minChanges
                              && factChanges.get() >= minRaces
                              && (!enforce || abandoned.get() > 0))
                          || (!enforce && !violations.isEmpty())) {
                        stop.set(true);
                      }
                    }
                    return null;
                  }));
        }
        Random chaos = new Random(random.nextLong());
        done.add(
            pool.submit(
                () -> {
                  go.await();
                  while (!stop.get()) {
                    changeAFact(chaos);
                    factChanges.incrementAndGet();
                  }
                  return null;
                }));
        go.countDown();
        for (Future<?> f : done) {
          f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
      }
    }

    private void attempt(StaffSession session, Random r) {
      UserId target = UserId.of("staff" + r.nextInt(TARGETS));
      try {
        switch (r.nextInt(3)) {
          case 0 -> session.resetPassword(target);
          case 1 ->
              session.setPhone(
                  target,
                  PhoneType.MOBILE,
                  String.format(Locale.ROOT, "+1425555%04d", r.nextInt(10_000)));
          default -> session.removePhone(target, PhoneType.MOBILE);
        }
        committed.incrementAndGet();
      } catch (io.mystaff.api.authz.AccessDeniedException e) {
        denied.incrementAndGet();
      } catch (MyStaffException e) {
        // STALE_VERSION after five rounds of losing races: a FAILED attempt, allowed
        // PHONE_METHOD_NOT_FOUND: removing a mobile the target does not have (any more), also
        // allowed
        if (e.code() != io.mystaff.api.ErrorCode.STALE_VERSION
            && e.code() != io.mystaff.api.ErrorCode.PHONE_METHOD_NOT_FOUND) {
          unexpected.add(e.toString());
        }
      } catch (RuntimeException e) {
        unexpected.add(e.toString());
      }
    }

    private void changeAFact(Random r) {
      UserId target = UserId.of("staff" + r.nextInt(TARGETS));
      switch (r.nextInt(6)) {
        case 0 ->
            directory.addAssignment(
                RoleAssignment.of(
                    AssignmentId.of("ga" + ids.incrementAndGet()),
                    target,
                    GLOBAL_ADMINISTRATOR,
                    Scope.tenant()));
        case 1 -> {
          for (RoleAssignment a : directory.assignmentsOf(target)) {
            directory.removeAssignment(a.id());
          }
        }
        case 2 -> {
          UserId manager = UserId.of(MANAGERS.get(r.nextInt(MANAGERS.size())));
          List<RoleAssignment> held = directory.assignmentsOf(manager);
          if (!held.isEmpty()) {
            RoleAssignment revoked = held.get(0);
            directory.removeAssignment(revoked.id());
            directory.addAssignment(
                new RoleAssignment(
                    AssignmentId.of("re" + ids.incrementAndGet()),
                    revoked.principal(),
                    revoked.role(),
                    revoked.scope(),
                    revoked.start(),
                    revoked.end()));
          }
        }
        case 3 -> {
          boolean inStore = directory.unitsOf(target).contains(STORE);
          directory.removeMember(inStore ? STORE : OTHER, target);
          directory.addMember(inStore ? OTHER : STORE, target);
        }
        case 4 -> recreateStoreWithTheOtherRestrictedFlag();
        default ->
            directory.setRoleAssignableGroupMember(
                target, !directory.isRoleAssignableGroupMember(target));
      }
    }

    /**
     * The restricted-management flag is fixed at creation: remove the store and create it again
     * with the other flag, with its members and the managers' assignments scoped to it.
     */
    private void recreateStoreWithTheOtherRestrictedFlag() {
      AdministrativeUnit store = directory.findUnit(STORE).orElseThrow();
      List<UserId> members = new ArrayList<>();
      for (int t = 0; t < TARGETS; t++) {
        UserId user = UserId.of("staff" + t);
        if (directory.unitsOf(user).contains(STORE)) {
          members.add(user);
        }
      }
      List<RoleAssignment> scoped = new ArrayList<>();
      for (String manager : MANAGERS) {
        for (RoleAssignment a : directory.assignmentsOf(UserId.of(manager))) {
          if (a.scope().equals(Scope.unit(STORE))) {
            scoped.add(a);
          }
        }
      }
      directory.removeUnit(STORE);
      directory.putUnit(store.withRestrictedManagement(!store.restrictedManagement()));
      members.forEach(user -> directory.addMember(STORE, user));
      scoped.forEach(directory::addAssignment);
    }

    /**
     * The directory's writer, whose commit conditions are followed by the oracle's own decision
     * from the committing state (or, in the control run, replaced by it).
     */
    private final class Oracle extends ForwardingDirectoryWriter {
      Oracle() {
        super(directory);
      }

      @Override
      public User setPhone(
          UserId user,
          long expectedVersion,
          PhoneType type,
          Optional<PhoneNumber> number,
          AuditEvent event,
          CommitCondition condition) {
        return super.setPhone(
            user, expectedVersion, type, number, event, checked(condition, event));
      }

      @Override
      public User setPassword(
          UserId user,
          long expectedVersion,
          Secret password,
          boolean force,
          AuditEvent event,
          CommitCondition condition) {
        return super.setPassword(
            user, expectedVersion, password, force, event, checked(condition, event));
      }

      private CommitCondition checked(CommitCondition core, AuditEvent event) {
        return current -> {
          if (enforce) {
            try {
              core.verify(current);
            } catch (RuntimeException e) {
              abandoned.incrementAndGet();
              throw e;
            }
          }
          judge(current, event);
        };
      }

      private void judge(Directory current, AuditEvent event) {
        UserId manager = event.initiatedBy().id();
        UserId target = UserId.of(event.targets().get(0).id());
        StaffAction action =
            event.activity() == AuditActivity.RESET_PASSWORD
                ? StaffAction.RESET_PASSWORD
                : StaffAction.MANAGE_PHONES;
        Decision decision =
            AuthorizationEngine.standard()
                .decide(
                    new ActorFacts(manager, current.assignmentsOf(manager)),
                    action,
                    targetFacts(current, target),
                    current.roles(),
                    Clock.systemUTC().instant());
        if (!(decision instanceof Decision.Permit)) {
          violations.add(event.activity() + " of " + target + " by " + manager + ": " + decision);
        }
      }

      /** The target's facts as this test reads them, independently of core's reader. */
      private TargetFacts targetFacts(Directory current, UserId target) {
        Set<UnitId> units = current.unitsOf(target);
        List<RoleAssignment> held = current.assignmentsOf(target);
        Set<UnitId> restricted = new HashSet<>();
        for (UnitId u : units) {
          if (current.findUnit(u).map(AdministrativeUnit::restrictedManagement).orElse(false)) {
            restricted.add(u);
          }
        }
        return new TargetFacts(
            target, units, restricted, held, current.isRoleAssignableGroupMember(target));
      }
    }
  }
}
