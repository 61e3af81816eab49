package io.mystaff.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.directory.PhoneNumberKind;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The constraints, run by Hibernate Validator, agree with mystaff's own rules and report its codes.
 */
class ConstraintsTest {
  private static ValidatorFactory factory;
  private static Validator validator;

  record PhoneForm(
      @E164Phone(region = "US") String mobile,
      @E164Phone String international,
      @E164Phone(kinds = PhoneNumberKind.MOBILE) String mobileOnly) {}

  record UserForm(
      @UserPrincipalName String upn, @MyStaffId String user, @MyStaffId(IdType.UNIT) String unit) {}

  // A char[] component on purpose: the constraint must check passwords held as char[].
  @SuppressWarnings("ArrayRecordComponent")
  record PasswordForm(
      @ManagerChosenPassword String password,
      @ManagerChosenPassword(minLength = 12) char[] longer) {}

  record CustomMessage(@E164Phone(message = "bad phone") String phone) {}

  @BeforeAll
  static void start() {
    Locale.setDefault(Locale.ENGLISH);
    factory = Validation.buildDefaultValidatorFactory();
    validator = factory.getValidator();
  }

  @AfterAll
  static void stop() {
    factory.close();
  }

  private static <T> List<String> codes(T bean) {
    return validator.validate(bean).stream()
        .map(v -> v.getPropertyPath() + "=" + MyStaffConstraints.code(v).orElse("?"))
        .sorted()
        .toList();
  }

  @Test
  void phones() {
    assertThat(codes(new PhoneForm("(206) 555-0143", "+44 20 7946 0958", null))).isEmpty();
    assertThat(codes(new PhoneForm("call me", "425 555 0100", "+1 900 555 0100")))
        .containsExactly(
            "international=phone.unknownCountryCode",
            "mobile=phone.invalidCharacter",
            "mobileOnly=phone.kindNotAllowed");
  }

  @Test
  void phoneMessage_isTheEnglishTextOfItsCode_orTheConstraintsOwn() {
    Set<ConstraintViolation<PhoneForm>> violations =
        validator.validate(new PhoneForm("+1 425 555 01", null, null));
    assertThat(violations)
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.getMessage()).isEqualTo("is not a valid phone number");
              assertThat(v.getMessage()).doesNotContain("555");
            });
    assertThat(validator.validate(new CustomMessage("nope")))
        .singleElement()
        .satisfies(v -> assertThat(v.getMessage()).isEqualTo("bad phone"));
  }

  @Test
  void userPrincipalNamesAndIds() {
    assertThat(
            codes(
                new UserForm("alice@contoso.com", "00000000-0000-0000-0000-000000000001", "north")))
        .isEmpty();
    assertThat(codes(new UserForm("alice", "a b", "n\u200Borth")))
        .containsExactly(
            "unit=id.invisibleCharacter",
            "upn=userPrincipalName.invalid",
            "user=id.invalidCharacter");
    assertThat(codes(new UserForm("al\u202Eice@contoso.com", " ", "u".repeat(257))))
        .containsExactly("unit=id.tooLong", "upn=userPrincipalName.invalid", "user=id.blank");
  }

  @Test
  void managerChosenPasswords() {
    assertThat(codes(new PasswordForm("Quiet-River-58", "Quiet-River-58".toCharArray()))).isEmpty();
    assertThat(codes(new PasswordForm("Quiet\nRiver58", "Short-1".toCharArray())))
        .containsExactly("longer=password.tooShort", "password=password.forbiddenCharacter");
    assertThat(
            codes(new PasswordForm("Quiet\u202ERiver58", "\uD83D\uDE00".repeat(11).toCharArray())))
        .containsExactly("longer=password.tooShort", "password=password.forbiddenCharacter");
  }

  @Test
  void passwordMessage_neverHoldsThePassword() {
    assertThat(validator.validate(new PasswordForm("Secret\tValue99", null)))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.getMessage()).doesNotContain("Secret").contains("control characters");
              assertThat(v.getInvalidValue())
                  .isNotNull(); // Bean Validation's own field: hosts must not log it
            });
  }

  @Test
  void minLength_neverBelowTheFloor() {
    record Weak(@ManagerChosenPassword(minLength = 3) String password) {}
    assertThat(codes(new Weak("Ab1-xyz"))).containsExactly("password=password.tooShort");
    assertThat(MyStaffConstraints.code(validator.validate(new Weak("Ab1-xyz")).iterator().next()))
        .isEqualTo(Optional.of("password.tooShort"));
  }
}
