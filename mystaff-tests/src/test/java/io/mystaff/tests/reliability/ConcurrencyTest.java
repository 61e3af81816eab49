package io.mystaff.tests.reliability;

import static io.mystaff.api.authz.BuiltInRole.AUTHENTICATION_ADMINISTRATOR;
import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.StaleVersionException;
import io.mystaff.api.UserId;
import io.mystaff.api.access.SignInContext;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.audit.ModifiedProperty;
import io.mystaff.api.directory.PhoneMethodNotFoundException;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.directory.User;
import io.mystaff.core.MyStaff;
import io.mystaff.core.MyStaffSettings;
import io.mystaff.core.RateLimit;
import io.mystaff.core.StaffSession;
import io.mystaff.core.phone.PhoneNumberParser;
import io.mystaff.inmemory.InMemoryDirectory;
import io.mystaff.testkit.fakes.RecordingAuditSink;
import io.mystaff.testkit.fixtures.Fixtures;
import io.mystaff.testkit.fixtures.TenantFixture;
import io.mystaff.testkit.random.Seeds;
import io.mystaff.tests.workflows.Harness;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Sixteen managers, each on their own thread and session, edit the phones of the same four users
 * and reset their passwords at once. Afterwards the audit trail must be a linearization of what
 * happened: for every user and phone type, the SUCCEEDED events in the order the sink received them
 * form one unbroken chain (each event's old value is the previous event's new value) from the
 * initial number to the number the directory holds; and every attempt has exactly one event.
 */
class ConcurrencyTest {
  /** Audit values of phones are in Graph's format. */
  private static final PhoneNumberParser GRAPH = PhoneNumberParser.international();

  private static final int THREADS = 16;
  private static final int TARGETS = 4;
  private static final int OPS_PER_THREAD = Scale.of(150);

  @Test
  void sixteenManagers_sameUsers_noLostUpdate_oneEventPerAttempt() throws Exception {
    long seed = Seeds.forTest("ConcurrencyTest");
    TenantFixture tenant = Fixtures.tenant().unit("store", "Store");
    for (int t = 0; t < TARGETS; t++) {
      tenant.cloudUser("staff" + t, u -> u.in("store"));
    }
    for (int m = 0; m < THREADS; m++) {
      tenant.admin("manager" + m, AUTHENTICATION_ADMINISTRATOR, "store");
    }
    InMemoryDirectory directory = Harness.seeded(tenant.build()).passwordHashIterations(1).build();
    Map<UserId, User> initial = new HashMap<>();
    for (int t = 0; t < TARGETS; t++) {
      initial.put(UserId.of("staff" + t), directory.findUser(UserId.of("staff" + t)).orElseThrow());
    }
    RecordingAuditSink sink = new RecordingAuditSink();
    AtomicInteger attempts = new AtomicInteger();
    AtomicInteger stale = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    List<CorrelationId> succeeded = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger numbers = new AtomicInteger();
    long started = System.nanoTime();
    try (MyStaff myStaff =
        MyStaff.builder()
            .directory(directory)
            .directoryWriter(directory)
            .auditSink(sink)
            .settings(
                MyStaffSettings.builder()
                    .resetLimit(RateLimit.unlimited())
                    .phoneChangeLimit(RateLimit.unlimited())
                    .build()) // concurrency, not rate limits
            .build()) {
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int m = 0; m < THREADS; m++) {
        StaffSession session = myStaff.signIn(SignInContext.of(UserId.of("manager" + m), true));
        Random r = Seeds.random(Seeds.derive(seed, m));
        done.add(
            pool.submit(
                () -> {
                  go.await();
                  for (int i = 0; i < OPS_PER_THREAD; i++) {
                    UserId target = UserId.of("staff" + r.nextInt(TARGETS));
                    PhoneType type = PhoneType.values()[r.nextInt(PhoneType.values().length)];
                    int k = r.nextInt(20);
                    attempts.incrementAndGet();
                    try {
                      if (k < 14) {
                        int n = numbers.incrementAndGet();
                        String raw =
                            String.format(
                                Locale.ROOT, "+1%03d555%04d", 201 + n / 10_000, n % 10_000);
                        succeeded.add(session.setPhone(target, type, raw).correlationId());
                      } else if (k < 17) {
                        succeeded.add(session.removePhone(target, type).correlationId());
                      } else {
                        succeeded.add(session.resetPassword(target).correlationId());
                      }
                    } catch (StaleVersionException e) {
                      stale.incrementAndGet();
                    } catch (PhoneMethodNotFoundException | InvalidInputException e) {
                      refused.incrementAndGet(); // Graph's phone rules on the user as it was then
                    }
                  }
                  return null;
                }));
      }
      sink.clear(); // the sign-ins
      go.countDown();
      for (Future<?> f : done) {
        f.get(5, TimeUnit.MINUTES);
      }
      pool.shutdown();
      myStaff.flushAudit();
    }
    long millis = (System.nanoTime() - started) / 1_000_000;

    List<AuditEvent> events = sink.events();
    String context = "seed " + seed + " (" + Seeds.replayFlag(Seeds.base()) + ")";
    assertThat(events).as(context).hasSize(attempts.get());
    Set<CorrelationId> ids = new HashSet<>();
    events.forEach(
        e ->
            assertThat(ids.add(e.correlationId()))
                .as("one event per attempt, %s", context)
                .isTrue());
    Set<CorrelationId> succeededIds = new HashSet<>();
    events.stream()
        .filter(e -> e.outcome() == AuditOutcome.SUCCEEDED)
        .forEach(e -> succeededIds.add(e.correlationId()));
    assertThat(succeededIds).as(context).isEqualTo(new HashSet<>(succeeded));
    assertThat(events)
        .filteredOn(e -> e.outcome() != AuditOutcome.SUCCEEDED)
        .as(context)
        .allSatisfy(
            e ->
                assertThat(e.resultReason().orElseThrow())
                    .isIn(
                        "CONCURRENT_MODIFICATION",
                        "PHONE_METHOD_NOT_FOUND",
                        "ALTERNATE_MOBILE_REQUIRES_MOBILE",
                        "MOBILE_REQUIRED_BY_ALTERNATE_MOBILE"));
    assertThat(events)
        .filteredOn(e -> e.outcome() != AuditOutcome.SUCCEEDED)
        .filteredOn(e -> !e.resultReason().orElseThrow().equals("CONCURRENT_MODIFICATION"))
        .as(context)
        .hasSize(refused.get());

    int links = 0;
    for (int t = 0; t < TARGETS; t++) {
      UserId target = UserId.of("staff" + t);
      User last = directory.findUser(target).orElseThrow();
      boolean reset = false;
      for (PhoneType type : PhoneType.values()) {
        Optional<String> current = initial.get(target).phone(type).map(GRAPH::toGraphFormat);
        for (AuditEvent e : events) {
          if (e.outcome() != AuditOutcome.SUCCEEDED
              || !e.targets().get(0).id().equals(target.value())) {
            continue;
          }
          if (e.activity() == AuditActivity.RESET_PASSWORD) {
            reset = true;
            continue;
          }
          ModifiedProperty p = e.targets().get(0).modifiedProperties().get(0);
          if (p.displayName().equals(type.graphName() + "PhoneNumber")) {
            assertThat(p.oldValue())
                .as("lost update before %s on %s %s, %s", e.id(), target, type, context)
                .isEqualTo(current);
            current = p.newValue();
            links++;
          }
        }
        assertThat(last.phone(type).map(GRAPH::toGraphFormat))
            .as("final %s %s, %s", target, type, context)
            .isEqualTo(current);
      }
      assertThat(last.forceChangePasswordNextSignIn()).isEqualTo(reset);
    }
    System.out.printf(
        Locale.ROOT,
        "concurrency: seed %d, %d threads, %d attempts, %d succeeded, %d gave up"
            + " (CONCURRENT_MODIFICATION), %d phone links checked, 0 lost updates, %d ms%n",
        seed,
        THREADS,
        attempts.get(),
        succeeded.size(),
        stale.get(),
        links,
        millis);
  }
}
