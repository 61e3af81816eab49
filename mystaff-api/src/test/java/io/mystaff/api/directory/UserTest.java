package io.mystaff.api.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.UserId;
import org.junit.jupiter.api.Test;

class UserTest {
  private final User alice =
      User.builder()
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
  void zeroWidthOrBidiInUserPrincipalNameRejected() {
    for (String upn :
        new String[] {
          "ad\u200Bmin@contoso.com",
          "admin@contoso\u202E.com",
          "\uFEFFadmin@contoso.com",
          "admin@con\u2066toso.com",
          "admin\u0000@contoso.com"
        }) {
      assertThatThrownBy(() -> alice.toBuilder().userPrincipalName(upn).build())
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e -> {
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(v -> assertThat(v.field()).isEqualTo("user principal name"));
                assertThat(e.getMessage()).doesNotContain("admin").doesNotContain("contoso");
              });
    }
  }

  @Test
  void bidiOverrideInDisplayNameRejected() {
    for (String name :
        new String[] {"Alice \u202Enimda", "Al\u200Dice", "Alice\u061C", "Alice\u0007"}) {
      assertThatThrownBy(() -> alice.toBuilder().displayName(name).build())
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e ->
                  assertThat(e.violations())
                      .singleElement()
                      .satisfies(v -> assertThat(v.field()).isEqualTo("display name")));
    }
    assertThat(alice.toBuilder().displayName("Zoë Ünal-Ça\u011Flar").build().displayName())
        .startsWith("Zo");
  }

  @Test
  void userType_memberByDefault_guestKeptByToBuilderAndEquals() {
    assertThat(alice.userType()).isEqualTo(UserType.MEMBER);
    assertThat(alice.isGuest()).isFalse();
    User guest = alice.toBuilder().userType(UserType.GUEST).build();
    assertThat(guest.isGuest()).isTrue();
    assertThat(guest.toBuilder().build()).isEqualTo(guest);
    assertThat(guest).isNotEqualTo(alice);
    assertThatThrownBy(() -> alice.toBuilder().userType(null).build())
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> alice.toBuilder().attribute("userType", "Guest").build())
        .isInstanceOf(InvalidInputException.class);
    assertThat(UserType.fromGraphName("guest")).contains(UserType.GUEST);
    assertThat(UserType.fromGraphName("Member")).contains(UserType.MEMBER);
    assertThat(UserType.fromGraphName("Robot")).isEmpty();
  }

  @Test
  void toBuilder_roundTrips() {
    assertThat(alice.toBuilder().build()).isEqualTo(alice);
    assertThat(alice.toBuilder().version(1).build()).isNotEqualTo(alice);
  }

  @Test
  void attributes_anotherUsersMap_sharedUntilChanged() {
    User bob =
        User.builder()
            .id(UserId.of("u2"))
            .userPrincipalName("bob@contoso.com")
            .displayName("Bob")
            .attributes(alice.attributes())
            .build();
    assertThat(bob.attributes()).isSameAs(alice.attributes());
    User moved = bob.toBuilder().attributes(alice.attributes()).attribute("city", "Oslo").build();
    assertThat(moved.attributes())
        .isNotSameAs(alice.attributes())
        .containsEntry("department", "Sales")
        .containsEntry("city", "Oslo")
        .hasSize(2);
    assertThat(alice.attributes()).hasSize(1);
    // a plain map is checked and copied as before
    assertThatThrownBy(
            () -> bob.toBuilder().attributes(java.util.Map.of("userType", "Guest")).build())
        .isInstanceOf(InvalidInputException.class);
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
    assertThatThrownBy(() -> PhoneNumber.of("4255550100"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> PhoneNumber.of("+04255550100"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> PhoneNumber.of("+14255550100", "12a"))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void dynamicUnit_requiresRule() {
    assertThatThrownBy(
            () ->
                new AdministrativeUnit(
                    io.mystaff.api.UnitId.of("x"),
                    "X",
                    java.util.Optional.empty(),
                    MembershipType.DYNAMIC,
                    java.util.Optional.empty(),
                    false))
        .isInstanceOf(InvalidInputException.class);
  }
}
