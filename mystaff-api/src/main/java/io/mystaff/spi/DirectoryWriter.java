package io.mystaff.spi;

import io.mystaff.api.StaleVersionException;
import io.mystaff.api.UnknownUserException;
import io.mystaff.api.UserId;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.directory.User;
import io.mystaff.api.password.Secret;
import java.util.Optional;

/**
 * Versioned writes to cloud-mastered user data. Every method is a compare-and-set: it applies only
 * if the user is still at {@code expectedVersion}, then returns the user at a strictly higher
 * version; otherwise it changes nothing and throws {@link StaleVersionException}. So concurrent
 * edits of one user never lose an update.
 *
 * <p>Contract: thread-safe and atomic per call; a call that throws has changed nothing.
 */
public interface DirectoryWriter {

  /**
   * Sets ({@code number} present) or removes ({@code number} empty) the user's phone of {@code
   * type}. Removing an absent phone is allowed and still bumps the version.
   *
   * @throws UnknownUserException if there is no such user
   * @throws StaleVersionException if the user is no longer at {@code expectedVersion}
   */
  User setPhone(UserId user, long expectedVersion, PhoneType type, Optional<PhoneNumber> number);

  /**
   * Sets a cloud-only user's password and whether it must be changed at next sign-in. The
   * implementation must store only a salted hash (or hand the secret on), never the secret itself.
   *
   * @throws UnknownUserException if there is no such user
   * @throws StaleVersionException if the user is no longer at {@code expectedVersion}
   */
  User setPassword(UserId user, long expectedVersion, Secret password, boolean forceChangeNextSignIn);
}
