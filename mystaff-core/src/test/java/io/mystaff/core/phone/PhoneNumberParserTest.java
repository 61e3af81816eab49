package io.mystaff.core.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import io.mystaff.api.ErrorCode;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.PhoneNumberKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberParserTest {
  /** Microsoft Graph phoneAuthenticationMethod.phoneNumber: "+{country code} {number}x{ext}". */
  static final Pattern GRAPH_FORMAT = Pattern.compile("\\+[1-9][0-9]{0,2} [0-9]+(x[0-9]+)?");

  static PhoneNumberParser parser(String region) {
    return region == null
        ? PhoneNumberParser.international()
        : PhoneNumberParser.withDefaultRegion(region);
  }

  @ParameterizedTest(name = "[{index}] {0} ({1})")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      ignoreLeadingAndTrailingWhitespace = false,
      value = {
        "+14255550100|-|+14255550100|-",
        "+1 (425) 555-0100|-|+14255550100|-",
        "+1.425.555.0100|-|+14255550100|-",
        "+1 425 555 0100|US|+14255550100|-",
        "  +1 425 555 0100  |-|+14255550100|-",
        "+1\t425\u00A0555\u20130100|-|+14255550100|-",
        "00 44 20 7946 0958|-|+442079460958|-",
        "0044 20 7946 0958|US|+442079460958|-",
        "011 44 20 7946 0958|US|+442079460958|-",
        "0011 44 20 7946 0958|AU|+442079460958|-",
        "+44 (0) 20 7946 0958|-|+442079460958|-",
        "020 7946 0958|GB|+442079460958|-",
        "020 7946 0958|gb|+442079460958|-",
        "(425) 555-0100|US|+14255550100|-",
        "425.555.0100|US|+14255550100|-",
        "1-425-555-0100|US|+14255550100|-",
        "+33 6 12 34 56 78|-|+33612345678|-",
        "06 12 34 56 78|FR|+33612345678|-",
        "+39 06 1234 5678|-|+390612345678|-",
        "+49 30 123456|-|+4930123456|-",
        "+800 1234 5678|-|+80012345678|-",
        "+1 425 555 0100 x123|-|+14255550100|123",
        "+1 425 555 0100x123|-|+14255550100|123",
        "+1 425 555 0100 X 123|-|+14255550100|123",
        "+1 425 555 0100 ext. 123|-|+14255550100|123",
        "+1 425 555 0100 ext 123|-|+14255550100|123",
        "+1 425 555 0100 EXT.123|-|+14255550100|123",
        "+1 425 555 0100 extension 123|-|+14255550100|123",
        "+1 425 555 0100, ext. 123|-|+14255550100|123",
        "+1-425-555-0100;ext=123|-|+14255550100|123",
        "+1-425-555-0100 ; ext = 0042|-|+14255550100|0042",
        "+1 4255550100x1234567890|-|+14255550100|1234567890",
        "(425) 555-0100 x7|US|+14255550100|7",
        "+683 7012|-|+6837012|-", // Niue: 7-digit numbers are valid, libphonenumber decides
        "+683 4002|-|+6834002|-",
        "7012|NU|+6837012|-",
      })
  void parse_validInput_normalizesToE164(String raw, String region, String e164, String extension) {
    PhoneNumber parsed = parser(region).parse(raw);

    assertThat(parsed).isEqualTo(new PhoneNumber(e164, Optional.ofNullable(extension)));
  }

  @ParameterizedTest(name = "[{index}] {0} ({1})")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      ignoreLeadingAndTrailingWhitespace = false,
      value = {
        "''|-|phone number",
        "   |-|phone number",
        "425 555 0100|-|phone number", // no country code on an international parser
        "011 44 20 7946 0958|-|phone number", // only + and 00 announce the country there
        "+1 800 FLOWERS|-|phone number",
        "+1 425 555 O100|-|phone number", // letter O, not zero
        "tel:+14255550100|-|phone number",
        "+1 425 555 0100 abc|-|phone number",
        "phone +1 425 555 0100|-|phone number",
        "+1 425 555 0100 x|-|phone extension",
        "+1 425 555 0100 ext.|-|phone extension",
        "+1 425 555 0100 x12345678901|-|phone extension", // 11 digits
        "+1 425 555 0100 x12a|-|phone extension",
        "+1 425 555 0100 x 1 2|-|phone extension",
        "+1 425 555 0100 x1 x2|-|phone extension",
        "+1 425 555 0100;123|-|phone number",
        "+1 425 555 0100,123|-|phone number",
        "+1 425 555 0100 #123|-|phone number",
        "+1 425*555*0100|-|phone number",
        "+1 425_555_0100|-|phone number",
        "+1 ４２５ 555 0100|-|phone number", // full-width digits
        "++1 425 555 0100|-|phone number",
        "1+425 555 0100|US|phone number",
        "+|-|phone number",
        "+1|-|phone number",
        "()-.|US|phone number",
        "x123|US|phone number",
        "+1 425 555 010|-|phone number", // too short
        "+1 425 555 01000|-|phone number", // too long
        "+1 123 555 0100|-|phone number", // area codes never start with 1
        "+999 1234 5678|-|phone number", // unassigned country code
        "+0 425 555 0100|-|phone number",
        "+12345678901234567890|-|phone number",
        "+49 800 12345678910|-|phone number", // valid in Germany, but longer than E.164 allows
        "555 0100|US|phone number", // local only: missing area code
        "00|US|phone number",
        // Found by PhoneNumberParserFuzzTest (seed -1098808774949806489): valid as a Belarusian
        // national reading, but its E.164 form +3758101234567 is not a valid number.
        "8 810 123 4567 ext.35|BY|phone number",
      })
  void parse_invalidInput_throwsTypedErrorNamingField(String raw, String region, String field) {
    InvalidInputException e =
        catchThrowableOfType(InvalidInputException.class, () -> parser(region).parse(raw));

    assertThat(e).as("for %s", raw).isNotNull();
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
    assertThat(e.violations())
        .extracting(InvalidInputException.Violation::field)
        .containsExactly(field);
    if (raw.strip().length() >= 5) {
      assertThat(e.getMessage()).doesNotContain(raw.strip());
    }
    assertThat(e.getMessage()).doesNotContainPattern("[0-9]{4}");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"\t\n", "+1 425\n555 0100", "+1 425\u0000555 0100", "+1 425 555 0100 x\r12"})
  void parse_controlCharacters_throwsTypedError(String raw) {
    assertThat(
            catchThrowableOfType(
                InvalidInputException.class,
                () -> PhoneNumberParser.withDefaultRegion("US").parse(raw)))
        .isNotNull();
  }

  @Test
  void parse_longerThan64Characters_throwsTypedError() {
    String longest = "+1 425 555 0100" + " ".repeat(49); // 64 characters, valid once trimmed
    String tooLong = longest + " ";

    assertThat(PhoneNumberParser.international().parse(longest))
        .isEqualTo(PhoneNumber.of("+14255550100"));
    assertThat(
            catchThrowableOfType(
                InvalidInputException.class,
                () -> PhoneNumberParser.international().parse(tooLong)))
        .isNotNull()
        .hasMessageContaining("at most 64 characters");
  }

  @ParameterizedTest
  @NullSource
  void parse_null_throwsTypedError(String raw) {
    assertThat(
            catchThrowableOfType(
                InvalidInputException.class, () -> PhoneNumberParser.international().parse(raw)))
        .isNotNull();
    assertThat(
            catchThrowableOfType(
                InvalidInputException.class,
                () -> PhoneNumberParser.withDefaultRegion("US").parse(raw)))
        .isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "XX", "ZZ", "001", "USA", "U S"})
  void withDefaultRegion_unknownRegion_throwsTypedError(String region) {
    InvalidInputException e =
        catchThrowableOfType(
            InvalidInputException.class, () -> PhoneNumberParser.withDefaultRegion(region));

    assertThat(e).isNotNull();
    assertThat(e.violations())
        .extracting(InvalidInputException.Violation::field)
        .containsExactly("phone region");
  }

  @Test
  void withDefaultRegion_null_throwsTypedError() {
    assertThat(
            catchThrowableOfType(
                InvalidInputException.class, () -> PhoneNumberParser.withDefaultRegion(null)))
        .isNotNull();
  }

  @Test
  void withDefaultRegion_anyCase_equalParsers() {
    assertThat(PhoneNumberParser.withDefaultRegion("us"))
        .isEqualTo(PhoneNumberParser.withDefaultRegion("US"))
        .hasSameHashCodeAs(PhoneNumberParser.withDefaultRegion("US"))
        .isNotEqualTo(PhoneNumberParser.withDefaultRegion("GB"))
        .isNotEqualTo(PhoneNumberParser.international())
        .hasToString("PhoneNumberParser{defaultRegion=US}");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "+14255550100|-|+1 4255550100",
        "+14255550100|123|+1 4255550100x123",
        "+442079460958|-|+44 2079460958",
        "+390612345678|-|+39 0612345678", // Italian leading zero belongs to the number
        "+80012345678|-|+800 12345678",
        "+35312345678|9|+353 12345678x9",
        "+4402079460958|-|+44 02079460958", // digits are kept exactly, even if not dialable
      })
  void toGraphFormat_number_splitsCountryCodeWithSpace(
      String e164, String extension, String graph) {
    String formatted =
        PhoneNumberParser.international()
            .toGraphFormat(new PhoneNumber(e164, Optional.ofNullable(extension)));

    assertThat(formatted).isEqualTo(graph).matches(GRAPH_FORMAT);
  }

  @Test
  void toGraphFormat_unknownCountryCode_throwsTypedError() {
    InvalidInputException e =
        catchThrowableOfType(
            InvalidInputException.class,
            () -> PhoneNumberParser.international().toGraphFormat(PhoneNumber.of("+99912345678")));

    assertThat(e).isNotNull();
    assertThat(e.getMessage()).doesNotContain("99912345678");
  }

  /**
   * The law over libphonenumber's own example numbers (every supported region, every number type):
   * each parses from its international, E.164, national and Graph forms to the same value, and
   * parse(toGraphFormat(n)) == n. Short numbers (fewer than 8 digits, e.g. Niue's) are no
   * exception: libphonenumber decides validity, not a fixed minimum length.
   */
  @Test
  void parse_exampleNumberOfEveryRegionAndType_roundTripsThroughEveryFormat() {
    PhoneNumberParser international = PhoneNumberParser.international();
    int checked = 0;
    int shortOnes = 0;
    for (ExampleNumber example : ExampleNumber.all()) {
      String e164 = example.format(PhoneNumberFormat.E164);
      String intl = example.format(PhoneNumberFormat.INTERNATIONAL);
      String nat = example.format(PhoneNumberFormat.NATIONAL);
      if (e164.length() - 1 < 8) {
        shortOnes++;
      }
      PhoneNumberParser national = example.nationalParser();
      PhoneNumber expected = PhoneNumber.of(e164);
      assertThat(international.parse(intl)).as("%s from %s", example, intl).isEqualTo(expected);
      assertThat(international.parse(e164)).as("%s from %s", example, e164).isEqualTo(expected);
      assertThat(national.parse(nat)).as("%s from %s", example, nat).isEqualTo(expected);
      assertThat(national.parse(intl)).as("%s from %s", example, intl).isEqualTo(expected);
      PhoneNumber withExtension = new PhoneNumber(e164, Optional.of("42"));
      String graph = international.toGraphFormat(withExtension);
      assertThat(graph).matches(GRAPH_FORMAT);
      assertThat(international.parse(graph))
          .as("%s from %s", example, graph)
          .isEqualTo(withExtension);
      assertThat(national.parse(graph)).as("%s from %s", example, graph).isEqualTo(withExtension);
      checked++;
    }
    assertThat(checked).isGreaterThan(1000);
    assertThat(shortOnes).as("examples shorter than 8 digits, all accepted").isPositive();
  }

  @Test
  void niueSevenDigitNumber_accepted() {
    PhoneNumber niue = PhoneNumberParser.international().parse("+683 4002");
    assertThat(niue).isEqualTo(PhoneNumber.of("+6834002"));
    assertThat(PhoneNumberParser.international().toGraphFormat(niue)).isEqualTo("+683 4002");
  }

  @ParameterizedTest(name = "[{index}] {0} is {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "+14255550100|FIXED_LINE_OR_MOBILE",
        "+33612345678|MOBILE",
        "+442079460958|FIXED_LINE",
        "+18005550100|TOLL_FREE",
        "+19002345678|PREMIUM_RATE",
        "+41840123456|SHARED_COST",
        "+870773111632|SATELLITE",
        "+8816123456|SATELLITE",
        "+882161234567|SATELLITE",
        "+4930123456|FIXED_LINE",
      })
  void kindOf_classifiesByNumberingPlan(String e164, PhoneNumberKind kind) {
    assertThat(PhoneNumberParser.international().kindOf(PhoneNumber.of(e164))).isEqualTo(kind);
  }

  @Test
  void kindOf_unknownCountryCode_unknown() {
    assertThat(PhoneNumberParser.international().kindOf(PhoneNumber.of("+99912345678")))
        .isEqualTo(PhoneNumberKind.UNKNOWN);
  }

  @Test
  void kindOf_everyExampleOfAKind_classifiedAsThatKind() {
    PhoneNumberParser parser = PhoneNumberParser.international();
    int checked = 0;
    for (ExampleNumber example : ExampleNumber.all()) {
      PhoneNumberKind kind = parser.kindOf(PhoneNumber.of(example.format(PhoneNumberFormat.E164)));
      if (kind == PhoneNumberKind.SATELLITE) {
        continue;
      }
      String type = example.type().name();
      if (type.equals("FIXED_LINE")
          || type.equals("MOBILE")
          || type.equals("FIXED_LINE_OR_MOBILE")) {
        assertThat(kind.name())
            .as("%s", example)
            .isIn(
                type,
                "FIXED_LINE_OR_MOBILE",
                type.equals("FIXED_LINE_OR_MOBILE") ? "FIXED_LINE" : type,
                type.equals("FIXED_LINE_OR_MOBILE") ? "MOBILE" : type);
      } else {
        assertThat(kind.name()).as("%s", example).isEqualTo(type);
      }
      checked++;
    }
    assertThat(checked).isGreaterThan(1000);
  }

  @Test
  void toGraphFormatOrE164_unknownCountryCode_fallsBackToE164() {
    PhoneNumberParser parser = PhoneNumberParser.international();
    assertThat(parser.toGraphFormatOrE164(PhoneNumber.of("+99912345678", "7")))
        .isEqualTo("+99912345678x7");
    assertThat(parser.toGraphFormatOrE164(PhoneNumber.of("+14255550100", "7")))
        .isEqualTo("+1 4255550100x7");
  }

  @Test
  void toGraphFormat_parsedNumbers_parseBackToSameValue() {
    PhoneNumberParser us = PhoneNumberParser.withDefaultRegion("US");
    List<String> inputs =
        new ArrayList<>(
            List.of(
                "(425) 555-0100",
                "+44 20 7946 0958 ext. 7",
                "00 39 06 1234 5678;ext=0",
                "+800 1234 5678 x99"));
    for (String input : inputs) {
      PhoneNumber n = us.parse(input);
      assertThat(us.parse(us.toGraphFormat(n))).as(input).isEqualTo(n);
      assertThat(PhoneNumberParser.international().parse(us.toGraphFormat(n)))
          .as(input)
          .isEqualTo(n);
    }
  }
}
