package io.mystaff.validation;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The annotated {@code CharSequence} is a phone number mystaff accepts: what {@code
 * StaffSession.setPhone} would store, parsed by the same {@code PhoneNumberParser} (libphonenumber)
 * with {@link #region()} as the default region for national numbers, and of one of the kinds {@link
 * #kinds()} allows.
 *
 * <p>{@code null} is valid (combine with {@code @NotNull}). The violation's message is the message
 * of its stable mystaff code ({@link MyStaffConstraints#code}), which a host localizes with its own
 * {@code ValidationMessages} bundle.
 *
 * @since 0.1.0
 */
@Documented
@Constraint(validatedBy = E164PhoneValidator.class)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface E164Phone {
  /**
   * The message; by default the text of the violated rule's code (see {@link MyStaffConstraints}).
   */
  String message() default "{io.mystaff.validation.E164Phone.message}";

  /** The validation groups. */
  Class<?>[] groups() default {};

  /** The payload. */
  Class<? extends Payload>[] payload() default {};

  /**
   * Region (ISO 3166 alpha-2) for numbers typed without a country code; empty: international only.
   */
  String region() default "";

  /**
   * The kinds of numbers accepted; by default those of {@code MyStaffSettings}: mobile and fixed
   * line.
   */
  io.mystaff.api.directory.PhoneNumberKind[] kinds() default {
    io.mystaff.api.directory.PhoneNumberKind.MOBILE,
    io.mystaff.api.directory.PhoneNumberKind.FIXED_LINE,
    io.mystaff.api.directory.PhoneNumberKind.FIXED_LINE_OR_MOBILE
  };
}
