package io.mystaff.testkit.contract;

/**
 * Optional features of an {@link io.mystaff.spi.AuditSink}, for {@link AuditSinkTestSuiteBuilder}.
 */
public enum AuditSinkFeature {
  /**
   * Recording an event whose id is already stored stores nothing (the outbox delivers at least
   * once). A sink without it must document that duplicates are kept, and is checked to keep at
   * least one copy.
   */
  DEDUPLICATES_BY_ID,
  /** Events recorded by one thread are read back in recording order. */
  KEEPS_RECORDING_ORDER
}
