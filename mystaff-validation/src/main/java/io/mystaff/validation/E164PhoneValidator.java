package io.mystaff.validation;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.PhoneNumberKind;
import io.mystaff.core.phone.PhoneNumberParser;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.EnumSet;
import java.util.Set;

/** Checks {@link E164Phone} with mystaff's {@link PhoneNumberParser}. */
public final class E164PhoneValidator implements ConstraintValidator<E164Phone, CharSequence> {
  private static final String DEFAULT_MESSAGE = "{io.mystaff.validation.E164Phone.message}";

  private PhoneNumberParser parser = PhoneNumberParser.international();
  private Set<PhoneNumberKind> kinds = EnumSet.allOf(PhoneNumberKind.class);
  private String message = DEFAULT_MESSAGE;

  /** Creates the validator; Bean Validation calls {@link #initialize} next. */
  public E164PhoneValidator() {}

  @Override
  public void initialize(E164Phone constraint) {
    parser =
        constraint.region().isEmpty()
            ? PhoneNumberParser.international()
            : PhoneNumberParser.withDefaultRegion(constraint.region());
    kinds =
        constraint.kinds().length == 0
            ? EnumSet.noneOf(PhoneNumberKind.class)
            : EnumSet.copyOf(java.util.Arrays.asList(constraint.kinds()));
    message = constraint.message();
  }

  @Override
  public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
    if (value == null) {
      return true;
    }
    try {
      PhoneNumber number = parser.parse(value.toString());
      if (kinds.contains(parser.kindOf(number))) {
        return true;
      }
      return MyStaffConstraints.report(
          context,
          new InvalidInputException.Violation(
              "phone number", "is of a kind that is not allowed", "phone.kindNotAllowed"),
          message,
          DEFAULT_MESSAGE);
    } catch (InvalidInputException e) {
      return MyStaffConstraints.report(context, e.violations().get(0), message, DEFAULT_MESSAGE);
    }
  }
}
