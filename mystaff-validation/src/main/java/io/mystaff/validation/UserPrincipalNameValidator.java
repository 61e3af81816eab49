package io.mystaff.validation;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.directory.User;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link UserPrincipalName} with {@link User#checkUserPrincipalName}. */
public final class UserPrincipalNameValidator
    implements ConstraintValidator<UserPrincipalName, CharSequence> {
  private static final String DEFAULT_MESSAGE = "{io.mystaff.validation.UserPrincipalName.message}";

  private String message = DEFAULT_MESSAGE;

  /** Creates the validator; Bean Validation calls {@link #initialize} next. */
  public UserPrincipalNameValidator() {}

  @Override
  public void initialize(UserPrincipalName constraint) {
    message = constraint.message();
  }

  @Override
  public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
    if (value == null) {
      return true;
    }
    try {
      User.checkUserPrincipalName(value.toString());
      return true;
    } catch (InvalidInputException e) {
      return MyStaffConstraints.report(
          context,
          new InvalidInputException.Violation(
              "user principal name", e.violations().get(0).reason(), "userPrincipalName.invalid"),
          message,
          DEFAULT_MESSAGE);
    }
  }
}
