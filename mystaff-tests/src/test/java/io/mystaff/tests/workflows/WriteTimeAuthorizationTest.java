package io.mystaff.tests.workflows;

import static io.mystaff.api.authz.BuiltInRole.GLOBAL_ADMINISTRATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.AssignmentId;
import io.mystaff.api.CorrelationId;
import io.mystaff.api.PageRequest;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.access.SignInContext;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.authz.AccessDeniedException;
import io.mystaff.api.authz.DenyReason;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.Scope;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.directory.User;
import io.mystaff.api.password.Secret;
import io.mystaff.api.password.WritebackFailure;
import io.mystaff.api.password.WritebackResult;
import io.mystaff.api.password.WritebackStatus;
import io.mystaff.core.MyStaff;
import io.mystaff.core.PasswordResetResult;
import io.mystaff.core.StaffSession;
import io.mystaff.core.WritebackHandle;
import io.mystaff.inmemory.InMemoryAuditLog;
import io.mystaff.inmemory.InMemoryDirectory;
import io.mystaff.spi.AuditSink;
import io.mystaff.spi.CommitCondition;
import io.mystaff.spi.ForwardingDirectoryWriter;
import io.mystaff.testkit.fakes.MutableClock;
import io.mystaff.testkit.fakes.ScriptableWriteback;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Authorization holds when the change is written, not only when it is decided: each test changes a
 * fact the decision rested on in the window between the decision and the write (deterministically,
 * from inside the writer or the audit sink, just before the write goes ahead), and shows that the
 * change does not land, that the attempt is decided again, and that its one terminal audit event
 * tells the truth.
 */
class WriteTimeAuthorizationTest {
  private static final UserId ALICE = UserId.of("alice");
  private static final UserId CARL = UserId.of("carl");
  private static final UserId NINA = UserId.of("nina");
  private static final UserId TARA = UserId.of("tara");
  private static final String CHOSEN = "Winter-Orchard-42";

  private final MutableClock clock = MutableClock.at(StoreChain.T0);
  private final InMemoryDirectory directory = Harness.directoryOf(StoreChain.fixture().build());
  private final InMemoryAuditLog log = new InMemoryAuditLog();

  /** Runs once, inside the next write, just before it reaches the directory. */
  private final AtomicReference<Runnable> beforeNextWrite = new AtomicReference<>();

  /** Runs once, when the sink records the next PENDING event. */
  private final AtomicReference<Runnable> onPending = new AtomicReference<>();

  private final ScriptableWriteback writeback = ScriptableWriteback.synchronous();
  private final MyStaff myStaff =
      MyStaff.builder()
          .directory(directory)
          .directoryWriter(new InterferingWriter())
          .auditSink(new InterferingSink())
          .auditRelay(Runnable::run)
          .passwordWriteback(writeback)
          .clock(clock)
          .build();

  @AfterEach
  void close() {
    myStaff.close();
  }

  private StaffSession signIn(UserId manager) {
    return myStaff.signIn(SignInContext.of(manager, true));
  }

  private List<AuditEvent> eventsAbout(UserId target) {
    return log.forTarget(target.value());
  }

  private void promoteToGlobalAdministrator(UserId user) {
    directory.addAssignment(
        RoleAssignment.of(
            AssignmentId.of("promotion-" + user.value()),
            user,
            GLOBAL_ADMINISTRATOR,
            Scope.tenant()));
  }

  private void revokeEveryAssignmentOf(UserId user) {
    for (RoleAssignment a : directory.assignmentsOf(user)) {
      directory.removeAssignment(a.id());
    }
  }

  @Test
  void promotionToGlobalAdministratorDuringPhoneEdit_editNotApplied_deniedAsProtected() {
    StaffSession nina = signIn(NINA);
    User before = directory.findUser(ALICE).orElseThrow();
    beforeNextWrite.set(() -> promoteToGlobalAdministrator(ALICE));

    assertThatThrownBy(() -> nina.setPhone(ALICE, PhoneType.MOBILE, "+14255550199"))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.reason()).isEqualTo(DenyReason.TARGET_PROTECTED));

    assertThat(directory.findUser(ALICE).orElseThrow().phone(PhoneType.MOBILE))
        .as("alice's mobile after the race")
        .isEqualTo(before.phone(PhoneType.MOBILE));
    assertThat(eventsAbout(ALICE))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.outcome()).isEqualTo(AuditOutcome.DENIED);
              assertThat(e.resultReason()).contains(DenyReason.TARGET_PROTECTED.name());
            });
    assertThat(directory.pendingAuditEvents(100)).as("no SUCCEEDED event in the outbox").isEmpty();
  }

  @Test
  void promotionToGlobalAdministratorDuringCloudReset_passwordNotSet_deniedAsProtected() {
    StaffSession nina = signIn(NINA);
    long version = directory.findUser(UserId.of("bob")).orElseThrow().version();
    beforeNextWrite.set(() -> promoteToGlobalAdministrator(UserId.of("bob")));

    assertThatThrownBy(() -> nina.resetPassword(UserId.of("bob")))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.reason()).isEqualTo(DenyReason.TARGET_PROTECTED));

    assertThat(directory.findUser(UserId.of("bob")).orElseThrow().version())
        .as("bob's version")
        .isEqualTo(version);
    assertThat(eventsAbout(UserId.of("bob")))
        .extracting(AuditEvent::outcome)
        .containsExactly(AuditOutcome.DENIED);
  }

  @Test
  void managerRoleRevokedDuringReset_passwordNotSet_deniedNoActiveRole() {
    StaffSession nina = signIn(NINA);
    long version = directory.findUser(ALICE).orElseThrow().version();
    beforeNextWrite.set(() -> revokeEveryAssignmentOf(NINA));

    assertThatThrownBy(() -> nina.resetPassword(ALICE))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.reason()).isEqualTo(DenyReason.NO_ACTIVE_ROLE));

    assertThat(directory.findUser(ALICE).orElseThrow().version())
        .as("alice's version")
        .isEqualTo(version);
    assertThat(eventsAbout(ALICE))
        .extracting(AuditEvent::outcome)
        .containsExactly(AuditOutcome.DENIED);
  }

  @Test
  void targetMovedOutOfManagersUnitDuringPhoneEdit_editNotApplied_deniedOutOfScope() {
    StaffSession nina = signIn(NINA);
    beforeNextWrite.set(
        () -> {
          directory.removeMember(UnitId.of("north"), ALICE);
          directory.addMember(UnitId.of("south"), ALICE);
        });

    assertThatThrownBy(() -> nina.removePhone(ALICE, PhoneType.MOBILE))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.reason()).isEqualTo(DenyReason.TARGET_OUT_OF_SCOPE));

    assertThat(directory.findUser(ALICE).orElseThrow().phone(PhoneType.MOBILE))
        .as("alice's mobile")
        .isPresent();
  }

  @Test
  void unitMadeRestrictedDuringTenantAdminsPhoneEdit_editNotApplied_deniedRestricted() {
    StaffSession tara = signIn(TARA);
    beforeNextWrite.set(
        () -> {
          // the flag is fixed at creation: the unit is re-created restricted, with alice back in it
          List<UserId> members =
              directory.members(UnitId.of("north"), PageRequest.first(100)).items().stream()
                  .map(User::id)
                  .toList();
          directory.removeUnit(UnitId.of("north"));
          directory.putUnit(
              AdministrativeUnit.assigned(UnitId.of("north"), "North Store")
                  .withRestrictedManagement(true));
          members.forEach(m -> directory.addMember(UnitId.of("north"), m));
        });

    assertThatThrownBy(() -> tara.setPhone(ALICE, PhoneType.OFFICE, "+14255550123"))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.reason()).isEqualTo(DenyReason.RESTRICTED_MANAGEMENT_UNIT));

    assertThat(directory.findUser(ALICE).orElseThrow().phone(PhoneType.OFFICE))
        .as("alice's office phone")
        .isEmpty();
  }

  @Test
  void targetMarkedRoleAssignableGroupMemberDuringReset_passwordNotSet_deniedAsProtected() {
    StaffSession nina = signIn(NINA);
    long version = directory.findUser(ALICE).orElseThrow().version();
    beforeNextWrite.set(() -> directory.setRoleAssignableGroupMember(ALICE, true));

    assertThatThrownBy(() -> nina.resetPassword(ALICE))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.reason()).isEqualTo(DenyReason.TARGET_PROTECTED));

    assertThat(directory.findUser(ALICE).orElseThrow().version())
        .as("alice's version")
        .isEqualTo(version);
  }

  @Test
  void managersTimeBoundRoleEndsBetweenDecisionAndWrite_editNotApplied_deniedNoActiveRole() {
    clock.set(StoreChain.TIM_ROLE_ENDS.minusMillis(1));
    StaffSession tim = signIn(UserId.of("tim"));
    beforeNextWrite.set(() -> clock.set(StoreChain.TIM_ROLE_ENDS));

    assertThatThrownBy(() -> tim.setPhone(ALICE, PhoneType.OFFICE, "+14255550123"))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.reason()).isEqualTo(DenyReason.NO_ACTIVE_ROLE));
    assertThat(directory.findUser(ALICE).orElseThrow().phone(PhoneType.OFFICE))
        .as("alice's office phone")
        .isEmpty();
  }

  @Test
  void unrelatedChangeDuringPhoneEdit_editAppliedOnce() {
    StaffSession nina = signIn(NINA);
    beforeNextWrite.set(() -> directory.addMember(UnitId.of("west"), ALICE));

    nina.setPhone(ALICE, PhoneType.OFFICE, "+14255550123");

    assertThat(directory.findUser(ALICE).orElseThrow().phone(PhoneType.OFFICE))
        .contains(PhoneNumber.of("+14255550123"));
    myStaff.flushAudit();
    assertThat(eventsAbout(ALICE))
        .extracting(AuditEvent::outcome)
        .containsExactly(AuditOutcome.SUCCEEDED);
  }

  @Test
  void promotionToGlobalAdministratorWhileWritebackInFlight_writebackFailsAuthorizationRevoked()
      throws Exception {
    writeback.defaultOutcome(ScriptableWriteback.Outcome.hang());
    StaffSession nina = signIn(NINA);
    WritebackHandle handle = pending(nina.resetPassword(CARL, Secret.of(CHOSEN)));
    assertThat(handle.status()).isEqualTo(WritebackStatus.IN_PROGRESS);

    promoteToGlobalAdministrator(CARL);
    writeback.release(handle.correlationId());

    WritebackResult result = handle.completion().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(result.failure()).contains(WritebackFailure.AUTHORIZATION_REVOKED);
    assertThat(writeback.historyOf(CARL).contains(Secret.of(CHOSEN)))
        .as("carl's on-premises history")
        .isFalse();
    assertFinalEvent(handle.correlationId(), "WRITEBACK_AUTHORIZATION_REVOKED");
  }

  @Test
  void targetLeavesScopeBeforeSubmit_writebackNeverSubmitted_failsAuthorizationRevoked()
      throws Exception {
    StaffSession nina = signIn(NINA);
    onPending.set(() -> directory.removeMember(UnitId.of("north"), CARL));

    WritebackHandle handle = pending(nina.resetPassword(CARL, Secret.of(CHOSEN)));

    WritebackResult result = handle.completion().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(result.failure()).contains(WritebackFailure.AUTHORIZATION_REVOKED);
    assertThat(writeback.submissions()).as("writebacks submitted").isEmpty();
    assertFinalEvent(handle.correlationId(), "WRITEBACK_AUTHORIZATION_REVOKED");
  }

  private void assertFinalEvent(CorrelationId correlationId, String reason) {
    assertThat(log.byCorrelationId(correlationId))
        .extracting(AuditEvent::outcome)
        .containsExactly(AuditOutcome.PENDING, AuditOutcome.FAILED);
    assertThat(log.byCorrelationId(correlationId).get(1).resultReason()).contains(reason);
  }

  private static WritebackHandle pending(PasswordResetResult result) {
    assertThat(result).isInstanceOf(PasswordResetResult.WritebackPending.class);
    return ((PasswordResetResult.WritebackPending) result).writeback();
  }

  /** The directory, with {@link #beforeNextWrite} run inside the write, before it is applied. */
  private final class InterferingWriter extends ForwardingDirectoryWriter {
    InterferingWriter() {
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
      interfere();
      return super.setPhone(user, expectedVersion, type, number, event, condition);
    }

    @Override
    public User setPassword(
        UserId user,
        long expectedVersion,
        Secret password,
        boolean force,
        AuditEvent event,
        CommitCondition condition) {
      interfere();
      return super.setPassword(user, expectedVersion, password, force, event, condition);
    }

    private void interfere() {
      Runnable r = beforeNextWrite.getAndSet(null);
      if (r != null) {
        r.run();
      }
    }
  }

  /** The audit log, with {@link #onPending} run when it stores a PENDING event. */
  private final class InterferingSink implements AuditSink {
    @Override
    public void record(AuditEvent event) {
      log.record(event);
      if (event.outcome() == AuditOutcome.PENDING) {
        Runnable r = onPending.getAndSet(null);
        if (r != null) {
          r.run();
        }
      }
    }
  }
}
