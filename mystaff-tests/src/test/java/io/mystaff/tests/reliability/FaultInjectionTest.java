package io.mystaff.tests.reliability;

import static io.mystaff.api.authz.BuiltInRole.AUTHENTICATION_ADMINISTRATOR;
import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.MyStaffException;
import io.mystaff.api.ProviderFailureException;
import io.mystaff.api.UserId;
import io.mystaff.api.access.SignInContext;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.directory.User;
import io.mystaff.api.password.PasswordHistory;
import io.mystaff.api.password.Secret;
import io.mystaff.api.password.WritebackFailure;
import io.mystaff.api.password.WritebackResult;
import io.mystaff.core.MyStaff;
import io.mystaff.core.MyStaffSettings;
import io.mystaff.core.PasswordResetResult;
import io.mystaff.core.RateLimit;
import io.mystaff.core.StaffSession;
import io.mystaff.core.WritebackHandle;
import io.mystaff.core.phone.PhoneNumberParser;
import io.mystaff.inmemory.InMemoryDirectory;
import io.mystaff.spi.PasswordWriteback;
import io.mystaff.spi.WritebackListener;
import io.mystaff.spi.WritebackRequest;
import io.mystaff.testkit.fakes.FailingAuditSink;
import io.mystaff.testkit.fakes.FailingDirectory;
import io.mystaff.testkit.fakes.RecordingAuditSink;
import io.mystaff.testkit.fakes.ScriptableWriteback;
import io.mystaff.testkit.fixtures.Fixtures;
import io.mystaff.testkit.fixtures.TenantFixture;
import io.mystaff.testkit.random.Property;
import io.mystaff.testkit.random.Seeds;
import io.mystaff.tests.workflows.Harness;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Random faults in every provider while managers work: the audit sink fails, directory reads and
 * writes (and the outbox) fail through {@link FailingDirectory}, and the writeback fails, hangs,
 * crashes, refuses submissions or cannot read history. Whatever happens, once the faults clear and
 * {@link MyStaff#flushAudit()} has run: every change that happened (read from the directory and the
 * writeback themselves) has exactly one SUCCEEDED event saying so, no SUCCEEDED event claims a
 * change that did not happen, every submitted writeback was announced by a PENDING event and ended
 * with one final event, and every exception was one of mystaff's typed exceptions.
 */
class FaultInjectionTest {
  /** Audit values of phones are in Graph's format. */
  private static final PhoneNumberParser GRAPH = PhoneNumberParser.international();

  private static final int ROUNDS = Scale.of(20);
  private static final int OPS = 1_000;
  private static final int CLOUD = 4;
  private static final int SYNCED = 2;

  private final AtomicLong ops = new AtomicLong();
  private final AtomicLong thrown = new AtomicLong();
  private final AtomicLong faults = new AtomicLong();
  private final AtomicLong changes = new AtomicLong();
  private final AtomicLong writebacksApplied = new AtomicLong();

  @Test
  void faultsEverywhere_noChangeWithoutEvent_noEventWithoutChange() {
    long seed = Seeds.forTest("FaultInjectionTest");
    long started = System.nanoTime();
    long warnings;
    try (CapturedLog log =
        CapturedLog.start()) { // the expected warnings stay out of the build output
      Property.forAll(
          seed, ROUNDS, r -> r.nextLong(), roundSeed -> new Round(new Random(roundSeed)).run());
      warnings = log.lines("WARN");
    }
    System.out.printf(
        Locale.ROOT,
        "fault injection: seed %d, %d rounds, %d operations, %d faults armed,"
            + " %d typed exceptions, %d directory changes, %d writebacks applied, %d warnings logged,"
            + " 0 unaudited changes, 0 false claims, %d ms%n",
        seed,
        ROUNDS,
        ops.get(),
        faults.get(),
        thrown.get(),
        changes.get(),
        writebacksApplied.get(),
        warnings,
        (System.nanoTime() - started) / 1_000_000);
  }

  /** A change the directory shows after one operation: user, property, old and new value. */
  record Change(
      String user, String property, Optional<String> oldValue, Optional<String> newValue) {}

  /** A writeback decorator whose submit and history reads fail when told to. */
  private static final class FaultyWriteback implements PasswordWriteback {
    final ScriptableWriteback delegate = ScriptableWriteback.synchronous();
    boolean failSubmit;
    boolean failHistory;

    @Override
    public CompletionStage<WritebackResult> submit(
        WritebackRequest request, WritebackListener listener) {
      if (failSubmit) {
        throw new ProviderFailureException(ScriptableWriteback.PROVIDER, "injected submit failure");
      }
      return delegate.submit(request, listener);
    }

    @Override
    public PasswordHistory historyOf(UserId user) {
      if (failHistory) {
        throw new IllegalStateException("injected history failure");
      }
      return delegate.historyOf(user);
    }
  }

  private final class Round {
    private final Random r;
    private final InMemoryDirectory directory;
    private final FailingDirectory faulty;
    private final RecordingAuditSink recorded = new RecordingAuditSink();
    private final FailingAuditSink sink = FailingAuditSink.wrapping(recorded);
    private final FaultyWriteback writeback = new FaultyWriteback();
    private final MyStaff myStaff;
    private final List<StaffSession> sessions = new ArrayList<>();
    private final List<UserId> targets = new ArrayList<>();
    private final List<Change> observed = new ArrayList<>();
    private final Map<CorrelationId, WritebackHandle> handles = new LinkedHashMap<>();
    private int numbers;

    Round(Random r) {
      this.r = r;
      TenantFixture tenant = Fixtures.tenant().unit("store", "Store");
      for (int i = 0; i < CLOUD + SYNCED; i++) {
        String alias = "staff" + i;
        targets.add(UserId.of(alias));
        if (i < CLOUD) {
          tenant.cloudUser(alias, u -> u.in("store"));
        } else {
          tenant.syncedUser(alias, alias, u -> u.in("store"));
        }
      }
      tenant
          .admin("m0", AUTHENTICATION_ADMINISTRATOR, "store")
          .admin("m1", AUTHENTICATION_ADMINISTRATOR, "store");
      directory = Harness.seeded(tenant.build()).passwordHashIterations(1).build();
      faulty = FailingDirectory.wrapping(directory);
      myStaff =
          MyStaff.builder()
              .directory(faulty)
              .directoryWriter(faulty)
              .auditSink(sink)
              .auditRelay(Runnable::run)
              .passwordWriteback(writeback)
              .settings(
                  MyStaffSettings.builder()
                      .resetLimit(RateLimit.unlimited())
                      .phoneChangeLimit(RateLimit.unlimited())
                      .build()) // faults, not rate limits
              .build();
    }

    void run() {
      for (int i = 0; i < OPS; i++) {
        Map<UserId, User> before = snapshot();
        armFaults();
        String op = operate();
        disarm();
        ops.incrementAndGet();
        observe(op, before);
      }
      for (CorrelationId id : writeback.delegate.hanging()) {
        writeback.delegate.release(id, result());
      }
      myStaff.flushAudit();
      check();
      myStaff.close();
    }

    private Map<UserId, User> snapshot() {
      Map<UserId, User> users = new HashMap<>();
      targets.forEach(t -> users.put(t, directory.findUser(t).orElseThrow()));
      return users;
    }

    private void armFaults() {
      if (r.nextInt(4) == 0) {
        sink.failNext(1 + r.nextInt(3));
        faults.incrementAndGet();
      }
      if (r.nextInt(3) == 0) {
        FailingDirectory.Operation[] all = FailingDirectory.Operation.values();
        faulty.failNext(all[r.nextInt(all.length)], 1 + r.nextInt(2));
        faults.incrementAndGet();
      }
      writeback.failSubmit = r.nextInt(20) == 0;
      writeback.failHistory = r.nextInt(20) == 0;
      writeback.delegate.script(
          switch (r.nextInt(10)) {
            case 0, 1, 2, 3 -> ScriptableWriteback.Outcome.succeed();
            case 4, 5 -> ScriptableWriteback.Outcome.fail(failure());
            case 6, 7 -> ScriptableWriteback.Outcome.hang();
            default -> ScriptableWriteback.Outcome.crash("injected crash");
          });
    }

    private void disarm() {
      sink.recover();
      faulty.recover();
      writeback.failSubmit = false;
      writeback.failHistory = false;
    }

    private WritebackFailure failure() {
      return WritebackFailure.values()[r.nextInt(WritebackFailure.values().length)];
    }

    private WritebackResult result() {
      return r.nextBoolean() ? WritebackResult.succeeded() : WritebackResult.failed(failure());
    }

    /** Runs one random operation; returns what it touches ("phone:TYPE", "password" or ""). */
    private String operate() {
      UserId target = targets.get(r.nextInt(targets.size()));
      PhoneType type = PhoneType.values()[r.nextInt(PhoneType.values().length)];
      int k = r.nextInt(100);
      try {
        if (sessions.isEmpty() || k < 5) {
          sessions.add(myStaff.signIn(SignInContext.of(UserId.of("m" + r.nextInt(2)), true)));
          return "";
        }
        StaffSession session = sessions.get(r.nextInt(sessions.size()));
        if (k < 15) {
          session.profile(target);
          return "";
        } else if (k < 45) {
          numbers++;
          session.setPhone(
              target, type, String.format(Locale.ROOT, "+1425555%04d", numbers % 10_000));
          return "phone:" + type;
        } else if (k < 55) {
          session.removePhone(target, type);
          return "phone:" + type;
        } else if (k < 90) {
          if (targets.indexOf(target) < CLOUD) {
            session.resetPassword(target);
            return "password";
          }
          PasswordResetResult.WritebackPending pending =
              (PasswordResetResult.WritebackPending)
                  session.resetPassword(target, Secret.of("Q7!kmZ" + r.nextInt(1_000_000) + "xYw"));
          handles.put(pending.correlationId(), pending.writeback());
          return "";
        } else {
          List<CorrelationId> hanging = new ArrayList<>(writeback.delegate.hanging());
          if (!hanging.isEmpty()) {
            writeback.delegate.release(hanging.get(r.nextInt(hanging.size())), result());
          }
          return "";
        }
      } catch (MyStaffException e) {
        thrown.incrementAndGet();
        return k < 15 ? "" : k < 45 || k < 55 ? "phone:" + type : "password";
      }
    }

    private void observe(String op, Map<UserId, User> before) {
      for (UserId t : targets) {
        User was = before.get(t);
        User now = directory.findUser(t).orElseThrow();
        if (was.version() == now.version()) {
          continue;
        }
        changes.incrementAndGet();
        assertThat(op).as("%s changed by an operation that touches nothing", t).isNotEmpty();
        if (op.equals("password")) {
          observed.add(
              new Change(t.value(), "PasswordProfile", Optional.empty(), Optional.empty()));
        } else {
          PhoneType type = PhoneType.valueOf(op.substring("phone:".length()));
          observed.add(
              new Change(
                  t.value(),
                  type.graphName() + "PhoneNumber",
                  was.phone(type).map(GRAPH::toGraphFormat),
                  now.phone(type).map(GRAPH::toGraphFormat)));
        }
      }
    }

    private void check() {
      Map<String, AuditEvent> byId = new LinkedHashMap<>();
      for (AuditEvent e : recorded.events()) {
        AuditEvent earlier = byId.putIfAbsent(e.id(), e);
        assertThat(earlier == null || earlier.equals(e))
            .as("redelivered event %s unchanged", e.id())
            .isTrue();
      }
      List<Change> claimed = new ArrayList<>();
      Set<CorrelationId> pending = new HashSet<>();
      Map<CorrelationId, AuditEvent> finals = new HashMap<>();
      Set<String> synced = new HashSet<>();
      targets.subList(CLOUD, targets.size()).forEach(t -> synced.add(t.value()));
      for (AuditEvent e : byId.values()) {
        if (e.outcome() != AuditOutcome.SUCCEEDED || e.targets().isEmpty()) {
          e.targets()
              .forEach(
                  t -> assertThat(t.modifiedProperties()).as("%s claims a change", e).isEmpty());
        }
        boolean writebackEvent =
            e.activity() == AuditActivity.RESET_PASSWORD
                && !e.targets().isEmpty()
                && synced.contains(e.targets().get(0).id());
        if (!writebackEvent) {
          if (e.outcome() == AuditOutcome.SUCCEEDED
              && !e.targets().get(0).modifiedProperties().isEmpty()) {
            var p = e.targets().get(0).modifiedProperties().get(0);
            claimed.add(
                new Change(e.targets().get(0).id(), p.displayName(), p.oldValue(), p.newValue()));
          }
          continue;
        }
        if (e.outcome() == AuditOutcome.PENDING) {
          assertThat(pending.add(e.correlationId())).isTrue();
        } else if (e.outcome() == AuditOutcome.SUCCEEDED || e.outcome() == AuditOutcome.FAILED) {
          if (e.resultReason().orElse("").equals("PASSWORD_POLICY_VIOLATION")
              || e.resultReason().orElse("").equals("PROVIDER_FAILURE")) {
            continue; // failed before anything was submitted
          }
          assertThat(finals.put(e.correlationId(), e))
              .as("one final event for %s", e.correlationId())
              .isNull();
        }
      }
      assertThat(claimed)
          .as("SUCCEEDED change events vs changes seen in the directory")
          .containsExactlyInAnyOrderElementsOf(observed);

      Set<CorrelationId> submitted = new HashSet<>();
      writeback.delegate.submissions().forEach(s -> submitted.add(s.correlationId()));
      assertThat(pending).as("every submitted writeback was announced").containsAll(submitted);
      assertThat(finals.keySet())
          .as("every announced writeback ended with one final event")
          .isEqualTo(pending);
      for (Map.Entry<CorrelationId, WritebackHandle> h : handles.entrySet()) {
        WritebackResult result = h.getValue().result().orElseThrow();
        AuditEvent last = finals.get(h.getKey());
        assertThat(last.outcome())
            .as("final event of %s", h.getKey())
            .isEqualTo(result.isSuccess() ? AuditOutcome.SUCCEEDED : AuditOutcome.FAILED);
        if (result.isSuccess()) {
          writebacksApplied.incrementAndGet();
        }
      }
      finals.forEach(
          (id, e) -> {
            if (e.outcome() == AuditOutcome.SUCCEEDED) {
              assertThat(handles.get(id))
                  .as("a SUCCEEDED writeback event has a successful writeback")
                  .isNotNull();
              assertThat(handles.get(id).result().orElseThrow().isSuccess()).isTrue();
            }
          });
    }
  }
}
