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
  READS_HISTORY
}
