package io.mystaff.core;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.UserId;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.core.phone.PhoneNumberParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A manager's request to set ({@code number} present) or remove a user's phone of one type. */
record PhoneCommand(UserId target, PhoneType type, Optional<PhoneNumber> number) {

  /**
   * Parses {@code rawNumber} into the number to set.
   *
   * @throws InvalidInputException listing every problem: missing target or type, or a number the
   *     parser rejects
   */
  static PhoneCommand set(UserId target, PhoneType type, String rawNumber, PhoneNumberParser parser) {
    List<InvalidInputException.Violation> violations = required(target, type);
    PhoneNumber number = null;
    try {
      number = parser.parse(rawNumber);
    } catch (InvalidInputException e) {
      violations.addAll(e.violations());
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    return new PhoneCommand(target, type, Optional.of(number));
  }

  /**
   * @throws InvalidInputException if the target or type is missing
   */
  static PhoneCommand remove(UserId target, PhoneType type) {
    List<InvalidInputException.Violation> violations = required(target, type);
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    return new PhoneCommand(target, type, Optional.empty());
  }

  private static List<InvalidInputException.Violation> required(UserId target, PhoneType type) {
    List<InvalidInputException.Violation> violations = new ArrayList<>(3);
    if (target == null) {
      violations.add(new InvalidInputException.Violation("target user", "is required"));
    }
    if (type == null) {
      violations.add(new InvalidInputException.Violation("phone type", "is required"));
    }
    return violations;
  }
}
