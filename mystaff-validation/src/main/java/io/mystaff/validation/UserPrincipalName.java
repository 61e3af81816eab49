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
 * The annotated {@code CharSequence} is a user principal name as {@code User} requires it ({@code
 * alias@domain}, no whitespace, control, zero-width or bidirectional-control characters).
 *
 * <p>{@code null} is valid (combine with {@code @NotNull}). The violation's message is the message
 * of its stable mystaff code ({@link MyStaffConstraints#code}), which a host localizes with its own
 * {@code ValidationMessages} bundle.
 *
 * @since 0.1.0
 */
@Documented
@Constraint(validatedBy = UserPrincipalNameValidator.class)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface UserPrincipalName {
  /**
   * The message; by default the text of the violated rule's code (see {@link MyStaffConstraints}).
   */
  String message() default "{io.mystaff.validation.UserPrincipalName.message}";

  /** The validation groups. */
  Class<?>[] groups() default {};

  /** The payload. */
  Class<? extends Payload>[] payload() default {};
}
