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
 * password. Neither the {@link Secret} nor a {@code String} of it is ever retained; the characters
 * copied out for hashing are wiped at once.
 *
 * <p><b>Work factor.</b> {@value #MIN_ITERATIONS} iterations by default and at the least: the OWASP
 * Password Storage Cheat Sheet's figure for PBKDF2-HMAC-SHA256. Configuration cannot go below it,
 * except in a JVM started with {@code -D}{@value #WEAK_FOR_TESTS_PROPERTY}{@code =true}, which this
 * project's own test and benchmark runs set so that thousands of resets stay fast; never set it in
 * a host.
 */
final class PasswordHash {
  /** The least iteration count configuration may choose (OWASP, PBKDF2-HMAC-SHA256). */
  static final int MIN_ITERATIONS = 600_000;

  /** The default iteration count. */
  static final int DEFAULT_ITERATIONS = MIN_ITERATIONS;

  /** The system property that lets tests and benchmarks use fewer iterations. */
  static final String WEAK_FOR_TESTS_PROPERTY = "mystaff.passwordHash.allowWeakForTests";

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
   * @throws InvalidInputException if {@code iterations} is below {@value #MIN_ITERATIONS} (or, with
   *     {@value #WEAK_FOR_TESTS_PROPERTY} set, below 1)
   */
  static int requireIterations(int iterations) {
    return requireIterations(iterations, Boolean.getBoolean(WEAK_FOR_TESTS_PROPERTY));
  }

  static int requireIterations(int iterations, boolean weakAllowedForTests) {
    int floor = weakAllowedForTests ? 1 : MIN_ITERATIONS;
    if (iterations < floor) {
      throw InvalidInputException.of(
          "password hash iterations",
          weakAllowedForTests
              ? "must be at least 1"
              : "must be at least " + MIN_ITERATIONS + " (OWASP's figure for PBKDF2-HMAC-SHA256)");
    }
    return iterations;
  }

  /** Whether {@code candidate} is the password this hash was made from (constant time). */
  boolean matches(Secret candidate) {
    return MessageDigest.isEqual(hash, derive(candidate, salt, iterations));
  }

  /** The iteration count this hash was made with. */
  int iterations() {
    return iterations;
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
