package io.mystaff.api.password;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * One reason a password was rejected: a stable message key (e.g. {@code password.tooShort}) and
 * its arguments (e.g. {@code minLength=8}), ready for i18n. Arguments never include the password
 * or any part of it.
 */
public record PolicyViolation(String key, Map<String, String> args) {
  public PolicyViolation {
    requireNonNull(key, "key");
    args = Map.copyOf(args);
  }

  public static PolicyViolation of(String key) {
    return new PolicyViolation(key, Map.of());
  }

  public static PolicyViolation of(String key, String arg, Object value) {
    return new PolicyViolation(key, Map.of(arg, String.valueOf(java.util.Objects.requireNonNull(value, "value"))));
  }
}
