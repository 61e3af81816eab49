package io.mystaff.core;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.InvalidInputException;
import java.util.Optional;

/**
 * The rules mystaff applies to what a manager types, for hosts that check a form before calling
 * (the constraint annotations of {@code mystaff-validation} use them): the same checks, fields and
 * codes as {@link StaffSession}'s own.
 *
 * @since 0.1.0
 */
public final class InputRules {
  private InputRules() {}

  /**
   * What is wrong with a password a manager chose, if anything: a control character, a line or
   * paragraph separator or a bidirectional control ({@code password.forbiddenCharacter}), or fewer
   * than {@code minimumLength} characters counted as code points ({@code password.tooShort}). The
   * password is never part of the answer.
   *
   * @param minimumLength at least {@link MyStaffSettings#MIN_MANAGER_CHOSEN_PASSWORD_LENGTH}
   * @throws IllegalArgumentException if {@code minimumLength} is below that floor
   */
  public static Optional<InvalidInputException.Violation> managerChosenPassword(
      CharSequence password, int minimumLength) {
    requireNonNull(password, "password");
    if (minimumLength < MyStaffSettings.MIN_MANAGER_CHOSEN_PASSWORD_LENGTH) {
      throw new IllegalArgumentException(
          "the minimum length is at least " + MyStaffSettings.MIN_MANAGER_CHOSEN_PASSWORD_LENGTH);
    }
    Optional<InvalidInputException.Violation> forbidden =
        PasswordResetCommand.forbiddenCharacter(password.length(), password::charAt);
    if (forbidden.isPresent()) {
      return forbidden;
    }
    if (Character.codePointCount(password, 0, password.length()) < minimumLength) {
      return Optional.of(
          new InvalidInputException.Violation(
              "password",
              "must be at least " + minimumLength + " characters",
              "password.tooShort"));
    }
    return Optional.empty();
  }
}
