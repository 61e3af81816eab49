package io.mystaff.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.UserId;
import io.mystaff.api.directory.PhoneNumberKind;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.password.Secret;
import io.mystaff.core.phone.PhoneNumberParser;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The core throw sites hosts localize: phones, passwords, search queries and settings. */
class ViolationCodesTest {
  private static final UserId ALICE = UserId.of("alice");
  private static final PhoneNumberParser PARSER = PhoneNumberParser.withDefaultRegion("US");

  private static void assertCodes(ThrowingCallable call, String... codes) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.codes()).containsExactly(codes));
  }

  @Test
  void phones() {
    assertCodes(() -> PhoneCommand.set(ALICE, PhoneType.MOBILE, "   ", PARSER), "phone.blank");
    assertCodes(
        () -> PhoneCommand.set(ALICE, PhoneType.MOBILE, "call me", PARSER),
        "phone.invalidCharacter");
    assertCodes(
        () -> PhoneCommand.set(ALICE, PhoneType.MOBILE, "+1 425 555 01", PARSER), "phone.invalid");
    assertCodes(
        () -> PhoneCommand.set(ALICE, PhoneType.MOBILE, "+1 425 555 0100 x", PARSER),
        "phone.extensionInvalid");
    assertCodes(
        () ->
            PhoneCommand.set(
                ALICE,
                PhoneType.MOBILE,
                "+1 900 555 0100",
                PARSER,
                EnumSet.of(PhoneNumberKind.MOBILE)),
        "phone.kindNotAllowed");
    assertCodes(() -> PhoneCommand.remove(null, null), "id.required", "phone.typeRequired");
  }

  @Test
  void phones_fieldIsGraphsNameOfTheType() {
    assertThatThrownBy(() -> PhoneCommand.set(ALICE, PhoneType.ALTERNATE_MOBILE, "nope", PARSER))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.violations().get(0).field()).isEqualTo("alternateMobile"));
  }

  @Test
  void passwords() {
    assertCodes(
        () -> PasswordResetCommand.of(ALICE, Optional.of(Secret.of("Good\tPassword1"))),
        "password.forbiddenCharacter");
    assertCodes(
        () -> PasswordResetCommand.of(ALICE, Optional.of(Secret.of("Good\u202EPassword1"))),
        "password.forbiddenCharacter");
    Secret destroyed = Secret.of("Quiet-River-58");
    destroyed.destroy();
    assertCodes(
        () -> PasswordResetCommand.of(null, Optional.of(destroyed)),
        "id.required",
        "password.destroyed");
  }

  @Test
  void searchQueries() {
    assertCodes(() -> SearchQuery.of(null), "search.required");
    assertCodes(() -> SearchQuery.of("  "), "search.blank");
    assertCodes(() -> SearchQuery.of("a".repeat(300)), "search.tooLong");
    assertCodes(() -> SearchQuery.of("a\u0007b"), "search.invalidCharacter");
  }

  @Test
  void settings() {
    assertCodes(() -> MyStaffSettings.builder().maxPageSize(0).build(), "settings.invalid");
    assertCodes(
        () -> MyStaffSettings.builder().writebackDeadline(Duration.ZERO).build(),
        "settings.invalid");
    assertCodes(() -> RateLimit.of(0, Duration.ofMinutes(1)), "settings.invalid");
  }
}
