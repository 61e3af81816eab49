package io.mystaff.api;

/** Validation shared by the typed identifiers of this package. */
final class Ids {
  /** The reason given for a character that can disguise an identifier. */
  static final String INVISIBLE_REASON =
      "must not contain control, zero-width or bidirectional-control characters";

  static final int MAX_LENGTH = 256;

  private Ids() {}

  static String require(String value, String field) {
    if (value == null) {
      throw InvalidInputException.of(field, "must not be null", "id.required");
    }
    if (value.isBlank()) {
      throw InvalidInputException.of(field, "must not be blank", "id.blank");
    }
    if (value.length() > MAX_LENGTH) {
      throw InvalidInputException.of(
          field, "must be at most " + MAX_LENGTH + " characters", "id.tooLong");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) || Character.isWhitespace(c)) {
        throw InvalidInputException.of(
            field, "must not contain whitespace or control characters", "id.invalidCharacter");
      }
      if (isInvisible(c)) {
        throw InvalidInputException.of(field, INVISIBLE_REASON, "id.invisibleCharacter");
      }
    }
    return value;
  }

  /**
   * True for the characters that make two different identifiers look the same or reorder what a
   * reader sees: zero-width characters (U+200B to U+200D, U+2060, U+FEFF) and bidirectional
   * controls (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069). Control characters
   * (Unicode category Cc) are checked separately. {@code io.mystaff.api.directory.Users} keeps a
   * copy of this list for user principal and display names.
   */
  static boolean isInvisible(char c) {
    return (c >= '\u200B' && c <= '\u200F')
        || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069')
        || c == '\u2060'
        || c == '\uFEFF'
        || c == '\u061C';
  }
}
