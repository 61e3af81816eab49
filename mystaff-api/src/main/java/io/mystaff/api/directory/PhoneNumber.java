package io.mystaff.api.directory;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.InvalidInputException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A normalized phone number: E.164 ({@code +} then at most 15 digits, no leading zero after the
 * plus) with an optional extension of 1 to 10 digits. This value checks the form only; there is no
 * fixed minimum length, because valid numbers of some countries are short (Niue's {@code +6834002}
 * has 7 digits). Parsing free-form input ("(425) 555-0100", national formats) and deciding whether
 * a number is valid for its country is done by core's phone validation (libphonenumber), which
 * produces this value.
 *
 * @param e164 the number in E.164 form, {@code +} and at most 15 digits
 * @param extension the extension, 1 to 10 digits, if any
 * @since 0.1.0
 */
public record PhoneNumber(String e164, Optional<String> extension) {
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
  private static final Pattern EXTENSION = Pattern.compile("[0-9]{1,10}");

  /**
   * Rejects a malformed component.
   *
   * @param e164 the number in E.164 form, {@code +} and at most 15 digits
   * @param extension the extension, 1 to 10 digits, if any
   * @throws InvalidInputException if a component is malformed
   */
  public PhoneNumber {
    if (e164 == null || !E164.matcher(e164).matches()) {
      throw InvalidInputException.of("phone number", "must be in E.164 form, e.g. +14255550100");
    }
    requireNonNull(extension, "extension");
    if (extension.isPresent() && !EXTENSION.matcher(extension.get()).matches()) {
      throw InvalidInputException.of("phone extension", "must be 1 to 10 digits");
    }
  }

  /**
   * A number without extension.
   *
   * @param e164 the number in E.164 form
   * @return the number
   */
  public static PhoneNumber of(String e164) {
    return new PhoneNumber(e164, Optional.empty());
  }

  /**
   * A number with an extension.
   *
   * @param e164 the number in E.164 form
   * @param extension 1 to 10 digits
   * @return the number
   */
  public static PhoneNumber of(String e164, String extension) {
    return new PhoneNumber(e164, Optional.of(extension));
  }

  /**
   * The E.164 form, then {@code x} and the extension if there is one: {@code +14255550100} or
   * {@code +14255550100x123}. This is not Microsoft Graph's {@code phoneNumber} format, which puts
   * a space after the country code ({@code +1 4255550100x123}); core's {@code
   * PhoneNumberParser.toGraphFormat} writes that.
   */
  @Override
  public String toString() {
    return extension.map(x -> e164 + "x" + x).orElse(e164);
  }
}
