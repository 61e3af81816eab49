package io.mystaff.api.password;

import io.mystaff.api.InvalidInputException;
import java.util.Arrays;

/**
 * A password in transit. Its {@code toString} is redacted, it has no value-based {@code equals},
 * and it never appears in exceptions, logs, audit events or JSON produced by mystaff. Read it with
 * {@link #reveal()} only at the point where it must leave the SDK (shown to the manager once, or
 * handed to a provider), and {@link #destroy()} it when done.
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
public final class Secret {
  /** The longest secret accepted; longer input is rejected before any policy sees it. */
  public static final int MAX_LENGTH = 1024;

  private final char[] chars;
  private volatile boolean destroyed;

  private Secret(char[] chars) {
    this.chars = chars;
  }

  /**
   * Copies a password into a new secret.
   *
   * @param value the password, 1 to {@link #MAX_LENGTH} characters
   * @return the secret
   * @throws InvalidInputException if the value is null, empty or longer than {@link #MAX_LENGTH}
   */
  public static Secret of(CharSequence value) {
    if (value == null || value.length() == 0) {
      throw InvalidInputException.of("password", "must not be empty", "password.required");
    }
    if (value.length() > MAX_LENGTH) {
      throw InvalidInputException.of(
          "password", "must be at most " + MAX_LENGTH + " characters", "password.tooLong");
    }
    char[] c = new char[value.length()];
    for (int i = 0; i < c.length; i++) {
      c[i] = value.charAt(i);
    }
    return new Secret(c);
  }

  /**
   * Takes a copy of {@code value}; the caller may then wipe its array.
   *
   * @param value the password's characters
   * @return the secret
   * @throws InvalidInputException if the value is null, empty or longer than {@link #MAX_LENGTH}
   */
  public static Secret of(char[] value) {
    return of(java.nio.CharBuffer.wrap(value));
  }

  /** {@return the number of characters, which policies may check without revealing the secret} */
  public int length() {
    return chars.length;
  }

  /** {@return the secret as a string, for the one place it must leave the SDK} */
  public String reveal() {
    return new String(checked());
  }

  /** {@return a copy of the characters; wipe it when done} */
  public char[] toCharArray() {
    return checked().clone();
  }

  /**
   * The character at {@code index}, for policies that inspect a secret without copying it.
   *
   * @param index from 0 to {@code length() - 1}
   * @return the character
   */
  public char charAt(int index) {
    return checked()[index];
  }

  /**
   * Compares with another secret in constant time (no early exit on the first differing character).
   *
   * @param other the other secret
   * @return true if both hold the same characters
   */
  public boolean matches(Secret other) {
    char[] a = checked();
    char[] b = other.checked();
    int diff = a.length ^ b.length;
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      char x = i < a.length ? a[i] : 0;
      char y = i < b.length ? b[i] : 0;
      diff |= x ^ y;
    }
    return diff == 0;
  }

  /** Overwrites the characters; afterwards every accessor throws {@link IllegalStateException}. */
  public void destroy() {
    destroyed = true;
    Arrays.fill(chars, '\0');
  }

  /** {@return true once {@link #destroy()} has wiped the characters} */
  public boolean isDestroyed() {
    return destroyed;
  }

  private char[] checked() {
    if (destroyed) {
      throw new IllegalStateException("secret was destroyed");
    }
    return chars;
  }

  @Override
  public String toString() {
    return "Secret[redacted]";
  }
}
