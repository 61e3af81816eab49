package io.mystaff.validation;

import io.mystaff.api.InvalidInputException;
import io.mystaff.core.InputRules;
import io.mystaff.core.MyStaffSettings;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.nio.CharBuffer;
import java.util.Optional;

/**
 * Checks {@link ManagerChosenPassword} with {@link InputRules#managerChosenPassword}, on a {@code
 * CharSequence} or a {@code char[]} (read in place, never copied into a {@code String}).
 */
public final class ManagerChosenPasswordValidator
    implements ConstraintValidator<ManagerChosenPassword, Object> {
  private static final String DEFAULT_MESSAGE =
      "{io.mystaff.validation.ManagerChosenPassword.message}";

  private int minLength = MyStaffSettings.MIN_MANAGER_CHOSEN_PASSWORD_LENGTH;
  private String message = DEFAULT_MESSAGE;

  /** Creates the validator; Bean Validation calls {@link #initialize} next. */
  public ManagerChosenPasswordValidator() {}

  @Override
  public void initialize(ManagerChosenPassword constraint) {
    minLength =
        Math.max(constraint.minLength(), MyStaffSettings.MIN_MANAGER_CHOSEN_PASSWORD_LENGTH);
    message = constraint.message();
  }

  @Override
  public boolean isValid(Object value, ConstraintValidatorContext context) {
    CharSequence password;
    if (value == null) {
      return true;
    } else if (value instanceof CharSequence text) {
      password = text;
    } else if (value instanceof char[] chars) {
      password = CharBuffer.wrap(chars);
    } else {
      throw new IllegalArgumentException(
          "@ManagerChosenPassword applies to a CharSequence or a char[]");
    }
    Optional<InvalidInputException.Violation> violation =
        InputRules.managerChosenPassword(password, minLength);
    return violation.isEmpty()
        || MyStaffConstraints.report(context, violation.get(), message, DEFAULT_MESSAGE);
  }
}
