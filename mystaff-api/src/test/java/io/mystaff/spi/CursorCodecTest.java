package io.mystaff.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.Page;
import io.mystaff.api.PageRequest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CursorCodecTest {
  private static final byte[] KEY =
      "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private final CursorCodec codec = CursorCodec.withKey(KEY);

  /** No entry is known by any id: the cursor's own key is all there is. */
  private static Optional<String> nobody(String id) {
    return Optional.empty();
  }

  @Test
  void roundTrip_keepsTheKeyExactly() {
    for (SortKey key :
        List.of(
            new SortKey("Ann", "u1"),
            new SortKey("名前 😀", "用户"),
            new SortKey("x".repeat(256), "i".repeat(256)))) {
      String cursor = codec.encode("members:north", key);
      assertThat(codec.decode("members:north", cursor, CursorCodecTest::nobody)).isEqualTo(key);
      assertThat(cursor.length()).isLessThanOrEqualTo(PageRequest.MAX_CURSOR_LENGTH);
    }
  }

  @Test
  void roundTrip_unpairedSurrogates_keepTheKeyExactly() {
    // UTF-8 cannot carry them (it writes '?'): the key would resume at another position
    for (SortKey key :
        List.of(
            new SortKey("x\uD83Dy", "u1"),
            new SortKey("\uDE00z", "\uD83D"),
            new SortKey("Ann \uD83D\uDE00 \uD83D", "id\uDC00"),
            new SortKey("\uD83D".repeat(200), "\uDE00".repeat(100)))) {
      String cursor = codec.encode("all", key);
      assertThat(codec.decode("all", cursor, CursorCodecTest::nobody))
          .isEqualTo(key)
          .satisfies(decoded -> assertThat(decoded.displayName()).isEqualTo(key.displayName()));
      assertThat(cursor.length()).isLessThanOrEqualTo(PageRequest.MAX_CURSOR_LENGTH);
    }
  }

  @Test
  void longestNonAsciiKeys_fitThePageRequestLimit() {
    String[] characters = {"名", "\uD83D\uDE00", "é", "a"};
    for (String n : characters) {
      for (String i : characters) {
        String name = n.repeat(256 / n.length());
        String id = i.repeat(256 / i.length());
        String cursor = codec.encode("users:" + "q".repeat(256), new SortKey(name, id));
        assertThat(cursor.length())
            .as("%s/%s", n, i)
            .isLessThanOrEqualTo(PageRequest.MAX_CURSOR_LENGTH);
        PageRequest.after(cursor, 10); // accepted by the request's own check
      }
    }
  }

  @Test
  void cutName_isExactAgainWhileTheEntryKeepsItsName() {
    SortKey key = new SortKey("名".repeat(255) + "0", "用户".repeat(127) + "0");
    String cursor = codec.encode("all", key);
    assertThat(
            codec.decode(
                "all",
                cursor,
                id -> id.equals(key.id()) ? Optional.of(key.displayName()) : Optional.empty()))
        .isEqualTo(key);
  }

  @Test
  void cutName_ofARenamedEntry_resumesAtOrBeforeTheOriginalPosition() {
    SortKey key = new SortKey("名".repeat(255) + "0", "用户".repeat(127) + "0");
    String cursor = codec.encode("all", key);
    SortKey renamed = codec.decode("all", cursor, id -> Optional.of("Someone else"));
    SortKey removed = codec.decode("all", cursor, CursorCodecTest::nobody);
    assertThat(removed).isEqualTo(renamed);
    assertThat(removed.id()).isEqualTo(key.id());
    assertThat(key.displayName()).startsWith(removed.displayName());
    assertThat(removed.displayName().length())
        .isGreaterThan(100)
        .isLessThan(key.displayName().length());
    assertThat(removed).isLessThan(key);
  }

  @Test
  void cut_neverSplitsASurrogatePair() {
    SortKey key = new SortKey("\uD83D\uDE00".repeat(128), "\uD83D\uDE01".repeat(128));
    SortKey decoded = codec.decode("all", codec.encode("all", key), CursorCodecTest::nobody);
    assertThat(decoded.displayName().codePoints().allMatch(Character::isSupplementaryCodePoint))
        .isTrue();
  }

  @Test
  void cursorOfAnotherListing_isRejected() {
    String cursor = codec.encode("members:north", new SortKey("Ann", "u1"));
    assertThatThrownBy(() -> codec.decode("members:south", cursor, CursorCodecTest::nobody))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("page cursor")
        .hasMessageNotContaining("Ann");
  }

  @Test
  void cursorOfAnotherKey_isRejected_sameKeyAccepted() {
    String cursor = codec.encode("all", new SortKey("Ann", "u1"));
    assertThat(CursorCodec.withKey(KEY.clone()).decode("all", cursor, CursorCodecTest::nobody))
        .isEqualTo(new SortKey("Ann", "u1"));
    assertThatThrownBy(
            () -> CursorCodec.withRandomKey().decode("all", cursor, CursorCodecTest::nobody))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void everySingleCharacterChange_isRejected() {
    String cursor = codec.encode("all", new SortKey("Ann", "u1"));
    for (int i = 0; i < cursor.length(); i++) {
      char c = cursor.charAt(i);
      String tampered = cursor.substring(0, i) + (c == 'A' ? 'B' : 'A') + cursor.substring(i + 1);
      int at = i;
      assertThatThrownBy(() -> codec.decode("all", tampered, CursorCodecTest::nobody))
          .as("at %d", at)
          .isInstanceOf(InvalidInputException.class);
    }
    for (String junk : List.of("!", "", "AA", cursor.substring(3))) {
      assertThatThrownBy(() -> codec.decode("all", junk, CursorCodecTest::nobody))
          .isInstanceOf(InvalidInputException.class);
    }
  }

  @Test
  void shortKey_isRefused() {
    assertThatThrownBy(() -> CursorCodec.withKey(new byte[15]))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("cursor key");
  }

  @Test
  void page_cursorOnlyWhenMoreFollow_andAfterResumes() {
    List<SortKey> keys =
        List.of(new SortKey("a", "1"), new SortKey("b", "2"), new SortKey("c", "3"));
    Page<SortKey> first = codec.page("l", keys.iterator(), 2, k -> k);
    assertThat(first.items()).containsExactly(keys.get(0), keys.get(1));
    assertThat(
            codec.after(
                "l",
                PageRequest.after(first.nextCursor().orElseThrow(), 2),
                CursorCodecTest::nobody))
        .contains(keys.get(1));
    assertThat(codec.page("l", keys.iterator(), 3, k -> k).nextCursor()).isEmpty();
    assertThat(codec.after("l", PageRequest.first(2), CursorCodecTest::nobody)).isEmpty();
  }
}
