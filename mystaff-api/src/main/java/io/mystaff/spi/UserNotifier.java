package io.mystaff.spi;

/**
 * Tells a user, on a channel of the host's choice (mail to a personal address, a push message, a
 * text to the old number), that a manager reset their password or changed their phone methods, so a
 * change they did not expect does not go unnoticed.
 *
 * <p>mystaff calls it after the change is committed: for a cloud-only user's reset and a phone
 * change once the write succeeded, for a synced user's reset once the writeback SUCCEEDED; never
 * for denied or failed attempts, nor for a phone edit that left the number as it was. Calls are
 * made on the notification executor ({@code MyStaff.Builder#userNotifier}), never on the thread of
 * the change, so a slow notifier never delays a manager. Whatever it throws is logged and
 * swallowed: the change stands, its result is returned and its audit event is unchanged.
 *
 * <p>Contract for implementations: thread-safe; returns promptly (hand slow delivery to a queue of
 * your own); does not throw for any valid notification; keeps nothing beyond what it needs to
 * deliver. A notification never carries a secret. {@code io.mystaff.testkit.contract
 * .UserNotifierTestSuiteBuilder} checks these laws.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface UserNotifier {

  /**
   * Delivers, or queues for delivery, one notification.
   *
   * @param notification what changed, without secrets
   */
  void send(UserNotification notification);

  /** {@return a notifier that tells no one: the default when none is configured} */
  static UserNotifier none() {
    return notification -> {};
  }
}
