package io.mystaff.testkit.contract;

import static io.mystaff.api.directory.PhoneType.MOBILE;
import static io.mystaff.api.directory.PhoneType.OFFICE;
import static io.mystaff.testkit.contract.ContractEvents.ids;
import static io.mystaff.testkit.contract.ContractEvents.passwordReset;
import static io.mystaff.testkit.contract.ContractEvents.phoneChange;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.CapabilityNotSupportedException;
import io.mystaff.api.StaleFactsException;
import io.mystaff.api.StaleVersionException;
import io.mystaff.api.UnknownUserException;
import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.User;
import io.mystaff.api.password.Secret;
import io.mystaff.spi.CommitCondition;
import io.mystaff.spi.Directory;
import io.mystaff.spi.SessionRevoker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The laws of {@link DirectoryWriterTestSuiteBuilder}. */
final class DirectoryWriterLaws {
  private static final UserId ALICE = UserId.of("alice");
  private static final UserId BOB = UserId.of("bob");
  private static final int WRITERS = 4;
  private static final int INCREMENTS_PER_WRITER = 50;
  private static final String SECRET = "Zq7#vXw-9kTp$Lm2";

  static final List<Law<WritableDirectory, DirectoryWriterFeature>> ALL =
      List.of(
          Law.of(
              "setPhone_currentVersion_appliedAtHigherVersion",
              DirectoryWriterLaws::setPhoneApplies),
          Law.of(
              "setPhone_emptyNumber_removesPresentAndAbsentPhones",
              DirectoryWriterLaws::setPhoneRemoves),
          Law.of(
              "setPhone_staleVersion_throwsStaleAndChangesNothing",
              DirectoryWriterLaws::setPhoneStale),
          Law.of(
              "setPhone_futureVersion_throwsStaleAndChangesNothing",
              DirectoryWriterLaws::setPhoneFuture),
          Law.of(
              "setPhone_unknownUser_throwsUnknownUserAndStoresNoEvent",
              DirectoryWriterLaws::setPhoneUnknown),
          Law.of(
              "versions_successiveWrites_strictlyIncrease", DirectoryWriterLaws::versionsIncrease),
          Law.of(
              "setPassword_currentVersion_appliedAtHigherVersion",
              DirectoryWriterFeature.SETS_PASSWORDS,
              DirectoryWriterLaws::setPasswordApplies),
          Law.of(
              "setPassword_staleVersion_throwsStaleWithoutTheSecret",
              DirectoryWriterFeature.SETS_PASSWORDS,
              DirectoryWriterLaws::setPasswordStale),
          Law.of(
              "setPassword_secret_inNoToStringOrEvent",
              DirectoryWriterFeature.SETS_PASSWORDS,
              DirectoryWriterLaws::setPasswordKeepsSecret),
          Law.of(
              "outbox_successfulWrites_pendingOldestFirst", DirectoryWriterLaws::outboxHoldsEvents),
          Law.of("outbox_pendingMax_limitsToOldest", DirectoryWriterLaws::outboxMax),
          Law.of(
              "outbox_acknowledge_removesExactlyThoseIds_idempotent",
              DirectoryWriterLaws::outboxAcknowledge),
          Law.of("outbox_failedWrites_storeNoEvent", DirectoryWriterLaws::outboxFailedWrites),
          Law.of(
              "concurrentWriters_compareAndSetRetry_loseNoUpdate",
              DirectoryWriterLaws::concurrentWriters),
          Law.of(
              "setPhone_conditionFails_rethrowsAndChangesNothing",
              DirectoryWriterLaws::setPhoneConditionFails),
          Law.of(
              "setPassword_conditionFails_rethrowsAndChangesNothing",
              DirectoryWriterFeature.SETS_PASSWORDS,
              DirectoryWriterLaws::setPasswordConditionFails),
          Law.of(
              "setPhone_condition_verifiedOnceAgainstTheStateCommittedTo",
              DirectoryWriterLaws::setPhoneConditionSeesState),
          Law.of(
              "setPhone_staleVersion_conditionNotVerified",
              DirectoryWriterLaws::setPhoneStaleSkipsCondition),
          Law.of(
              "setPhone_writeOfSameUserDuringCondition_doesNotCommitInBetween",
              DirectoryWriterLaws::setPhoneConditionExcludesWrites),
          Law.<WritableDirectory, DirectoryWriterFeature>of(
                  "sessionRevoker_declaredFeature_presentExactlyWhenClaimed",
                  DirectoryWriterLaws::sessionRevokerMatchesFeature)
              .checking(
                  "sessionRevoker(): present when REVOKES_SESSIONS is claimed, empty when it is"
                      + " declared absent"),
          Law.of(
              "revokeSessions_currentVersion_validFromStoredWithEventAtHigherVersion",
              DirectoryWriterFeature.REVOKES_SESSIONS,
              DirectoryWriterLaws::revokeApplies),
          Law.of(
              "revokeSessions_earlierInstant_neverMovesBack",
              DirectoryWriterFeature.REVOKES_SESSIONS,
              DirectoryWriterLaws::revokeNeverMovesBack),
          Law.of(
              "revokeSessions_staleVersion_throwsStaleAndChangesNothing",
              DirectoryWriterFeature.REVOKES_SESSIONS,
              DirectoryWriterLaws::revokeStale),
          Law.of(
              "revokeSessions_conditionFails_rethrowsAndChangesNothing",
              DirectoryWriterFeature.REVOKES_SESSIONS,
              DirectoryWriterLaws::revokeConditionFails),
          Law.of(
              "revokeSessions_unknownUser_throwsUnknownUserAndStoresNoEvent",
              DirectoryWriterFeature.REVOKES_SESSIONS,
              DirectoryWriterLaws::revokeUnknown));

  private DirectoryWriterLaws() {}

  /** A condition that fails the way core's does when a fact changed. */
  private static final class FailingCondition implements CommitCondition {
    final AtomicInteger calls = new AtomicInteger();
    final StaleFactsException failure =
        new StaleFactsException(BOB, "a role assignment changed (contract law)");

    @Override
    public void verify(Directory current) {
      calls.incrementAndGet();
      throw failure;
    }
  }

  private static final Instant REVOKED_AT = Instant.parse("2026-03-01T08:00:00Z");

  private static void sessionRevokerMatchesFeature(Trial<WritableDirectory> t) throws Exception {
    WritableDirectory d = t.subject(ContractTenants.writable());
    if (t.claims(DirectoryWriterFeature.REVOKES_SESSIONS)) {
      assertThat(d.writer().sessionRevoker())
          .as("sessionRevoker() of a writer claiming REVOKES_SESSIONS")
          .isPresent();
    } else if (t.lacks(DirectoryWriterFeature.REVOKES_SESSIONS)) {
      assertThat(d.writer().sessionRevoker())
          .as("sessionRevoker() of a writer declaring REVOKES_SESSIONS absent")
          .isEmpty();
    }
  }

  private static SessionRevoker revoker(WritableDirectory d) {
    return d.writer()
        .sessionRevoker()
        .orElseThrow(
            () ->
                new CapabilityNotSupportedException(
                    "session revocation",
                    "sessionRevoker() is empty: the provider lacks REVOKES_SESSIONS"));
  }

  private static void revokeApplies(Trial<WritableDirectory> t) throws Exception {
    WritableDirectory d = t.subject(ContractTenants.writable());
    SessionRevoker r = revoker(d);
    User before = read(d, BOB);
    assertThat(r.sessionsValidFrom(BOB)).as("bob's sessions before any revocation").isEmpty();
    AuditEvent event = phoneChange("r1", BOB);
    User after = r.revokeSessions(BOB, before.version(), REVOKED_AT, event, CommitCondition.none());
    assertThat(after.version())
        .as("bob's version after a revocation")
        .isGreaterThan(before.version());
    assertThat(read(d, BOB)).as("bob as read after the revocation").isEqualTo(after);
    assertThat(after.toBuilder().version(before.version()).build())
        .as("bob after a revocation, but for the version: unchanged")
        .isEqualTo(before);
    assertThat(r.sessionsValidFrom(BOB)).as("bob's sessions valid from").contains(REVOKED_AT);
    assertThat(r.sessionsValidFrom(ALICE)).as("alice's, untouched").isEmpty();
    assertThat(d.writer().pendingAuditEvents(100))
        .as("outbox after one revocation")
        .containsExactly(event);
  }

  private static void revokeNeverMovesBack(Trial<WritableDirectory> t) throws Exception {
    WritableDirectory d = t.subject(ContractTenants.writable());
    SessionRevoker r = revoker(d);
    Instant later = REVOKED_AT.plusSeconds(3_600);
    r.revokeSessions(BOB, read(d, BOB).version(), later, phoneChange("r1", BOB));
    r.revokeSessions(BOB, read(d, BOB).version(), REVOKED_AT, phoneChange("r2", BOB));
    assertThat(r.sessionsValidFrom(BOB))
        .as("bob's sessions after a revocation at an earlier instant than the stored one")
        .contains(later);
    assertThat(ids(d.writer().pendingAuditEvents(100)))
        .as("outbox: both revocations recorded")
        .containsExactly("r1", "r2");
  }

  private static void revokeStale(Trial<WritableDirectory> t) throws Exception {
    WritableDirectory d = t.subject(ContractTenants.writable());
    SessionRevoker r = revoker(d);
    User before = read(d, BOB);
    assertThatThrownBy(
            () -> r.revokeSessions(BOB, before.version() - 1, REVOKED_AT, phoneChange("r1", BOB)))
        .as("revokeSessions at a stale version")
        .isInstanceOf(StaleVersionException.class);
    assertThat(read(d, BOB)).as("bob after a stale revocation").isEqualTo(before);
    assertThat(r.sessionsValidFrom(BOB)).as("bob's sessions after a stale revocation").isEmpty();
    assertThat(d.writer().pendingAuditEvents(100)).as("outbox after a stale revocation").isEmpty();
  }

  private static void revokeConditionFails(Trial<WritableDirectory> t) throws Exception {
    WritableDirectory d = t.subject(ContractTenants.writable());
    SessionRevoker r = revoker(d);
    User before = read(d, BOB);
    FailingCondition condition = new FailingCondition();
    assertThatThrownBy(
            () ->
                r.revokeSessions(
                    BOB, before.version(), REVOKED_AT, phoneChange("r1", BOB), condition))
        .as("revokeSessions whose commit condition throws rethrows that very exception")
        .isSameAs(condition.failure);
    assertThat(condition.calls).as("times the condition was verified").hasValue(1);
    assertThat(read(d, BOB)).as("bob after a revocation whose condition failed").isEqualTo(before);
    assertThat(r.sessionsValidFrom(BOB))
        .as("bob's sessions after a revocation whose condition failed")
        .isEmpty();
    assertThat(d.writer().pendingAuditEvents(100))
        .as("outbox after a revocation whose condition failed")
        .isEmpty();
  }

  private static void revokeUnknown(Trial<WritableDirectory> t) throws Exception {
    WritableDirectory d = t.subject(ContractTenants.writable());
    SessionRevoker r = revoker(d);
    UserId ghost = UserId.of("nobody-here");
    assertThatThrownBy(() -> r.revokeSessions(ghost, 1, REVOKED_AT, phoneChange("r1", ghost)))
        .as("revokeSessions of an unknown user")
        .isInstanceOf(UnknownUserException.class);
    assertThat(r.sessionsValidFrom(ghost)).as("an unknown user's sessions").isEmpty();
    assertThat(d.writer().pendingAuditEvents(100))
        .as("outbox after revoking an unknown user")
        .isEmpty();
  }

  private static void setPhoneConditionFails(Trial<WritableDirectory> t) throws Exception {
    WritableDirectory d = t.subject(ContractTenants.writable());
    User before = read(d, BOB);
    FailingCondition condition = new FailingCondition();
    assertThatThrownBy(
            () ->
                d.writer()
                    .setPhone(
                        BOB,
                        before.version(),
                        OFFICE,
                        Optional.of(PhoneNumber.of("+14255550123")),
                        phoneChange("e1", BOB),
                        condition))
        .as("setPhone whose commit condition throws rethrows that very exception")
        .isSameAs(condition.failure);
    assertThat(condition.calls).as("times the condition was verified").hasValue(1);
    assertThat(read(d, BOB)).as("bob after a write whose condition failed").isEqualTo(before);
    assertThat(d.writer().pendingAuditEvents(100))
        .as("outbox after a write whose condition failed")
        .isEmpty();
  }

  private static void setPasswordConditionFails(Trial<WritableDirectory> t) throws Exception {
    WritableDirectory d = t.subject(ContractTenants.writable());
    User before = read(d, BOB);
    FailingCondition condition = new FailingCondition();
    assertThatThrownBy(
            () ->
                d.writer()
                    .setPassword(
                        BOB,
                        before.version(),
                        Secret.of(SECRET),
                        true,
                        passwordReset("e1", BOB),
                        condition))
        .as("setPassword whose commit condition throws rethrows that very exception")
        .isSameAs(condition.failure);
    assertThat(condition.calls).as("times the condition was verified").hasValue(1);
    assertThat(read(d, BOB))
        .as("bob after a password write whose condition failed")
        .isEqualTo(before);
    assertThat(d.writer().pendingAuditEvents(100))
        .as("outbox after a password write whose condition failed")
        .isEmpty();
  }

  private static void setPhoneConditionSeesState(Trial<WritableDirectory> t) throws Exception {
    WritableDirectory d = t.subject(ContractTenants.writable());
    User before = read(d, BOB);
    List<Optional<User>> seen = new ArrayList<>();
    List<List<AuditEvent>> outboxSeen = new ArrayList<>();
    User after =
        d.writer()
            .setPhone(
                BOB,
                before.version(),
                OFFICE,
                Optional.of(PhoneNumber.of("+14255550123")),
                phoneChange("e1", BOB),
                current -> {
                  seen.add(current.findUser(BOB));
                  outboxSeen.add(d.writer().pendingAuditEvents(100));
                });
    assertThat(seen).as("users the condition saw, one per verification").hasSize(1);
    assertThat(seen.get(0))
        .as("bob as the condition saw him: the version being written to")
        .hasValueSatisfying(u -> assertThat(u.version()).isEqualTo(before.version()));
    assertThat(outboxSeen.get(0))
        .as("outbox while the condition runs: the event is not stored yet")
        .isEmpty();
    assertThat(after.version())
        .as("version after a write whose condition held")
        .isGreaterThan(before.version());
    assertThat(ids(d.writer().pendingAuditEvents(100)))
        .as("outbox after a write whose condition held")
        .containsExactly("e1");
  }

  private static void setPhoneStaleSkipsCondition(Trial<WritableDirectory> t) throws Exception {
    WritableDirectory d = t.subject(ContractTenants.writable());
    long old = read(d, BOB).version();
    d.writer()
        .setPhone(
            BOB, old, OFFICE, Optional.of(PhoneNumber.of("+14255550111")), phoneChange("e1", BOB));
    FailingCondition condition = new FailingCondition();
    assertThatThrownBy(
            () ->
                d.writer()
                    .setPhone(
                        BOB,
                        old,
                        OFFICE,
                        Optional.of(PhoneNumber.of("+14255550222")),
                        phoneChange("e2", BOB),
                        condition))
        .as("a stale write fails its version check before its condition is verified")
        .isInstanceOf(StaleVersionException.class);
    assertThat(condition.calls).as("times the condition of a stale write was verified").hasValue(0);
  }

  /**
   * While the condition runs, another thread writes the same user at the same version. The
   * condition runs inside the atomic section, so that write cannot commit before this one: it waits
   * and then finds a newer version, or fails at once. Both committing would be a lost update.
   */
  private static void setPhoneConditionExcludesWrites(Trial<WritableDirectory> t) throws Exception {
    WritableDirectory d = t.subject(ContractTenants.writable());
    User before = read(d, BOB);
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      List<Future<User>> rival = new ArrayList<>();
      User mine =
          d.writer()
              .setPhone(
                  BOB,
                  before.version(),
                  OFFICE,
                  Optional.of(PhoneNumber.of("+14255550101")),
                  phoneChange("mine", BOB),
                  current -> {
                    rival.add(
                        other.submit(
                            () ->
                                d.writer()
                                    .setPhone(
                                        BOB,
                                        before.version(),
                                        MOBILE,
                                        Optional.of(PhoneNumber.of("+14255550202")),
                                        phoneChange("rival", BOB))));
                    try {
                      rival.get(0).get(100, TimeUnit.MILLISECONDS);
                    } catch (java.util.concurrent.TimeoutException
                        | java.util.concurrent.ExecutionException e) {
                      // waiting for this write to commit, or refused: both keep the write atomic
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  });
      assertThat(mine.phone(OFFICE))
          .as("the write whose condition ran")
          .contains(PhoneNumber.of("+14255550101"));
      assertThatThrownBy(() -> rival.get(0).get(10, TimeUnit.SECONDS))
          .as("a write of the same user at the same version, made while the condition ran")
          .hasCauseInstanceOf(StaleVersionException.class);
      assertThat(ids(d.writer().pendingAuditEvents(100))).as("outbox").containsExactly("mine");
    } finally {
      other.shutdownNow();
    }
  }

  private static void setPhoneApplies(Trial<WritableDirectory> t) throws Exception {
    WritableDirectory d = t.subject(ContractTenants.writable());
    User before = read(d, BOB);
    PhoneNumber office = PhoneNumber.of("+14255550123");
    User after =
        d.writer()
            .setPhone(BOB, before.version(), OFFICE, Optional.of(office), phoneChange("e1", BOB));
    assertThat(after.version()).as("version returned by setPhone").isGreaterThan(before.version());
    assertThat(after.phone(OFFICE)).as("office phone returned by setPhone").contains(office);
    User reread = read(d, BOB);
    assertThat(reread.phone(OFFICE)).as("office phone read after setPhone").contains(office);
    assertThat(reread.version()).as("version read after setPhone").isEqualTo(after.version());
    assertThat(reread.displayName())
        .as("setPhone changes nothing else")
        .isEqualTo(before.displayName());
  }

  private static void setPhoneRemoves(Trial<WritableDirectory> t) throws Exception {
    WritableDirectory d = t.subject(ContractTenants.writable());
    User alice = read(d, ALICE);
    User removed =
        d.writer()
            .setPhone(ALICE, alice.version(), MOBILE, Optional.empty(), phoneChange("e1", ALICE));
    assertThat(removed.phone(MOBILE)).as("alice's mobile after removing it").isEmpty();
    assertThat(read(d, ALICE).phone(MOBILE)).as("alice's mobile read after removing it").isEmpty();
    User bob = read(d, BOB);
    User same =
        d.writer().setPhone(BOB, bob.version(), OFFICE, Optional.empty(), phoneChange("e2", BOB));
    assertThat(same.phone(OFFICE)).as("removing an absent phone is allowed").isEmpty();
    assertThat(same.version())
        .as("version after removing an absent phone")
        .isGreaterThan(bob.version());
  }

  private static void setPhoneStale(Trial<WritableDirectory> t) throws Exception {
    WritableDirectory d = t.subject(ContractTenants.writable());
    long old = read(d, BOB).version();
    d.writer()
        .setPhone(
            BOB, old, OFFICE, Optional.of(PhoneNumber.of("+14255550111")), phoneChange("e1", BOB));
    User current = read(d, BOB);
    List<String> pending = ids(d.writer().pendingAuditEvents(100));
    assertThatThrownBy(
            () ->
                d.writer()
                    .setPhone(
                        BOB,
                        old,
                        OFFICE,
                        Optional.of(PhoneNumber.of("+14255550222")),
                        phoneChange("e2", BOB)))
        .as("setPhone with the version read before another write")
        .isInstanceOfSatisfying(
            StaleVersionException.class,
            e -> {
              assertThat(e.userId()).as("StaleVersionException.userId").isEqualTo(BOB);
              assertThat(e.expectedVersion())
                  .as("StaleVersionException.expectedVersion")
                  .isEqualTo(old);
              assertThat(e.actualVersion())
                  .as("StaleVersionException.actualVersion")
                  .isEqualTo(current.version());
            });
    assertThat(read(d, BOB)).as("bob after a stale write").isEqualTo(current);
    assertThat(read(d, BOB).phone(OFFICE))
        .as("bob's office phone after a stale write")
        .contains(PhoneNumber.of("+14255550111"));
    assertThat(ids(d.writer().pendingAuditEvents(100)))
        .as("outbox after a stale write")
        .isEqualTo(pending);
  }

  private static void setPhoneFuture(Trial<WritableDirectory> t) throws Exception {
    WritableDirectory d = t.subject(ContractTenants.writable());
    User bob = read(d, BOB);
    assertThatThrownBy(
            () ->
                d.writer()
                    .setPhone(
                        BOB,
                        bob.version() + 1_000,
                        OFFICE,
                        Optional.of(PhoneNumber.of("+14255550222")),
                        phoneChange("e1", BOB)))
        .as("setPhone with a version the user never had")
        .isInstanceOf(StaleVersionException.class);
    assertThat(read(d, BOB)).as("bob after a write with a future version").isEqualTo(bob);
    assertThat(d.writer().pendingAuditEvents(100))
        .as("outbox after a write with a future version")
        .isEmpty();
  }

  private static void setPhoneUnknown(Trial<WritableDirectory> t) throws Exception {
    WritableDirectory d = t.subject(ContractTenants.writable());
    assertThatThrownBy(
            () ->
                d.writer()
                    .setPhone(
                        ContractTenants.GHOST_USER,
                        0,
                        OFFICE,
                        Optional.of(PhoneNumber.of("+14255550222")),
                        phoneChange("e1", ContractTenants.GHOST_USER)))
        .as("setPhone of an unknown user")
        .isInstanceOf(UnknownUserException.class);
    assertThat(d.writer().pendingAuditEvents(100))
        .as("outbox after writing an unknown user")
        .isEmpty();
    assertThat(d.reader().findUser(ContractTenants.GHOST_USER))
        .as("an unknown user is not created")
        .isEmpty();
  }

  private static void versionsIncrease(Trial<WritableDirectory> t) throws Exception {
    WritableDirectory d = t.subject(ContractTenants.writable());
    long version = read(d, BOB).version();
    for (int i = 0; i < 10; i++) {
      User after =
          d.writer()
              .setPhone(
                  BOB,
                  version,
                  MOBILE,
                  Optional.of(PhoneNumber.of(String.format(Locale.ROOT, "+1425555%04d", i))),
                  phoneChange("e" + i, BOB));
      assertThat(after.version()).as("version after write %d", i).isGreaterThan(version);
      version = after.version();
    }
  }

  private static void setPasswordApplies(Trial<WritableDirectory> t) throws Exception {
    WritableDirectory d = t.subject(ContractTenants.writable());
    User before = read(d, BOB);
    User after =
        d.writer()
            .setPassword(BOB, before.version(), Secret.of(SECRET), true, passwordReset("e1", BOB));
    assertThat(after.version())
        .as("version returned by setPassword")
        .isGreaterThan(before.version());
    assertThat(after.forceChangePasswordNextSignIn())
        .as("forceChangePasswordNextSignIn returned")
        .isTrue();
    assertThat(read(d, BOB).forceChangePasswordNextSignIn())
        .as("forceChangePasswordNextSignIn read back")
        .isTrue();
    assertThat(ids(d.writer().pendingAuditEvents(10)))
        .as("outbox after setPassword")
        .containsExactly("e1");
  }

  private static void setPasswordStale(Trial<WritableDirectory> t) throws Exception {
    WritableDirectory d = t.subject(ContractTenants.writable());
    long old = read(d, BOB).version();
    d.writer()
        .setPhone(
            BOB, old, OFFICE, Optional.of(PhoneNumber.of("+14255550111")), phoneChange("e1", BOB));
    User current = read(d, BOB);
    Throwable thrown =
        catchAny(
            () ->
                d.writer()
                    .setPassword(BOB, old, Secret.of(SECRET), true, passwordReset("e2", BOB)));
    assertThat(thrown)
        .as("setPassword with a stale version")
        .isInstanceOf(StaleVersionException.class);
    Secrets.assertAbsent(SECRET, "the stale setPassword exception", Secrets.describe(thrown));
    assertThat(read(d, BOB)).as("bob after a stale setPassword").isEqualTo(current);
    assertThat(ids(d.writer().pendingAuditEvents(10)))
        .as("outbox after a stale setPassword")
        .containsExactly("e1");
  }

  private static void setPasswordKeepsSecret(Trial<WritableDirectory> t) throws Exception {
    WritableDirectory d = t.subject(ContractTenants.writable());
    Secret secret = Secret.of(SECRET);
    User after =
        d.writer()
            .setPassword(BOB, read(d, BOB).version(), secret, false, passwordReset("e1", BOB));
    Secrets.assertAbsent(SECRET, "the user returned by setPassword", after.toString());
    Secrets.assertAbsent(SECRET, "the user read after setPassword", read(d, BOB).toString());
    Secrets.assertAbsent(SECRET, "the writer's toString", d.writer().toString());
    Secrets.assertAbsent(SECRET, "the reader's toString", d.reader().toString());
    Secrets.assertAbsent(SECRET, "the outbox", d.writer().pendingAuditEvents(10).toString());
    Throwable unknown =
        catchAny(
            () ->
                d.writer()
                    .setPassword(
                        ContractTenants.GHOST_USER,
                        0,
                        Secret.of(SECRET),
                        true,
                        passwordReset("e2", ContractTenants.GHOST_USER)));
    assertThat(unknown)
        .as("setPassword of an unknown user")
        .isInstanceOf(UnknownUserException.class);
    Secrets.assertAbsent(SECRET, "the exception for an unknown user", Secrets.describe(unknown));
  }

  private static void outboxHoldsEvents(Trial<WritableDirectory> t) throws Exception {
    WritableDirectory d = t.subject(ContractTenants.writable());
    assertThat(d.writer().pendingAuditEvents(10)).as("outbox of a fresh directory").isEmpty();
    List<AuditEvent> written = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      UserId who = i % 2 == 0 ? ALICE : BOB;
      AuditEvent e = phoneChange("e" + i, who);
      d.writer()
          .setPhone(
              who,
              read(d, who).version(),
              OFFICE,
              Optional.of(PhoneNumber.of("+1425555010" + i)),
              e);
      written.add(e);
    }
    assertThat(d.writer().pendingAuditEvents(10))
        .as("outbox after three writes: their events, oldest first, as given")
        .containsExactlyElementsOf(written);
    assertThat(d.writer().pendingAuditEvents(10))
        .as("reading the outbox does not consume it")
        .containsExactlyElementsOf(written);
  }

  private static void outboxMax(Trial<WritableDirectory> t) throws Exception {
    WritableDirectory d = t.subject(ContractTenants.writable());
    for (int i = 0; i < 5; i++) {
      d.writer()
          .setPhone(
              BOB,
              read(d, BOB).version(),
              OFFICE,
              Optional.of(PhoneNumber.of("+1425555010" + i)),
              phoneChange("e" + i, BOB));
    }
    assertThat(ids(d.writer().pendingAuditEvents(2)))
        .as("pendingAuditEvents(2)")
        .containsExactly("e0", "e1");
    assertThat(ids(d.writer().pendingAuditEvents(0))).as("pendingAuditEvents(0)").isEmpty();
    assertThat(ids(d.writer().pendingAuditEvents(99)))
        .as("pendingAuditEvents(99)")
        .containsExactly("e0", "e1", "e2", "e3", "e4");
  }

  private static void outboxAcknowledge(Trial<WritableDirectory> t) throws Exception {
    WritableDirectory d = t.subject(ContractTenants.writable());
    for (int i = 0; i < 4; i++) {
      d.writer()
          .setPhone(
              ALICE,
              read(d, ALICE).version(),
              OFFICE,
              Optional.of(PhoneNumber.of("+1425555010" + i)),
              phoneChange("e" + i, ALICE));
    }
    d.writer().acknowledgeAuditEvents(List.of("e1", "e3", "never-written"));
    assertThat(ids(d.writer().pendingAuditEvents(10)))
        .as("outbox after acknowledging e1 and e3")
        .containsExactly("e0", "e2");
    d.writer().acknowledgeAuditEvents(List.of("e1", "e3"));
    d.writer().acknowledgeAuditEvents(List.of());
    assertThat(ids(d.writer().pendingAuditEvents(10)))
        .as("outbox after acknowledging again")
        .containsExactly("e0", "e2");
    d.writer()
        .setPhone(
            ALICE, read(d, ALICE).version(), OFFICE, Optional.empty(), phoneChange("e4", ALICE));
    d.writer().acknowledgeAuditEvents(List.of("e0", "e2", "e4"));
    assertThat(d.writer().pendingAuditEvents(10))
        .as("outbox after acknowledging everything")
        .isEmpty();
  }

  private static void outboxFailedWrites(Trial<WritableDirectory> t) throws Exception {
    WritableDirectory d = t.subject(ContractTenants.writable());
    long old = read(d, BOB).version();
    d.writer()
        .setPhone(
            BOB, old, OFFICE, Optional.of(PhoneNumber.of("+14255550111")), phoneChange("ok", BOB));
    catchAny(
        () -> d.writer().setPhone(BOB, old, OFFICE, Optional.empty(), phoneChange("stale", BOB)));
    catchAny(
        () ->
            d.writer()
                .setPhone(
                    ContractTenants.GHOST_USER,
                    0,
                    OFFICE,
                    Optional.empty(),
                    phoneChange("unknown", ContractTenants.GHOST_USER)));
    assertThat(ids(d.writer().pendingAuditEvents(10)))
        .as("outbox after one write and two failed writes")
        .containsExactly("ok");
  }

  // Thread.yield() only widens the race window the law looks for; correctness never depends on it.
  @SuppressWarnings("ThreadPriorityCheck")
  private static void concurrentWriters(Trial<WritableDirectory> t) throws Exception {
    WritableDirectory d = t.subject(ContractTenants.writable());
    d.writer()
        .setPhone(
            BOB,
            read(d, BOB).version(),
            MOBILE,
            Optional.of(counter(0)),
            phoneChange("start", BOB));
    AtomicInteger eventIds = new AtomicInteger();
    CyclicBarrier start = new CyclicBarrier(WRITERS);
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    try {
      List<Callable<Integer>> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        writers.add(
            () -> {
              int conflicts = 0;
              start.await();
              for (int done = 0; done < INCREMENTS_PER_WRITER; ) {
                User bob = read(d, BOB);
                int value = valueOf(bob.phone(MOBILE).orElseThrow());
                Thread
                    .yield(); // widen the window between read and write, where lost updates happen
                try {
                  d.writer()
                      .setPhone(
                          BOB,
                          bob.version(),
                          MOBILE,
                          Optional.of(counter(value + 1)),
                          phoneChange("inc-" + eventIds.incrementAndGet(), BOB));
                  done++;
                } catch (StaleVersionException lost) {
                  conflicts++;
                }
              }
              return conflicts;
            });
      }
      List<Future<Integer>> results =
          pool.invokeAll(writers, t.timeout().toMillis(), TimeUnit.MILLISECONDS);
      for (Future<Integer> f : results) {
        assertThat(f.isCancelled()).as("a writer finished within %s", t.timeout()).isFalse();
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    int total = WRITERS * INCREMENTS_PER_WRITER;
    assertThat(valueOf(read(d, BOB).phone(MOBILE).orElseThrow()))
        .as(
            "%d writers each made %d compare-and-set increments; every one must survive",
            WRITERS, INCREMENTS_PER_WRITER)
        .isEqualTo(total);
    assertThat(d.writer().pendingAuditEvents(total + 10))
        .as("one outbox event per successful write")
        .hasSize(total + 1);
  }

  private static User read(WritableDirectory d, UserId id) {
    return d.reader()
        .findUser(id)
        .orElseThrow(() -> new AssertionError("findUser(" + id + ") is empty"));
  }

  private static PhoneNumber counter(int value) {
    return PhoneNumber.of(String.format(Locale.ROOT, "+1425555%04d", value));
  }

  private static int valueOf(PhoneNumber phone) {
    return Integer.parseInt(phone.e164().substring(phone.e164().length() - 4));
  }

  private static Throwable catchAny(ThrowingRunnable action) {
    try {
      action.run();
    } catch (Throwable e) {
      return e;
    }
    throw new AssertionError("expected an exception, but the call returned normally");
  }

  @FunctionalInterface
  private interface ThrowingRunnable {
    void run() throws Exception;
  }
}
