package io.mystaff.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.UserId;
import io.mystaff.spi.CredentialDelivery;
import io.mystaff.spi.CredentialMessage;
import io.mystaff.spi.DeliveryOutcome;
import io.mystaff.testkit.fakes.RecordingCredentialDelivery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The delivery contract can fail: deliveries that keep a reference instead of sending, send to
 * whoever asks, or echo the secret fail the laws they break; the recording fake passes them all.
 */
class CredentialDeliveryContractSelfTest {
  private static final UserId U1 = UserId.of("u1");

  @Test
  void recordingFake_passesEveryLaw() {
    SuiteRun run = SuiteRun.of(Recording.class);
    assertThat(run.failed()).as("%s", run).isEmpty();
    assertThat(run.passed()).as("%s", run).hasSize(CredentialDeliveryLaws.ALL.size());
  }

  @Test
  void deliveryKeepingTheSecretObject_failsTheDestructionLaw() {
    SuiteRun run = SuiteRun.of(KeepsReference.class);
    assertThat(run.failed())
        .as("%s", run)
        .contains("deliver_secretDestroyedAfterReturn_deliveredTextIntact");
  }

  @Test
  void deliveryToAnyone_failsTheUnregisteredLaw() {
    SuiteRun run = SuiteRun.of(SendsToAnyone.class);
    assertThat(run.failed())
        .as("%s", run)
        .containsExactly("deliver_noRegisteredChannel_failsAndSendsNothing");
  }

  @Test
  void deliveryEchoingTheSecret_failsTheNoSecretLaw() {
    SuiteRun run = SuiteRun.of(EchoesSecret.class);
    assertThat(run.failed()).as("%s", run).contains("deliver_outcome_neverHoldsTheSecret");
  }

  private static ReadableCredentialDelivery recording(UnaryOperator<CredentialDelivery> breakIt) {
    RecordingCredentialDelivery fake =
        RecordingCredentialDelivery.create().register(U1, "mobile ending 01", Instant.EPOCH);
    return new ReadableCredentialDelivery(
        breakIt.apply(fake),
        u -> fake.inbox(u).stream().map(RecordingCredentialDelivery.Received::secret).toList(),
        Set.of(U1));
  }

  @SelfTestOnly
  static class Recording {
    @TestFactory
    DynamicContainer suite() {
      return CredentialDeliveryTestSuiteBuilder.using(t -> recording(d -> d))
          .named("recording")
          .withFeatures(CredentialDeliveryFeature.values())
          .build();
    }
  }

  /** Queues the Secret object itself and reads it only when asked: too late, it was destroyed. */
  @SelfTestOnly
  static class KeepsReference {
    @TestFactory
    DynamicContainer suite() {
      return CredentialDeliveryTestSuiteBuilder.using(
              t -> {
                List<CredentialMessage> queued = new ArrayList<>();
                CredentialDelivery lazy =
                    new CredentialDelivery() {
                      @Override
                      public synchronized DeliveryOutcome deliver(CredentialMessage message) {
                        if (!message.user().equals(U1)) {
                          return new DeliveryOutcome.Failed(
                              DeliveryOutcome.Failure.NO_REGISTERED_CHANNEL);
                        }
                        queued.add(message);
                        return new DeliveryOutcome.Delivered("mobile ending 01");
                      }

                      @Override
                      public Optional<Instant> channelChangedAt(UserId user) {
                        return user.equals(U1) ? Optional.of(Instant.EPOCH) : Optional.empty();
                      }
                    };
                return new ReadableCredentialDelivery(
                    lazy,
                    u -> {
                      synchronized (lazy) {
                        List<String> texts = new ArrayList<>();
                        for (CredentialMessage m : queued) {
                          if (m.user().equals(u)) {
                            texts.add(
                                m.secret().isDestroyed() ? "<destroyed>" : m.secret().reveal());
                          }
                        }
                        return texts;
                      }
                    },
                    Set.of(U1));
              })
          .named("keeps reference")
          .build();
    }
  }

  @SelfTestOnly
  static class SendsToAnyone {
    @TestFactory
    DynamicContainer suite() {
      return CredentialDeliveryTestSuiteBuilder.using(
              t ->
                  recording(
                      fake ->
                          new CredentialDelivery() {
                            @Override
                            public DeliveryOutcome deliver(CredentialMessage m) {
                              return fake.deliver(
                                  new CredentialMessage(
                                      U1, m.kind(), m.secret(), m.correlationId()));
                            }

                            @Override
                            public Optional<Instant> channelChangedAt(UserId user) {
                              return fake.channelChangedAt(user);
                            }
                          }))
          .named("sends to anyone")
          .build();
    }
  }

  @SelfTestOnly
  static class EchoesSecret {
    @TestFactory
    DynamicContainer suite() {
      return CredentialDeliveryTestSuiteBuilder.using(
              t ->
                  recording(
                      fake ->
                          new CredentialDelivery() {
                            @Override
                            public DeliveryOutcome deliver(CredentialMessage m) {
                              DeliveryOutcome o = fake.deliver(m);
                              return o instanceof DeliveryOutcome.Delivered
                                  ? new DeliveryOutcome.Delivered("sent " + m.secret().reveal())
                                  : o;
                            }

                            @Override
                            public Optional<Instant> channelChangedAt(UserId user) {
                              return fake.channelChangedAt(user);
                            }
                          }))
          .named("echoes secret")
          .build();
    }
  }
}
