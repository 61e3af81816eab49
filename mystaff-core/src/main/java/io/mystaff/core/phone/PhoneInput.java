package io.mystaff.core.phone;

import io.mystaff.api.InvalidInputException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lexical reading of what a person typed as a phone number: whether it began with {@code +},
 * the digits of the number in order (punctuation dropped), and the extension digits if an extension
 * marker was present. Numbering rules are not applied here; that is libphonenumber's job in {@link
 * PhoneNumberParser}.
 *
 * <p>This is deliberately stricter than libphonenumber's own extraction, which silently drops
 * leading and trailing junk and converts vanity letters to digits: here every character must be
 * accounted for, so nothing the user typed is ignored.
 */
record PhoneInput(boolean plus, String digits, Optional<String> extension) {
  static final String NUMBER = "phone number";
  static final String EXTENSION = "phone extension";
  static final int MAX_LENGTH = 64;
  static final int MAX_EXTENSION_DIGITS = 10;

  /** The tail after the number: optional comma, a marker, then the extension (checked later). */
  private static final String SPACE = "[ \t\u00A0\u2007\u202F]*";

  private static final Pattern TAIL =
      Pattern.compile(
          ",?" + SPACE + "(?:;" + SPACE + "ext" + SPACE + "=|extension|ext\\.?|x)" + SPACE + "(.*)",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern EXTENSION_DIGITS =
      Pattern.compile("[0-9]{1," + MAX_EXTENSION_DIGITS + "}");

  /**
   * Reads {@code raw}.
   *
   * @throws InvalidInputException if the input is null, blank, longer than {@value #MAX_LENGTH}
   *     characters, contains a letter outside an extension marker, a character that is neither a
   *     digit nor common phone punctuation, a {@code +} anywhere but at the start, no digits, or an
   *     extension that is not 1 to {@value #MAX_EXTENSION_DIGITS} digits
   */
  static PhoneInput lex(String raw) {
    if (raw == null || raw.isBlank()) {
      throw InvalidInputException.of(NUMBER, "must not be blank", "phone.blank");
    }
    if (raw.length() > MAX_LENGTH) {
      throw InvalidInputException.of(
          NUMBER, "must be at most " + MAX_LENGTH + " characters", "phone.tooLong");
    }
    String text = raw.strip();
    int tailStart = tailStart(text);
    Optional<String> extension = Optional.empty();
    if (tailStart < text.length()) {
      extension = Optional.of(extension(text.substring(tailStart)));
    }
    boolean plus = false;
    StringBuilder digits = new StringBuilder(tailStart);
    for (int i = 0; i < tailStart; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if (c == '+' && i == 0) {
        plus = true;
      } else if (c == '+') {
        throw InvalidInputException.of(
            NUMBER, "may contain + only at the start", "phone.invalidCharacter");
      } else if (!isSeparator(c)) {
        throw notAllowed();
      }
    }
    if (digits.length() == 0) {
      throw InvalidInputException.of(NUMBER, "must contain digits", "phone.invalid");
    }
    return new PhoneInput(plus, digits.toString(), extension);
  }

  /** The index where an extension tail may begin: the first letter, {@code ;} or {@code ,}. */
  private static int tailStart(String text) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (Character.isLetter(cp) || cp == ';' || cp == ',') {
        return i;
      }
      i += Character.charCount(cp);
    }
    return text.length();
  }

  private static String extension(String tail) {
    Matcher matcher = TAIL.matcher(tail);
    if (!matcher.matches()) {
      if (tail.codePoints().anyMatch(Character::isLetter)) {
        throw InvalidInputException.of(
            NUMBER,
            "must not contain letters other than an extension marker (x, ext., extension)",
            "phone.invalidCharacter");
      }
      throw notAllowed();
    }
    String extension = matcher.group(1);
    if (!EXTENSION_DIGITS.matcher(extension).matches()) {
      throw InvalidInputException.of(
          EXTENSION,
          "must be 1 to " + MAX_EXTENSION_DIGITS + " digits after the marker",
          "phone.extensionInvalid");
    }
    return extension;
  }

  /** Spaces (including no-break spaces, as {@link #SPACE}), dashes, dots, slashes, parentheses. */
  private static boolean isSeparator(char c) {
    return switch (c) {
      case ' ',
          '\t',
          '\u00A0',
          '\u2007',
          '\u202F', // spaces
          '-',
          '\u2010',
          '\u2011',
          '\u2012',
          '\u2013',
          '\u2014',
          '\u2212', // dashes, minus
          '.',
          '/',
          '(',
          ')' ->
          true;
      default -> false;
    };
  }

  private static InvalidInputException notAllowed() {
    return InvalidInputException.of(
        NUMBER,
        "may contain only digits, spaces and - . / ( ) after an optional leading +",
        "phone.invalidCharacter");
  }
}
