package io.mystaff.activedirectory;

import static java.util.Objects.requireNonNull;

import io.mystaff.core.password.ActiveDirectoryPasswordPolicy;
import java.time.Duration;

/**
 * Password settings as Active Directory stores them: the domain's ({@code minPwdLength}, {@code
 * pwdHistoryLength}, {@code pwdProperties}, {@code minPwdAge}, {@code maxPwdAge} on the domain
 * object) or a fine-grained password settings object's ({@code msDS-MinimumPasswordLength} and
 * friends), named by {@code source}.
 *
 * @param source the distinguished name of the object the settings were read from
 * @param minimumLength "Minimum password length"
 * @param historyLength "Enforce password history", 0 when off
 * @param complexity "Password must meet complexity requirements"
 * @param minimumAge "Minimum password age"
 * @param maximumAge "Maximum password age", zero when passwords never expire
 * @param fineGrained whether the settings come from a password settings object (msDS-ResultantPSO)
 */
public record PasswordSettings(
    String source,
    int minimumLength,
    int historyLength,
    boolean complexity,
    Duration minimumAge,
    Duration maximumAge,
    boolean fineGrained) {

  private static final Duration MAX_AGE = Duration.ofDays(999);

  public PasswordSettings {
    requireNonNull(source, "source");
    requireNonNull(minimumAge, "minimumAge");
    requireNonNull(maximumAge, "maximumAge");
    if (minimumLength < 0 || historyLength < 0) {
      throw new IllegalArgumentException("lengths must not be negative");
    }
  }

  /** The policy mystaff checks a manager's password against before submitting it. */
  public ActiveDirectoryPasswordPolicy toPolicy() {
    Duration max = clamp(maximumAge);
    Duration min = clamp(minimumAge);
    if (!max.isZero() && min.compareTo(max) >= 0) {
      min = Duration.ZERO;
    }
    return ActiveDirectoryPasswordPolicy.builder()
        .minimumLength(
            Math.min(minimumLength, ActiveDirectoryPasswordPolicy.DEFAULT_MAXIMUM_LENGTH))
        .complexityEnabled(complexity)
        .enforceHistory(historyLength > 0)
        .minimumPasswordAge(min)
        .maximumPasswordAge(max)
        .build();
  }

  private static Duration clamp(Duration d) {
    return d.compareTo(MAX_AGE) > 0 ? MAX_AGE : d;
  }

  /**
   * An AD interval attribute (negative 100-nanosecond units; {@code Long.MIN_VALUE} or 0 meaning
   * "never" for a maximum age) as a duration.
   */
  static Duration interval(long value) {
    if (value == Long.MIN_VALUE || value == 0) {
      return Duration.ZERO;
    }
    long ticks = Math.abs(value);
    return Duration.ofSeconds(ticks / 10_000_000L, (ticks % 10_000_000L) * 100);
  }
}
