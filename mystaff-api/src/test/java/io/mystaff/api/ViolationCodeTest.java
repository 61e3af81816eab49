package io.mystaff.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.password.Secret;
import io.mystaff.spi.CursorCodec;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Every main throw site of the API names a stable code besides field and English reason. */
class ViolationCodeTest {
  private static void assertCode(ThrowingCallable call, String field, String code) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.codes()).containsExactly(code);
              assertThat(e.violations().get(0).field()).isEqualTo(field);
            });
  }

  @Test
  void ids() {
    assertCode(() -> UserId.of(null), "user id", "id.required");
    assertCode(() -> UserId.of(" "), "user id", "id.blank");
    assertCode(() -> UnitId.of("u".repeat(257)), "administrative-unit id", "id.tooLong");
    assertCode(() -> GroupId.of("a b"), "group id", "id.invalidCharacter");
    assertCode(() -> UserId.of("ad\u202Emin"), "user id", "id.invisibleCharacter");
  }

  @Test
  void pages() {
    assertCode(() -> PageRequest.first(0), "page size", "page.sizeOutOfRange");
    assertCode(() -> new PageRequest(1, Optional.of("")), "page cursor", "page.cursorInvalid");
    assertCode(
        () -> CursorCodec.withRandomKey().decode("all", "AAAA", id -> Optional.empty()),
        "page cursor",
        "page.cursorInvalid");
  }

  @Test
  void passwords() {
    assertCode(() -> Secret.of(""), "password", "password.required");
  }

  @Test
  void codeOmitted_derivedFromTheField() {
    assertThat(InvalidInputException.of("user principal name", "x").codes())
        .containsExactly("userPrincipalName.invalid");
    assertThat(InvalidInputException.Violation.defaultCode("mobile")).isEqualTo("mobile.invalid");
    assertThat(
            InvalidInputException.Violation.defaultCode("minimum manager-chosen password length"))
        .isEqualTo("minimumManagerChosenPasswordLength.invalid");
    assertThat(InvalidInputException.Violation.defaultCode("--")).isEqualTo("input.invalid");
    assertThat(InvalidInputException.Violation.defaultCode("2nd name")).isEqualTo("ndName.invalid");
  }

  @Test
  void code_mustBeDottedLowerCamelCase_soAReasonCannotPassForIt() {
    assertThatThrownBy(
            () ->
                new InvalidInputException.Violation(
                    "password", "phone.invalid", "must not be empty"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new InvalidInputException.Violation("f", "r", "Phone.invalid"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new InvalidInputException.Violation("f", "r", "phone.kindNotAllowed").code())
        .isEqualTo("phone.kindNotAllowed");
  }

  @Test
  void code_neverInTheMessage_reasonStillIs() {
    InvalidInputException e =
        InvalidInputException.of("mobile", "is not a valid number", "phone.invalid");
    assertThat(e.getMessage())
        .contains("mobile: is not a valid number")
        .doesNotContain("phone.invalid");
  }
}
