package io.mystaff.tests.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.password.Secret;
import io.mystaff.core.BulkResetResult;
import io.mystaff.core.DeliveryMode;
import io.mystaff.core.MyStaffSettings;
import io.mystaff.core.RateLimit;
import io.mystaff.core.StaffSession;
import io.mystaff.spi.DeliveryOutcome;
import io.mystaff.testkit.fakes.RecordingCredentialDelivery;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bulk reset (issue 14, part 8): one decision, result and audit event per user, the batch id in
 * every event, passwords only ever sent to the users, per-user failures not stopping the rest, and
 * typed refusals before anything changes.
 */
class BulkResetTest {
  private static final UserId ALICE = UserId.of("alice");
  private static final UserId BOB = UserId.of("bob");
  private static final UserId CARL = UserId.of("carl");
  private static final UserId DORA = UserId.of("dora");
  private static final UserId GHOST = UserId.of("ghost");

  private final RecordingCredentialDelivery phones =
      RecordingCredentialDelivery.create()
          .register(ALICE, "mobile ending 01", StoreChain.T0.minusSeconds(86_400 * 90))
          .register(DORA, "mobile ending 04", StoreChain.T0.minusSeconds(86_400 * 90));
  private Harness harness = wired(EnumSet.of(DeliveryMode.SHOW_ONCE, DeliveryMode.SEND_TO_USER), 5);

  private Harness wired(Set<DeliveryMode> modes, int maxBatch) {
    return Harness.storeChain(
        b ->
            b.credentialDelivery(phones)
                .settings(
                    MyStaffSettings.builder()
                        .allowedDeliveryModes(modes)
                        .maxBatchSize(maxBatch)
                        .resetLimit(RateLimit.unlimited())
                        .build()));
  }

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void mixedBatch_eachUserItsOwnEnd_batchIdInEveryEvent_noPasswordReturned() {
    StaffSession nina = harness.signIn("nina");
    long bobVersion = harness.user("bob").version();
    int before = harness.log.size();

    BulkResetResult result = nina.bulkReset(List.of(ALICE, BOB, CARL, DORA, GHOST));

    assertThat(result.items())
        .extracting(BulkResetResult.Item::user, BulkResetResult.Item::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ALICE, BulkResetResult.Outcome.DELIVERED),
            org.assertj.core.groups.Tuple.tuple(BOB, BulkResetResult.Outcome.FAILED),
            org.assertj.core.groups.Tuple.tuple(CARL, BulkResetResult.Outcome.FAILED),
            org.assertj.core.groups.Tuple.tuple(DORA, BulkResetResult.Outcome.DENIED),
            org.assertj.core.groups.Tuple.tuple(GHOST, BulkResetResult.Outcome.FAILED));
    assertThat(result.items().get(1).reason()).contains("DELIVERY_FAILED");
    assertThat(result.items().get(2).reason()).contains("password.requiredForSyncedUser");
    assertThat(result.items().get(3).reason()).contains("TARGET_OUT_OF_SCOPE");
    assertThat(result.items().get(4).reason()).contains("UNKNOWN_USER");
    assertThat(result.items().get(0).channel()).contains("mobile ending 01");
    assertThat(result.delivered()).isEqualTo(1);

    String password = phones.inbox(ALICE).get(0).secret();
    assertThat(harness.directory.verifyPassword(ALICE, Secret.of(password))).isTrue();
    assertThat(result.toString()).doesNotContain(password);
    assertThat(harness.user("bob").version()).isEqualTo(bobVersion);

    List<AuditEvent> events = harness.eventsSince(before);
    assertThat(events)
        .extracting(e -> e.targets().get(0).id(), AuditEvent::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("alice", AuditOutcome.SUCCEEDED),
            org.assertj.core.groups.Tuple.tuple("bob", AuditOutcome.FAILED),
            org.assertj.core.groups.Tuple.tuple("dora", AuditOutcome.DENIED));
    assertThat(events)
        .allSatisfy(
            e -> {
              assertThat(e.activity()).isEqualTo(AuditActivity.RESET_PASSWORD);
              assertThat(e.additionalDetails()).containsEntry("batchId", result.batchId().value());
              assertThat(e.toString()).doesNotContain(password);
            });
    assertThat(events.stream().map(AuditEvent::correlationId).collect(Collectors.toSet()))
        .as("each user's event has its own correlation id")
        .hasSize(3);
    assertThat(result.items().get(0).correlationId()).contains(events.get(0).correlationId());
    assertThat(result.items().get(3).correlationId()).contains(events.get(2).correlationId());
    assertThat(result.items().get(4).correlationId()).isEmpty();
  }

  @Test
  void deliveryFailingMidBatch_othersStillReset() {
    StaffSession tara = harness.signIn("tara");
    phones.failNext(DeliveryOutcome.Failure.UNAVAILABLE);
    BulkResetResult result = tara.bulkReset(List.of(ALICE, DORA));
    assertThat(result.items())
        .extracting(BulkResetResult.Item::outcome)
        .containsExactly(BulkResetResult.Outcome.FAILED, BulkResetResult.Outcome.DELIVERED);
    assertThat(phones.inbox(DORA)).hasSize(1);
    assertThat(phones.inbox(ALICE)).isEmpty();
  }

  @Test
  void tooLarge_typedErrorBeforeAnythingChanges() {
    StaffSession tara = harness.signIn("tara");
    int before = harness.log.size();
    List<UserId> six = new ArrayList<>();
    for (String u : List.of("alice", "bob", "dora", "erin", "pam", "eve")) {
      six.add(UserId.of(u));
    }
    assertThatThrownBy(() -> tara.bulkReset(six))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(InvalidInputException.Violation::code)
                    .containsExactly("bulk.tooLarge"));
    assertThat(harness.eventsSince(before)).isEmpty();
    assertThat(phones.attempts()).isZero();
  }

  @Test
  void withoutSendingMode_typedErrorBeforeAnythingChanges() {
    harness.close();
    harness = wired(EnumSet.of(DeliveryMode.SHOW_ONCE, DeliveryMode.SPLIT), 5);
    StaffSession tara = harness.signIn("tara");
    int before = harness.log.size();
    long version = harness.user("alice").version();
    assertThatThrownBy(() -> tara.bulkReset(List.of(ALICE)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(InvalidInputException.Violation::code)
                    .containsExactly("bulk.requiresDelivery"));
    assertThat(harness.eventsSince(before)).isEmpty();
    assertThat(harness.user("alice").version()).isEqualTo(version);
  }

  @Test
  void emptyMissingOrRepeated_invalid() {
    StaffSession tara = harness.signIn("tara");
    List<UserId> withNull = new ArrayList<>(Collections.singletonList(null));
    for (List<UserId> bad : List.of(List.<UserId>of(), List.of(ALICE, ALICE), withNull)) {
      assertThatThrownBy(() -> tara.bulkReset(bad))
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e ->
                  assertThat(e.violations())
                      .extracting(InvalidInputException.Violation::code)
                      .containsExactly("bulk.invalid"));
    }
    assertThatThrownBy(() -> tara.bulkReset(null)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void rateLimit_appliesPerUser_laterUsersDenied() {
    harness.close();
    harness =
        Harness.storeChain(
            b ->
                b.credentialDelivery(phones)
                    .settings(
                        MyStaffSettings.builder()
                            .allowedDeliveryModes(EnumSet.of(DeliveryMode.SEND_TO_USER))
                            .defaultDeliveryMode(DeliveryMode.SEND_TO_USER)
                            .resetLimit(RateLimit.of(1, java.time.Duration.ofMinutes(1)))
                            .build()));
    BulkResetResult result = harness.signIn("tara").bulkReset(List.of(ALICE, DORA));
    assertThat(result.items())
        .extracting(BulkResetResult.Item::outcome)
        .containsExactly(BulkResetResult.Outcome.DELIVERED, BulkResetResult.Outcome.DENIED);
    assertThat(result.items().get(1).reason()).contains("RATE_LIMITED");
  }
}
