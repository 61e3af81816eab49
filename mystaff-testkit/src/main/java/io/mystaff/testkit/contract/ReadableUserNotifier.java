package io.mystaff.testkit.contract;

import static java.util.Objects.requireNonNull;

import io.mystaff.spi.UserNotification;
import io.mystaff.spi.UserNotifier;
import java.util.List;
import java.util.function.Supplier;

/**
 * A {@link UserNotifier} with a way to read back what it accepted (its outbox, or the test double
 * of its mail or message gateway): the subject of {@link UserNotifierTestSuiteBuilder}. Closing it
 * closes the notifier if it is {@link AutoCloseable}.
 *
 * @param accepted every notification the notifier has delivered or queued for delivery, in the
 *     order it was sent when the notifier keeps it; read as soon as {@code send} returned
 * @since 0.1.0
 */
public record ReadableUserNotifier(UserNotifier notifier, Supplier<List<UserNotification>> accepted)
    implements AutoCloseable {
  public ReadableUserNotifier {
    requireNonNull(notifier, "notifier");
    requireNonNull(accepted, "accepted");
  }

  @Override
  public void close() {
    Closing.close(notifier);
  }
}
