package io.mystaff.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.ErrorCode;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.UserId;
import io.mystaff.api.directory.PhoneMethodNotFoundException;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.PhoneNumberKind;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.directory.User;
import io.mystaff.core.phone.PhoneNumberParser;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneCommandTest {
  private static final UserId TARGET = UserId.of("u1");
  private static final PhoneNumberParser US = PhoneNumberParser.withDefaultRegion("US");

  @Test
  void set_nationalNumberWithRegion_normalizedToE164() {
    PhoneCommand command = PhoneCommand.set(TARGET, PhoneType.MOBILE, "(425) 555-0100", US);
    assertThat(command.number()).contains(PhoneNumber.of("+14255550100"));
  }

  @Test
  void set_internationalNumberWithExtension_keepsExtension() {
    PhoneCommand command =
        PhoneCommand.set(
            TARGET, PhoneType.OFFICE, "+1 425 555 0100 x42", PhoneNumberParser.international());
    assertThat(command.number()).contains(PhoneNumber.of("+14255550100", "42"));
  }

  @Test
  void set_nationalNumberWithoutRegion_rejected() {
    assertThatThrownBy(
            () ->
                PhoneCommand.set(
                    TARGET, PhoneType.MOBILE, "(425) 555-0100", PhoneNumberParser.international()))
        .isInstanceOf(InvalidInputException.class);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "call me", "+1 425", "+999 1234567890"})
  void set_invalidNumber_rejectedWithoutEchoingIt(String raw) {
    assertThatThrownBy(() -> PhoneCommand.set(TARGET, PhoneType.MOBILE, raw, US))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.violations()).isNotEmpty();
              if (raw != null && !raw.isBlank()) {
                assertThat(e.getMessage()).doesNotContain(raw.strip());
              }
            });
  }

  @Test
  void set_everythingMissing_reportsEveryViolation() {
    assertThatThrownBy(() -> PhoneCommand.set(null, null, "nonsense", US))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(InvalidInputException.Violation::field)
                    .startsWith("target user", "phone type")
                    .hasSizeGreaterThan(2));
  }

  @Test
  void remove_valid_hasNoNumber() {
    assertThat(PhoneCommand.remove(TARGET, PhoneType.ALTERNATE_MOBILE).number()).isEmpty();
  }

  @Test
  void remove_missingType_rejected() {
    assertThatThrownBy(() -> PhoneCommand.remove(TARGET, null))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(InvalidInputException.Violation::field)
                    .containsExactly("phone type"));
  }

  private static final User WITHOUT_PHONES =
      User.builder().id(TARGET).userPrincipalName("u1@contoso.com").displayName("Uma One").build();
  private static final User WITH_MOBILE =
      WITHOUT_PHONES.toBuilder()
          .phone(PhoneType.MOBILE, Optional.of(PhoneNumber.of("+14255550100")))
          .build();
  private static final User WITH_BOTH_MOBILES =
      WITH_MOBILE.toBuilder()
          .phone(PhoneType.ALTERNATE_MOBILE, Optional.of(PhoneNumber.of("+14255550101")))
          .build();

  @ParameterizedTest
  @EnumSource(PhoneType.class)
  void set_invalidNumber_fieldIsThePhoneTypesGraphName(PhoneType type) {
    assertThatThrownBy(() -> PhoneCommand.set(TARGET, type, "+1 425", US))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(InvalidInputException.Violation::field)
                    .containsExactly(type.graphName()));
    assertThatThrownBy(() -> PhoneCommand.set(TARGET, type, "+1 425 555 0100 x12345678901", US))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.violations())
                  .extracting(InvalidInputException.Violation::field)
                  .containsExactly(type.graphName());
              assertThat(e.violations().get(0).reason()).startsWith("extension ");
            });
  }

  @Test
  void premiumRateNumber_refused() {
    assertThatThrownBy(() -> PhoneCommand.set(TARGET, PhoneType.OFFICE, "+1 900 234 5678", US))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.violations())
                  .extracting(InvalidInputException.Violation::field)
                  .containsExactly("office");
              assertThat(e.violations().get(0).reason()).contains("is a premium-rate number");
              assertThat(e.getMessage()).doesNotContain("234 5678").doesNotContain("2345678");
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "+41 840 123 456",
        "+870 773 111 632",
        "+881 612 345 678",
        "+882 16 1234567",
        "+1 800 555 0100"
      })
  void sharedCostSatelliteAndTollFreeNumbers_refusedByDefault(String raw) {
    assertThatThrownBy(() -> PhoneCommand.set(TARGET, PhoneType.MOBILE, raw, US))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations().get(0).reason())
                    .matches("is a (shared-cost|satellite phone|toll-free) number, .*"));
  }

  @Test
  void set_kindAllowedBySettings_accepted() {
    PhoneCommand command =
        PhoneCommand.set(
            TARGET, PhoneType.OFFICE, "+1 800 555 0100", US, EnumSet.of(PhoneNumberKind.TOLL_FREE));
    assertThat(command.number()).contains(PhoneNumber.of("+18005550100"));
    assertThatThrownBy(
            () ->
                PhoneCommand.set(
                    TARGET,
                    PhoneType.OFFICE,
                    "+1 425 555 0100",
                    US,
                    EnumSet.of(PhoneNumberKind.TOLL_FREE)))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void niueSevenDigitNumber_accepted() {
    assertThat(PhoneCommand.set(TARGET, PhoneType.MOBILE, "+683 4002", US).number())
        .contains(PhoneNumber.of("+6834002"));
  }

  @ParameterizedTest
  @EnumSource(PhoneType.class)
  void refusal_removingMissingMethod_notFound(PhoneType type) {
    Optional<UserChange.Refusal> refusal =
        PhoneCommand.remove(TARGET, type).refusal(WITHOUT_PHONES);
    assertThat(refusal)
        .hasValueSatisfying(
            r -> {
              assertThat(r.reason()).isEqualTo("PHONE_METHOD_NOT_FOUND");
              assertThat(r.error())
                  .isInstanceOfSatisfying(
                      PhoneMethodNotFoundException.class,
                      e -> {
                        assertThat(e.type()).isEqualTo(type);
                        assertThat(e.userId()).isEqualTo(TARGET);
                        assertThat(e.code()).isEqualTo(ErrorCode.PHONE_METHOD_NOT_FOUND);
                      });
            });
  }

  @Test
  void refusal_alternateWithoutMobile_namesAlternateMobile() {
    PhoneCommand command =
        PhoneCommand.set(TARGET, PhoneType.ALTERNATE_MOBILE, "+1 425 555 0102", US);
    assertThat(command.refusal(WITHOUT_PHONES))
        .hasValueSatisfying(
            r -> {
              assertThat(r.reason()).isEqualTo("ALTERNATE_MOBILE_REQUIRES_MOBILE");
              assertThat(((InvalidInputException) r.error()).violations())
                  .extracting(InvalidInputException.Violation::field)
                  .containsExactly("alternateMobile");
            });
    assertThat(command.refusal(WITH_MOBILE)).isEmpty();
    assertThat(command.refusal(WITH_BOTH_MOBILES)).isEmpty();
  }

  @Test
  void refusal_mobileRemovedWhileAlternateExists_namesMobile() {
    PhoneCommand command = PhoneCommand.remove(TARGET, PhoneType.MOBILE);
    assertThat(command.refusal(WITH_BOTH_MOBILES))
        .hasValueSatisfying(
            r -> {
              assertThat(r.reason()).isEqualTo("MOBILE_REQUIRED_BY_ALTERNATE_MOBILE");
              assertThat(((InvalidInputException) r.error()).violations())
                  .extracting(InvalidInputException.Violation::field)
                  .containsExactly("mobile");
            });
    assertThat(command.refusal(WITH_MOBILE)).isEmpty();
    assertThat(PhoneCommand.remove(TARGET, PhoneType.ALTERNATE_MOBILE).refusal(WITH_BOTH_MOBILES))
        .isEmpty();
  }

  @ParameterizedTest
  @EnumSource(PhoneType.class)
  void refusal_settingOrReplacingMobileOrOffice_none(PhoneType type) {
    if (type == PhoneType.ALTERNATE_MOBILE) {
      return;
    }
    PhoneCommand command = PhoneCommand.set(TARGET, type, "+1 425 555 0103", US);
    assertThat(command.refusal(WITHOUT_PHONES)).isEmpty();
    assertThat(command.refusal(WITH_BOTH_MOBILES)).isEmpty();
  }
}
