package io.mystaff.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.PhoneType;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UserNotificationTest {
  private static final UserId ALICE = UserId.of("alice");
  private static final UserId NINA = UserId.of("nina");
  private static final CorrelationId C = CorrelationId.of("c-1");
  private static final Instant AT = Instant.parse("2026-03-01T08:00:00Z");
  private static final Optional<PhoneNumber> OLD = Optional.of(PhoneNumber.of("+14255550123"));

  private static UserNotification of(
      AuditActivity activity, Optional<PhoneType> type, Optional<PhoneNumber> old) {
    return new UserNotification(ALICE, activity, C, AT, NINA, type, old);
  }

  private static String field(Runnable r) {
    try {
      r.run();
    } catch (InvalidInputException e) {
      return e.violations().get(0).field();
    }
    throw new AssertionError("accepted");
  }

  @Test
  void phoneParts_mustFitTheActivity() {
    Optional<PhoneType> office = Optional.of(PhoneType.OFFICE);
    assertThat(of(AuditActivity.ADD_PHONE, office, Optional.empty()).previousPhone()).isEmpty();
    assertThat(of(AuditActivity.UPDATE_PHONE, office, OLD).previousPhone()).isEqualTo(OLD);
    assertThat(of(AuditActivity.DELETE_PHONE, office, OLD).phoneType()).isEqualTo(office);
    assertThat(field(() -> of(AuditActivity.ADD_PHONE, office, OLD))).isEqualTo("previousPhone");
    assertThat(field(() -> of(AuditActivity.UPDATE_PHONE, office, Optional.empty())))
        .isEqualTo("previousPhone");
    assertThat(field(() -> of(AuditActivity.DELETE_PHONE, Optional.empty(), OLD)))
        .isEqualTo("phoneType");
    assertThat(field(() -> of(AuditActivity.RESET_PASSWORD, office, Optional.empty())))
        .isEqualTo("phoneType");
    assertThat(field(() -> of(AuditActivity.RESET_PASSWORD, Optional.empty(), OLD)))
        .isEqualTo("previousPhone");
  }

  @Test
  void onlyChangesToCredentials() {
    for (AuditActivity a :
        new AuditActivity[] {
          AuditActivity.SIGN_IN, AuditActivity.VIEW_PROFILE, AuditActivity.UPDATE_FEATURE_VALUE
        }) {
      assertThat(field(() -> of(a, Optional.empty(), Optional.empty())))
          .as("%s", a)
          .isEqualTo("activity");
    }
  }

  @Test
  void missingParts_rejectedNamingTheField() {
    assertThat(
            field(
                () ->
                    new UserNotification(
                        null,
                        AuditActivity.RESET_PASSWORD,
                        C,
                        AT,
                        NINA,
                        Optional.empty(),
                        Optional.empty())))
        .isEqualTo("user");
    assertThat(
            field(
                () ->
                    new UserNotification(
                        ALICE, null, C, AT, NINA, Optional.empty(), Optional.empty())))
        .isEqualTo("activity");
    assertThat(
            field(
                () ->
                    new UserNotification(
                        ALICE,
                        AuditActivity.RESET_PASSWORD,
                        null,
                        AT,
                        NINA,
                        Optional.empty(),
                        Optional.empty())))
        .isEqualTo("correlationId");
    assertThat(
            field(
                () ->
                    new UserNotification(
                        ALICE,
                        AuditActivity.RESET_PASSWORD,
                        C,
                        null,
                        NINA,
                        Optional.empty(),
                        Optional.empty())))
        .isEqualTo("occurredAt");
    assertThat(
            field(
                () ->
                    new UserNotification(
                        ALICE,
                        AuditActivity.RESET_PASSWORD,
                        C,
                        AT,
                        null,
                        Optional.empty(),
                        Optional.empty())))
        .isEqualTo("changedBy");
    assertThat(
            field(
                () ->
                    new UserNotification(
                        ALICE, AuditActivity.RESET_PASSWORD, C, AT, NINA, null, Optional.empty())))
        .isEqualTo("phoneType");
    assertThat(
            field(
                () ->
                    new UserNotification(
                        ALICE, AuditActivity.RESET_PASSWORD, C, AT, NINA, Optional.empty(), null)))
        .isEqualTo("previousPhone");
  }

  @Test
  void toString_masksTheOldNumber() {
    String text = of(AuditActivity.DELETE_PHONE, Optional.of(PhoneType.MOBILE), OLD).toString();
    assertThat(text).contains("alice", "DELETE_PHONE", "MOBILE", "…23").doesNotContain("5550123");
    assertThat(UserNotification.passwordReset(ALICE, C, AT, NINA).toString())
        .doesNotContain("phoneType")
        .doesNotContain("previousPhone");
  }

  @Test
  void none_acceptsAndDoesNothing() {
    UserNotifier.none().send(UserNotification.passwordReset(ALICE, C, AT, NINA));
    assertThatThrownBy(() -> UserNotification.passwordReset(null, C, AT, NINA))
        .isInstanceOf(InvalidInputException.class);
  }
}
