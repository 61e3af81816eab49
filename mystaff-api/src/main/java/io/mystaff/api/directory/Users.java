package io.mystaff.api.directory;

import io.mystaff.api.InvalidInputException;
import org.jspecify.annotations.Nullable;

/** Text checks shared by the directory values. */
final class Users {
  private Users() {}

  /** The reason given for a character that can disguise a name. */
  static final String INVISIBLE_REASON =
      "must not contain control, zero-width or bidirectional-control characters";

  /**
   * Rejects control characters (Unicode category Cc), zero-width characters (U+200B to U+200D,
   * U+2060, U+FEFF) and bidirectional controls (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to
   * U+2069): they make two different names look alike or reorder what a reader sees. Names the
   * field, never the value. The same list as {@code io.mystaff.api.Ids} applies to identifiers.
   */
  static String requireVisible(String value, String field) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) || isInvisible(c)) {
        throw InvalidInputException.of(field, INVISIBLE_REASON);
      }
    }
    return value;
  }

  static boolean isInvisible(char c) {
    return (c >= '\u200B' && c <= '\u200F')
        || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069')
        || c == '\u2060'
        || c == '\uFEFF'
        || c == '\u061C';
  }

  static String requireText(@Nullable String value, String field, int maxLength) {
    if (value == null) {
      throw InvalidInputException.of(field, "must not be null");
    }
    if (value.isBlank()) {
      throw InvalidInputException.of(field, "must not be blank");
    }
    if (value.length() > maxLength) {
      throw InvalidInputException.of(field, "must be at most " + maxLength + " characters");
    }
    return requireVisible(value, field);
  }
}
