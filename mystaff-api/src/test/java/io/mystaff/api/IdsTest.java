package io.mystaff.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdsTest {

  @Test
  void of_validValue_roundTrips() {
    UserId id = UserId.of("6f1e2d3c-0000-4000-8000-000000000001");
    assertThat(id.value()).isEqualTo("6f1e2d3c-0000-4000-8000-000000000001");
    assertThat(id.toString()).isEqualTo(id.value());
    assertThat(id).isEqualTo(UserId.of(id.value())).isNotEqualTo(UserId.of("other"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "a b", "tab\there", "new\nline"})
  void of_malformed_throwsTypedError(String value) {
    assertThatThrownBy(() -> UserId.of(value))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).code())
        .isEqualTo(ErrorCode.INVALID_INPUT);
  }

  @Test
  void of_null_throwsTypedError() {
    assertThatThrownBy(() -> UnitId.of(null)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void of_tooLong_throwsTypedError() {
    assertThatThrownBy(() -> RoleId.of("x".repeat(257))).isInstanceOf(InvalidInputException.class);
    assertThat(RoleId.of("x".repeat(256)).value()).hasSize(256);
  }

  @Test
  void pageRequest_outOfRange_rejected() {
    assertThatThrownBy(() -> PageRequest.first(0)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> PageRequest.first(PageRequest.MAX_SIZE + 1))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> PageRequest.after("", 10)).isInstanceOf(InvalidInputException.class);
  }
}
