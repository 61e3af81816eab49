package io.mystaff.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DirectoryOrderTest {
  private static User user(String id, String name) {
    return User.builder()
        .id(UserId.of(id))
        .userPrincipalName(id + "@contoso.com")
        .displayName(name)
        .build();
  }

  @Test
  void users_byNameIgnoringCase_thenById() {
    List<User> users =
        new ArrayList<>(
            List.of(user("b", "alice"), user("c", "Bob"), user("a", "ALICE"), user("d", "al")));
    users.sort(DirectoryOrder.USERS);
    assertThat(users).extracting(u -> u.id().value()).containsExactly("d", "a", "b", "c");
  }

  @Test
  void units_byNameIgnoringCase_thenById() {
    List<AdministrativeUnit> units =
        new ArrayList<>(
            List.of(
                AdministrativeUnit.assigned(UnitId.of("2"), "north"),
                AdministrativeUnit.assigned(UnitId.of("1"), "North"),
                AdministrativeUnit.assigned(UnitId.of("0"), "East")));
    units.sort(DirectoryOrder.UNITS);
    assertThat(units).extracting(u -> u.id().value()).containsExactly("0", "1", "2");
  }

  @Test
  void supplementaryCharacter_sortsAfterEveryBmpCharacter_unlikeUtf16Order() {
    String emoji = "a\uD83D\uDE00"; // U+1F600 is stored as the surrogates D83D DE00
    String bmpHigh = "a\uFF21"; // U+FF21 sorts above the surrogates in UTF-16 order
    assertThat(emoji.compareTo(bmpHigh)).as("the UTF-16 vendor bug").isNegative();
    assertThat(DirectoryOrder.compareNames(emoji, bmpHigh)).isPositive();
    assertThat(DirectoryOrder.compareCodePoints("x\uD83D\uDE00", "x\uFFFD")).isPositive();
    assertThat(DirectoryOrder.compare("n", "x\uD83D\uDE00", "N", "x\uFFFD"))
        .as("ties by id, by code point")
        .isPositive();
  }

  @Test
  void names_agreeWithUtf8ByteOrderOfCaseFoldedNames() {
    Random random = new Random(42);
    int[] pool = {
      'a',
      'B',
      'z',
      'é',
      'É',
      0x4E2D,
      0xFF21,
      0xFF41,
      0x1F600,
      0x20000,
      0x10400,
      0x10428,
      // ASCII around the letters (compared on a fast path) and letters folding into ASCII
      '@',
      'A',
      'Z',
      '[',
      '_',
      '`',
      '{',
      '0',
      'k',
      'K',
      0x212A,
      'i',
      'I',
      0x130,
      0x131,
      's',
      0x17F
    };
    for (int n = 0; n < 5_000; n++) {
      String a = randomName(random, pool);
      String b = randomName(random, pool);
      int expected = Integer.signum(compareBytes(fold(a), fold(b)));
      assertThat(Integer.signum(DirectoryOrder.compareNames(a, b)))
          .as("%s vs %s", a, b)
          .isEqualTo(expected);
      assertThat(Integer.signum(DirectoryOrder.compareNames(b, a))).isEqualTo(-expected);
    }
  }

  @Test
  void order_isTotal_equalOnlyForTheSameId() {
    assertThat(DirectoryOrder.compare("Al", "x", "al", "x")).isZero();
    assertThat(DirectoryOrder.compare("Al", "X", "al", "x")).isNegative();
    assertThat(new SortKey("al", "a")).isLessThan(new SortKey("AL", "b"));
    assertThat(DirectoryOrder.keyOf(user("u1", "Una"))).isEqualTo(new SortKey("Una", "u1"));
  }

  @Test
  void shorterNameThatIsAPrefix_sortsFirst() {
    assertThat(DirectoryOrder.compareNames("ann", "Anna")).isNegative();
    assertThat(DirectoryOrder.compareNames("Anna", "ann")).isPositive();
    assertThat(DirectoryOrder.compareNames("", "")).isZero();
  }

  private static String randomName(Random random, int[] pool) {
    StringBuilder s = new StringBuilder();
    int length = random.nextInt(4);
    for (int i = 0; i < length; i++) {
      s.appendCodePoint(pool[random.nextInt(pool.length)]);
    }
    return s.toString();
  }

  private static byte[] fold(String s) {
    StringBuilder out = new StringBuilder();
    s.codePoints()
        .forEach(c -> out.appendCodePoint(Character.toLowerCase(Character.toUpperCase(c))));
    return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static int compareBytes(byte[] a, byte[] b) {
    return java.util.Arrays.compareUnsigned(a, b);
  }
}
