package io.mystaff.inmemory;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.ProviderFailureException;
import io.mystaff.api.password.Secret;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted PBKDF2-HMAC-SHA256 hash of a password: the only form in which this provider keeps a
 * password. Neither the {@link Secret} nor a {@code String} of it is ever retained; the
 * characters copied out for hashing are wiped at once.
 */
final class PasswordHash {
  /** The default iteration count: modest, because this provider serves tests and demos. */
  static final int DEFAULT_ITERATIONS = 10_000;

  private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;

  private final byte[] salt;
  private final byte[] hash;
  private final int iterations;

  private PasswordHash(byte[] salt, byte[] hash, int iterations) {
    this.salt = salt;
    this.hash = hash;
    this.iterations = iterations;
  }

  /** Hashes {@code password} with a fresh random salt. */
  static PasswordHash of(Secret password, int iterations, SecureRandom random) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    return new PasswordHash(salt, derive(password, salt, iterations), iterations);
  }

  /**
   * @throws InvalidInputException if {@code iterations} is not positive
   */
  static int requireIterations(int iterations) {
    if (iterations < 1) {
      throw InvalidInputException.of("password hash iterations", "must be at least 1");
    }
    return iterations;
  }

  /** Whether {@code candidate} is the password this hash was made from (constant time). */
  boolean matches(Secret candidate) {
    return MessageDigest.isEqual(hash, derive(candidate, salt, iterations));
  }

  /** A copy of the derived key, for tests that prove the password is not stored. */
  byte[] hashBytes() {
    return hash.clone();
  }

  /** A copy of the salt. */
  byte[] saltBytes() {
    return salt.clone();
  }

  private static byte[] derive(Secret password, byte[] salt, int iterations) {
    char[] chars = password.toCharArray();
    PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, HASH_BITS);
    try {
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new ProviderFailureException("password hashing", ALGORITHM + " is unavailable", e);
    } finally {
      spec.clearPassword();
      Arrays.fill(chars, '\0');
    }
  }

  @Override
  public String toString() {
    return "PasswordHash[" + ALGORITHM + ", " + iterations + " iterations]";
  }
}
