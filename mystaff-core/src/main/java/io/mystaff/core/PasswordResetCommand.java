package io.mystaff.core;

import io.mystaff.api.CapabilityNotSupportedException;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.UserId;
import io.mystaff.api.directory.User;
import io.mystaff.api.password.PasswordCheck;
import io.mystaff.api.password.PasswordContext;
import io.mystaff.api.password.PasswordHistory;
import io.mystaff.api.password.PolicyViolation;
import io.mystaff.api.password.Secret;
import io.mystaff.core.password.PasswordViolations;
import io.mystaff.spi.PasswordPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntUnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A manager's request to reset a user's password, with the password the manager chose, if any. Its
 * {@code toString} never shows the password.
 *
 * <p>A manager-chosen password must not contain control characters (Unicode category Cc, which
 * includes tab, CR and LF), the line and paragraph separators U+2028 and U+2029, or bidirectional
 * controls (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069): they cannot be typed back
 * reliably, and bidirectional controls make what is shown differ from what is stored. This is input
 * validation, on every path, before any fact is read: the attempt is not audited.
 *
 * <p>It must also be at least {@link MyStaffSettings#minimumManagerChosenPasswordLength()} long
 * (never less than {@link MyStaffSettings#MIN_MANAGER_CHOSEN_PASSWORD_LENGTH}, Entra's minimum),
 * whatever the policy allows: {@link #check} applies that floor before asking the policy.
 */
record PasswordResetCommand(UserId target, Optional<Secret> managerChosen) {

  /**
   * @throws InvalidInputException if the target is missing or the chosen password is missing or was
   *     destroyed
   */
  // A null Optional is a missing argument of the public API, reported as a violation like the rest.
  @SuppressWarnings("NullableOptional")
  static PasswordResetCommand of(
      @Nullable UserId target, @Nullable Optional<Secret> managerChosen) {
    List<InvalidInputException.Violation> violations = new ArrayList<>(2);
    if (target == null) {
      violations.add(
          new InvalidInputException.Violation("target user", "is required", "id.required"));
    }
    if (managerChosen == null) {
      violations.add(
          new InvalidInputException.Violation("password", "is required", "password.required"));
    } else if (managerChosen.isPresent() && managerChosen.get().isDestroyed()) {
      violations.add(
          new InvalidInputException.Violation(
              "password", "was destroyed before use", "password.destroyed"));
    } else if (managerChosen.isPresent()) {
      forbiddenCharacter(managerChosen.get()).ifPresent(violations::add);
    }
    if (!violations.isEmpty() || target == null || managerChosen == null) {
      throw new InvalidInputException(violations);
    }
    return new PasswordResetCommand(target, managerChosen);
  }

  /**
   * Checks that this command fits {@code user}: a synced user's password is chosen by the manager
   * and needs a writeback; a cloud-only user's is generated unless the settings let managers choose
   * it.
   *
   * @throws CapabilityNotSupportedException if the user is synced and no writeback is configured
   * @throws InvalidInputException if a password is missing or not allowed
   */
  void checkApplicable(User user, MyStaffSettings settings, boolean writebackConfigured) {
    if (user.isSynced()) {
      if (!writebackConfigured) {
        throw new CapabilityNotSupportedException(
            "password writeback",
            "User "
                + user.id()
                + " is synchronized from on premises and no password writeback is configured");
      }
      if (managerChosen.isEmpty()) {
        throw InvalidInputException.of(
            "password",
            "is required: a synced user's new password is chosen "
                + "by the manager and written back to the on-premises directory",
            "password.requiredForSyncedUser");
      }
    } else if (managerChosen.isPresent() && !settings.managerChosenPasswordsForCloudUsers()) {
      throw InvalidInputException.of(
          "password",
          "cannot be chosen for a cloud-only user: "
              + "the settings require a generated temporary password",
          "password.notChosenForCloudUser");
    }
  }

  /**
   * The one violation of a secret holding a character a typed password must not hold, naming the
   * kind of character, never the character or its position.
   */
  private static Optional<InvalidInputException.Violation> forbiddenCharacter(Secret secret) {
    return forbiddenCharacter(secret.length(), secret::charAt);
  }

  /**
   * {@link #forbiddenCharacter(Secret)} of the characters {@code charAt} gives for 0 to length - 1.
   */
  static Optional<InvalidInputException.Violation> forbiddenCharacter(
      int length, IntUnaryOperator charAt) {
    for (int i = 0; i < length; i++) {
      char c = (char) charAt.applyAsInt(i);
      if (Character.getType(c) == Character.CONTROL) {
        return Optional.of(
            new InvalidInputException.Violation(
                "password",
                "must not contain control characters such as tabs or line breaks",
                "password.forbiddenCharacter"));
      }
      if (c == '\u2028' || c == '\u2029') {
        return Optional.of(
            new InvalidInputException.Violation(
                "password",
                "must not contain line or paragraph separators",
                "password.forbiddenCharacter"));
      }
      if (isBidiControl(c)) {
        return Optional.of(
            new InvalidInputException.Violation(
                "password",
                "must not contain bidirectional control characters",
                "password.forbiddenCharacter"));
      }
    }
    return Optional.empty();
  }

  /** U+061C, U+200E, U+200F, U+202A to U+202E and U+2066 to U+2069. */
  static boolean isBidiControl(char c) {
    return c == '\u061C'
        || c == '\u200E'
        || c == '\u200F'
        || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069');
  }

  /**
   * Checks a manager-chosen password: first the floor {@code minimumLength} that no policy can
   * lower (a password of fewer characters, counted as code points so that a surrogate pair is one,
   * is rejected with {@code password.tooShort} and the policy is not asked), then {@code policy}.
   */
  static PasswordCheck check(
      Secret chosen, PasswordPolicy policy, PasswordContext context, int minimumLength) {
    if (codePoints(chosen) < minimumLength) {
      return PasswordCheck.rejected(
          List.of(PolicyViolation.of(PasswordViolations.TOO_SHORT, "minLength", minimumLength)));
    }
    return policy.check(chosen, context);
  }

  /** The number of Unicode code points of {@code secret}, without copying it. */
  static int codePoints(Secret secret) {
    int count = secret.length();
    for (int i = 1; i < secret.length(); i++) {
      if (Character.isLowSurrogate(secret.charAt(i))
          && Character.isHighSurrogate(secret.charAt(i - 1))) {
        count--;
      }
    }
    return count;
  }

  /** What a password policy may consult about {@code user}, with the history known for them. */
  static PasswordContext contextOf(User user, PasswordHistory history) {
    return new PasswordContext(
        user.id(),
        user.userPrincipalName(),
        user.displayName(),
        user.onPremisesSamAccountName(),
        history);
  }

  @Override
  public String toString() {
    return "PasswordResetCommand{target="
        + target
        + ", managerChosen="
        + managerChosen.isPresent()
        + "}";
  }
}
