package io.mystaff.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.PageRequest;
import io.mystaff.core.access.FeatureAvailability;
import java.util.Optional;
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
  }

  @Test
  void toBuilder_build_equalSettings() {
    MyStaffSettings s = MyStaffSettings.builder()
        .availability(FeatureAvailability.none())
        .managerChosenPasswordsForCloudUsers(true)
        .temporaryPasswordLength(24)
        .defaultPhoneRegion(Optional.of("US"))
        .maxPageSize(7)
        .build();
    assertThat(s.toBuilder().build()).isEqualTo(s);
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
    assertThat(MyStaffSettings.builder().temporaryPasswordLength(length).build().temporaryPasswordLength())
        .isEqualTo(length);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "us", "USA", "U1", " US"})
  void defaultPhoneRegion_notTwoUpperCaseLetters_rejected(String region) {
    assertThatThrownBy(() -> MyStaffSettings.builder().defaultPhoneRegion(Optional.of(region)).build())
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
