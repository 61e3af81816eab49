package io.mystaff.activedirectory;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * Without Samba the DC tests are skipped with the reason and the install command; with the CI flag
 * they fail.
 */
class SambaDcTest {

  @Test
  void missingSamba_withoutTheFlag_isASkipNamingTheInstallCommand() {
    assertThatThrownBy(() -> SambaDc.requirePresent(tool -> false, false))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("samba-tool")
        .hasMessageContaining(SambaDc.INSTALL)
        .hasMessageContaining(SambaDc.FLAG);
  }

  @Test
  void missingSamba_withTheFlag_isAFailure() {
    assertThatThrownBy(() -> SambaDc.requirePresent(tool -> !tool.equals("samba"), true))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("[samba]")
        .hasMessageContaining(SambaDc.INSTALL);
  }

  @Test
  void presentSamba_passesEitherWay() {
    assertThatCode(() -> SambaDc.requirePresent(tool -> true, true)).doesNotThrowAnyException();
    assertThatCode(() -> SambaDc.requirePresent(tool -> true, false)).doesNotThrowAnyException();
  }
}
