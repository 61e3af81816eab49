package io.mystaff.tests.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.PageRequest;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.authz.AccessDeniedException;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.directory.User;
import io.mystaff.api.password.Secret;
import io.mystaff.core.PasswordResetResult;
import io.mystaff.core.StaffSession;
import io.mystaff.inmemory.InMemoryDirectory;
import io.mystaff.spi.AttemptObservation;
import io.mystaff.spi.ForwardingDirectory;
import io.mystaff.spi.MyStaffListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.slf4j.RecordingMdc;

/** The correlation id in the MDC while a call runs, and listeners that see every attempt. */
class ObservabilityTest {
  private static final String KEY = "mystaff.correlationId";
  private static final UserId ALICE = UserId.of("alice");
  private static final UserId BOB = UserId.of("bob");
  private static final UserId CARL = UserId.of("carl");
  private static final UserId DORA = UserId.of("dora");

  private final List<Optional<String>> seenByProvider =
      Collections.synchronizedList(new ArrayList<>());
  private final List<AttemptObservation> observed = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private Harness harness;

  private final MyStaffListener recording =
      new MyStaffListener() {
        @Override
        public void attemptEnded(AttemptObservation attempt) {
          observed.add(attempt);
        }

        @Override
        public void writebackStarted(CorrelationId correlationId) {
          maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        }

        @Override
        public void writebackEnded(CorrelationId correlationId) {
          inFlight.decrementAndGet();
        }
      };

  private final MyStaffListener throwing =
      new MyStaffListener() {
        @Override
        public void attemptEnded(AttemptObservation attempt) {
          throw new IllegalStateException("listener bug");
        }

        @Override
        public void writebackStarted(CorrelationId correlationId) {
          throw new OutOfMemoryErrorLookalike();
        }
      };

  /** An Error that is not a VirtualMachineError: still ignored. */
  private static final class OutOfMemoryErrorLookalike extends Error {
    private static final long serialVersionUID = 1L;
  }

  @BeforeAll
  static void workingMdc() {
    RecordingMdc.install();
  }

  @AfterEach
  void tearDown() {
    harness.close();
    MDC.clear();
  }

  private void start() {
    InMemoryDirectory directory = Harness.directoryOf(StoreChain.fixture().build());
    ForwardingDirectory watching =
        new ForwardingDirectory(directory) {
          @Override
          public Optional<User> findUser(UserId id) {
            seenByProvider.add(Optional.ofNullable(MDC.get(KEY)));
            return super.findUser(id);
          }
        };
    harness =
        Harness.storeChain(
            b ->
                b.directory(watching)
                    .directoryWriter(directory)
                    .listener(throwing)
                    .listener(recording));
  }

  @Test
  void correlationId_inMdcDuringTheCall_sameAsTheAuditEvent_removedAfter() {
    start();
    StaffSession nina = harness.signIn("nina");
    assertThat(MDC.get(KEY)).isNull();
    seenByProvider.clear();

    PasswordResetResult reset = nina.resetPassword(BOB);

    assertThat(seenByProvider)
        .isNotEmpty()
        .containsOnly(Optional.of(reset.correlationId().value()));
    assertThat(MDC.get(KEY)).as("removed after the call").isNull();
    assertThat(harness.events())
        .filteredOn(e -> e.correlationId().equals(reset.correlationId()))
        .isNotEmpty();
  }

  @Test
  void correlationId_ofAListing_inMdc_andAnEarlierValueRestored() {
    start();
    StaffSession nina = harness.signIn("nina");
    MDC.put(KEY, "host-request-7");
    seenByProvider.clear();

    nina.profile(ALICE);
    nina.members(UnitId.of("north"), PageRequest.first(10));

    assertThat(seenByProvider)
        .isNotEmpty()
        .allSatisfy(id -> assertThat(id).isPresent().get().isNotEqualTo("host-request-7"));
    assertThat(MDC.get(KEY)).isEqualTo("host-request-7");
  }

  @Test
  void listener_seesEveryAttempt_withOutcomeReasonDurationAndCorrelation() {
    start();
    StaffSession nina = harness.signIn("nina");
    PasswordResetResult reset = nina.resetPassword(BOB);
    String temporary = ((PasswordResetResult.TemporaryPassword) reset).password().reveal();
    nina.setPhone(BOB, PhoneType.MOBILE, "+14255550160");
    assertThatThrownBy(() -> nina.resetPassword(DORA)).isInstanceOf(AccessDeniedException.class);

    assertThat(observed)
        .extracting(AttemptObservation::activity, AttemptObservation::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(AuditActivity.SIGN_IN, AuditOutcome.SUCCEEDED),
            org.assertj.core.groups.Tuple.tuple(
                AuditActivity.RESET_PASSWORD, AuditOutcome.SUCCEEDED),
            org.assertj.core.groups.Tuple.tuple(AuditActivity.ADD_PHONE, AuditOutcome.SUCCEEDED),
            org.assertj.core.groups.Tuple.tuple(AuditActivity.RESET_PASSWORD, AuditOutcome.DENIED));
    assertThat(observed.get(3).reason()).contains("TARGET_OUT_OF_SCOPE");
    assertThat(observed.get(1).correlationId()).isEqualTo(reset.correlationId());
    assertThat(observed)
        .allSatisfy(
            o -> {
              assertThat(o.duration()).isGreaterThanOrEqualTo(Duration.ZERO);
              assertThat(o.toString()).doesNotContain(temporary).doesNotContain("4255550160");
            });
    List<CorrelationId> audited =
        harness.events().stream()
            .filter(e -> e.outcome() != AuditOutcome.PENDING)
            .map(AuditEvent::correlationId)
            .toList();
    assertThat(observed)
        .extracting(AttemptObservation::correlationId)
        .containsExactlyElementsOf(audited);
  }

  @Test
  void writeback_inFlightWhileSubmitted_endedWithItsFinalOutcome_throwingListenerIgnored()
      throws Exception {
    start();
    StaffSession nina = harness.signIn("nina");
    PasswordResetResult.WritebackPending pending =
        (PasswordResetResult.WritebackPending)
            nina.resetPassword(CARL, Secret.of("Quiet-River-58"));
    pending.writeback().completion().toCompletableFuture().get(30, TimeUnit.SECONDS);

    assertThat(maxInFlight.get()).isEqualTo(1);
    assertThat(inFlight.get()).isZero();
    assertThat(observed)
        .filteredOn(o -> o.correlationId().equals(pending.correlationId()))
        .singleElement()
        .satisfies(o -> assertThat(o.outcome()).isEqualTo(AuditOutcome.SUCCEEDED));
  }
}
