package io.mystaff.api;

/** Validation shared by the typed identifiers of this package. */
final class Ids {
  static final int MAX_LENGTH = 256;

  private Ids() {}

  static String require(String value, String field) {
    if (value == null) {
      throw InvalidInputException.of(field, "must not be null");
    }
    if (value.isBlank()) {
      throw InvalidInputException.of(field, "must not be blank");
    }
    if (value.length() > MAX_LENGTH) {
      throw InvalidInputException.of(field, "must be at most " + MAX_LENGTH + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) || Character.isWhitespace(c)) {
        throw InvalidInputException.of(field, "must not contain whitespace or control characters");
      }
    }
    return value;
  }
}
