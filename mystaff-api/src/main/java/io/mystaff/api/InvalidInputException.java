package io.mystaff.api;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A command or value was rejected before anything was changed. Each {@link Violation} names the
 * offending field (its path, such as {@code mobile} or {@code page cursor}), a stable machine
 * {@linkplain Violation#code() code} a host can map to its own, localized text, and an English
 * reason; the rejected value itself is never repeated, so this exception is safe to log even when
 * the input was a password.
 *
 * <p>Codes are dotted lower camel case, {@code subject.problem}, and never change meaning once
 * published. The main ones: {@code id.required}, {@code id.blank}, {@code id.tooLong}, {@code
 * id.invalidCharacter}, {@code id.invisibleCharacter}; {@code page.sizeOutOfRange}, {@code
 * page.cursorInvalid}; {@code search.required}, {@code search.blank}, {@code search.tooLong},
 * {@code search.invalidCharacter}; {@code phone.required}, {@code phone.blank}, {@code
 * phone.tooLong}, {@code phone.invalidCharacter}, {@code phone.invalid}, {@code
 * phone.unknownCountryCode}, {@code phone.kindNotAllowed}, {@code phone.extensionInvalid}, {@code
 * phone.typeRequired}, {@code phone.mobileRequired}, {@code phone.alternateMobileExists}; {@code
 * password.required}, {@code password.destroyed}, {@code password.tooShort}, {@code
 * password.tooLong}, {@code password.forbiddenCharacter}, {@code password.notChosenForCloudUser},
 * {@code password.requiredForSyncedUser}; {@code settings.invalid}; {@code writeback.unknown}. A
 * violation created without a code gets {@code <field in lower camel case>.invalid}, e.g. {@code
 * userPrincipalName.invalid}.
 *
 * @since 0.1.0
 */
public final class InvalidInputException extends MyStaffException {
  private static final long serialVersionUID = 1L;

  /**
   * One reason the input was rejected.
   *
   * @param field the offending field or its path
   * @param reason why, in English, without the rejected value
   * @param code a stable machine code ({@code subject.problem}) for hosts that localize
   * @since 0.1.0
   */
  public record Violation(String field, String reason, String code) {
    private static final Pattern CODE = Pattern.compile("[a-z][A-Za-z0-9]*(\\.[a-z][A-Za-z0-9]*)+");

    /**
     * Checks that every part is present and that the code is dotted lower camel case.
     *
     * @param field the offending field or its path
     * @param reason why, in English, without the rejected value
     * @param code a stable machine code ({@code subject.problem})
     * @throws IllegalArgumentException if the code is malformed
     */
    public Violation {
      requireNonNull(field, "field");
      requireNonNull(reason, "reason");
      requireNonNull(code, "code");
      if (!CODE.matcher(code).matches()) {
        throw new IllegalArgumentException(
            "a violation code is dotted lower camel case, like phone.invalid");
      }
    }

    /**
     * A violation whose code is derived from the field: {@code <field in lower camel
     * case>.invalid}.
     *
     * @param field the offending field or its path
     * @param reason why, in English, without the rejected value
     */
    public Violation(String field, String reason) {
      this(field, reason, defaultCode(field));
    }

    /**
     * The code a violation of {@code field} gets when none is given.
     *
     * @param field the offending field or its path
     * @return {@code <field in lower camel case>.invalid}
     */
    public static String defaultCode(String field) {
      requireNonNull(field, "field");
      StringBuilder camel = new StringBuilder();
      boolean upper = false;
      for (int i = 0; i < field.length(); i++) {
        char c = field.charAt(i);
        if (c < 128 && Character.isLetterOrDigit(c)) {
          if (camel.length() == 0) {
            if (Character.isLetter(c)) {
              camel.append(Character.toLowerCase(c));
            }
          } else {
            camel.append(upper ? Character.toUpperCase(c) : c);
          }
          upper = false;
        } else {
          upper = camel.length() > 0;
        }
      }
      return (camel.length() == 0 ? "input" : camel.toString()) + ".invalid";
    }

    @Override
    public String toString() {
      return field + ": " + reason;
    }
  }

  private final List<Violation> violations;

  /**
   * Creates the exception.
   *
   * @param violations every rejected field with its reason; not empty
   */
  public InvalidInputException(List<Violation> violations) {
    super(ErrorCode.INVALID_INPUT, "Invalid input: " + requireNonEmpty(violations));
    this.violations = List.copyOf(violations);
  }

  /**
   * Convenience for a single violation, with the code derived from the field.
   *
   * @param field the name of the rejected field (never its value)
   * @param reason a short English explanation
   * @return the exception, to throw
   */
  public static InvalidInputException of(String field, String reason) {
    return new InvalidInputException(List.of(new Violation(field, reason)));
  }

  /**
   * Convenience for a single violation with a stable code.
   *
   * @param field the name of the rejected field (never its value)
   * @param reason a short English explanation
   * @param code a stable machine code ({@code subject.problem})
   * @return the exception, to throw
   * @since 0.1.0
   */
  public static InvalidInputException of(String field, String reason, String code) {
    return new InvalidInputException(List.of(new Violation(field, reason, code)));
  }

  /**
   * The codes of the violations, in order.
   *
   * @return one code per violation
   * @since 0.1.0
   */
  public List<String> codes() {
    return violations.stream().map(Violation::code).toList();
  }

  /** {@return the reasons, in the order they were found; never empty} */
  public List<Violation> violations() {
    return violations;
  }

  private static List<Violation> requireNonEmpty(List<Violation> violations) {
    if (requireNonNull(violations, "violations").isEmpty()) {
      throw new IllegalArgumentException("at least one violation is required");
    }
    return violations;
  }
}
