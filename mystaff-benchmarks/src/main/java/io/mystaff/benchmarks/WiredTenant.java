package io.mystaff.benchmarks;

import io.mystaff.api.access.SignInContext;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.core.MyStaff;
import io.mystaff.core.MyStaffSettings;
import io.mystaff.core.RateLimit;
import io.mystaff.core.StaffSession;
import io.mystaff.core.authz.AuthorizationEngine;
import io.mystaff.inmemory.InMemoryAuditLog;
import io.mystaff.inmemory.InMemoryDirectory;
import io.mystaff.spi.PasswordWriteback;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * A {@link Workload} loaded into an {@link InMemoryDirectory} and wired into a {@link MyStaff} as a
 * host would: the directory as reader and writer, an {@link InMemoryAuditLog} as the sink (cleared
 * whenever it reaches {@link #AUDIT_LOG_CAPACITY} events, so a long run keeps its memory bounded;
 * the log itself never drops events), a clock fixed at {@link Workload#NOW}, and optionally a
 * password writeback.
 */
final class WiredTenant implements AutoCloseable {
  static final int AUDIT_LOG_CAPACITY = 100_000;

  final Workload workload;
  final InMemoryDirectory directory;
  final InMemoryAuditLog log = new InMemoryAuditLog();
  final MyStaff myStaff;

  WiredTenant(
      Workload workload, InMemoryDirectory directory, Optional<PasswordWriteback> writeback) {
    this.workload = workload;
    this.directory = directory;
    MyStaff.Builder b =
        MyStaff.builder()
            .directory(directory)
            .directoryWriter(directory)
            .auditSink(
                event -> {
                  if (log.size() >= AUDIT_LOG_CAPACITY) {
                    log.clear();
                  }
                  log.record(event);
                })
            .auditRelay(Runnable::run) // measure the relay as part of each change, as before
            .clock(Clock.fixed(Workload.NOW, ZoneOffset.UTC))
            // a fixed clock never refills a rate limit: measure the changes, not their denial
            .settings(
                MyStaffSettings.builder()
                    .resetLimit(RateLimit.unlimited())
                    .phoneChangeLimit(RateLimit.unlimited())
                    .build());
    writeback.ifPresent(b::passwordWriteback);
    this.myStaff = b.build();
  }

  /** Signs manager {@code i} in (with multifactor authentication); the sign-in is audited. */
  StaffSession signIn(int i) {
    return myStaff.signIn(SignInContext.of(Workload.userId(i), true));
  }

  /** The first manager whose roles, active now, let them reset passwords somewhere. */
  int firstPasswordManager() {
    AuthorizationEngine engine = AuthorizationEngine.standard();
    for (int i = 0; i < workload.managers; i++) {
      if (!engine
          .scopesFor(workload.actor(i), StaffAction.RESET_PASSWORD, workload.catalog, Workload.NOW)
          .isEmpty()) {
        return i;
      }
    }
    throw new IllegalStateException("no manager may reset passwords (seed " + workload.seed + ")");
  }

  @Override
  public void close() {
    myStaff.close();
  }
}
