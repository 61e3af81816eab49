package io.mystaff.testkit.fakes;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.UserId;
import io.mystaff.spi.CredentialDelivery;
import io.mystaff.spi.CredentialMessage;
import io.mystaff.spi.DeliveryOutcome;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link CredentialDelivery} that plays the users' phones: users get a channel with {@link
 * #register}, and every secret delivered to them is kept, as text, in their inbox for assertions
 * ({@link #inbox}). A user without a channel gets {@link
 * DeliveryOutcome.Failure#NO_REGISTERED_CHANNEL}. {@link #failNext} and {@link #failAlways} make
 * deliveries fail on demand; {@link #throwNext} makes the next one throw.
 *
 * <p>It keeps the secrets it receives: it is a test double of the user's device, never a model for
 * a production delivery. Its {@code toString} and its records' never show a secret.
 *
 * <p>Thread-safe: every query returns an immutable snapshot taken atomically.
 *
 * @since 0.2.0
 */
public final class RecordingCredentialDelivery implements CredentialDelivery {

  /**
   * One secret a user received.
   *
   * @param user the recipient
   * @param kind what it is
   * @param secret the secret's text, as the user's device shows it
   * @param correlationId the correlation id of the change or verification it belongs to
   * @param channel the channel it went to
   * @since 0.2.0
   */
  public record Received(
      UserId user,
      CredentialMessage.Kind kind,
      String secret,
      CorrelationId correlationId,
      String channel) {
    /** Rejects a missing component. */
    public Received {
      requireNonNull(user, "user");
      requireNonNull(kind, "kind");
      requireNonNull(secret, "secret");
      requireNonNull(correlationId, "correlationId");
      requireNonNull(channel, "channel");
    }

    @Override
    public String toString() {
      return "Received{user="
          + user
          + ", kind="
          + kind
          + ", secret=[redacted], channel="
          + channel
          + "}";
    }
  }

  private record Channel(String description, Instant changedAt) {}

  private final Map<UserId, Channel> channels = new HashMap<>();
  private final List<Received> received = new ArrayList<>();
  private final Deque<DeliveryOutcome.Failure> failures = new ArrayDeque<>();
  private final Deque<RuntimeException> throwing = new ArrayDeque<>();
  private Optional<DeliveryOutcome.Failure> always = Optional.empty();
  private int attempts;

  private RecordingCredentialDelivery() {}

  /** A delivery with no channels registered. */
  public static RecordingCredentialDelivery create() {
    return new RecordingCredentialDelivery();
  }

  /**
   * Gives {@code user} a channel described as {@code description} (e.g. {@code mobile ending 67}),
   * registered or last changed at {@code changedAt}; replaces any earlier one.
   */
  public synchronized RecordingCredentialDelivery register(
      UserId user, String description, Instant changedAt) {
    requireNonNull(user, "user");
    if (requireNonNull(description, "description").isBlank()) {
      throw new IllegalArgumentException("a channel has a description");
    }
    channels.put(user, new Channel(description, requireNonNull(changedAt, "changedAt")));
    return this;
  }

  /** Removes {@code user}'s channel. */
  public synchronized void unregister(UserId user) {
    channels.remove(requireNonNull(user, "user"));
  }

  /** Makes the next delivery (to anyone) fail with {@code failure}; calls queue up. */
  public synchronized void failNext(DeliveryOutcome.Failure failure) {
    failures.add(requireNonNull(failure, "failure"));
  }

  /** Makes every delivery fail with {@code failure} until {@link #recover()}. */
  public synchronized void failAlways(DeliveryOutcome.Failure failure) {
    always = Optional.of(requireNonNull(failure, "failure"));
  }

  /** Makes the next delivery throw {@code exception}; calls queue up. */
  public synchronized void throwNext(RuntimeException exception) {
    throwing.add(requireNonNull(exception, "exception"));
  }

  /** Undoes {@link #failAlways} and forgets queued failures. */
  public synchronized void recover() {
    always = Optional.empty();
    failures.clear();
    throwing.clear();
  }

  @Override
  public synchronized DeliveryOutcome deliver(CredentialMessage message) {
    requireNonNull(message, "message");
    attempts++;
    if (!throwing.isEmpty()) {
      throw throwing.remove();
    }
    if (!failures.isEmpty()) {
      return new DeliveryOutcome.Failed(failures.remove());
    }
    if (always.isPresent()) {
      return new DeliveryOutcome.Failed(always.get());
    }
    Channel channel = channels.get(message.user());
    if (channel == null) {
      return new DeliveryOutcome.Failed(DeliveryOutcome.Failure.NO_REGISTERED_CHANNEL);
    }
    received.add(
        new Received(
            message.user(),
            message.kind(),
            message.secret().reveal(),
            message.correlationId(),
            channel.description()));
    return new DeliveryOutcome.Delivered(channel.description());
  }

  @Override
  public synchronized Optional<Instant> channelChangedAt(UserId user) {
    Channel channel = channels.get(requireNonNull(user, "user"));
    return channel == null ? Optional.empty() : Optional.of(channel.changedAt());
  }

  /** Every secret delivered so far, oldest first. */
  public synchronized List<Received> received() {
    return List.copyOf(received);
  }

  /** The secrets {@code user} received, oldest first. */
  public synchronized List<Received> inbox(UserId user) {
    return received.stream().filter(r -> r.user().equals(user)).toList();
  }

  /** How many times {@link #deliver} was called, whatever its outcome. */
  public synchronized int attempts() {
    return attempts;
  }

  @Override
  public synchronized String toString() {
    return "RecordingCredentialDelivery{"
        + channels.size()
        + " channels, "
        + received.size()
        + " delivered"
        + (always.isPresent() ? ", failing" : "")
        + "}";
  }
}
