package io.mystaff.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.PageRequest;
import io.mystaff.api.directory.PhoneNumberKind;
import io.mystaff.core.access.FeatureAvailability;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MyStaffSettingsTest {

  @Test
  void defaults_documentedValues() {
    MyStaffSettings d = MyStaffSettings.defaults();
    assertThat(d.availability()).isEqualTo(FeatureAvailability.all());
    assertThat(d.managerChosenPasswordsForCloudUsers()).isFalse();
    assertThat(d.temporaryPasswordLength()).isEqualTo(16);
    assertThat(d.defaultPhoneRegion()).isEmpty();
    assertThat(d.maxPageSize()).isEqualTo(100);
    assertThat(d.sessionRecheckInterval()).isEqualTo(Duration.ofSeconds(60));
    assertThat(d.sessionLifetime()).isEqualTo(Duration.ofHours(8));
    assertThat(d.resetLimit()).isEqualTo(RateLimit.of(10, Duration.ofMinutes(1)));
    assertThat(d.phoneChangeLimit()).isEqualTo(RateLimit.of(20, Duration.ofSeconds(30)));
  }

  @Test
  void rateLimits_setAndCopiedByToBuilder() {
    MyStaffSettings s =
        MyStaffSettings.builder()
            .resetLimit(RateLimit.unlimited())
            .phoneChangeLimit(RateLimit.of(3, Duration.ofSeconds(5)))
            .build();
    assertThat(s.resetLimit().isUnlimited()).isTrue();
    assertThat(s.toBuilder().build()).isEqualTo(s);
    assertThat(s.toBuilder().build().phoneChangeLimit())
        .isEqualTo(RateLimit.of(3, Duration.ofSeconds(5)));
  }

  @Test
  void sessionDurations_outOfRange_rejectedNamingTheField() {
    assertThat(field(b -> b.sessionLifetime(Duration.ZERO))).isEqualTo("session lifetime");
    assertThat(field(b -> b.sessionLifetime(Duration.ofSeconds(-1)))).isEqualTo("session lifetime");
    assertThat(field(b -> b.sessionLifetime(Duration.ofDays(7).plusNanos(1))))
        .isEqualTo("session lifetime");
    assertThat(field(b -> b.sessionRecheckInterval(Duration.ofNanos(-1))))
        .isEqualTo("session recheck interval");
    assertThat(
            field(
                b ->
                    b.sessionLifetime(Duration.ofMinutes(30))
                        .sessionRecheckInterval(Duration.ofMinutes(31))))
        .isEqualTo("session recheck interval");
  }

  @Test
  void sessionDurations_boundsAccepted() {
    MyStaffSettings s =
        MyStaffSettings.builder()
            .sessionRecheckInterval(Duration.ZERO)
            .sessionLifetime(Duration.ofDays(7))
            .build();
    assertThat(s.sessionRecheckInterval()).isZero();
    assertThat(s.sessionLifetime()).isEqualTo(MyStaffSettings.MAX_SESSION_LIFETIME);
    MyStaffSettings equal =
        MyStaffSettings.builder()
            .sessionRecheckInterval(Duration.ofSeconds(1))
            .sessionLifetime(Duration.ofSeconds(1))
            .build();
    assertThat(equal.sessionRecheckInterval()).isEqualTo(equal.sessionLifetime());
  }

  @Test
  void writebackDeadline_defaultFiveMinutes_positiveRequired() {
    assertThat(MyStaffSettings.defaults().writebackDeadline()).isEqualTo(Duration.ofMinutes(5));
    assertThat(MyStaffSettings.defaults().toBuilder().build())
        .isEqualTo(MyStaffSettings.defaults());
    assertThat(field(b -> b.writebackDeadline(Duration.ZERO))).isEqualTo("writeback deadline");
    assertThat(field(b -> b.writebackDeadline(Duration.ofSeconds(-1))))
        .isEqualTo("writeback deadline");
  }

  private static String field(java.util.function.Consumer<MyStaffSettings.Builder> change) {
    MyStaffSettings.Builder b = MyStaffSettings.builder();
    change.accept(b);
    try {
      b.build();
    } catch (InvalidInputException e) {
      return e.violations().get(0).field();
    }
    throw new AssertionError("accepted");
  }

  @Test
  void toBuilder_build_equalSettings() {
    MyStaffSettings s =
        MyStaffSettings.builder()
            .availability(FeatureAvailability.none())
            .managerChosenPasswordsForCloudUsers(true)
            .temporaryPasswordLength(24)
            .defaultPhoneRegion(Optional.of("US"))
            .maxPageSize(7)
            .sessionRecheckInterval(Duration.ofSeconds(5))
            .sessionLifetime(Duration.ofHours(1))
            .allowedPhoneNumberKinds(Set.of(PhoneNumberKind.MOBILE, PhoneNumberKind.VOIP))
            .minimumManagerChosenPasswordLength(15)
            .build();
    assertThat(s.toBuilder().build()).isEqualTo(s);
  }

  @Test
  void allowedPhoneNumberKinds_defaultMobileAndFixedLine_copiedAndNeverEmpty() {
    assertThat(MyStaffSettings.defaults().allowedPhoneNumberKinds())
        .containsExactlyInAnyOrder(
            PhoneNumberKind.MOBILE,
            PhoneNumberKind.FIXED_LINE,
            PhoneNumberKind.FIXED_LINE_OR_MOBILE);
    Set<PhoneNumberKind> kinds = EnumSet.of(PhoneNumberKind.MOBILE);
    MyStaffSettings s = MyStaffSettings.builder().allowedPhoneNumberKinds(kinds).build();
    kinds.add(PhoneNumberKind.PREMIUM_RATE);
    assertThat(s.allowedPhoneNumberKinds()).containsExactly(PhoneNumberKind.MOBILE);
    assertThatThrownBy(() -> s.allowedPhoneNumberKinds().add(PhoneNumberKind.PAGER))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> MyStaffSettings.builder().allowedPhoneNumberKinds(Set.of()).build())
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.violations().get(0).field()).isEqualTo("allowed phone number kinds"));
  }

  @ParameterizedTest
  @ValueSource(ints = {Integer.MIN_VALUE, 0, 1, 7, 257})
  void minimumManagerChosenPasswordLength_belowEntraFloorOrAboveMax_rejected(int length) {
    assertThatThrownBy(
            () -> MyStaffSettings.builder().minimumManagerChosenPasswordLength(length).build())
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations().get(0).field())
                    .isEqualTo("minimum manager-chosen password length"));
  }

  @ParameterizedTest
  @ValueSource(ints = {8, 15, 256})
  void minimumManagerChosenPasswordLength_inRange_kept(int length) {
    assertThat(
            MyStaffSettings.builder()
                .minimumManagerChosenPasswordLength(length)
                .build()
                .minimumManagerChosenPasswordLength())
        .isEqualTo(length);
    assertThat(MyStaffSettings.defaults().minimumManagerChosenPasswordLength()).isEqualTo(8);
  }

  @ParameterizedTest
  @ValueSource(ints = {Integer.MIN_VALUE, 0, 8, 15, 257})
  void temporaryPasswordLength_outOfRange_rejected(int length) {
    assertThatThrownBy(() -> MyStaffSettings.builder().temporaryPasswordLength(length).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("temporary password length");
  }

  @ParameterizedTest
  @ValueSource(ints = {16, 64, 256})
  void temporaryPasswordLength_inRange_kept(int length) {
    assertThat(
            MyStaffSettings.builder()
                .temporaryPasswordLength(length)
                .build()
                .temporaryPasswordLength())
        .isEqualTo(length);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "us", "USA", "U1", " US"})
  void defaultPhoneRegion_notTwoUpperCaseLetters_rejected(String region) {
    assertThatThrownBy(
            () -> MyStaffSettings.builder().defaultPhoneRegion(Optional.of(region)).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("default phone region");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, PageRequest.MAX_SIZE + 1})
  void maxPageSize_outOfRange_rejected(int size) {
    assertThatThrownBy(() -> MyStaffSettings.builder().maxPageSize(size).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("max page size");
  }

  @Test
  void cap_largerRequest_cappedKeepingCursor() {
    MyStaffSettings s = MyStaffSettings.builder().maxPageSize(10).build();
    assertThat(s.cap(PageRequest.after("c1", 50))).isEqualTo(PageRequest.after("c1", 10));
  }

  @Test
  void cap_smallerRequest_unchanged() {
    MyStaffSettings s = MyStaffSettings.builder().maxPageSize(10).build();
    PageRequest small = PageRequest.first(3);
    assertThat(s.cap(small)).isSameAs(small);
  }
}
