package io.mystaff.spi;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.UserId;
import java.time.Instant;

/**
 * A challenge a {@link VerificationGate} issued: what the manager's screen shows while the caller
 * answers. It never holds the answer.
 *
 * @param id the gate's id of the challenge, not guessable
 * @param user the user the challenge was issued for
 * @param expiresAt from this instant on the challenge can no longer pass
 * @param channel where the challenge went, masked (e.g. {@code mobile ending 67})
 * @since 0.2.0
 */
public record VerificationChallenge(String id, UserId user, Instant expiresAt, String channel) {
  /** Rejects a missing or blank component. */
  public VerificationChallenge {
    requireNonNull(id, "id");
    requireNonNull(user, "user");
    requireNonNull(expiresAt, "expiresAt");
    requireNonNull(channel, "channel");
    if (id.isBlank() || channel.isBlank()) {
      throw new IllegalArgumentException("a challenge has an id and a channel");
    }
  }
}
