package io.mystaff.api.directory;

import io.mystaff.api.InvalidInputException;

/** Text checks shared by the directory values. */
final class Users {
  private Users() {}

  static String requireText(String value, String field, int maxLength) {
    if (value == null) {
      throw InvalidInputException.of(field, "must not be null");
    }
    if (value.isBlank()) {
      throw InvalidInputException.of(field, "must not be blank");
    }
    if (value.length() > maxLength) {
      throw InvalidInputException.of(field, "must be at most " + maxLength + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw InvalidInputException.of(field, "must not contain control characters");
      }
    }
    return value;
  }
}
