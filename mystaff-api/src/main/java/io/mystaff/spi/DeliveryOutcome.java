package io.mystaff.spi;

import static java.util.Objects.requireNonNull;

/**
 * What {@link CredentialDelivery#deliver} did: sent the secret, or could not.
 *
 * @since 0.2.0
 */
public sealed interface DeliveryOutcome permits DeliveryOutcome.Delivered, DeliveryOutcome.Failed {

  /**
   * Why a secret could not be sent.
   *
   * @since 0.2.0
   */
  enum Failure {
    /** The user has no channel registered to receive it. */
    NO_REGISTERED_CHANNEL,
    /** The channel refused the message (e.g. an invalid or blocked number). */
    REJECTED,
    /** The channel could not be reached, or the delivery threw. */
    UNAVAILABLE
  }

  /**
   * The secret was handed to the user's channel.
   *
   * @param channel the channel, masked, as the manager may see it (e.g. {@code mobile ending 67});
   *     never the secret
   * @since 0.2.0
   */
  record Delivered(String channel) implements DeliveryOutcome {
    /** Rejects a missing or blank channel. */
    public Delivered {
      requireNonNull(channel, "channel");
      if (channel.isBlank()) {
        throw new IllegalArgumentException("a delivery names its channel");
      }
    }
  }

  /**
   * The secret was not sent.
   *
   * @param reason why
   * @since 0.2.0
   */
  record Failed(Failure reason) implements DeliveryOutcome {
    /** Rejects a missing reason. */
    public Failed {
      requireNonNull(reason, "reason");
    }
  }
}
