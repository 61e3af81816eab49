package io.mystaff.api.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.UserId;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SignInContextTest {
  private static final UserId NINA = UserId.of("nina");

  @ParameterizedTest
  @CsvSource({
    "203.0.113.7, 203.0.113.7",
    "0.0.0.0, 0.0.0.0",
    "255.255.255.255, 255.255.255.255",
    "2001:DB8::1, 2001:db8:0:0:0:0:0:1",
    "::1, 0:0:0:0:0:0:0:1",
    "::, 0:0:0:0:0:0:0:0",
    "fe80:0:0:0:0:0:0:1, fe80:0:0:0:0:0:0:1",
    "::ffff:192.0.2.1, 192.0.2.1",
    "64:ff9b::192.0.2.33, 64:ff9b:0:0:0:0:c000:221",
  })
  void clientIp_literal_keptInCanonicalForm(String given, String canonical) {
    assertThat(SignInContext.of(NINA, true).withClientIp(given).clientIp()).contains(canonical);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "localhost",
        "example.com",
        "abc",
        "cafe",
        "1.2.3",
        "1.2.3.4.5",
        "256.1.1.1",
        "01.2.3.4",
        "1..2.3",
        "1.2.3.4 ",
        " 1.2.3.4",
        "1.2.3.-4",
        "+1.2.3.4",
        "1:2",
        "2001:db8::1::2",
        "fe80::1%eth0",
        "[::1]",
        "::ffff:1.2.3",
        "::ffff:300.1.1.1",
        "2001:db8:0:0:0:0:0:0:1",
        "1.2.3.4:80",
        "g::1",
        "2001:db8::1/64",
        "::1\n",
        "١.٢.٣.٤",
      })
  void clientIp_notALiteral_rejectedWithoutEchoingIt(String given) {
    assertThatThrownBy(() -> new SignInContext(NINA, false, Optional.of(given)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.violations())
                  .singleElement()
                  .satisfies(v -> assertThat(v.field()).isEqualTo("clientIp"));
              if (given.trim().length() > 1) {
                assertThat(e.getMessage()).doesNotContain(given.trim());
              }
            });
  }

  @ParameterizedTest
  @ValueSource(ints = {46, 100, 10_000})
  void clientIp_tooLong_rejected(int length) {
    assertThatThrownBy(() -> SignInContext.of(NINA, true).withClientIp(":".repeat(length)))
        .isInstanceOf(InvalidInputException.class);
  }

  @org.junit.jupiter.api.Test
  void clientIp_absent_staysAbsent() {
    assertThat(SignInContext.of(NINA, true).clientIp()).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void missingUser_isInvalidInputNamingTheField() {
    assertThatThrownBy(() -> SignInContext.of(null, true))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(v -> assertThat(v.field()).isEqualTo("user")));
    assertThatThrownBy(() -> new SignInContext(null, false, Optional.empty()))
        .isInstanceOf(InvalidInputException.class);
  }

  @org.junit.jupiter.api.Test
  void missingClientIp_isInvalidInputNamingTheField() {
    assertThatThrownBy(() -> new SignInContext(NINA, false, null))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(v -> assertThat(v.field()).isEqualTo("clientIp")));
    assertThatThrownBy(() -> SignInContext.of(NINA, false).withClientIp(null))
        .isInstanceOf(InvalidInputException.class);
  }
}
