package io.mystaff.core;

/**
 * How a generated temporary password reaches a cloud-only user. Which modes managers may use is
 * {@link MyStaffSettings#allowedDeliveryModes()}; {@link #SHOW_ONCE} is the default and the only
 * mode that needs no {@link io.mystaff.spi.CredentialDelivery}.
 *
 * @since 0.2.0
 */
public enum DeliveryMode {
  /** The manager is shown the whole password once and passes it on (Entra's My Staff). */
  SHOW_ONCE(false),
  /**
   * The whole password is sent to the user's registered channel; the manager never sees any of it.
   */
  SEND_TO_USER(true),
  /**
   * The manager is shown the first half once and tells the user; the second half is sent to the
   * user's registered channel. Neither the manager nor the channel alone holds the password.
   */
  SPLIT(true);

  private final boolean sends;

  DeliveryMode(boolean sends) {
    this.sends = sends;
  }

  /**
   * {@return true if the mode sends (part of) the password through {@link
   * io.mystaff.spi.CredentialDelivery}}
   */
  public boolean sendsToUser() {
    return sends;
  }

  /** {@return true if the manager sees the whole password} */
  public boolean showsManagerEverything() {
    return this == SHOW_ONCE;
  }
}
