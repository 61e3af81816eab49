package io.mystaff.api.password;

/**
 * The user's recent passwords, as far as the system that checks a new one knows them.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface PasswordHistory {
  /** True if {@code candidate} equals one of the remembered passwords. */
  boolean contains(Secret candidate);

  /** {@return a history that knows no passwords, so it rejects none} */
  static PasswordHistory none() {
    return candidate -> false;
  }
}
