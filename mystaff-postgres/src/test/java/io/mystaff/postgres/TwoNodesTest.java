package io.mystaff.postgres;

import static io.mystaff.api.directory.PhoneType.MOBILE;
import static io.mystaff.api.directory.PhoneType.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.MyStaffException;
import io.mystaff.api.StaleVersionException;
import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.authz.BuiltInRole;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.User;
import io.mystaff.api.password.Secret;
import io.mystaff.api.password.WritebackResult;
import io.mystaff.api.password.WritebackStatus;
import io.mystaff.core.PasswordResetResult;
import io.mystaff.core.StaffSession;
import io.mystaff.testkit.fixtures.Fixtures;
import io.mystaff.testkit.fixtures.Tenant;
import io.mystaff.testkit.fixtures.TenantFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two nodes of one host (two {@link io.mystaff.core.MyStaff}, two pools) on one database and
 * directory: no lost update, exactly one final event per attempt, nothing lost when a node dies
 * between commit and relay, and every writeback ends after its node died.
 */
class TwoNodesTest {
  private static final int THREADS = 16;
  private static final int OPS_PER_THREAD = 12;
  private static final int STAFF = 8;

  private static Tenant tenant() {
    TenantFixture t = Fixtures.tenant().unit("store-1", "Store 1");
    for (int i = 0; i < STAFF; i++) {
      t.cloudUser(staff(i).value(), u -> u.in("store-1"));
    }
    for (int i = 0; i < 4; i++) {
      t.syncedUser("sam-" + i, "sam" + i, u -> u.in("store-1"));
    }
    return t.admin("mgr", BuiltInRole.HELPDESK_ADMINISTRATOR, "store-1")
        .admin("mgr", BuiltInRole.AUTHENTICATION_ADMINISTRATOR, "store-1")
        .build();
  }

  private static UserId staff(int i) {
    return UserId.of(String.format(Locale.ROOT, "staff-%02d", i));
  }

  private static String seed() {
    String name = TestDatabase.freshName("nodes");
    TestDatabase.seed(TestDatabase.directory(TestDatabase.dataSource(), name), tenant());
    return name;
  }

  private static Node node(String name, Tenant tenant, boolean auditInTransaction) {
    return new Node(
        name,
        synced(tenant),
        Duration.ofMinutes(1),
        Runnable::run,
        Duration.ZERO,
        auditInTransaction);
  }

  private static List<User> synced(Tenant tenant) {
    return tenant.users().stream().filter(User::isSynced).toList();
  }

  @Test
  void compareAndSet_sixteenThreadsAcrossTwoNodes_loseNoUpdate() throws Exception {
    String name = seed();
    PostgresDirectory a = TestDatabase.directory(TestDatabase.dataSource(), name);
    try (var poolB = TestDatabase.newPool(8)) {
      PostgresDirectory b = TestDatabase.directory(poolB, name);
      UserId user = staff(0);
      User start = a.findUser(user).orElseThrow();
      a.setPhone(user, start.version(), MOBILE, Optional.of(counter(0)), event("start", user));
      AtomicInteger ids = new AtomicInteger();
      List<Callable<Void>> writers = new ArrayList<>();
      CyclicBarrier go = new CyclicBarrier(THREADS);
      for (int t = 0; t < THREADS; t++) {
        PostgresDirectory node = t % 2 == 0 ? a : b;
        writers.add(
            () -> {
              go.await();
              for (int done = 0; done < OPS_PER_THREAD; ) {
                User u = node.findUser(user).orElseThrow();
                int value = valueOf(u.phone(MOBILE).orElseThrow());
                try {
                  node.setPhone(
                      user,
                      u.version(),
                      MOBILE,
                      Optional.of(counter(value + 1)),
                      event("inc-" + ids.incrementAndGet(), user));
                  done++;
                } catch (StaleVersionException lost) {
                  // another writer won this version: read again and retry
                }
              }
              return null;
            });
      }
      runAll(writers);
      int total = THREADS * OPS_PER_THREAD;
      assertThat(valueOf(b.findUser(user).orElseThrow().phone(MOBILE).orElseThrow()))
          .as("every one of %d compare-and-set increments across two nodes survives", total)
          .isEqualTo(total);
      assertThat(a.pendingAuditEvents(total + 10)).hasSize(total + 1);
    }
  }

  @ParameterizedTest(name = "audit in the write''s transaction: {0}")
  @ValueSource(booleans = {false, true})
  void myStaff_sixteenThreadsOnTwoNodes_oneFinalEventPerAttemptAndEveryChangeAudited(
      boolean auditInTransaction) throws Exception {
    String name = seed();
    Tenant tenant = tenant();
    try (Node n1 = node(name, tenant, auditInTransaction);
        Node n2 = node(name, tenant, auditInTransaction)) {
      Map<CorrelationId, String> succeeded = new ConcurrentHashMap<>();
      AtomicInteger refused = new AtomicInteger();
      List<Callable<Void>> workers = new ArrayList<>();
      CyclicBarrier go = new CyclicBarrier(THREADS);
      for (int t = 0; t < THREADS; t++) {
        Node node = t % 2 == 0 ? n1 : n2;
        int thread = t;
        workers.add(
            () -> {
              StaffSession mgr = node.signIn("mgr");
              go.await();
              for (int i = 0; i < OPS_PER_THREAD; i++) {
                UserId target = staff((thread + i) % STAFF);
                try {
                  if (i % 3 == 2) {
                    PasswordResetResult r = mgr.resetPassword(target);
                    succeeded.put(r.correlationId(), "reset");
                  } else {
                    String number = String.format(Locale.ROOT, "+1425555%02d%02d", thread, i);
                    succeeded.put(mgr.setPhone(target, OFFICE, number).correlationId(), "phone");
                  }
                } catch (MyStaffException typed) {
                  refused
                      .incrementAndGet(); // e.g. every compare-and-set round lost: audited FAILED
                }
              }
              return null;
            });
      }
      runAll(workers);
      n1.myStaff.flushAudit();
      n2.myStaff.flushAudit();

      assertThat(n1.directory.pendingAuditEvents(10))
          .as("outbox after both nodes flushed")
          .isEmpty();
      List<AuditEvent> events = n1.sink.find(AuditQuery.all());
      Map<CorrelationId, List<AuditEvent>> finals = finalEventsByAttempt(events);
      assertThat(finals.values())
          .as("every attempt has exactly one final event")
          .allSatisfy(list -> assertThat(list).hasSize(1));
      assertThat(finals).hasSize(THREADS * OPS_PER_THREAD);
      for (Map.Entry<CorrelationId, String> ok : succeeded.entrySet()) {
        assertThat(finals.get(ok.getKey()))
            .as("the final event of successful %s %s", ok.getValue(), ok.getKey())
            .singleElement()
            .satisfies(e -> assertThat(e.outcome()).isEqualTo(AuditOutcome.SUCCEEDED));
      }
      assertThat(succeeded.size() + refused.get()).isEqualTo(THREADS * OPS_PER_THREAD);
    }
  }

  @Test
  void nodeKilledBetweenCommitAndRelay_otherNodeDeliversEveryEvent() throws Exception {
    String name = seed();
    Tenant tenant = tenant();
    List<CorrelationId> committed = new ArrayList<>();
    Node doomed = new Node(name, synced(tenant), Duration.ofMinutes(1), relay -> {});
    try {
      StaffSession mgr = doomed.signIn("mgr");
      for (int i = 0; i < 5; i++) {
        committed.add(mgr.setPhone(staff(i), OFFICE, "+142555501" + i + "0").correlationId());
      }
      committed.add(mgr.resetPassword(staff(5)).correlationId());
    } finally {
      doomed.kill(); // its relay never ran: the events are committed in the outbox only
    }
    try (Node survivor = new Node(name, synced(tenant), Duration.ofMinutes(1), Runnable::run)) {
      PostgresOutboxRelay relay =
          PostgresOutboxRelay.create(survivor.pool, name, survivor.sink, 100);
      assertThat(relay.relayAll()).as("events relayed by the surviving node").isEqualTo(6);
      Map<CorrelationId, List<AuditEvent>> finals =
          finalEventsByAttempt(survivor.sink.find(AuditQuery.all()));
      for (CorrelationId id : committed) {
        assertThat(finals.get(id))
            .as("final event of %s, committed by the dead node", id)
            .singleElement()
            .satisfies(e -> assertThat(e.outcome()).isEqualTo(AuditOutcome.SUCCEEDED));
      }
      assertThat(survivor.directory.pendingAuditEvents(10)).isEmpty();
    }
  }

  @Test
  void writebackNodeDiesMidJob_otherNodeEndsItFailedOnceAfterTheLease() throws Exception {
    String name = seed();
    Tenant tenant = tenant();
    List<CorrelationId> started = new ArrayList<>();
    Node doomed = new Node(name, synced(tenant), Duration.ofMillis(500), Runnable::run);
    doomed.writeback.stall(); // the on-premises side never answers this node
    try {
      StaffSession mgr = doomed.signIn("mgr");
      for (int i = 0; i < 4; i++) {
        PasswordResetResult r =
            mgr.resetPassword(UserId.of("sam-" + i), Secret.of("Correct-Horse-4" + i));
        assertThat(r).isInstanceOf(PasswordResetResult.WritebackPending.class);
        started.add(r.correlationId());
      }
    } finally {
      doomed.kill(); // dies mid-job: its deadline timer can no longer reach the database
    }
    try (Node survivor = new Node(name, synced(tenant), Duration.ofMinutes(1), Runnable::run)) {
      List<CorrelationId> ended = new ArrayList<>();
      long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (ended.size() < started.size() && System.nanoTime() - until < 0) {
        ended.addAll(survivor.journal.takeOverExpired());
        Thread.sleep(50);
      }
      assertThat(ended).as("writebacks taken over").containsExactlyInAnyOrderElementsOf(started);
      assertThat(survivor.journal.running()).as("writebacks still running").isEmpty();
      survivor.myStaff.flushAudit();
      Map<CorrelationId, List<AuditEvent>> finals =
          finalEventsByAttempt(survivor.sink.find(AuditQuery.all()));
      for (CorrelationId id : started) {
        assertThat(survivor.sink.find(AuditQuery.all().correlationId(id)))
            .extracting(AuditEvent::outcome)
            .as("events of writeback %s", id)
            .containsExactly(AuditOutcome.PENDING, AuditOutcome.FAILED);
        assertThat(finals.get(id))
            .singleElement()
            .satisfies(e -> assertThat(e.resultReason()).contains("WRITEBACK_UNKNOWN"));
      }
      assertThat(survivor.journal.takeOverExpired()).as("a second takeover").isEmpty();
    } finally {
      doomed.writeback.close();
    }
  }

  @Test
  void writebackNodeDiesMidJob_survivingMyStaffEndsItOnItsOwn() throws Exception {
    String name = seed();
    Tenant tenant = tenant();
    List<CorrelationId> started = new ArrayList<>();
    Node doomed = new Node(name, synced(tenant), Duration.ofMillis(300), Runnable::run);
    doomed.writeback.stall();
    try {
      StaffSession mgr = doomed.signIn("mgr");
      for (int i = 0; i < 3; i++) {
        started.add(
            mgr.resetPassword(UserId.of("sam-" + i), Secret.of("Correct-Horse-4" + i))
                .correlationId());
      }
    } finally {
      doomed.kill();
    }
    // No host code calls the journal: the surviving MyStaff's own takeover thread ends them.
    try (Node survivor =
        new Node(
            name, synced(tenant), Duration.ofMinutes(1), Runnable::run, Duration.ofMillis(50))) {
      long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (!survivor.journal.running().isEmpty() && System.nanoTime() - until < 0) {
        Thread.sleep(20);
      }
      assertThat(survivor.journal.running()).as("writebacks still running").isEmpty();
      Map<CorrelationId, List<AuditEvent>> finals = Map.of();
      while (System.nanoTime() - until < 0) {
        finals = finalEventsByAttempt(survivor.sink.find(AuditQuery.all()));
        if (finals.keySet().containsAll(started)) {
          break;
        }
        Thread.sleep(20);
      }
      for (CorrelationId id : started) {
        assertThat(survivor.sink.find(AuditQuery.all().correlationId(id)))
            .extracting(AuditEvent::outcome)
            .as("events of writeback %s, relayed without flushAudit", id)
            .containsExactly(AuditOutcome.PENDING, AuditOutcome.FAILED);
        assertThat(survivor.journal.status(id)).isEqualTo(WritebackStatus.FAILED);
      }
      assertThat(survivor.myStaff.takeOverExpiredWritebacks()).as("a later takeover").isEmpty();
    } finally {
      doomed.writeback.close();
    }
  }

  @Test
  void writebackDeadlineRacesTakeover_exactlyOneFinalEventEach() throws Exception {
    String name = seed();
    Tenant tenant = tenant();
    try (Node slow = new Node(name, synced(tenant), Duration.ofMillis(300), Runnable::run);
        Node other = new Node(name, synced(tenant), Duration.ofMinutes(1), Runnable::run)) {
      slow.writeback.stall();
      StaffSession mgr = slow.signIn("mgr");
      List<CorrelationId> started = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        started.add(
            mgr.resetPassword(UserId.of("sam-" + i), Secret.of("Correct-Horse-4" + i))
                .correlationId());
      }
      // The slow node's own deadline (UNREACHABLE) and the other node's takeover race for each.
      long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (!slow.journal.running().isEmpty() && System.nanoTime() - until < 0) {
        other.journal.takeOverExpired();
        Thread.sleep(20);
      }
      slow.myStaff.flushAudit();
      other.myStaff.flushAudit();
      Map<CorrelationId, List<AuditEvent>> finals =
          finalEventsByAttempt(other.sink.find(AuditQuery.all()));
      for (CorrelationId id : started) {
        assertThat(finals.get(id)).as("final events of %s", id).hasSize(1);
      }
      slow.writeback.resume();
    }
  }

  @Test
  void journalCannotRecordTheEnd_leaseExpires_takeoverRecordsTheOnlyFinalEvent() throws Exception {
    String name = seed();
    Tenant tenant = tenant();
    try (Node owner = new Node(name, synced(tenant), Duration.ofMillis(400), Runnable::run);
        Node other = new Node(name, synced(tenant), Duration.ofMinutes(1), Runnable::run)) {
      // The database fails every attempt of the owner's journal to record the writeback's end.
      owner.journalFaults.failNext("SET state = 'ENDED'", "08006", Integer.MAX_VALUE);
      PasswordResetResult.WritebackPending started =
          (PasswordResetResult.WritebackPending)
              owner.signIn("mgr").resetPassword(UserId.of("sam-0"), Secret.of("Correct-Horse-40"));
      CorrelationId id = started.correlationId();
      WritebackResult result =
          started.writeback().completion().toCompletableFuture().get(20, TimeUnit.SECONDS);
      assertThat(result.isSuccess()).as("the on-premises side applied the password").isTrue();
      assertThat(owner.journalFaults.injected).as("failed attempts to end it").hasPositiveValue();
      owner.myStaff.flushAudit();

      List<CorrelationId> ended = new ArrayList<>();
      long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (ended.isEmpty() && System.nanoTime() - until < 0) {
        ended.addAll(other.journal.takeOverExpired());
        Thread.sleep(20);
      }
      assertThat(ended).as("taken over after the lease").containsExactly(id);
      other.myStaff.flushAudit();

      assertThat(other.sink.find(AuditQuery.all().correlationId(id)))
          .extracting(AuditEvent::outcome)
          .as("events of the writeback whose end the journal could not record")
          .containsExactly(AuditOutcome.PENDING, AuditOutcome.FAILED);
      assertThat(other.journal.status(id)).isEqualTo(WritebackStatus.FAILED);
      assertThat(other.journal.running()).isEmpty();
      assertThat(other.journal.takeOverExpired()).as("a second takeover").isEmpty();
    }
  }

  // ----------------------------------------------------------------------------------------------

  /** The final (non-PENDING) events of password resets and phone changes, by attempt. */
  private static Map<CorrelationId, List<AuditEvent>> finalEventsByAttempt(List<AuditEvent> all) {
    Map<CorrelationId, List<AuditEvent>> out = new HashMap<>();
    for (AuditEvent e : all) {
      boolean change =
          switch (e.activity()) {
            case RESET_PASSWORD, ADD_PHONE, UPDATE_PHONE, DELETE_PHONE -> true;
            default -> false;
          };
      if (change && e.outcome() != AuditOutcome.PENDING) {
        out.computeIfAbsent(e.correlationId(), k -> new ArrayList<>()).add(e);
      }
    }
    return out;
  }

  private static void runAll(List<Callable<Void>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    try {
      for (Future<Void> f : pool.invokeAll(tasks)) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static AuditEvent event(String id, UserId target) {
    return PostgresAuditSinkTest.event(id, Instant.now(), "admin", target.value(), "c-" + id);
  }

  private static PhoneNumber counter(int value) {
    return PhoneNumber.of(String.format(Locale.ROOT, "+1425555%04d", value));
  }

  private static int valueOf(PhoneNumber phone) {
    return Integer.parseInt(phone.e164().substring(phone.e164().length() - 4));
  }
}
