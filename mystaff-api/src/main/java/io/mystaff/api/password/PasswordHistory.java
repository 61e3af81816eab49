package io.mystaff.api.password;

/**
 * The user's recent passwords, as far as the system that checks a new one knows them.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface PasswordHistory {
  /**
   * Whether a candidate was used before.
   *
   * @param candidate the new password
   * @return true if it equals one of the remembered passwords
   */
  boolean contains(Secret candidate);

  /** {@return a history that knows no passwords, so it rejects none} */
  static PasswordHistory none() {
    return candidate -> false;
  }
}
