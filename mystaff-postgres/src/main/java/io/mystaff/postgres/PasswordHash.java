package io.mystaff.postgres;

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
 * A salted PBKDF2-HMAC-SHA256 password hash, as mystaff-inmemory stores it: 600,000 iterations by
 * default and at the least (lower only with {@value #WEAK_FOR_TESTS_PROPERTY}). The secret is read
 * once and its copy wiped; {@link #toString()} shows neither salt nor hash.
 */
final class PasswordHash {
  static final int MIN_ITERATIONS = 600_000;
  static final String WEAK_FOR_TESTS_PROPERTY = "mystaff.passwordHash.allowWeakForTests";
  private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;

  private final byte[] salt;
  private final byte[] hash;
  private final int iterations;

  PasswordHash(byte[] salt, byte[] hash, int iterations) {
    this.salt = salt.clone();
    this.hash = hash.clone();
    this.iterations = iterations;
  }

  static PasswordHash of(Secret password, int iterations, SecureRandom random) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    return new PasswordHash(salt, derive(password, salt, iterations), iterations);
  }

  static int requireIterations(int iterations) {
    int floor = Boolean.getBoolean(WEAK_FOR_TESTS_PROPERTY) ? 1 : MIN_ITERATIONS;
    if (iterations < floor) {
      throw InvalidInputException.of("password hash iterations", "must be at least " + floor);
    }
    return iterations;
  }

  boolean matches(Secret candidate) {
    return MessageDigest.isEqual(hash, derive(candidate, salt, iterations));
  }

  byte[] salt() {
    return salt.clone();
  }

  byte[] hash() {
    return hash.clone();
  }

  int iterations() {
    return iterations;
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
