package io.mystaff.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditInitiator;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.audit.AuditTarget;
import io.mystaff.api.audit.ModifiedProperty;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.directory.User;
import io.mystaff.api.password.Secret;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The writer laws vendors most often break while passing the rest: a password accepted for a synced
 * user or never stored, an argument error leaking from the store untyped, fields lost on a write,
 * event times cut to seconds, and an outbox returned in id or time order instead of commit order.
 */
final class DirectoryWriterFidelityLaws {
  private static final UserId ALICE = UserId.of("alice");
  private static final UserId SAM = UserId.of("sam");
  private static final UserId GUS = UserId.of("gus");
  private static final String FIRST = "Zq7#vXw-9kTp$Lm2";
  private static final String SECOND = "Hb4!rNc-2wQs%Ej8";

  /** A time with a microsecond part, as core's clock gives. */
  static final Instant MICROS = Instant.parse("2025-06-30T23:59:58.123456Z");

  static final List<Law<WritableDirectory, DirectoryWriterFeature>> ALL =
      List.of(
          Law.<WritableDirectory, DirectoryWriterFeature>of(
                  "setPassword_syncedUser_throwsInvalidInputAndChangesNothing",
                  DirectoryWriterFeature.SETS_PASSWORDS,
                  DirectoryWriterFidelityLaws::syncedPassword)
              .checking(
                  "setPassword for a user synced from on premises throws InvalidInputException"
                      + " and changes neither the user nor the outbox"),
          Law.<WritableDirectory, DirectoryWriterFeature>of(
                  "pendingAuditEvents_negativeMax_throwsInvalidInput",
                  DirectoryWriterFidelityLaws::negativeMax)
              .checking(
                  "pendingAuditEvents(-1) throws InvalidInputException, not the store's own error"),
          new Law<WritableDirectory, DirectoryWriterFeature>(
              "setPassword_newPassword_storedAndOnlyItVerifies",
              Set.of(
                  DirectoryWriterFeature.SETS_PASSWORDS, DirectoryWriterFeature.VERIFIES_PASSWORDS),
              "after setPassword the store verifies the new password, and no longer the previous"
                  + " one nor another user's",
              DirectoryWriterFidelityLaws::passwordStored),
          Law.<WritableDirectory, DirectoryWriterFeature>of(
                  "setPhone_everyOtherField_keptExactly",
                  DirectoryWriterFidelityLaws::otherFieldsKept)
              .checking(
                  "a phone write changes that phone and the version, and keeps every other field"
                      + " (attributes, groups, other phones, extension, type, flags)"),
          Law.<WritableDirectory, DirectoryWriterFeature>of(
                  "outbox_everyFieldAndMicroseconds_readBackExactly",
                  DirectoryWriterFidelityLaws::eventsExact)
              .checking(
                  "events stored with writes read back equal: several targets, modified"
                      + " properties, details, result reason, and times to the microsecond"),
          Law.<WritableDirectory, DirectoryWriterFeature>of(
                  "outbox_idsAndTimesOutOfOrder_pendingInCommitOrder",
                  DirectoryWriterFidelityLaws::commitOrder)
              .checking(
                  "pending events come in commit order even when their ids and times sort the"
                      + " other way, appended events included"),
          Law.<WritableDirectory, DirectoryWriterFeature>of(
                  "outbox_concurrentWriters_eachWritersEventsInCommitOrder",
                  DirectoryWriterFidelityLaws::concurrentCommitOrder)
              .checking(
                  "with writers on several threads, every event is pending once and each"
                      + " thread's events keep its commit order"));

  private DirectoryWriterFidelityLaws() {}

  private static User read(WritableDirectory d, UserId id) {
    return d.reader()
        .findUser(id)
        .orElseThrow(() -> new AssertionError("findUser(" + id + ") is empty"));
  }

  private static void syncedPassword(Trial<WritableDirectory> t) throws Exception {
    WritableDirectory d = t.subject(FidelityTenants.everyField());
    User before = read(d, SAM);
    assertThatThrownBy(
            () ->
                d.writer()
                    .setPassword(
                        SAM,
                        before.version(),
                        Secret.of(FIRST),
                        true,
                        ContractEvents.passwordReset("e1", SAM)))
        .as("setPassword of a synced user (its password is written back on premises)")
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(String.valueOf(e)).doesNotContain(FIRST));
    assertThat(read(d, SAM)).as("the synced user after a refused password").isEqualTo(before);
    assertThat(d.writer().pendingAuditEvents(100)).as("outbox after a refused password").isEmpty();
  }

  private static void negativeMax(Trial<WritableDirectory> t) throws Exception {
    WritableDirectory d = t.subject(ContractTenants.writable());
    assertThatThrownBy(() -> d.writer().pendingAuditEvents(-1))
        .as("pendingAuditEvents(-1)")
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> d.writer().pendingAuditEvents(Integer.MIN_VALUE))
        .as("pendingAuditEvents(Integer.MIN_VALUE)")
        .isInstanceOf(InvalidInputException.class);
  }

  private static void passwordStored(Trial<WritableDirectory> t) throws Exception {
    WritableDirectory d = t.subject(FidelityTenants.everyField());
    PasswordVerifier store = d.passwordVerifier();
    User alice = read(d, ALICE);
    User afterFirst =
        d.writer()
            .setPassword(
                ALICE,
                alice.version(),
                Secret.of(FIRST),
                true,
                ContractEvents.passwordReset("e1", ALICE));
    assertThat(store.verify(ALICE, Secret.of(FIRST)))
        .as("the store verifies the password just set")
        .isTrue();
    assertThat(store.verify(ALICE, Secret.of(FIRST + "x")))
        .as("the store verifies a different password")
        .isFalse();
    assertThat(store.verify(GUS, Secret.of(FIRST)))
        .as("another user has the password just set for alice")
        .isFalse();
    d.writer()
        .setPassword(
            ALICE,
            afterFirst.version(),
            Secret.of(SECOND),
            false,
            ContractEvents.passwordReset("e2", ALICE));
    assertThat(store.verify(ALICE, Secret.of(SECOND)))
        .as("the store verifies the second password")
        .isTrue();
    assertThat(store.verify(ALICE, Secret.of(FIRST)))
        .as("the store still verifies the replaced password")
        .isFalse();
    assertThat(read(d, ALICE).forceChangePasswordNextSignIn())
        .as("forceChangePasswordNextSignIn after the second write (false)")
        .isFalse();
  }

  private static void otherFieldsKept(Trial<WritableDirectory> t) throws Exception {
    WritableDirectory d = t.subject(FidelityTenants.everyField());
    for (UserId id : List.of(ALICE, GUS)) {
      User before = read(d, id);
      PhoneNumber number = PhoneNumber.of("+14255550177", "99");
      User after =
          d.writer()
              .setPhone(
                  id,
                  before.version(),
                  PhoneType.ALTERNATE_MOBILE,
                  Optional.of(number),
                  ContractEvents.phoneChange("p-" + id.value(), id));
      User expected =
          before.toBuilder()
              .phone(PhoneType.ALTERNATE_MOBILE, number)
              .version(after.version())
              .build();
      assertThat(after.version())
          .as("version after a phone write to %s", id)
          .isGreaterThan(before.version());
      assertThat(after)
          .as(
              "setPhone(%s) result: %s",
              id, FieldDiff.describe("the user returned", expected, after).orElse(""))
          .isEqualTo(expected);
      User reread = read(d, id);
      assertThat(reread)
          .as(
              "findUser(%s) after setPhone: %s",
              id, FieldDiff.describe("the user read back", expected, reread).orElse(""))
          .isEqualTo(expected);
    }
  }

  /** An event with every part set, at a microsecond time. */
  static AuditEvent richEvent(String id, UserId target, Instant at) {
    return AuditEvent.builder()
        .id(id)
        .activityDateTime(at)
        .activity(AuditActivity.UPDATE_PHONE)
        .outcome(AuditOutcome.FAILED)
        .resultReason("PHONE_REJECTED_BY_CARRIER")
        .correlationId(CorrelationId.of("corr-\u00E9-" + id))
        .initiatedBy(
            new AuditInitiator(
                UserId.of("mgr"), Optional.of("mgr@contoso.com"), Optional.of("2001:db8::7")))
        .target(
            new AuditTarget(
                target.value(),
                "User",
                Optional.of("Z\u00F6e \uD83D\uDE00 " + target.value()),
                Optional.of(target.value() + "@contoso.com"),
                List.of(
                    ModifiedProperty.of(
                        "mobilePhone", Optional.of("+14255550100"), Optional.empty()),
                    ModifiedProperty.of(
                        "officePhone", Optional.empty(), Optional.of("+14255550102 x4711")))))
        .target(
            new AuditTarget(
                "unit-7",
                "AdministrativeUnit",
                Optional.of("Store 7"),
                Optional.empty(),
                List.of()))
        .additionalDetail(AuditEvent.ORIGIN_KEY, AuditEvent.ORIGIN_MY_STAFF)
        .additionalDetail("attempt", "2")
        .additionalDetail("note", "\u00E9t\u00E9 \u4E00")
        .build();
  }

  private static void eventsExact(Trial<WritableDirectory> t) throws Exception {
    WritableDirectory d = t.subject(FidelityTenants.everyField());
    User alice = read(d, ALICE);
    AuditEvent withWrite = richEvent("rich-1", ALICE, MICROS);
    AuditEvent appended = richEvent("rich-2", GUS, MICROS.plusNanos(1_000));
    d.writer().setPhone(ALICE, alice.version(), PhoneType.OFFICE, Optional.empty(), withWrite);
    d.writer().appendAuditEvent(appended);
    List<AuditEvent> pending = d.writer().pendingAuditEvents(10);
    List<AuditEvent> expected = List.of(withWrite, appended);
    assertThat(pending)
        .as("pending events: %s", FieldDiff.describe("the outbox", expected, pending).orElse(""))
        .isEqualTo(expected);
  }

  private static void commitOrder(Trial<WritableDirectory> t) throws Exception {
    WritableDirectory d = t.subject(FidelityTenants.everyField());
    List<String> committed = new ArrayList<>();
    String[] ids = {"zz-9", "mm-5", "aa-1", "0-first", "Zz-0"};
    for (int i = 0; i < ids.length; i++) {
      Instant at = MICROS.minusSeconds(60L * i);
      if (i % 2 == 1) {
        d.writer().appendAuditEvent(richEvent(ids[i], GUS, at));
      } else {
        User alice = read(d, ALICE);
        d.writer()
            .setPhone(
                ALICE,
                alice.version(),
                PhoneType.MOBILE,
                Optional.of(PhoneNumber.of("+1425555010" + i)),
                richEvent(ids[i], ALICE, at));
      }
      committed.add(ids[i]);
    }
    assertThat(ContractEvents.ids(d.writer().pendingAuditEvents(100)))
        .as("pending events in commit order (their ids and times sort in other orders)")
        .containsExactlyElementsOf(committed);
    d.writer().acknowledgeAuditEvents(List.of("mm-5"));
    committed.remove("mm-5");
    assertThat(ContractEvents.ids(d.writer().pendingAuditEvents(2)))
        .as("the two oldest pending events after acknowledging one in the middle")
        .containsExactlyElementsOf(committed.subList(0, 2));
  }

  private static void concurrentCommitOrder(Trial<WritableDirectory> t) throws Exception {
    WritableDirectory d = t.subject(ContractTenants.writable());
    List<UserId> users = List.of(UserId.of("alice"), UserId.of("bob"));
    int perThread = 30;
    ExecutorService pool = Executors.newFixedThreadPool(users.size());
    try {
      List<Future<?>> done = new ArrayList<>();
      for (UserId user : users) {
        Callable<Void> writer =
            () -> {
              for (int i = 0; i < perThread; i++) {
                User current = read(d, user);
                d.writer()
                    .setPhone(
                        user,
                        current.version(),
                        PhoneType.OFFICE,
                        Optional.of(PhoneNumber.of("+1425555" + (1000 + i))),
                        ContractEvents.phoneChange(
                            user.value() + "-" + (char) ('z' - i % 26) + "-" + i, user));
              }
              return null;
            };
        done.add(pool.submit(writer));
      }
      for (Future<?> f : done) {
        f.get(t.timeout().toMillis(), TimeUnit.MILLISECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    List<String> pending = ContractEvents.ids(d.writer().pendingAuditEvents(1_000));
    assertThat(pending).as("pending events of two concurrent writers").hasSize(2 * perThread);
    for (UserId user : users) {
      List<String> own = pending.stream().filter(id -> id.startsWith(user.value() + "-")).toList();
      List<String> inCommitOrder = new ArrayList<>();
      for (int i = 0; i < perThread; i++) {
        inCommitOrder.add(user.value() + "-" + (char) ('z' - i % 26) + "-" + i);
      }
      assertThat(own)
          .as("%s's events among the pending ones: in the order its writer committed them", user)
          .containsExactlyElementsOf(inCommitOrder);
    }
  }
}
