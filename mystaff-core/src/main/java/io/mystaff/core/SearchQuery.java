package io.mystaff.core;

import io.mystaff.api.InvalidInputException;

/** The validated text of an organization-wide search. */
final class SearchQuery {
  static final int MAX_LENGTH = 256;

  private SearchQuery() {}

  /**
   * {@code raw} without leading and trailing white space.
   *
   * @throws InvalidInputException if it is null, or 0 or more than 256 characters once trimmed
   */
  static String of(String raw) {
    if (raw == null) {
      throw InvalidInputException.of("search query", "must not be null", "search.required");
    }
    String query = raw.strip();
    if (query.isEmpty()) {
      throw InvalidInputException.of("search query", "must not be blank", "search.blank");
    }
    if (query.length() > MAX_LENGTH) {
      throw InvalidInputException.of(
          "search query", "must be at most " + MAX_LENGTH + " characters", "search.tooLong");
    }
    for (int i = 0; i < query.length(); i++) {
      if (Character.isISOControl(query.charAt(i))) {
        throw InvalidInputException.of(
            "search query", "must not contain control characters", "search.invalidCharacter");
      }
    }
    return query;
  }
}
