package io.mystaff.testkit.contract;

/**
 * Optional features of a {@link io.mystaff.spi.PasswordWriteback}, for {@link
 * PasswordWritebackTestSuiteBuilder}.
 */
public enum PasswordWritebackFeature {
  /** The listener hears {@code IN_PROGRESS} before the outcome. */
  REPORTS_PROGRESS,
  /**
   * {@link io.mystaff.spi.PasswordWriteback#historyOf} holds the passwords written back
   * successfully.
   */
  READS_HISTORY,
  /**
   * {@link io.mystaff.spi.PasswordWriteback#accountUnlocker()} is present: the writeback unlocks
   * on-premises accounts ({@link io.mystaff.spi.AccountUnlocker}). Claimed or declared absent, the
   * suite checks that the capability is there or not accordingly.
   *
   * @since 0.2.0
   */
  UNLOCKS_ACCOUNTS
}
