package io.mystaff.api.password;

/**
 * The progress of an asynchronous password writeback to the on-premises directory.
 *
 * @since 0.1.0
 */
public enum WritebackStatus {
  /** Accepted by mystaff and handed to the writeback provider. */
  SUBMITTED,
  /** The provider is talking to the on-premises directory. */
  IN_PROGRESS,
  /** The on-premises directory accepted the password. Terminal. */
  SUCCEEDED,
  /** The on-premises directory did not take the password. Terminal. */
  FAILED;

  /** {@return true for {@link #SUCCEEDED} and {@link #FAILED}, after which nothing changes} */
  public boolean isTerminal() {
    return this == SUCCEEDED || this == FAILED;
  }
}
