package io.mystaff.validation;

import io.mystaff.api.InvalidInputException;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.ConstraintViolation;
import java.util.Optional;
import java.util.Set;

/**
 * How the constraints of this package report: a violated rule's message template is {@code
 * {io.mystaff.validation.<code>}}, where {@code <code>} is the stable code mystaff's own {@link
 * InvalidInputException} would carry ({@code phone.invalid}, {@code password.forbiddenCharacter},
 * {@code id.invalidCharacter}, ...). English texts ship in this module's {@code
 * ContributorValidationMessages.properties}; a host localizes by defining the same keys in its
 * {@code ValidationMessages_<locale>.properties}. A constraint given its own {@code message} keeps
 * it.
 *
 * @since 0.1.0
 */
public final class MyStaffConstraints {
  /** The prefix of every message key of this package. */
  public static final String KEY_PREFIX = "io.mystaff.validation.";

  /** The codes that have an English text in this module. */
  static final Set<String> CODES =
      Set.of(
          "id.required",
          "id.blank",
          "id.tooLong",
          "id.invalidCharacter",
          "id.invisibleCharacter",
          "phone.blank",
          "phone.tooLong",
          "phone.invalidCharacter",
          "phone.invalid",
          "phone.unknownCountryCode",
          "phone.kindNotAllowed",
          "phone.extensionInvalid",
          "password.forbiddenCharacter",
          "password.tooShort",
          "userPrincipalName.invalid");

  private MyStaffConstraints() {}

  /**
   * The mystaff code of a violation reported by one of this package's constraints, if it has one.
   */
  public static Optional<String> code(ConstraintViolation<?> violation) {
    String template = violation.getMessageTemplate();
    if (template.startsWith("{" + KEY_PREFIX) && template.endsWith("}")) {
      String code = template.substring(KEY_PREFIX.length() + 1, template.length() - 1);
      return CODES.contains(code) ? Optional.of(code) : Optional.empty();
    }
    return Optional.empty();
  }

  /**
   * Reports {@code violation} under its code's message, unless the constraint has its own message
   * ({@code defaultMessage} is the annotation's default); returns false for the validator to
   * return.
   */
  static boolean report(
      ConstraintValidatorContext context,
      InvalidInputException.Violation violation,
      String message,
      String defaultMessage) {
    if (message.equals(defaultMessage) && CODES.contains(violation.code())) {
      context.disableDefaultConstraintViolation();
      context
          .buildConstraintViolationWithTemplate("{" + KEY_PREFIX + violation.code() + "}")
          .addConstraintViolation();
    }
    return false;
  }
}
