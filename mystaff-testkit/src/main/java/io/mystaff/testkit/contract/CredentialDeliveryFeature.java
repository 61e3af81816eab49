package io.mystaff.testkit.contract;

/**
 * Optional features of a {@link io.mystaff.spi.CredentialDelivery}, for {@link
 * CredentialDeliveryTestSuiteBuilder}.
 *
 * @since 0.2.0
 */
public enum CredentialDeliveryFeature {
  /** {@link io.mystaff.spi.CredentialDelivery#channelChangedAt} knows when each channel changed. */
  KNOWS_CHANNEL_CHANGES
}
