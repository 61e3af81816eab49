package io.mystaff.api.directory;

/**
 * Where a user's account is mastered, which decides how a password reset is carried out.
 *
 * @since 0.1.0
 */
public enum UserSource {
  /** Mastered in the cloud directory: a reset sets a generated temporary password directly. */
  CLOUD_ONLY,
  /**
   * Synchronized from an on-premises directory (Entra Connect / Cloud Sync): a reset must satisfy
   * the on-premises policy and is written back to the on-premises directory asynchronously.
   */
  SYNCED_FROM_ON_PREMISES
}
