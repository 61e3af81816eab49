package io.mystaff.tests.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.mystaff.api.CapabilityNotSupportedException;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.ProviderFailureException;
import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.directory.User;
import io.mystaff.core.BulkRevokeResult;
import io.mystaff.core.MyStaffSettings;
import io.mystaff.core.RateLimit;
import io.mystaff.core.StaffSession;
import io.mystaff.spi.CommitCondition;
import io.mystaff.spi.ForwardingDirectoryWriter;
import io.mystaff.spi.SessionRevoker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bulk revoke (issue 14, part 8): one decision, result and audit event per user, the batch id in
 * every event, per-user denials and failures not stopping the rest, and typed refusals before
 * anything changes.
 */
class BulkRevokeTest {
  private static final UserId ALICE = UserId.of("alice");
  private static final UserId CARL = UserId.of("carl");
  private static final UserId DORA = UserId.of("dora");
  private static final UserId GHOST = UserId.of("ghost");

  private Harness harness = wired(5, RateLimit.unlimited());

  private static Harness wired(int maxBatch, RateLimit limit) {
    return Harness.storeChain(
        b ->
            b.settings(
                MyStaffSettings.builder()
                    .maxBatchSize(maxBatch)
                    .accountActionLimit(limit)
                    .build()));
  }

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void mixedBatch_eachUserItsOwnEnd_batchIdInEveryEvent() {
    harness.clock.advance(Duration.ofMinutes(3));
    Instant now = harness.clock.instant();
    StaffSession nina = harness.signIn("nina");
    long doraVersion = harness.user("dora").version();
    int before = harness.log.size();

    BulkRevokeResult result = nina.bulkRevokeSessions(List.of(ALICE, CARL, DORA, GHOST));

    assertThat(result.items())
        .extracting(BulkRevokeResult.Item::user, BulkRevokeResult.Item::outcome)
        .containsExactly(
            tuple(ALICE, BulkRevokeResult.Outcome.REVOKED),
            tuple(CARL, BulkRevokeResult.Outcome.REVOKED),
            tuple(DORA, BulkRevokeResult.Outcome.DENIED),
            tuple(GHOST, BulkRevokeResult.Outcome.FAILED));
    assertThat(result.revoked()).isEqualTo(2);
    assertThat(result.items().get(0).validFrom()).contains(now);
    assertThat(result.items().get(2).reason()).contains("TARGET_OUT_OF_SCOPE");
    assertThat(result.items().get(3).reason()).contains("UNKNOWN_USER");
    assertThat(harness.directory.sessionsValidFrom(ALICE)).contains(now);
    assertThat(harness.directory.sessionsValidFrom(CARL)).contains(now);
    assertThat(harness.directory.sessionsValidFrom(DORA)).isEmpty();
    assertThat(harness.user("dora").version()).isEqualTo(doraVersion);

    List<AuditEvent> events = harness.eventsSince(before);
    assertThat(events)
        .extracting(e -> e.targets().get(0).id(), AuditEvent::outcome)
        .containsExactly(
            tuple("alice", AuditOutcome.SUCCEEDED),
            tuple("carl", AuditOutcome.SUCCEEDED),
            tuple("dora", AuditOutcome.DENIED));
    assertThat(events)
        .allSatisfy(
            e -> {
              assertThat(e.activity()).isEqualTo(AuditActivity.REVOKE_SESSIONS);
              assertThat(e.additionalDetails()).containsEntry("batchId", result.batchId().value());
            });
    assertThat(events.stream().map(AuditEvent::correlationId).collect(Collectors.toSet()))
        .as("each user's event has its own correlation id")
        .hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(result.items().get(i).correlationId()).contains(events.get(i).correlationId());
    }
    assertThat(result.items().get(3).correlationId()).isEmpty();
  }

  @Test
  void singleRevoke_carriesNoBatchId() {
    StaffSession nina = harness.signIn("nina");
    int before = harness.log.size();
    nina.revokeSessions(ALICE);
    assertThat(harness.eventsSince(before))
        .singleElement()
        .satisfies(e -> assertThat(e.additionalDetails()).doesNotContainKey("batchId"));
  }

  @Test
  void providerFailingForOneUser_othersStillRevoked() {
    harness.close();
    harness =
        Harness.storeChain(
            b ->
                b.directoryWriter(
                    new ForwardingDirectoryWriter(
                        Harness.directoryOf(StoreChain.fixture().build())) {
                      @Override
                      public Optional<SessionRevoker> sessionRevoker() {
                        SessionRevoker real = super.sessionRevoker().orElseThrow();
                        return Optional.of(
                            new SessionRevoker() {
                              @Override
                              public User revokeSessions(
                                  UserId user,
                                  long expectedVersion,
                                  Instant validFrom,
                                  AuditEvent event,
                                  CommitCondition condition) {
                                if (user.equals(ALICE)) {
                                  throw new ProviderFailureException("directory", "down");
                                }
                                return real.revokeSessions(
                                    user, expectedVersion, validFrom, event, condition);
                              }

                              @Override
                              public Optional<Instant> sessionsValidFrom(UserId user) {
                                return real.sessionsValidFrom(user);
                              }
                            });
                      }
                    }));
    BulkRevokeResult result = harness.signIn("nina").bulkRevokeSessions(List.of(ALICE, CARL));
    assertThat(result.items())
        .extracting(BulkRevokeResult.Item::outcome)
        .containsExactly(BulkRevokeResult.Outcome.FAILED, BulkRevokeResult.Outcome.REVOKED);
    assertThat(result.items().get(0).reason()).contains("PROVIDER_FAILURE");
    assertThat(result.items().get(0).correlationId()).isPresent();
  }

  @Test
  void rateLimit_appliesPerUser_laterUsersDenied() {
    harness.close();
    harness = wired(5, RateLimit.of(1, Duration.ofHours(1)));
    BulkRevokeResult result = harness.signIn("nina").bulkRevokeSessions(List.of(ALICE, CARL));
    assertThat(result.items())
        .extracting(BulkRevokeResult.Item::outcome)
        .containsExactly(BulkRevokeResult.Outcome.REVOKED, BulkRevokeResult.Outcome.DENIED);
    assertThat(result.items().get(1).reason()).contains("RATE_LIMITED");
    assertThat(harness.directory.sessionsValidFrom(CARL)).isEmpty();
  }

  @Test
  void tooLarge_typedErrorBeforeAnythingChanges() {
    StaffSession nina = harness.signIn("nina");
    int before = harness.log.size();
    List<UserId> six = new ArrayList<>();
    for (String u : List.of("alice", "bob", "carl", "dora", "erin", "pam")) {
      six.add(UserId.of(u));
    }
    assertThatThrownBy(() -> nina.bulkRevokeSessions(six))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(InvalidInputException.Violation::code)
                    .containsExactly("bulk.tooLarge"));
    assertThat(harness.eventsSince(before)).isEmpty();
    assertThat(harness.directory.sessionsValidFrom(ALICE)).isEmpty();
  }

  @Test
  void emptyMissingOrRepeated_invalid() {
    StaffSession nina = harness.signIn("nina");
    int before = harness.log.size();
    List<UserId> withNull = new ArrayList<>(Collections.singletonList(null));
    for (List<UserId> bad : List.of(List.<UserId>of(), List.of(ALICE, ALICE), withNull)) {
      assertThatThrownBy(() -> nina.bulkRevokeSessions(bad))
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e ->
                  assertThat(e.violations())
                      .extracting(InvalidInputException.Violation::code)
                      .containsExactly("bulk.invalid"));
    }
    assertThatThrownBy(() -> nina.bulkRevokeSessions(null))
        .isInstanceOf(InvalidInputException.class);
    assertThat(harness.eventsSince(before)).isEmpty();
    assertThat(harness.directory.sessionsValidFrom(ALICE)).isEmpty();
  }

  @Test
  void writerWithoutTheCapability_refusedUpFrontBeforeAnyUserIsRead() {
    harness.close();
    harness =
        Harness.storeChain(
            b ->
                b.directoryWriter(
                    new ForwardingDirectoryWriter(
                        Harness.directoryOf(StoreChain.fixture().build())) {
                      @Override
                      public Optional<SessionRevoker> sessionRevoker() {
                        return Optional.empty();
                      }
                    }));
    StaffSession nina = harness.signIn("nina");
    int before = harness.log.size();
    assertThatThrownBy(() -> nina.bulkRevokeSessions(List.of(GHOST, ALICE)))
        .isInstanceOfSatisfying(
            CapabilityNotSupportedException.class,
            e -> assertThat(e.capability()).isEqualTo("session revocation"));
    assertThat(harness.eventsSince(before)).isEmpty();
  }
}
