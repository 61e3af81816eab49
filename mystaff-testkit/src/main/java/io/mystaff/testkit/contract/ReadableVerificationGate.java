package io.mystaff.testkit.contract;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.UserId;
import io.mystaff.spi.VerificationGate;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A {@link VerificationGate} with what its contract suite needs around it: the subject of {@link
 * VerificationGateTestSuiteBuilder}. Closing it closes the gate if it is {@link AutoCloseable}.
 *
 * @param gate the gate under test
 * @param answer the right answer to a challenge, by id, as the user's device shows it
 * @param user a user the gate can issue challenges for
 * @param otherUser another user the gate can issue challenges for
 * @param advance moves the gate's clock forward
 * @param timeToLive how long the gate's challenges can pass
 * @param maxAttempts how many answers a challenge allows
 * @since 0.2.0
 */
public record ReadableVerificationGate(
    VerificationGate gate,
    Function<String, String> answer,
    UserId user,
    UserId otherUser,
    Consumer<Duration> advance,
    Duration timeToLive,
    int maxAttempts)
    implements AutoCloseable {
  /** Rejects a missing component, equal users or no allowed answer. */
  public ReadableVerificationGate {
    requireNonNull(gate, "gate");
    requireNonNull(answer, "answer");
    requireNonNull(user, "user");
    requireNonNull(otherUser, "otherUser");
    requireNonNull(advance, "advance");
    requireNonNull(timeToLive, "timeToLive");
    if (user.equals(otherUser)) {
      throw new IllegalArgumentException("the suite needs two different users");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("a challenge allows at least one answer");
    }
  }

  @Override
  public void close() {
    Closing.close(gate);
  }
}
