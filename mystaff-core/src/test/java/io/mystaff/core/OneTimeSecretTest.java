package io.mystaff.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.password.Secret;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OneTimeSecretTest {
  private static final String PASSWORD = "Tq7#vLm2@Rx9!pZe";

  @Test
  void reveal_firstTime_returnsPasswordAndWipesIt() {
    Secret secret = Secret.of(PASSWORD);
    OneTimeSecret once = new OneTimeSecret(secret);
    assertThat(once.isSpent()).isFalse();
    assertThat(once.reveal()).isEqualTo(PASSWORD);
    assertThat(once.isSpent()).isTrue();
    assertThat(secret.isDestroyed()).isTrue();
  }

  @Test
  void reveal_secondTime_throws() {
    OneTimeSecret once = new OneTimeSecret(Secret.of(PASSWORD));
    once.reveal();
    assertThatThrownBy(once::reveal)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageNotContaining(PASSWORD);
  }

  @Test
  void discard_beforeReveal_wipesAndRevealThrows() {
    Secret secret = Secret.of(PASSWORD);
    OneTimeSecret once = new OneTimeSecret(secret);
    once.discard();
    once.discard();
    assertThat(secret.isDestroyed()).isTrue();
    assertThatThrownBy(once::reveal).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void toString_beforeAndAfterReveal_redacted() {
    OneTimeSecret once = new OneTimeSecret(Secret.of(PASSWORD));
    assertThat(once.toString()).doesNotContain(PASSWORD).contains("redacted");
    once.reveal();
    assertThat(once.toString()).doesNotContain(PASSWORD);
  }

  @Test
  void reveal_racingThreads_exactlyOneGetsThePassword() throws Exception {
    int threads = 8;
    for (int round = 0; round < 50; round++) {
      OneTimeSecret once = new OneTimeSecret(Secret.of(PASSWORD));
      List<String> revealed = Collections.synchronizedList(new ArrayList<>());
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        for (int t = 0; t < threads; t++) {
          pool.execute(
              () -> {
                try {
                  start.await();
                  revealed.add(once.reveal());
                } catch (IllegalStateException | InterruptedException expected) {
                  // lost the race
                }
              });
        }
        start.countDown();
      } finally {
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
      }
      assertThat(revealed).as("round %d", round).containsExactly(PASSWORD);
    }
  }
}
