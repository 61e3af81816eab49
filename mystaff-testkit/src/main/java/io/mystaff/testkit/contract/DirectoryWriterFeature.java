package io.mystaff.testkit.contract;

/**
 * Optional features of a {@link io.mystaff.spi.DirectoryWriter}, for {@link
 * DirectoryWriterTestSuiteBuilder}.
 */
public enum DirectoryWriterFeature {
  /** {@link io.mystaff.spi.DirectoryWriter#setPassword} sets cloud-only users' passwords. */
  SETS_PASSWORDS,
  /**
   * The subject checks stored passwords ({@link WritableDirectory#verifyingPasswordsWith}), so the
   * suite proves that {@code setPassword} stored the new password, and only it.
   *
   * @since 0.1.0
   */
  VERIFIES_PASSWORDS,
  /**
   * {@link io.mystaff.spi.DirectoryWriter#sessionRevoker()} is present: the writer signs users out
   * everywhere ({@link io.mystaff.spi.SessionRevoker}). Claimed or declared absent, the suite
   * checks that the capability is there or not accordingly.
   *
   * @since 0.2.0
   */
  REVOKES_SESSIONS
}
