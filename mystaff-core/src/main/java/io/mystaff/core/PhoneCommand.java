package io.mystaff.core;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.MyStaffException;
import io.mystaff.api.UserId;
import io.mystaff.api.directory.PhoneMethodNotFoundException;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.PhoneNumberKind;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.directory.User;
import io.mystaff.core.phone.PhoneNumberParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A manager's request to set ({@code number} present) or remove a user's phone of one type.
 *
 * <p>Errors about the number name the phone type's Graph name ({@code mobile}, {@code
 * alternateMobile}, {@code office}) as their field, so a form with one field per type can mark the
 * right one.
 */
record PhoneCommand(UserId target, PhoneType type, Optional<PhoneNumber> number) {

  /** The reason of the FAILED event when the method to remove does not exist. */
  static final String PHONE_METHOD_NOT_FOUND = "PHONE_METHOD_NOT_FOUND";

  /**
   * The reason of the FAILED event when an alternate mobile is added to a user without a mobile.
   */
  static final String ALTERNATE_MOBILE_REQUIRES_MOBILE = "ALTERNATE_MOBILE_REQUIRES_MOBILE";

  /** The reason of the FAILED event when the mobile is removed while an alternate mobile exists. */
  static final String MOBILE_REQUIRED_BY_ALTERNATE_MOBILE = "MOBILE_REQUIRED_BY_ALTERNATE_MOBILE";

  /** {@link #set(UserId, PhoneType, String, PhoneNumberParser, Set)} with the default kinds. */
  static PhoneCommand set(
      UserId target, PhoneType type, String rawNumber, PhoneNumberParser parser) {
    return set(target, type, rawNumber, parser, MyStaffSettings.DEFAULT_PHONE_NUMBER_KINDS);
  }

  /**
   * Parses {@code rawNumber} into the number to set and checks that its kind is allowed.
   *
   * @throws InvalidInputException listing every problem: missing target or type, a number the
   *     parser rejects, or a number of a kind not in {@code allowedKinds} (e.g. "is a premium-rate
   *     number"); number problems name the phone type's Graph name as the field
   */
  static PhoneCommand set(
      UserId target,
      PhoneType type,
      String rawNumber,
      PhoneNumberParser parser,
      Set<PhoneNumberKind> allowedKinds) {
    List<InvalidInputException.Violation> violations = required(target, type);
    String field = type == null ? "phone number" : type.graphName();
    PhoneNumber number = null;
    try {
      number = parser.parse(rawNumber);
    } catch (InvalidInputException e) {
      for (InvalidInputException.Violation v : e.violations()) {
        violations.add(
            new InvalidInputException.Violation(
                field,
                v.field().endsWith("extension") ? "extension " + v.reason() : v.reason(),
                v.code().startsWith("phone.") ? v.code() : "phone.invalid"));
      }
    }
    if (number != null) {
      PhoneNumberKind kind = parser.kindOf(number);
      if (!allowedKinds.contains(kind)) {
        violations.add(
            new InvalidInputException.Violation(
                field,
                "is " + kind.description() + ", which cannot be used as a phone method here",
                "phone.kindNotAllowed"));
      }
    }
    if (!violations.isEmpty() || number == null) {
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

  /**
   * Why this command cannot apply to {@code current}, by Graph's phone method rules: removing a
   * method the user lacks is not found; an alternate mobile needs a mobile; the mobile cannot be
   * removed while an alternate mobile exists. Setting a number of a type the user has replaces it
   * (one number per type). Empty when the command applies.
   */
  Optional<UserChange.Refusal> refusal(User current) {
    if (number.isEmpty()) {
      if (current.phone(type).isEmpty()) {
        return refuse(PHONE_METHOD_NOT_FOUND, new PhoneMethodNotFoundException(current.id(), type));
      }
      if (type == PhoneType.MOBILE && current.phone(PhoneType.ALTERNATE_MOBILE).isPresent()) {
        return refuse(
            MOBILE_REQUIRED_BY_ALTERNATE_MOBILE,
            InvalidInputException.of(
                type.graphName(),
                "cannot be removed while an alternate mobile exists: remove the alternate mobile first,"
                    + " or move its number to the mobile",
                "phone.alternateMobileExists"));
      }
    } else if (type == PhoneType.ALTERNATE_MOBILE && current.phone(PhoneType.MOBILE).isEmpty()) {
      return refuse(
          ALTERNATE_MOBILE_REQUIRES_MOBILE,
          InvalidInputException.of(
              type.graphName(),
              "can be added only when the user has a mobile: add the mobile first",
              "phone.mobileRequired"));
    }
    return Optional.empty();
  }

  private static Optional<UserChange.Refusal> refuse(String reason, MyStaffException error) {
    return Optional.of(new UserChange.Refusal(reason, error));
  }

  private static List<InvalidInputException.Violation> required(UserId target, PhoneType type) {
    List<InvalidInputException.Violation> violations = new ArrayList<>(3);
    if (target == null) {
      violations.add(
          new InvalidInputException.Violation("target user", "is required", "id.required"));
    }
    if (type == null) {
      violations.add(
          new InvalidInputException.Violation("phone type", "is required", "phone.typeRequired"));
    }
    return violations;
  }
}
