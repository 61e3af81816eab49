package io.mystaff.testkit.contract;

/**
 * Optional features of a {@link io.mystaff.spi.UserNotifier}, for {@link
 * UserNotifierTestSuiteBuilder}.
 *
 * @since 0.1.0
 */
public enum UserNotifierFeature {
  /** Notifications sent by one thread are accepted in the order they were sent. */
  KEEPS_SENDING_ORDER
}
