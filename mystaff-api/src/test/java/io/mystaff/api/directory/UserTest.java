package io.mystaff.api.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.UserId;
import org.junit.jupiter.api.Test;

class UserTest {
  private final User alice = User.builder()
      .id(UserId.of("u1"))
      .userPrincipalName("alice@contoso.com")
      .displayName("Alice Baker")
      .attribute("department", "Sales")
      .phone(PhoneType.MOBILE, PhoneNumber.of("+14255550100"))
      .build();

  @Test
  void attributes_caseInsensitiveKeys() {
    assertThat(alice.attribute("Department")).contains("Sales");
  }

  @Test
  void toBuilder_roundTrips() {
    assertThat(alice.toBuilder().build()).isEqualTo(alice);
    assertThat(alice.toBuilder().version(1).build()).isNotEqualTo(alice);
  }

  @Test
  void build_missingOrMalformedParts_rejected() {
    assertThatThrownBy(() -> alice.toBuilder().userPrincipalName("no-at-sign").build())
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> User.builder().userPrincipalName("a@b").displayName("A").build())
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> alice.toBuilder().displayName(" ").build())
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void phoneNumber_e164AndExtension() {
    assertThat(PhoneNumber.of("+14255550100", "123").toString()).isEqualTo("+14255550100x123");
    assertThatThrownBy(() -> PhoneNumber.of("4255550100")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> PhoneNumber.of("+04255550100")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> PhoneNumber.of("+14255550100", "12a")).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void dynamicUnit_requiresRule() {
    assertThatThrownBy(() -> new AdministrativeUnit(io.mystaff.api.UnitId.of("x"), "X",
            java.util.Optional.empty(), MembershipType.DYNAMIC, java.util.Optional.empty(), false))
        .isInstanceOf(InvalidInputException.class);
  }
}
