package io.mystaff.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.UserId;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.core.phone.PhoneNumberParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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
    PhoneCommand command = PhoneCommand.set(TARGET, PhoneType.OFFICE, "+1 425 555 0100 x42",
        PhoneNumberParser.international());
    assertThat(command.number()).contains(PhoneNumber.of("+14255550100", "42"));
  }

  @Test
  void set_nationalNumberWithoutRegion_rejected() {
    assertThatThrownBy(() -> PhoneCommand.set(TARGET, PhoneType.MOBILE, "(425) 555-0100",
        PhoneNumberParser.international()))
        .isInstanceOf(InvalidInputException.class);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "call me", "+1 425", "+999 1234567890"})
  void set_invalidNumber_rejectedWithoutEchoingIt(String raw) {
    assertThatThrownBy(() -> PhoneCommand.set(TARGET, PhoneType.MOBILE, raw, US))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.violations()).isNotEmpty();
          if (raw != null && !raw.isBlank()) {
            assertThat(e.getMessage()).doesNotContain(raw.strip());
          }
        });
  }

  @Test
  void set_everythingMissing_reportsEveryViolation() {
    assertThatThrownBy(() -> PhoneCommand.set(null, null, "nonsense", US))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
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
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
            .extracting(InvalidInputException.Violation::field)
            .containsExactly("phone type"));
  }
}
