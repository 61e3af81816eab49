package io.mystaff.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.UserId;
import io.mystaff.api.password.Secret;
import io.mystaff.spi.CredentialMessage;
import io.mystaff.spi.DeliveryOutcome;
import io.mystaff.testkit.fixtures.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** The laws of {@link CredentialDeliveryTestSuiteBuilder}. */
final class CredentialDeliveryLaws {
  private static final Tenant NO_TENANT = Tenant.builder().build();
  private static final UserId NOBODY = UserId.of("contract-user-without-a-channel");
  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!#%+-=?@";
  private static final int THREADS = 4;
  private static final int PER_THREAD = 50;

  static final List<Law<ReadableCredentialDelivery, CredentialDeliveryFeature>> ALL =
      List.of(
          Law.of(
              "deliver_registeredUser_reachesThatUserUnaltered",
              CredentialDeliveryLaws::reachesTheUser),
          Law.of(
              "deliver_secretDestroyedAfterReturn_deliveredTextIntact",
              CredentialDeliveryLaws::survivesDestruction),
          Law.of(
              "deliver_noRegisteredChannel_failsAndSendsNothing",
              CredentialDeliveryLaws::refusesUnregistered),
          Law.of(
              "deliver_outcome_neverHoldsTheSecret", CredentialDeliveryLaws::outcomeHoldsNoSecret),
          Law.of("deliver_concurrently_noneLostNoneDoubled", CredentialDeliveryLaws::concurrent),
          Law.of(
              "channelChangedAt_everyUser_answersWithoutThrowing",
              CredentialDeliveryLaws::answersChannelChanges),
          Law.of(
              "channelChangedAt_registeredUser_known",
              CredentialDeliveryFeature.KNOWS_CHANNEL_CHANGES,
              CredentialDeliveryLaws::knowsChannelChanges));

  private CredentialDeliveryLaws() {}

  private static void reachesTheUser(Trial<ReadableCredentialDelivery> t) throws Exception {
    ReadableCredentialDelivery d = t.subject(NO_TENANT);
    for (UserId user : d.registered()) {
      for (CredentialMessage.Kind kind : CredentialMessage.Kind.values()) {
        String text = secret(t.random());
        List<String> before = d.inbox().apply(user);
        DeliveryOutcome outcome =
            d.delivery()
                .deliver(
                    new CredentialMessage(user, kind, Secret.of(text), CorrelationId.of("c-1")));
        assertThat(outcome)
            .as("outcome of a %s to %s", kind, user)
            .isInstanceOf(DeliveryOutcome.Delivered.class);
        List<String> after = d.inbox().apply(user);
        assertThat(after.subList(before.size(), after.size()))
            .as("what %s received from one %s", user, kind)
            .containsExactly(text);
      }
    }
  }

  private static void survivesDestruction(Trial<ReadableCredentialDelivery> t) throws Exception {
    ReadableCredentialDelivery d = t.subject(NO_TENANT);
    UserId user = d.registered().iterator().next();
    String text = secret(t.random());
    Secret secret = Secret.of(text);
    d.delivery()
        .deliver(
            new CredentialMessage(
                user, CredentialMessage.Kind.TEMPORARY_PASSWORD, secret, CorrelationId.of("d-1")));
    secret.destroy();
    assertThat(d.inbox().apply(user))
        .as("what the user received after mystaff destroyed its copy of the secret")
        .containsExactly(text);
  }

  private static void refusesUnregistered(Trial<ReadableCredentialDelivery> t) throws Exception {
    ReadableCredentialDelivery d = t.subject(NO_TENANT);
    String text = secret(t.random());
    DeliveryOutcome outcome =
        d.delivery()
            .deliver(
                new CredentialMessage(
                    NOBODY,
                    CredentialMessage.Kind.TEMPORARY_PASSWORD,
                    Secret.of(text),
                    CorrelationId.of("n-1")));
    assertThat(outcome)
        .as("outcome of a delivery to a user without a channel")
        .isEqualTo(new DeliveryOutcome.Failed(DeliveryOutcome.Failure.NO_REGISTERED_CHANNEL));
    assertThat(d.inbox().apply(NOBODY)).as("what the user without a channel received").isEmpty();
    for (UserId user : d.registered()) {
      assertThat(d.inbox().apply(user))
          .as("what %s received when another user's secret had nowhere to go", user)
          .doesNotContain(text);
    }
  }

  private static void outcomeHoldsNoSecret(Trial<ReadableCredentialDelivery> t) throws Exception {
    ReadableCredentialDelivery d = t.subject(NO_TENANT);
    UserId user = d.registered().iterator().next();
    String text = secret(t.random());
    DeliveryOutcome outcome =
        d.delivery()
            .deliver(
                new CredentialMessage(
                    user,
                    CredentialMessage.Kind.VERIFICATION_CODE,
                    Secret.of(text),
                    CorrelationId.of("o-1")));
    assertThat(outcome.toString()).as("the outcome's text").doesNotContain(text);
    if (outcome instanceof DeliveryOutcome.Delivered delivered) {
      assertThat(delivered.channel()).as("the channel description").doesNotContain(text);
    }
    assertThat(d.delivery().toString()).as("the delivery's text").doesNotContain(text);
  }

  private static void concurrent(Trial<ReadableCredentialDelivery> t) throws Exception {
    ReadableCredentialDelivery d = t.subject(NO_TENANT);
    UserId user = d.registered().iterator().next();
    List<String> all = new ArrayList<>();
    List<Callable<Void>> senders = new ArrayList<>();
    for (int th = 0; th < THREADS; th++) {
      List<String> mine = new ArrayList<>();
      Random r = t.random();
      for (int i = 0; i < PER_THREAD; i++) {
        mine.add(secret(r) + "-" + th + "-" + i);
      }
      all.addAll(mine);
      senders.add(
          () -> {
            for (String text : mine) {
              d.delivery()
                  .deliver(
                      new CredentialMessage(
                          user,
                          CredentialMessage.Kind.TEMPORARY_PASSWORD,
                          Secret.of(text),
                          CorrelationId.of("k-" + text)));
            }
            return null;
          });
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      for (Future<Void> f :
          pool.invokeAll(senders, t.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
        assertThat(f.isCancelled())
            .as("a sending thread finished within %s", t.timeout())
            .isFalse();
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(d.inbox().apply(user))
        .as("received after %d threads sent %d secrets each", THREADS, PER_THREAD)
        .containsExactlyInAnyOrderElementsOf(all);
  }

  private static void answersChannelChanges(Trial<ReadableCredentialDelivery> t) throws Exception {
    ReadableCredentialDelivery d = t.subject(NO_TENANT);
    assertThat(d.delivery().channelChangedAt(NOBODY))
        .as("when the channel of a user without one changed")
        .isEmpty();
    for (UserId user : d.registered()) {
      assertThat(d.delivery().channelChangedAt(user)).as("channelChangedAt(%s)", user).isNotNull();
    }
  }

  private static void knowsChannelChanges(Trial<ReadableCredentialDelivery> t) throws Exception {
    ReadableCredentialDelivery d = t.subject(NO_TENANT);
    for (UserId user : d.registered()) {
      assertThat(d.delivery().channelChangedAt(user))
          .as("when the channel of %s (registered) changed", user)
          .isPresent();
    }
  }

  private static String secret(Random r) {
    StringBuilder out = new StringBuilder(16);
    for (int i = 0; i < 16; i++) {
      out.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
    }
    return out.toString();
  }
}
