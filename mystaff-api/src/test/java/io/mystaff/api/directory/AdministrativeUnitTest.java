package io.mystaff.api.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.UnitId;
import org.junit.jupiter.api.Test;

class AdministrativeUnitTest {
  private static final UnitId ID = UnitId.of("dyn");

  @Test
  void dynamic_nullRule_isInvalidInput() {
    // Regression: a null rule escaped as NullPointerException from Optional.of (found by the
    // malformed-input suite in mystaff-tests).
    assertThatThrownBy(() -> AdministrativeUnit.dynamic(ID, "Dynamic", null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("membership rule");
  }

  @Test
  void dynamic_blankRule_isInvalidInput() {
    assertThatThrownBy(() -> AdministrativeUnit.dynamic(ID, "Dynamic", "  "))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void dynamic_keepsTheRule() {
    AdministrativeUnit unit = AdministrativeUnit.dynamic(ID, "Dynamic", "user.city -eq \"Oslo\"");
    assertThat(unit.isDynamic()).isTrue();
    assertThat(unit.membershipRule()).contains("user.city -eq \"Oslo\"");
  }
}
