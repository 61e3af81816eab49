package io.mystaff.testkit.contract;

/**
 * Optional features of a {@link io.mystaff.spi.VerificationGate}, for {@link
 * VerificationGateTestSuiteBuilder}.
 *
 * @since 0.2.0
 */
public enum VerificationGateFeature {
  /** A challenge allows more than one answer: a wrong answer leaves room for the right one. */
  ALLOWS_RETRIES
}
