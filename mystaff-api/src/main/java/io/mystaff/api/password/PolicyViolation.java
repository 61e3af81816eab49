package io.mystaff.api.password;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * One reason a password was rejected: a stable message key (e.g. {@code password.tooShort}) and its
 * arguments (e.g. {@code minLength=8}), ready for i18n. Arguments never include the password or any
 * part of it.
 *
 * @param key the stable message key
 * @param args the message's arguments by name
 * @since 0.1.0
 */
public record PolicyViolation(String key, Map<String, String> args) {
  /**
   * Copies the collections and rejects a missing component.
   *
   * @param key the stable message key
   * @param args the message's arguments by name
   */
  public PolicyViolation {
    requireNonNull(key, "key");
    args = Map.copyOf(args);
  }

  /**
   * A violation without arguments.
   *
   * @param key the stable message key
   * @return the violation
   */
  public static PolicyViolation of(String key) {
    return new PolicyViolation(key, Map.of());
  }

  /**
   * A violation with one argument.
   *
   * @param key the stable message key
   * @param arg the argument's name
   * @param value the argument's value, never the password or a part of it
   * @return the violation
   */
  public static PolicyViolation of(String key, String arg, Object value) {
    return new PolicyViolation(
        key, Map.of(arg, String.valueOf(java.util.Objects.requireNonNull(value, "value"))));
  }
}
