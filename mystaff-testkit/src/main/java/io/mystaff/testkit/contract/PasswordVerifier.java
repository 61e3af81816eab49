package io.mystaff.testkit.contract;

import io.mystaff.api.UserId;
import io.mystaff.api.password.Secret;

/**
 * How a contract test asks the vendor's store whether a password is the one it holds for a user
 * (for a SQL store, a query of the stored hash and a check of the candidate against it): the proof
 * that {@link io.mystaff.spi.DirectoryWriter#setPassword} stored the password, for {@link
 * DirectoryWriterFeature#VERIFIES_PASSWORDS}.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface PasswordVerifier {
  /**
   * Whether {@code candidate} is the password the store holds for {@code user}.
   *
   * @param user the user
   * @param candidate the password to check; not retained
   * @return true if it is the user's current password; false for an unknown user
   * @throws Exception if the store cannot be read
   */
  boolean verify(UserId user, Secret candidate) throws Exception;
}
