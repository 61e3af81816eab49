package io.mystaff.validation;

import io.mystaff.api.InvalidInputException;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link MyStaffId} with the typed id's own factory. */
public final class MyStaffIdValidator implements ConstraintValidator<MyStaffId, CharSequence> {
  private static final String DEFAULT_MESSAGE = "{io.mystaff.validation.MyStaffId.message}";

  private IdType type = IdType.USER;
  private String message = DEFAULT_MESSAGE;

  /** Creates the validator; Bean Validation calls {@link #initialize} next. */
  public MyStaffIdValidator() {}

  @Override
  public void initialize(MyStaffId constraint) {
    type = constraint.value();
    message = constraint.message();
  }

  @Override
  public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
    if (value == null) {
      return true;
    }
    try {
      type.check(value.toString());
      return true;
    } catch (InvalidInputException e) {
      return MyStaffConstraints.report(context, e.violations().get(0), message, DEFAULT_MESSAGE);
    }
  }
}
