package io.mystaff.testkit.fakes;

import static java.util.Objects.requireNonNull;

import io.mystaff.spi.UserNotification;
import io.mystaff.spi.UserNotifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link UserNotifier} that keeps every notification in memory, in the order {@link #send} was
 * called, for assertions. {@link #failingWith} makes one that records and then throws, to show that
 * a failing notifier never undoes or hides a change.
 *
 * <p>Thread-safe: every query returns an immutable snapshot taken atomically.
 *
 * @since 0.1.0
 */
public final class RecordingUserNotifier implements UserNotifier {
  private final List<UserNotification> notifications = new ArrayList<>();
  private final Optional<RuntimeException> failure;

  private RecordingUserNotifier(Optional<RuntimeException> failure) {
    this.failure = failure;
  }

  /** A recorder that never fails. */
  public static RecordingUserNotifier create() {
    return new RecordingUserNotifier(Optional.empty());
  }

  /** A recorder that records each notification, then throws {@code failure}. */
  public static RecordingUserNotifier failingWith(RuntimeException failure) {
    return new RecordingUserNotifier(Optional.of(requireNonNull(failure, "failure")));
  }

  @Override
  public void send(UserNotification notification) {
    requireNonNull(notification, "notification");
    synchronized (notifications) {
      notifications.add(notification);
    }
    if (failure.isPresent()) {
      throw failure.get();
    }
  }

  /** Every notification sent so far, oldest first. */
  public List<UserNotification> notifications() {
    synchronized (notifications) {
      return List.copyOf(notifications);
    }
  }

  /** Forgets every notification. */
  public void clear() {
    synchronized (notifications) {
      notifications.clear();
    }
  }

  @Override
  public String toString() {
    synchronized (notifications) {
      return "RecordingUserNotifier{"
          + notifications.size()
          + " notifications"
          + (failure.isPresent() ? ", failing" : "")
          + "}";
    }
  }
}
