package io.mystaff.tests.workflows;

import static io.mystaff.tests.workflows.Harness.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.ApprovalId;
import io.mystaff.api.CorrelationId;
import io.mystaff.api.PageRequest;
import io.mystaff.api.approval.ApprovalClosedException;
import io.mystaff.api.approval.ApprovalRequest;
import io.mystaff.api.approval.ApprovalRequiredException;
import io.mystaff.api.approval.ApprovalState;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.authz.AccessDeniedException;
import io.mystaff.api.authz.DenyReason;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.core.ApprovalPolicy;
import io.mystaff.core.MyStaffSettings;
import io.mystaff.core.RateLimit;
import io.mystaff.core.StaffSession;
import io.mystaff.inmemory.InMemoryApprovalStore;
import io.mystaff.testkit.random.Property;
import io.mystaff.testkit.random.Seeds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Model-based test of four eyes: seeded random sequences of requests, approvals, rejections, clock
 * moves (also to the exact expiry instant and a nanosecond either side), expiry sweeps, pending
 * listings and racing approvals run against {@link io.mystaff.core.MyStaff} with the in-memory
 * store, and against a small reference state machine side by side. After every step the outcome and
 * every request's state must be the model's; at the end, every request's audit events must be those
 * of the path it took, all with its correlation id. A failure names the seed to replay.
 */
class ApprovalModelTest {
  private static final Duration TTL = Duration.ofHours(1);
  private static final List<String> MANAGERS = List.of("nina", "sam", "tara", "val");
  private static final List<String> TARGETS = List.of("alice", "bob", "dora");

  /** Who may change whom in the store chain (all four hold Authentication Administrator). */
  private static final Map<String, Set<String>> REACH =
      Map.of(
          "nina", Set.of("alice", "bob"),
          "sam", Set.of("alice", "bob", "dora"),
          "tara", Set.of("alice", "bob", "dora"),
          "val", Set.of());

  interface Op {}

  record Request(String manager, String target, boolean phone) implements Op {}

  record Approve(String manager, int pick) implements Op {}

  record Reject(String manager, int pick) implements Op {}

  record Advance(Duration by) implements Op {}

  record ToExpiry(int pick, long nanos) implements Op {}

  record Sweep() implements Op {}

  record Pending(String manager) implements Op {}

  record Race(int pick, int approvers) implements Op {}

  /** The reference: one request as the model sees it. */
  private static final class Entry {
    final ApprovalId id;
    final String requester;
    final String target;
    final Instant requestedAt;
    final Instant expiresAt;
    ApprovalState state = ApprovalState.REQUESTED;

    Entry(ApprovalId id, String requester, String target, Instant requestedAt) {
      this.id = id;
      this.requester = requester;
      this.target = target;
      this.requestedAt = requestedAt;
      this.expiresAt = requestedAt.plus(TTL);
    }

    boolean due(Instant now) {
      return state == ApprovalState.REQUESTED && !now.isBefore(expiresAt);
    }
  }

  @Test
  void randomSequences_agreeWithTheReferenceStateMachine() {
    Property.forAll(
        Seeds.forTest("ApprovalModelTest"), 60, ApprovalModelTest::ops, ApprovalModelTest::run);
  }

  static List<Op> ops(Random r) {
    List<Op> ops = new ArrayList<>();
    int n = 30 + r.nextInt(20);
    for (int i = 0; i < n; i++) {
      int k = r.nextInt(100);
      String m = MANAGERS.get(r.nextInt(MANAGERS.size()));
      if (k < 28) {
        ops.add(new Request(m, TARGETS.get(r.nextInt(TARGETS.size())), r.nextBoolean()));
      } else if (k < 50) {
        ops.add(new Approve(m, r.nextInt(1_000)));
      } else if (k < 60) {
        ops.add(new Reject(m, r.nextInt(1_000)));
      } else if (k < 72) {
        ops.add(new Advance(Duration.ofSeconds(r.nextInt(40 * 60))));
      } else if (k < 80) {
        ops.add(new ToExpiry(r.nextInt(1_000), r.nextInt(3) - 1));
      } else if (k < 85) {
        ops.add(new Sweep());
      } else if (k < 93) {
        ops.add(new Pending(m));
      } else {
        ops.add(new Race(r.nextInt(1_000), 2 + r.nextInt(3)));
      }
    }
    return ops;
  }

  static void run(List<Op> ops) {
    InMemoryApprovalStore store = InMemoryApprovalStore.create();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (Harness h =
        Harness.storeChain(
            b ->
                b.approvals(ApprovalPolicy.builder().timeToLive(TTL).build(), store)
                    .settings(
                        MyStaffSettings.builder()
                            .resetLimit(RateLimit.unlimited())
                            .phoneChangeLimit(RateLimit.unlimited())
                            .build()))) {
      List<Entry> model = new ArrayList<>();
      Map<ApprovalId, String> paths = new LinkedHashMap<>();
      for (int step = 0; step < ops.size(); step++) {
        Op op = ops.get(step);
        String context = "step " + step + " " + op;
        Instant now = h.clock.instant();
        if (op instanceof Request q) {
          String actual;
          try {
            StaffSession s = h.signIn(q.manager());
            if (q.phone()) {
              s.setPhone(id(q.target()), PhoneType.OFFICE, "+14255550" + (100 + step));
            } else {
              s.resetPassword(id(q.target()));
            }
            actual = "made without approval";
          } catch (ApprovalRequiredException e) {
            actual = "requested";
            model.add(new Entry(e.approval(), q.manager(), q.target(), now));
            paths.put(e.approval(), q.phone() ? "phone" : "reset");
          } catch (AccessDeniedException e) {
            actual = "denied";
          }
          assertThat(actual)
              .as(context)
              .isEqualTo(REACH.get(q.manager()).contains(q.target()) ? "requested" : "denied");
        } else if (op instanceof Approve a) {
          if (model.isEmpty()) {
            continue;
          }
          Entry e = model.get(a.pick() % model.size());
          String expected = decide(e, a.manager(), now, ApprovalState.EXECUTED);
          String actual = outcome(() -> h.signIn(a.manager()).approve(e.id), "executed");
          assertThat(actual).as(context).isEqualTo(expected);
        } else if (op instanceof Reject j) {
          if (model.isEmpty()) {
            continue;
          }
          Entry e = model.get(j.pick() % model.size());
          String expected = decide(e, j.manager(), now, ApprovalState.REJECTED);
          String actual =
              outcome(() -> h.signIn(j.manager()).reject(e.id, "not asked for"), "rejected");
          assertThat(actual).as(context).isEqualTo(expected);
        } else if (op instanceof Advance v) {
          h.clock.advance(v.by());
        } else if (op instanceof ToExpiry t) {
          if (model.isEmpty()) {
            continue;
          }
          Instant to = model.get(t.pick() % model.size()).expiresAt.plusNanos(t.nanos());
          if (to.isAfter(now)) {
            h.clock.set(to);
          }
        } else if (op instanceof Sweep) {
          Set<ApprovalId> expected =
              model.stream().filter(e -> e.due(now)).map(e -> e.id).collect(Collectors.toSet());
          model.stream().filter(e -> e.due(now)).forEach(e -> e.state = ApprovalState.EXPIRED);
          assertThat(
                  h.myStaff.expireApprovals().stream()
                      .map(ApprovalRequest::id)
                      .collect(Collectors.toSet()))
              .as(context)
              .isEqualTo(expected);
        } else if (op instanceof Pending p) {
          model.stream().filter(e -> e.due(now)).forEach(e -> e.state = ApprovalState.EXPIRED);
          List<ApprovalId> expected =
              model.stream()
                  .filter(e -> e.state == ApprovalState.REQUESTED)
                  .filter(e -> !e.requester.equals(p.manager()))
                  .filter(e -> REACH.get(p.manager()).contains(e.target))
                  .sorted(Comparator.comparing((Entry e) -> e.requestedAt).thenComparing(e -> e.id))
                  .map(e -> e.id)
                  .toList();
          assertThat(
                  h.signIn(p.manager()).pendingApprovals(PageRequest.first(100)).items().stream()
                      .map(ApprovalRequest::id)
                      .toList())
              .as(context)
              .isEqualTo(expected);
        } else if (op instanceof Race r) {
          if (model.isEmpty()) {
            continue;
          }
          Entry e = model.get(r.pick() % model.size());
          List<String> eligible =
              MANAGERS.stream()
                  .filter(m -> !m.equals(e.requester) && REACH.get(m).contains(e.target))
                  .toList();
          List<StaffSession> racers = new ArrayList<>();
          for (int i = 0; i < r.approvers(); i++) {
            racers.add(h.signIn(eligible.get(i % eligible.size())));
          }
          String single = decide(e, eligible.get(0), now, ApprovalState.EXECUTED);
          List<String> outcomes = race(pool, racers, e.id);
          if (single.equals("executed")) {
            assertThat(outcomes).as(context).containsOnlyOnce("executed");
            assertThat(outcomes.stream().filter(o -> !o.equals("executed")))
                .as(context)
                .allMatch( // the winner may still be executing: APPROVED until it ends
                    o ->
                        o.equals("closed:" + ApprovalState.EXECUTED)
                            || o.equals("closed:" + ApprovalState.APPROVED));
          } else {
            assertThat(outcomes).as(context).allMatch(single::equals);
          }
        }
        for (Entry e : model) {
          assertThat(store.find(e.id).orElseThrow().state())
              .as("%s: the state of %s", context, e.id)
              .isEqualTo(e.state);
        }
      }
      for (Entry e : model) {
        checkEvents(h, store.find(e.id).orElseThrow(), paths.get(e.id));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** The model's outcome of {@code manager} deciding {@code e} now, applied to the model. */
  private static String decide(Entry e, String manager, Instant now, ApprovalState decision) {
    if (e.due(now)) {
      e.state = ApprovalState.EXPIRED;
    }
    if (e.state != ApprovalState.REQUESTED) {
      return "closed:" + e.state;
    }
    if (e.requester.equals(manager)) {
      return "self";
    }
    if (!REACH.get(manager).contains(e.target)) {
      return "denied";
    }
    e.state = decision;
    return decision == ApprovalState.EXECUTED ? "executed" : "rejected";
  }

  private static String outcome(Runnable call, String success) {
    try {
      call.run();
      return success;
    } catch (ApprovalClosedException c) {
      return "closed:" + c.state();
    } catch (AccessDeniedException d) {
      return d.reason() == DenyReason.SELF_APPROVAL ? "self" : "denied";
    }
  }

  private static List<String> race(
      ExecutorService pool, List<StaffSession> racers, ApprovalId approval) {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<String>> futures = new ArrayList<>();
    for (StaffSession s : racers) {
      Callable<String> approve =
          () -> {
            start.await();
            return outcome(() -> s.approve(approval), "executed");
          };
      futures.add(pool.submit(approve));
    }
    start.countDown();
    List<String> outcomes = new ArrayList<>();
    try {
      for (Future<String> f : futures) {
        outcomes.add(f.get(30, TimeUnit.SECONDS));
      }
    } catch (Exception e) {
      throw new AssertionError("a racing approval did not finish", e);
    }
    return outcomes;
  }

  /** The request's events are those of its path, each once, all with its correlation id. */
  private static void checkEvents(Harness h, ApprovalRequest r, String kind) {
    CorrelationId correlation = r.correlationId();
    List<AuditEvent> events = h.events(correlation);
    assertThat(events).as("events of %s", r.id()).allMatch(AuditEvent::isFromMyStaff);
    Map<AuditActivity, Long> succeeded =
        events.stream()
            .filter(e -> e.outcome() != AuditOutcome.DENIED && e.outcome() != AuditOutcome.FAILED)
            .collect(Collectors.groupingBy(AuditEvent::activity, Collectors.counting()));
    Map<AuditActivity, Long> expected = new LinkedHashMap<>();
    expected.put(AuditActivity.APPROVAL_REQUESTED, 1L);
    switch (r.state()) {
      case EXECUTED -> {
        expected.put(AuditActivity.APPROVAL_APPROVED, 1L);
        expected.put(
            kind.equals("reset")
                ? AuditActivity.RESET_PASSWORD
                : events.stream()
                    .map(AuditEvent::activity)
                    .filter(
                        a ->
                            a == AuditActivity.ADD_PHONE
                                || a == AuditActivity.UPDATE_PHONE
                                || a == AuditActivity.DELETE_PHONE)
                    .findFirst()
                    .orElse(AuditActivity.ADD_PHONE),
            1L);
        expected.put(AuditActivity.APPROVAL_EXECUTED, 1L);
      }
      case REJECTED -> expected.put(AuditActivity.APPROVAL_REJECTED, 1L);
      case EXPIRED -> expected.put(AuditActivity.APPROVAL_EXPIRED, 1L);
      case REQUESTED -> {}
      default -> throw new AssertionError(r.id() + " ended " + r.state());
    }
    assertThat(succeeded)
        .as("succeeded and pending events of %s (%s)", r.id(), r.state())
        .isEqualTo(expected);
  }
}
