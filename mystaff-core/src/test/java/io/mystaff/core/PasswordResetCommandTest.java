package io.mystaff.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.CapabilityNotSupportedException;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.UserId;
import io.mystaff.api.directory.User;
import io.mystaff.api.directory.UserSource;
import io.mystaff.api.password.PasswordCheck;
import io.mystaff.api.password.PasswordContext;
import io.mystaff.api.password.PasswordHistory;
import io.mystaff.api.password.PolicyViolation;
import io.mystaff.api.password.Secret;
import io.mystaff.core.password.ActiveDirectoryPasswordPolicy;
import io.mystaff.core.password.PasswordViolations;
import io.mystaff.spi.PasswordPolicy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordResetCommandTest {
  private static final String PASSWORD = "Correct-Horse-9-Battery";
  private static final UserId TARGET = UserId.of("u1");
  private static final User CLOUD =
      User.builder().id(TARGET).userPrincipalName("u1@contoso.com").displayName("Uma One").build();
  private static final User SYNCED =
      CLOUD.toBuilder()
          .source(UserSource.SYNCED_FROM_ON_PREMISES)
          .onPremisesSamAccountName("uone")
          .build();
  private static final MyStaffSettings CHOICE_ALLOWED =
      MyStaffSettings.builder().managerChosenPasswordsForCloudUsers(true).build();

  @Test
  void of_missingTargetAndPassword_reportsBoth() {
    assertThatThrownBy(() -> PasswordResetCommand.of(null, null))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(InvalidInputException.Violation::field)
                    .containsExactly("target user", "password"));
  }

  @Test
  void of_destroyedPassword_rejected() {
    Secret destroyed = Secret.of(PASSWORD);
    destroyed.destroy();
    assertThatThrownBy(() -> PasswordResetCommand.of(TARGET, Optional.of(destroyed)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("destroyed");
  }

  @Test
  void checkApplicable_cloudUserWithoutPassword_accepted() {
    assertThatCode(
            () ->
                PasswordResetCommand.of(TARGET, Optional.empty())
                    .checkApplicable(CLOUD, MyStaffSettings.defaults(), false))
        .doesNotThrowAnyException();
  }

  @Test
  void checkApplicable_cloudUserWithPasswordNotAllowed_rejected() {
    PasswordResetCommand command =
        PasswordResetCommand.of(TARGET, Optional.of(Secret.of(PASSWORD)));
    assertThatThrownBy(() -> command.checkApplicable(CLOUD, MyStaffSettings.defaults(), true))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("cloud-only")
        .hasMessageNotContaining(PASSWORD);
  }

  @Test
  void checkApplicable_cloudUserWithPasswordAllowed_accepted() {
    assertThatCode(
            () ->
                PasswordResetCommand.of(TARGET, Optional.of(Secret.of(PASSWORD)))
                    .checkApplicable(CLOUD, CHOICE_ALLOWED, false))
        .doesNotThrowAnyException();
  }

  @Test
  void checkApplicable_syncedUserWithoutWriteback_capabilityNotSupported() {
    PasswordResetCommand command =
        PasswordResetCommand.of(TARGET, Optional.of(Secret.of(PASSWORD)));
    assertThatThrownBy(() -> command.checkApplicable(SYNCED, CHOICE_ALLOWED, false))
        .isInstanceOfSatisfying(
            CapabilityNotSupportedException.class,
            e -> assertThat(e.capability()).isEqualTo("password writeback"));
  }

  @Test
  void checkApplicable_syncedUserWithoutPassword_rejected() {
    PasswordResetCommand command = PasswordResetCommand.of(TARGET, Optional.empty());
    assertThatThrownBy(() -> command.checkApplicable(SYNCED, MyStaffSettings.defaults(), true))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("synced");
  }

  @Test
  void checkApplicable_syncedUserWithPassword_acceptedWhateverTheCloudSetting() {
    assertThatCode(
            () ->
                PasswordResetCommand.of(TARGET, Optional.of(Secret.of(PASSWORD)))
                    .checkApplicable(SYNCED, MyStaffSettings.defaults(), true))
        .doesNotThrowAnyException();
  }

  @Test
  void toString_withPassword_redacted() {
    assertThat(PasswordResetCommand.of(TARGET, Optional.of(Secret.of(PASSWORD))).toString())
        .doesNotContain(PASSWORD)
        .contains("managerChosen=true");
  }

  @Test
  void contextOf_syncedUser_carriesNamesAndHistory() {
    PasswordHistory history = candidate -> true;
    var context = PasswordResetCommand.contextOf(SYNCED, history);
    assertThat(context.user()).isEqualTo(TARGET);
    assertThat(context.userPrincipalName()).isEqualTo("u1@contoso.com");
    assertThat(context.displayName()).isEqualTo("Uma One");
    assertThat(context.samAccountName()).contains("uone");
    assertThat(context.history()).isSameAs(history);
  }

  @ParameterizedTest(name = "[{index}] U+{0}")
  @ValueSource(
      strings = {
        "0000", "0009", "000A", "000D", "001B", "007F", "0085", "009F", "2028", "2029", "061C",
        "200E", "200F", "202A", "202B", "202C", "202D", "202E", "2066", "2067", "2068", "2069"
      })
  void of_managerPasswordWithControlSeparatorOrBidiCharacter_rejectedNamingPasswordWithoutEcho(
      String hex) {
    String password = "Correct" + (char) Integer.parseInt(hex, 16) + "Horse-9-Battery";
    assertThatThrownBy(() -> PasswordResetCommand.of(TARGET, Optional.of(Secret.of(password))))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.violations())
                  .extracting(InvalidInputException.Violation::field)
                  .containsExactly("password");
              assertThat(e.getMessage())
                  .doesNotContain("Correct")
                  .doesNotContain("Battery")
                  .doesNotContain(hex)
                  .doesNotContain(String.valueOf((char) Integer.parseInt(hex, 16)));
            });
  }

  @Test
  void managerPasswordWithBidiOverride_rejected() {
    Secret spoofed = Secret.of("Pass\u202Eword-9-Strong");
    assertThatThrownBy(() -> PasswordResetCommand.of(TARGET, Optional.of(spoofed)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("bidirectional");
    assertThat(spoofed.isDestroyed()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Correct Horse-9-Battery",
        "Zürich-Straße-9!",
        "Пароль-Надёжный-9",
        "密码-Strong-9!",
        "Emoji-\uD83D\uDE00-Pass9",
        "Zero\u200BWidth-9-Pass",
        "Non\u00A0Break-9-Pass"
      })
  void of_printableUnicodeAndSpaces_accepted(String password) {
    assertThatCode(() -> PasswordResetCommand.of(TARGET, Optional.of(Secret.of(password))))
        .doesNotThrowAnyException();
  }

  @Test
  void isBidiControl_exactlyTheListedCharacters() {
    for (char c = 0; c < 0x3000; c++) {
      boolean listed =
          c == 0x061C
              || c == 0x200E
              || c == 0x200F
              || (c >= 0x202A && c <= 0x202E)
              || (c >= 0x2066 && c <= 0x2069);
      assertThat(PasswordResetCommand.isBidiControl(c)).as("U+%04X", (int) c).isEqualTo(listed);
    }
  }

  @Test
  void check_belowFloor_tooShortWithoutAskingPolicy() {
    PasswordPolicy lenient =
        new PasswordPolicy() {
          @Override
          public String name() {
            return "lenient";
          }

          @Override
          public PasswordCheck check(Secret candidate, PasswordContext context) {
            throw new AssertionError("the policy was asked below the floor");
          }
        };
    PasswordContext context = PasswordResetCommand.contextOf(CLOUD, PasswordHistory.none());
    PasswordCheck check = PasswordResetCommand.check(Secret.of("Ab1!xyz"), lenient, context, 8);
    assertThat(check.violations())
        .containsExactly(PolicyViolation.of(PasswordViolations.TOO_SHORT, "minLength", 8));
    assertThat(
            PasswordResetCommand.check(Secret.of("Ab1!xyz-long"), lenient, context, 15)
                .violations())
        .containsExactly(PolicyViolation.of(PasswordViolations.TOO_SHORT, "minLength", 15));
  }

  @Test
  void check_floorCountsCodePoints_surrogatePairIsOneCharacter() {
    PasswordContext context = PasswordResetCommand.contextOf(CLOUD, PasswordHistory.none());
    PasswordPolicy acceptsAll =
        new PasswordPolicy() {
          @Override
          public String name() {
            return "lenient";
          }

          @Override
          public PasswordCheck check(Secret candidate, PasswordContext c) {
            return PasswordCheck.accepted();
          }
        };
    String fourEmoji = "\uD83D\uDE00\uD83D\uDE01\uD83D\uDE02\uD83D\uDE03"; // 8 chars, 4 characters
    assertThat(PasswordResetCommand.codePoints(Secret.of(fourEmoji))).isEqualTo(4);
    assertThat(PasswordResetCommand.codePoints(Secret.of("\uDE00\uD83Dab")))
        .isEqualTo(4); // unpaired
    assertThat(
            PasswordResetCommand.check(Secret.of(fourEmoji), acceptsAll, context, 8).isAccepted())
        .isFalse();
    assertThat(
            PasswordResetCommand.check(Secret.of(fourEmoji + "Ab1!"), acceptsAll, context, 8)
                .isAccepted())
        .isTrue();
  }

  @Test
  void check_atFloor_policyDecides() {
    PasswordContext context = PasswordResetCommand.contextOf(CLOUD, PasswordHistory.none());
    PasswordPolicy rejectsAll =
        new PasswordPolicy() {
          @Override
          public String name() {
            return "strict";
          }

          @Override
          public PasswordCheck check(Secret candidate, PasswordContext c) {
            return PasswordCheck.rejected(List.of(PolicyViolation.of("password.banned")));
          }
        };
    assertThat(
            PasswordResetCommand.check(Secret.of("Ab1!wxyz"), rejectsAll, context, 8).violations())
        .containsExactly(PolicyViolation.of("password.banned"));
    assertThat(
            PasswordResetCommand.check(
                    Secret.of("Ab1!wxyz"), ActiveDirectoryPasswordPolicy.defaults(), context, 8)
                .isAccepted())
        .isTrue();
    assertThat(
            PasswordResetCommand.check(
                    Secret.of("Ab1!wxy"), ActiveDirectoryPasswordPolicy.defaults(), context, 8)
                .violations())
        .extracting(PolicyViolation::key)
        .containsExactly(PasswordViolations.TOO_SHORT);
  }
}
