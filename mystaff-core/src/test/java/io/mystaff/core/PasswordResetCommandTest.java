package io.mystaff.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.CapabilityNotSupportedException;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.UserId;
import io.mystaff.api.directory.User;
import io.mystaff.api.directory.UserSource;
import io.mystaff.api.password.PasswordHistory;
import io.mystaff.api.password.Secret;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordResetCommandTest {
  private static final String PASSWORD = "Correct-Horse-9-Battery";
  private static final UserId TARGET = UserId.of("u1");
  private static final User CLOUD = User.builder().id(TARGET).userPrincipalName("u1@contoso.com")
      .displayName("Uma One").build();
  private static final User SYNCED = CLOUD.toBuilder().source(UserSource.SYNCED_FROM_ON_PREMISES)
      .onPremisesSamAccountName("uone").build();
  private static final MyStaffSettings CHOICE_ALLOWED =
      MyStaffSettings.builder().managerChosenPasswordsForCloudUsers(true).build();

  @Test
  void of_missingTargetAndPassword_reportsBoth() {
    assertThatThrownBy(() -> PasswordResetCommand.of(null, null))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
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
    assertThatCode(() -> PasswordResetCommand.of(TARGET, Optional.empty())
        .checkApplicable(CLOUD, MyStaffSettings.defaults(), false))
        .doesNotThrowAnyException();
  }

  @Test
  void checkApplicable_cloudUserWithPasswordNotAllowed_rejected() {
    PasswordResetCommand command = PasswordResetCommand.of(TARGET, Optional.of(Secret.of(PASSWORD)));
    assertThatThrownBy(() -> command.checkApplicable(CLOUD, MyStaffSettings.defaults(), true))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("cloud-only")
        .hasMessageNotContaining(PASSWORD);
  }

  @Test
  void checkApplicable_cloudUserWithPasswordAllowed_accepted() {
    assertThatCode(() -> PasswordResetCommand.of(TARGET, Optional.of(Secret.of(PASSWORD)))
        .checkApplicable(CLOUD, CHOICE_ALLOWED, false))
        .doesNotThrowAnyException();
  }

  @Test
  void checkApplicable_syncedUserWithoutWriteback_capabilityNotSupported() {
    PasswordResetCommand command = PasswordResetCommand.of(TARGET, Optional.of(Secret.of(PASSWORD)));
    assertThatThrownBy(() -> command.checkApplicable(SYNCED, CHOICE_ALLOWED, false))
        .isInstanceOfSatisfying(CapabilityNotSupportedException.class,
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
    assertThatCode(() -> PasswordResetCommand.of(TARGET, Optional.of(Secret.of(PASSWORD)))
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
}
