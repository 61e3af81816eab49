package io.mystaff.core.phone;

import static java.util.Objects.requireNonNull;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.PhoneNumberKind;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns what a person typed into a validated {@link PhoneNumber}, using Google's libphonenumber for
 * every numbering rule (country codes, national prefixes, lengths, valid ranges).
 *
 * <p>Accepted input is digits separated by spaces, dashes, dots, slashes or parentheses, with an
 * optional leading {@code +}, e.g. {@code "+1 (425) 555-0100"} or {@code "00 44 20 7946 0958"},
 * optionally followed by an extension written {@code x123}, {@code ext. 123}, {@code extension 123}
 * or {@code ;ext=123}. Everything else is rejected with an {@link InvalidInputException} whose
 * field is {@code "phone number"} or {@code "phone extension"} and whose message never repeats the
 * input; {@link #parse} throws nothing else.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class PhoneNumberParser {
  private static final String UNKNOWN_REGION = "ZZ";
  private static final String IDD_00 = "00";

  /** E.164 numbers have at most 15 digits; there is no fixed minimum (Niue's have 7). */
  private static final int MAX_E164_DIGITS = 15;

  /** Country calling codes of satellite networks: Inmarsat and global mobile satellite systems. */
  private static final Set<Integer> SATELLITE_CODES = Set.of(870, 881);

  /** Thuraya's satellite range inside the international networks code +882. */
  private static final String THURAYA = "+88216";

  private static final PhoneNumberParser INTERNATIONAL = new PhoneNumberParser(Optional.empty());

  private final PhoneNumberUtil numbering = PhoneNumberUtil.getInstance();
  private final Optional<String> defaultRegion;

  private PhoneNumberParser(Optional<String> defaultRegion) {
    this.defaultRegion = defaultRegion;
  }

  /**
   * A parser that requires the country: input must start with {@code +} or the international prefix
   * {@code 00}, followed by the country code.
   */
  public static PhoneNumberParser international() {
    return INTERNATIONAL;
  }

  /**
   * A parser that reads numbers without a country code as national numbers of {@code regionCode}
   * (e.g. {@code "US"}: {@code "(425) 555-0100"} is {@code +14255550100}). Numbers starting with
   * {@code +}, the region's own international prefix or {@code 00} are read as international.
   *
   * @param regionCode a CLDR two-letter region code that libphonenumber supports, in any case
   * @throws InvalidInputException if the region code is null or not a supported region
   */
  public static PhoneNumberParser withDefaultRegion(String regionCode) {
    if (regionCode == null) {
      throw InvalidInputException.of("phone region", "must not be null");
    }
    String region = regionCode.strip().toUpperCase(Locale.ROOT);
    if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(region)) {
      throw InvalidInputException.of("phone region", "must be a supported region code, e.g. US");
    }
    return new PhoneNumberParser(Optional.of(region));
  }

  /**
   * Parses and validates {@code raw}.
   *
   * @return the number in E.164 form with its extension, if one was written
   * @throws InvalidInputException (and nothing else) if the input is null, blank, longer than 64
   *     characters, contains letters other than an extension marker or other unexpected characters,
   *     lacks the country code on an {@link #international()} parser, is too short or too long, or
   *     is not a valid number according to libphonenumber (which alone decides the shortest valid
   *     number: Niue's 7-digit {@code +683 4002} is accepted); the message names the reason, never
   *     the input
   */
  public PhoneNumber parse(String raw) {
    PhoneInput input = PhoneInput.lex(raw);
    return new PhoneNumber(e164(input), input.extension());
  }

  /**
   * Formats {@code number} as Microsoft Graph's {@code phoneAuthenticationMethod.phoneNumber}
   * expects it: {@code "+{country code} {number}"}, then {@code "x{extension}"} if present, e.g.
   * {@code "+1 4255550100x123"}. The digits are exactly those of {@link PhoneNumber#e164()}; for
   * every number this parser returns, {@code parse(toGraphFormat(n)).equals(n)}.
   *
   * @throws InvalidInputException if the number does not start with a known country code
   */
  public String toGraphFormat(PhoneNumber number) {
    requireNonNull(number, "number");
    String digits = number.e164().substring(1);
    String countryCode;
    try {
      countryCode =
          Integer.toString(numbering.parse(number.e164(), UNKNOWN_REGION).getCountryCode());
    } catch (NumberParseException e) {
      throw InvalidInputException.of(
          PhoneInput.NUMBER, "must start with a known country code", "phone.unknownCountryCode");
    }
    String graph = "+" + countryCode + " " + digits.substring(countryCode.length());
    return number.extension().map(x -> graph + "x" + x).orElse(graph);
  }

  /**
   * {@link #toGraphFormat}, or, for a number whose country code libphonenumber does not know
   * (possible for numbers a directory already held), its {@link PhoneNumber#toString()} form. Never
   * throws for a non-null number; for audit values, which must be written whatever the directory
   * held.
   */
  public String toGraphFormatOrE164(PhoneNumber number) {
    try {
      return toGraphFormat(number);
    } catch (InvalidInputException e) {
      return number.toString();
    }
  }

  /**
   * The kind of line {@code number} belongs to, by its country's numbering plan: numbers of the
   * satellite codes +870 and +881 and Thuraya's +882 16 are {@link PhoneNumberKind#SATELLITE};
   * other kinds are libphonenumber's. {@link PhoneNumberKind#UNKNOWN} for a number libphonenumber
   * cannot classify.
   */
  public PhoneNumberKind kindOf(PhoneNumber number) {
    requireNonNull(number, "number");
    Phonenumber.PhoneNumber parsed;
    try {
      parsed = numbering.parse(number.e164(), UNKNOWN_REGION);
    } catch (NumberParseException e) {
      return PhoneNumberKind.UNKNOWN;
    }
    if (SATELLITE_CODES.contains(parsed.getCountryCode()) || number.e164().startsWith(THURAYA)) {
      return PhoneNumberKind.SATELLITE;
    }
    return switch (numbering.getNumberType(parsed)) {
      case FIXED_LINE -> PhoneNumberKind.FIXED_LINE;
      case MOBILE -> PhoneNumberKind.MOBILE;
      case FIXED_LINE_OR_MOBILE -> PhoneNumberKind.FIXED_LINE_OR_MOBILE;
      case TOLL_FREE -> PhoneNumberKind.TOLL_FREE;
      case PREMIUM_RATE -> PhoneNumberKind.PREMIUM_RATE;
      case SHARED_COST -> PhoneNumberKind.SHARED_COST;
      case VOIP -> PhoneNumberKind.VOIP;
      case PERSONAL_NUMBER -> PhoneNumberKind.PERSONAL_NUMBER;
      case PAGER -> PhoneNumberKind.PAGER;
      case UAN -> PhoneNumberKind.UAN;
      case VOICEMAIL -> PhoneNumberKind.VOICEMAIL;
      case UNKNOWN -> PhoneNumberKind.UNKNOWN;
    };
  }

  private String e164(PhoneInput input) {
    String digits = input.digits();
    if (input.plus()) {
      return e164("+" + digits, UNKNOWN_REGION);
    }
    boolean idd00 = digits.startsWith(IDD_00);
    if (defaultRegion.isEmpty()) {
      if (!idd00) {
        throw InvalidInputException.of(
            PhoneInput.NUMBER,
            "must start with + or 00 and the country code",
            "phone.unknownCountryCode");
      }
      return e164("+" + digits.substring(IDD_00.length()), UNKNOWN_REGION);
    }
    if (!idd00) {
      return e164(digits, defaultRegion.get());
    }
    try {
      // The region's own international prefix (e.g. 00 in GB, 0011 in AU) is handled here.
      return e164(digits, defaultRegion.get());
    } catch (InvalidInputException national) {
      // 00 is the international prefix in most of the world; people type it everywhere.
      return e164("+" + digits.substring(IDD_00.length()), UNKNOWN_REGION);
    }
  }

  private String e164(String number, String region) {
    Phonenumber.PhoneNumber parsed;
    try {
      parsed = numbering.parse(number, region);
    } catch (NumberParseException e) {
      throw InvalidInputException.of(PhoneInput.NUMBER, reason(e.getErrorType()), "phone.invalid");
    }
    if (!numbering.isValidNumber(parsed)) {
      throw InvalidInputException.of(
          PhoneInput.NUMBER, reason(numbering.isPossibleNumberWithReason(parsed)), "phone.invalid");
    }
    // A few numbering plans allow numbers longer than E.164 (15 digits) can hold.
    String e164 = numbering.format(parsed, PhoneNumberFormat.E164);
    int digits = e164.length() - 1;
    if (digits > MAX_E164_DIGITS) {
      throw InvalidInputException.of(
          PhoneInput.NUMBER,
          "is too long (at most " + MAX_E164_DIGITS + " digits are allowed)",
          "phone.tooLong");
    }
    // What is stored is the E.164 form, so it must be valid on its own: a national reading can be
    // valid in its region (e.g. Belarus's 8 810 ... long-distance prefix) while its E.164 form is
    // not.
    if (!isValidE164(e164)) {
      throw InvalidInputException.of(
          PhoneInput.NUMBER, "is not a valid number for its country", "phone.invalid");
    }
    return e164;
  }

  private boolean isValidE164(String e164) {
    try {
      return numbering.isValidNumber(numbering.parse(e164, UNKNOWN_REGION));
    } catch (NumberParseException e) {
      return false;
    }
  }

  private static String reason(NumberParseException.ErrorType error) {
    return switch (error) {
      case INVALID_COUNTRY_CODE -> "must start with a known country code";
      case NOT_A_NUMBER, TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> "is too short";
      case TOO_LONG -> "is too long";
    };
  }

  private static String reason(PhoneNumberUtil.ValidationResult possibility) {
    return switch (possibility) {
      case INVALID_COUNTRY_CODE -> "must start with a known country code";
      case TOO_SHORT -> "is too short";
      case TOO_LONG -> "is too long";
      case IS_POSSIBLE_LOCAL_ONLY -> "is missing its area code";
      case INVALID_LENGTH -> "has the wrong number of digits for its country";
      case IS_POSSIBLE -> "is not a valid number for its country";
    };
  }

  /** Parsers are equal when they read national numbers the same way (same default region). */
  @Override
  public boolean equals(Object o) {
    return o instanceof PhoneNumberParser other && defaultRegion.equals(other.defaultRegion);
  }

  @Override
  public int hashCode() {
    return defaultRegion.hashCode();
  }

  @Override
  public String toString() {
    return defaultRegion
        .map(region -> "PhoneNumberParser{defaultRegion=" + region + "}")
        .orElse("PhoneNumberParser{international}");
  }
}
