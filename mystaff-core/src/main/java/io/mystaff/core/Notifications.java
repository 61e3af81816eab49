package io.mystaff.core;

import static java.util.Objects.requireNonNull;

import io.mystaff.spi.UserNotification;
import io.mystaff.spi.UserNotifier;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands notifications of committed changes to the {@link UserNotifier} on its executor. Never
 * throws and never waits: a notifier that throws, or an executor that refuses the task, is logged
 * (the notification's {@code toString}, which holds no secret) and the change stands. Thread-safe.
 */
final class Notifications {
  private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

  private final UserNotifier notifier;
  private final Executor executor;

  Notifications(UserNotifier notifier, Executor executor) {
    this.notifier = requireNonNull(notifier, "notifier");
    this.executor = requireNonNull(executor, "executor");
  }

  /** No notifier: nothing is sent. */
  static Notifications none() {
    return new Notifications(UserNotifier.none(), Runnable::run);
  }

  /** Sends {@code notification} soon; returns at once and never throws. */
  void send(UserNotification notification) {
    try {
      executor.execute(() -> deliver(notification));
    } catch (
        Throwable
            e) { // a committed change must not fail because its notification could not be queued
      LOG.warn("Could not queue {}; the user is not notified", notification, e);
    }
  }

  private void deliver(UserNotification notification) {
    try {
      notifier.send(notification);
    } catch (Throwable e) { // the notifier's failure never undoes or hides the change
      LOG.warn("User notifier failed for {}; the change stands", notification, e);
    }
  }
}
