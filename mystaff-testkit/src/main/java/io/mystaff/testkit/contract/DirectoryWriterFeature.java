package io.mystaff.testkit.contract;

/**
 * Optional features of a {@link io.mystaff.spi.DirectoryWriter}, for {@link
 * DirectoryWriterTestSuiteBuilder}.
 */
public enum DirectoryWriterFeature {
  /** {@link io.mystaff.spi.DirectoryWriter#setPassword} sets cloud-only users' passwords. */
  SETS_PASSWORDS
}
