package io.mystaff.tests.reliability;

import static io.mystaff.api.authz.BuiltInRole.AUTHENTICATION_ADMINISTRATOR;
import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.UserId;
import io.mystaff.api.access.SignInContext;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.core.MyStaff;
import io.mystaff.core.MyStaffSettings;
import io.mystaff.core.RateLimit;
import io.mystaff.core.StaffSession;
import io.mystaff.inmemory.InMemoryAuditLog;
import io.mystaff.inmemory.InMemoryDirectory;
import io.mystaff.spi.AuditSink;
import io.mystaff.testkit.fixtures.Fixtures;
import io.mystaff.testkit.fixtures.TenantFixture;
import io.mystaff.tests.workflows.Harness;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A slow audit sink does not slow changes down. The sink takes 200 ms per change event and, to make
 * the point without measuring time, does not even start until the test lets it: six managers each
 * make five phone edits at once, and every one of the thirty changes returns while the sink still
 * holds the first event. Then the sink is let go, and every event arrives.
 */
class SlowAuditSinkTest {
  private static final int MANAGERS = 6;
  private static final int EDITS = 5;
  private static final long SINK_MILLIS = 200;

  @Test
  void slowSink_sixConcurrentManagers_everyChangeReturnsBeforeTheSinkStoresAnything()
      throws Exception {
    TenantFixture tenant = Fixtures.tenant().unit("store", "Store");
    for (int m = 0; m < MANAGERS; m++) {
      tenant.cloudUser("staff" + m, u -> u.in("store"));
      tenant.admin("manager" + m, AUTHENTICATION_ADMINISTRATOR, "store");
    }
    InMemoryDirectory directory = Harness.directoryOf(tenant.build());
    InMemoryAuditLog log = new InMemoryAuditLog();
    CountDownLatch sinkMayStart = new CountDownLatch(1);
    AuditSink slow =
        event -> {
          if (isChange(event)) {
            try {
              sinkMayStart.await();
              Thread.sleep(SINK_MILLIS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new IllegalStateException("interrupted", e);
            }
          }
          log.record(event);
        };
    try (MyStaff myStaff =
        MyStaff.builder()
            .directory(directory)
            .directoryWriter(directory)
            .auditSink(slow)
            .settings(
                MyStaffSettings.builder()
                    .resetLimit(RateLimit.unlimited())
                    .phoneChangeLimit(RateLimit.unlimited())
                    .build())
            .build()) {
      List<StaffSession> sessions = new ArrayList<>();
      for (int m = 0; m < MANAGERS; m++) {
        sessions.add(myStaff.signIn(SignInContext.of(UserId.of("manager" + m), true)));
      }
      ExecutorService pool = Executors.newFixedThreadPool(MANAGERS);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int m = 0; m < MANAGERS; m++) {
        StaffSession session = sessions.get(m);
        UserId target = UserId.of("staff" + m);
        done.add(
            pool.submit(
                () -> {
                  go.await();
                  for (int i = 0; i < EDITS; i++) {
                    session.setPhone(
                        target, PhoneType.MOBILE, String.format(Locale.ROOT, "+1425555%04d", i));
                  }
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get(
            60, TimeUnit.SECONDS); // with the relay on the changes' path, these would wait forever
      }
      pool.shutdown();
      assertThat(log.all().stream().filter(SlowAuditSinkTest::isChange))
          .as("change events stored while every change had already returned")
          .isEmpty();
      assertThat(directory.pendingAuditEvents(1_000))
          .as("every change committed its event to the outbox")
          .hasSize(MANAGERS * EDITS);

      sinkMayStart.countDown();
      myStaff.flushAudit();
      assertThat(log.all().stream().filter(SlowAuditSinkTest::isChange))
          .as("every change's event in the sink")
          .hasSize(MANAGERS * EDITS);
      assertThat(directory.pendingAuditEvents(1_000)).isEmpty();
    }
  }

  private static boolean isChange(AuditEvent event) {
    return event.outcome() == AuditOutcome.SUCCEEDED && event.activity() != AuditActivity.SIGN_IN;
  }
}
