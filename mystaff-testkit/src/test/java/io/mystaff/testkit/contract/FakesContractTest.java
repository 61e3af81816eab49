package io.mystaff.testkit.contract;

import io.mystaff.api.UserId;
import io.mystaff.api.password.WritebackFailure;
import io.mystaff.core.OneTimeCodeVerificationGate;
import io.mystaff.spi.VerificationLevel;
import io.mystaff.testkit.fakes.FakeVerificationGate;
import io.mystaff.testkit.fakes.MutableClock;
import io.mystaff.testkit.fakes.RecordingAuditSink;
import io.mystaff.testkit.fakes.RecordingCredentialDelivery;
import io.mystaff.testkit.fakes.RecordingUserNotifier;
import io.mystaff.testkit.fakes.ScriptableWriteback;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/** The testkit's own fakes are providers too, and keep the contracts they claim. */
class FakesContractTest {
  private static final ExecutorService EXECUTOR = Executors.newSingleThreadExecutor();

  @AfterAll
  static void stopExecutor() {
    EXECUTOR.shutdownNow();
  }

  /**
   * Scripted to succeed by default and to fail for the one user the suite treats as unknown on
   * premises (the fake has no directory of its own).
   */
  @TestFactory
  DynamicContainer scriptableWriteback() {
    return PasswordWritebackTestSuiteBuilder.using(
            tenant ->
                ScriptableWriteback.synchronous()
                    .scriptUser(
                        ContractTenants.GHOST_USER,
                        ScriptableWriteback.Outcome.fail(WritebackFailure.USER_NOT_FOUND)))
        .named("ScriptableWriteback.synchronous()")
        .withFeatures(PasswordWritebackFeature.values())
        .build();
  }

  @TestFactory
  DynamicContainer scriptableWritebackOnExecutor() {
    return PasswordWritebackTestSuiteBuilder.using(
            tenant ->
                ScriptableWriteback.completingOn(EXECUTOR)
                    .scriptUser(
                        ContractTenants.GHOST_USER,
                        ScriptableWriteback.Outcome.fail(WritebackFailure.USER_NOT_FOUND)))
        .named("ScriptableWriteback.completingOn(executor)")
        .withFeatures(PasswordWritebackFeature.values())
        .build();
  }

  /** It records calls, so it keeps redelivered events (documented on the class). */
  @TestFactory
  DynamicContainer recordingAuditSink() {
    return AuditSinkTestSuiteBuilder.using(
            tenant -> {
              RecordingAuditSink sink = new RecordingAuditSink();
              return new ReadableAuditSink(sink, sink::events);
            })
        .named("RecordingAuditSink")
        .withFeatures(AuditSinkFeature.KEEPS_RECORDING_ORDER)
        .withoutFeatures(AuditSinkFeature.DEDUPLICATES_BY_ID)
        .build();
  }

  @TestFactory
  DynamicContainer recordingUserNotifier() {
    return UserNotifierTestSuiteBuilder.using(
            tenant -> {
              RecordingUserNotifier notifier = RecordingUserNotifier.create();
              return new ReadableUserNotifier(notifier, notifier::notifications);
            })
        .named("RecordingUserNotifier")
        .withFeatures(UserNotifierFeature.KEEPS_SENDING_ORDER)
        .build();
  }

  @TestFactory
  DynamicContainer recordingCredentialDelivery() {
    return CredentialDeliveryTestSuiteBuilder.using(
            tenant -> {
              RecordingCredentialDelivery delivery =
                  RecordingCredentialDelivery.create()
                      .register(UserId.of("u1"), "mobile ending 01", Instant.EPOCH)
                      .register(UserId.of("u2"), "alternate email a***@example.org", Instant.EPOCH);
              return new ReadableCredentialDelivery(
                  delivery,
                  user ->
                      delivery.inbox(user).stream()
                          .map(RecordingCredentialDelivery.Received::secret)
                          .toList(),
                  Set.of(UserId.of("u1"), UserId.of("u2")));
            })
        .named("RecordingCredentialDelivery")
        .withFeatures(CredentialDeliveryFeature.values())
        .build();
  }

  @TestFactory
  DynamicContainer fakeVerificationGate() {
    return VerificationGateTestSuiteBuilder.using(
            tenant -> {
              MutableClock clock = MutableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
              FakeVerificationGate gate =
                  FakeVerificationGate.of(VerificationLevel.STANDARD, clock, 14L);
              return new ReadableVerificationGate(
                  gate,
                  gate::codeOf,
                  UserId.of("u1"),
                  UserId.of("u2"),
                  clock::advance,
                  FakeVerificationGate.TIME_TO_LIVE,
                  FakeVerificationGate.MAX_ATTEMPTS);
            })
        .named("FakeVerificationGate")
        .withFeatures(VerificationGateFeature.values())
        .build();
  }

  @TestFactory
  DynamicContainer oneTimeCodeVerificationGate() {
    return VerificationGateTestSuiteBuilder.using(
            tenant -> {
              MutableClock clock = MutableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
              RecordingCredentialDelivery phones =
                  RecordingCredentialDelivery.create()
                      .register(UserId.of("u1"), "mobile ending 01", Instant.EPOCH)
                      .register(UserId.of("u2"), "mobile ending 02", Instant.EPOCH);
              OneTimeCodeVerificationGate gate =
                  OneTimeCodeVerificationGate.builder(phones).clock(clock).build();
              return new ReadableVerificationGate(
                  gate,
                  challenge -> {
                    List<RecordingCredentialDelivery.Received> sent = phones.received();
                    return sent.get(sent.size() - 1).secret();
                  },
                  UserId.of("u1"),
                  UserId.of("u2"),
                  clock::advance,
                  Duration.ofMinutes(5),
                  3);
            })
        .named("OneTimeCodeVerificationGate")
        .withFeatures(VerificationGateFeature.values())
        .build();
  }
}
