package io.mystaff.tests.workflows;

import static io.mystaff.tests.workflows.Harness.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.ApprovalId;
import io.mystaff.api.CorrelationId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.PageRequest;
import io.mystaff.api.UnitId;
import io.mystaff.api.approval.ApprovalClosedException;
import io.mystaff.api.approval.ApprovalRequest;
import io.mystaff.api.approval.ApprovalRequiredException;
import io.mystaff.api.approval.ApprovalState;
import io.mystaff.api.approval.RequestedChange;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.authz.AccessDeniedException;
import io.mystaff.api.authz.DenyReason;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.password.Secret;
import io.mystaff.core.ApprovalPolicy;
import io.mystaff.core.ApprovedChange;
import io.mystaff.core.ChangePreview;
import io.mystaff.core.ChangeRequest;
import io.mystaff.core.PasswordResetResult;
import io.mystaff.core.StaffSession;
import io.mystaff.inmemory.InMemoryApprovalStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Four eyes (issue 14 part 6): changes the approval policy covers become requests that another
 * manager approves (executing them), rejects, or lets expire; every step audited with the request's
 * correlation id.
 */
class ApprovalTest {
  private static final Duration TTL = Duration.ofHours(4);

  private final InMemoryApprovalStore store = InMemoryApprovalStore.create();

  private Harness harness(ApprovalPolicy policy) {
    return Harness.storeChain(b -> b.approvals(policy, store));
  }

  private static ApprovalPolicy everyChange() {
    return ApprovalPolicy.builder().timeToLive(TTL).build();
  }

  private static ApprovalRequiredException requested(Runnable change) {
    try {
      change.run();
    } catch (ApprovalRequiredException e) {
      return e;
    }
    throw new AssertionError("the change was made without approval");
  }

  @Test
  void resetPassword_covered_becomesARequestAndChangesNothing() {
    try (Harness h = harness(everyChange())) {
      long version = h.user("alice").version();
      ApprovalRequiredException e = requested(() -> h.signIn("nina").resetPassword(id("alice")));

      assertThat(e.action()).isEqualTo(StaffAction.RESET_PASSWORD);
      assertThat(e.target()).isEqualTo(id("alice"));
      assertThat(e.expiresAt()).isEqualTo(StoreChain.T0.plus(TTL));
      assertThat(h.user("alice").version()).as("nothing changed").isEqualTo(version);
      ApprovalRequest stored = store.find(e.approval()).orElseThrow();
      assertThat(stored.state()).isEqualTo(ApprovalState.REQUESTED);
      assertThat(stored.requester()).isEqualTo(id("nina"));
      assertThat(stored.change()).isEqualTo(RequestedChange.generatedPasswordReset());
      List<AuditEvent> events = h.events(stored.correlationId());
      assertThat(events)
          .extracting(AuditEvent::activity, AuditEvent::outcome)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  AuditActivity.APPROVAL_REQUESTED, AuditOutcome.PENDING));
      assertThat(events.get(0).additionalDetails())
          .containsEntry("approvalId", e.approval().value())
          .containsEntry("approvalAction", "RESET_PASSWORD");
      assertThat(h.events())
          .noneMatch(
              ev ->
                  ev.activity() == AuditActivity.RESET_PASSWORD
                      && ev.outcome() == AuditOutcome.SUCCEEDED);
    }
  }

  @Test
  void approve_byAnotherAllowedManager_executesOnceWithEveryStepUnderOneCorrelationId() {
    try (Harness h = harness(everyChange())) {
      ApprovalRequiredException e = requested(() -> h.signIn("nina").resetPassword(id("alice")));
      h.clock.advance(Duration.ofMinutes(5));

      ApprovedChange done = h.signIn("sam").approve(e.approval());

      assertThat(done.request().state()).isEqualTo(ApprovalState.EXECUTED);
      assertThat(done.request().decidedBy()).contains(id("sam"));
      assertThat(done.passwordReset())
          .get()
          .isInstanceOf(PasswordResetResult.TemporaryPassword.class);
      assertThat(store.find(e.approval()).orElseThrow().state()).isEqualTo(ApprovalState.EXECUTED);
      CorrelationId correlation = done.request().correlationId();
      List<AuditEvent> events = h.events(correlation);
      assertThat(events)
          .extracting(AuditEvent::activity, AuditEvent::outcome)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  AuditActivity.APPROVAL_REQUESTED, AuditOutcome.PENDING),
              org.assertj.core.groups.Tuple.tuple(
                  AuditActivity.APPROVAL_APPROVED, AuditOutcome.SUCCEEDED),
              org.assertj.core.groups.Tuple.tuple(
                  AuditActivity.RESET_PASSWORD, AuditOutcome.SUCCEEDED),
              org.assertj.core.groups.Tuple.tuple(
                  AuditActivity.APPROVAL_EXECUTED, AuditOutcome.SUCCEEDED));
      assertThat(events).allMatch(AuditEvent::isFromMyStaff);
      assertThat(events.get(0).initiatedBy().id()).isEqualTo(id("nina"));
      assertThat(events.subList(1, 4)).allMatch(ev -> ev.initiatedBy().id().equals(id("sam")));
      String password =
          ((PasswordResetResult.TemporaryPassword) done.passwordReset().orElseThrow())
              .password()
              .reveal();
      assertThat(h.events().toString()).doesNotContain(password);

      assertThatThrownBy(() -> h.signIn("tara").approve(e.approval()))
          .isInstanceOfSatisfying(
              ApprovalClosedException.class,
              c -> assertThat(c.state()).isEqualTo(ApprovalState.EXECUTED));
    }
  }

  @Test
  void approve_byTheRequester_deniedInAnySession() {
    try (Harness h = harness(everyChange())) {
      StaffSession first = h.signIn("nina");
      ApprovalRequiredException e = requested(() -> first.resetPassword(id("alice")));
      for (StaffSession s : List.of(first, h.signIn("nina"))) {
        assertThatThrownBy(() -> s.approve(e.approval()))
            .isInstanceOfSatisfying(
                AccessDeniedException.class,
                d -> assertThat(d.reason()).isEqualTo(DenyReason.SELF_APPROVAL));
        assertThatThrownBy(() -> s.reject(e.approval(), "changed my mind"))
            .isInstanceOf(AccessDeniedException.class);
      }
      assertThat(store.find(e.approval()).orElseThrow().state()).isEqualTo(ApprovalState.REQUESTED);
      assertThat(h.events(store.find(e.approval()).orElseThrow().correlationId()))
          .filteredOn(ev -> ev.outcome() == AuditOutcome.DENIED)
          .hasSize(4)
          .allMatch(ev -> ev.resultReason().equals(Optional.of("SELF_APPROVAL")));
    }
  }

  @Test
  void approve_byAManagerTheEngineDenies_deniedAndStillPending() {
    try (Harness h = harness(everyChange())) {
      ApprovalRequiredException e = requested(() -> h.signIn("nina").resetPassword(id("alice")));
      assertThatThrownBy(() -> h.signIn("val").approve(e.approval()))
          .isInstanceOfSatisfying(
              AccessDeniedException.class,
              d -> assertThat(d.reason()).isEqualTo(DenyReason.TARGET_OUT_OF_SCOPE));
      assertThat(h.signIn("val").pendingApprovals(PageRequest.first(10)).items()).isEmpty();
      assertThat(store.find(e.approval()).orElseThrow().state()).isEqualTo(ApprovalState.REQUESTED);
    }
  }

  @Test
  void reject_withReason_endsTheRequestAndNothingChanges() {
    try (Harness h = harness(everyChange())) {
      long version = h.user("alice").version();
      ApprovalRequiredException e = requested(() -> h.signIn("nina").resetPassword(id("alice")));
      assertThatThrownBy(() -> h.signIn("tara").reject(e.approval(), " "))
          .isInstanceOf(InvalidInputException.class);

      ApprovalRequest rejected = h.signIn("tara").reject(e.approval(), "not requested by Alice");

      assertThat(rejected.state()).isEqualTo(ApprovalState.REJECTED);
      assertThat(rejected.reason()).contains("not requested by Alice");
      assertThat(h.user("alice").version()).isEqualTo(version);
      assertThat(h.events(rejected.correlationId()))
          .filteredOn(ev -> ev.activity() == AuditActivity.APPROVAL_REJECTED)
          .singleElement()
          .satisfies(
              ev ->
                  assertThat(ev.additionalDetails())
                      .containsEntry("rejectionReason", "not requested by Alice"));
      assertThatThrownBy(() -> h.signIn("sam").approve(e.approval()))
          .isInstanceOfSatisfying(
              ApprovalClosedException.class,
              c -> assertThat(c.state()).isEqualTo(ApprovalState.REJECTED));
    }
  }

  @Test
  void expiry_isExact_andAuditedOnce() {
    try (Harness h = harness(everyChange())) {
      ApprovalRequiredException e = requested(() -> h.signIn("nina").resetPassword(id("alice")));
      h.clock.set(e.expiresAt().minusNanos(1));
      assertThat(h.signIn("sam").pendingApprovals(PageRequest.first(10)).items())
          .extracting(ApprovalRequest::id)
          .containsExactly(e.approval());
      assertThat(h.myStaff.expireApprovals()).isEmpty();

      h.clock.set(e.expiresAt());
      StaffSession sam = h.signIn("sam");
      assertThatThrownBy(() -> sam.approve(e.approval()))
          .isInstanceOfSatisfying(
              ApprovalClosedException.class,
              c -> assertThat(c.state()).isEqualTo(ApprovalState.EXPIRED));
      assertThat(h.myStaff.expireApprovals()).isEmpty();
      assertThat(sam.pendingApprovals(PageRequest.first(10)).items()).isEmpty();
      CorrelationId correlation = store.find(e.approval()).orElseThrow().correlationId();
      assertThat(h.events(correlation))
          .filteredOn(ev -> ev.activity() == AuditActivity.APPROVAL_EXPIRED)
          .singleElement()
          .satisfies(ev -> assertThat(ev.initiatedBy().id()).isEqualTo(id("nina")));
    }
  }

  @Test
  void expireApprovals_sweepsDueRequests() {
    try (Harness h = harness(everyChange())) {
      ApprovalRequiredException e = requested(() -> h.signIn("nina").resetPassword(id("alice")));
      h.clock.advance(TTL);
      assertThat(h.myStaff.expireApprovals())
          .extracting(ApprovalRequest::id, ApprovalRequest::state)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(e.approval(), ApprovalState.EXPIRED));
    }
  }

  @Test
  void execution_requesterNoLongerAllowed_failsWithTheEngineReason() {
    try (Harness h = harness(everyChange())) {
      ApprovalRequiredException e = requested(() -> h.signIn("nina").resetPassword(id("alice")));
      // alice moves to the south store: sam still reaches her, nina no longer does
      h.directory.removeMember(UnitId.of("north"), id("alice"));
      h.directory.addMember(UnitId.of("south"), id("alice"));
      long version = h.user("alice").version();

      assertThatThrownBy(() -> h.signIn("sam").approve(e.approval()))
          .isInstanceOfSatisfying(
              AccessDeniedException.class,
              d -> assertThat(d.reason()).isEqualTo(DenyReason.TARGET_OUT_OF_SCOPE));

      ApprovalRequest ended = store.find(e.approval()).orElseThrow();
      assertThat(ended.state()).isEqualTo(ApprovalState.FAILED);
      assertThat(ended.reason()).contains("REQUESTER_TARGET_OUT_OF_SCOPE");
      assertThat(h.user("alice").version()).isEqualTo(version);
      assertThat(h.events(ended.correlationId()))
          .filteredOn(ev -> ev.activity() == AuditActivity.APPROVAL_EXECUTED)
          .singleElement()
          .satisfies(ev -> assertThat(ev.outcome()).isEqualTo(AuditOutcome.DENIED));
    }
  }

  @Test
  void concurrentApprovals_exactlyOneExecutes() throws Exception {
    int threads = 8;
    for (int round = 0; round < 20; round++) {
      try (Harness h = harness(everyChange())) {
        ApprovalRequiredException e = requested(() -> h.signIn("nina").resetPassword(id("alice")));
        List<StaffSession> approvers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
          approvers.add(h.signIn(i % 2 == 0 ? "sam" : "tara"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        try {
          for (StaffSession s : approvers) {
            Callable<String> approve =
                () -> {
                  start.await();
                  try {
                    s.approve(e.approval());
                    return "executed";
                  } catch (ApprovalClosedException closed) {
                    return "closed";
                  }
                };
            results.add(pool.submit(approve));
          }
          start.countDown();
          List<String> outcomes = new ArrayList<>();
          for (Future<String> f : results) {
            outcomes.add(f.get(30, TimeUnit.SECONDS));
          }
          assertThat(outcomes).as("round %s", round).containsOnlyOnce("executed");
          assertThat(outcomes).filteredOn("closed"::equals).hasSize(threads - 1);
        } finally {
          pool.shutdownNow();
        }
        CorrelationId correlation = store.find(e.approval()).orElseThrow().correlationId();
        assertThat(h.events(correlation))
            .filteredOn(ev -> ev.activity() == AuditActivity.RESET_PASSWORD)
            .hasSize(1);
        assertThat(h.events(correlation))
            .filteredOn(ev -> ev.activity() == AuditActivity.APPROVAL_APPROVED)
            .filteredOn(ev -> ev.outcome() == AuditOutcome.SUCCEEDED)
            .hasSize(1);
      }
    }
  }

  @Test
  void managerChosenPassword_covered_refusedNeverStored() {
    try (Harness h = harness(everyChange())) {
      StaffSession nina = h.signIn("nina");
      ChangePreview preview =
          nina.preview(ChangeRequest.resetPassword(id("carl"), Secret.of("Correct-Horse-7")));
      assertThat(preview.isAllowed()).isFalse();
      assertThat(preview.reasonCode()).contains("APPROVAL_PASSWORD_NOT_HELD");

      assertThatThrownBy(() -> nina.resetPassword(id("carl"), Secret.of("Correct-Horse-7")))
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              i -> assertThat(i.codes()).containsExactly("approval.passwordNotHeld"));
      assertThat(store.pending(PageRequest.first(10)).items()).isEmpty();
      assertThat(h.events())
          .filteredOn(ev -> ev.activity() == AuditActivity.RESET_PASSWORD)
          .singleElement()
          .satisfies(
              ev -> {
                assertThat(ev.outcome()).isEqualTo(AuditOutcome.FAILED);
                assertThat(ev.resultReason()).contains("APPROVAL_PASSWORD_NOT_HELD");
              });
    }
  }

  @Test
  void preview_coveredChange_saysApprovalRequired() {
    try (Harness h = harness(everyChange())) {
      ChangePreview preview = h.signIn("nina").preview(ChangeRequest.resetPassword(id("alice")));
      assertThat(preview.isAllowed()).isTrue();
      assertThat(preview.requiresApproval()).isTrue();
      assertThat(preview.sideEffects()).contains(ChangePreview.SideEffect.APPROVAL_REQUIRED);
      assertThat(h.events()).extracting(AuditEvent::activity).containsOnly(AuditActivity.SIGN_IN);
    }
  }

  @Test
  void targetRule_onlyMatchingTargetsNeedApproval() {
    ApprovalPolicy southOnly =
        ApprovalPolicy.builder()
            .actions(StaffAction.MANAGE_PHONES)
            .whenTarget(ApprovalPolicy.memberOfAny(java.util.Set.of(UnitId.of("south"))))
            .build();
    try (Harness h = harness(southOnly)) {
      StaffSession sam = h.signIn("sam");
      assertThat(sam.setPhone(id("bob"), PhoneType.MOBILE, "+14255550177").current()).isPresent();
      assertThat(sam.preview(ChangeRequest.resetPassword(id("dora"))).requiresApproval()).isFalse();
      ApprovalRequiredException e =
          requested(() -> sam.setPhone(id("dora"), PhoneType.MOBILE, "+14255550188"));
      assertThat(store.find(e.approval()).orElseThrow().change())
          .isEqualTo(
              new RequestedChange.SetPhone(PhoneType.MOBILE, PhoneNumber.of("+14255550188")));
      assertThat(h.user("dora").phone(PhoneType.MOBILE)).isEmpty();

      ApprovedChange done = h.signIn("tara").approve(e.approval());
      assertThat(done.phoneChange()).isPresent();
      assertThat(h.user("dora").phone(PhoneType.MOBILE)).contains(PhoneNumber.of("+14255550188"));
      assertThat(h.events(done.request().correlationId()))
          .extracting(AuditEvent::activity)
          .containsExactly(
              AuditActivity.APPROVAL_REQUESTED,
              AuditActivity.APPROVAL_APPROVED,
              AuditActivity.ADD_PHONE,
              AuditActivity.APPROVAL_EXECUTED);
    }
  }

  @Test
  void pendingApprovals_pagesOverRequestsOthersMayApprove() {
    try (Harness h = harness(everyChange())) {
      StaffSession nina = h.signIn("nina");
      List<ApprovalId> ids = new ArrayList<>();
      for (String user : List.of("alice", "bob", "erin", "pam")) {
        try {
          nina.setPhone(id(user), PhoneType.OFFICE, "+14255550150");
        } catch (ApprovalRequiredException e) {
          ids.add(e.approval());
        } catch (RuntimeException refused) {
          // not a change nina could make: no request
        }
        h.clock.advance(Duration.ofSeconds(1));
      }
      assertThat(ids).as("alice and bob; pam and erin are beyond nina").hasSize(2);
      StaffSession tara = h.signIn("tara");
      List<ApprovalId> seen = new ArrayList<>();
      PageRequest page = PageRequest.first(1);
      while (true) {
        var p = tara.pendingApprovals(page);
        p.items().forEach(r -> seen.add(r.id()));
        if (p.nextCursor().isEmpty()) {
          break;
        }
        page = PageRequest.after(p.nextCursor().get(), 1);
      }
      assertThat(seen).containsExactlyElementsOf(ids);
      assertThat(nina.pendingApprovals(PageRequest.first(10)).items()).isEmpty();
      assertThat(nina.approval(ids.get(0))).isPresent();
      assertThat(h.signIn("val").approval(ids.get(0))).isEmpty();
    }
  }
}
