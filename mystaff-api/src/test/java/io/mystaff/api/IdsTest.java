package io.mystaff.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdsTest {

  @Test
  void of_validValue_roundTrips() {
    UserId id = UserId.of("6f1e2d3c-0000-4000-8000-000000000001");
    assertThat(id.value()).isEqualTo("6f1e2d3c-0000-4000-8000-000000000001");
    assertThat(id.toString()).isEqualTo(id.value());
    assertThat(id).isEqualTo(UserId.of(id.value())).isNotEqualTo(UserId.of("other"));
  }

  /**
   * The ids compare their values' hashes before their characters: equality must still be exactly
   * equality of the values, for distinct instances, and for values whose hashes collide (every
   * string of "Aa" and "BB" blocks of one length has the same {@link String#hashCode}).
   */
  @Test
  void equals_isValueEquality_evenWhenHashesCollide() {
    long seed = 0x13_0002L;
    java.util.Random random = new java.util.Random(seed);
    for (int i = 0; i < 2_000; i++) {
      String a = collidingValue(random);
      String b = random.nextInt(4) == 0 ? new String(a.toCharArray()) : collidingValue(random);
      assertThat(a.hashCode()).isEqualTo(b.hashCode());
      boolean same = a.equals(b);
      String why = "seed " + seed + ", values " + a + " and " + b;
      assertThat(UserId.of(a).equals(UserId.of(b))).as(why).isEqualTo(same);
      assertThat(UnitId.of(a).equals(UnitId.of(b))).as(why).isEqualTo(same);
      assertThat(RoleId.of(a).equals(RoleId.of(b))).as(why).isEqualTo(same);
      Object unitWithSameValue = UnitId.of(a);
      assertThat(UserId.of(a).equals(unitWithSameValue)).as(why).isFalse();
      assertThat(UnitId.of(a).hashCode()).isEqualTo(a.hashCode());
      assertThat(RoleId.of(a).hashCode()).isEqualTo(a.hashCode());
      UserId id = UserId.of(a);
      assertThat(id.equals(id)).isTrue();
      if (same) {
        assertThat(UserId.of(a).hashCode()).isEqualTo(UserId.of(b).hashCode());
      }
    }
  }

  /** Eight blocks, each "Aa" or "BB": 256 values sharing one hash. */
  private static String collidingValue(java.util.Random random) {
    StringBuilder s = new StringBuilder();
    for (int k = 0; k < 8; k++) {
      s.append(random.nextBoolean() ? "Aa" : "BB");
    }
    return s.toString();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "a b", "tab\there", "new\nline"})
  void of_malformed_throwsTypedError(String value) {
    assertThatThrownBy(() -> UserId.of(value))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).code())
        .isEqualTo(ErrorCode.INVALID_INPUT);
  }

  /** Characters that make one id look like another, or reorder what a reader sees. */
  private static final String[] INVISIBLE = {
    "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", // zero-width
    "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", // embeddings and overrides
    "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C", // isolates and marks
    "\u0000", "\u0007", "\u007F", "\u0085"
  }; // controls

  @Test
  void bidiOverrideInUserIdRejected() {
    // "alice" followed by RIGHT-TO-LEFT OVERRIDE and a reversed "nimda": displays as "aliceadmin".
    InvalidInputException e = catchInvalid(() -> UserId.of("alice\u202Enimda"));
    assertThat(e.violations())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.field()).isEqualTo("user id");
              assertThat(v.reason()).contains("bidirectional");
            });
    assertThat(e.getMessage()).doesNotContain("alice").doesNotContain("nimda");
  }

  @Test
  void invisibleCharacterInAnyIdRejected() {
    for (String c : INVISIBLE) {
      String value = "id" + c + "1";
      String code = String.format("U+%04X", (int) c.charAt(0));
      assertThat(catchInvalid(() -> UserId.of(value)).violations().get(0).field())
          .as(code)
          .isEqualTo("user id");
      assertThat(catchInvalid(() -> UnitId.of(value)).violations().get(0).field())
          .as(code)
          .isEqualTo("administrative-unit id");
      assertThat(catchInvalid(() -> GroupId.of(value)).violations().get(0).field())
          .as(code)
          .isEqualTo("group id");
      assertThat(catchInvalid(() -> RoleId.of(value)).violations().get(0).field())
          .as(code)
          .isEqualTo("role-definition id");
      assertThat(catchInvalid(() -> AssignmentId.of(value)).violations().get(0).field())
          .as(code)
          .isEqualTo("role-assignment id");
      assertThat(catchInvalid(() -> UserId.of(c + "id")).violations())
          .as(code + " first")
          .hasSize(1);
      assertThat(catchInvalid(() -> UserId.of("id" + c)).violations())
          .as(code + " last")
          .hasSize(1);
    }
  }

  @Test
  void visibleNeighboursOfTheInvisibleRangesAccepted() {
    // Just outside each rejected range: hyphens, dashes, quotes, the narrow no-break space aside.
    for (String c :
        new String[] {
          "\u2010", "\u2011", "\u2029x", "\u2030", "\u2065", "\u206A", "\u061B", "\u061D", "\u2061",
          "\uFEFE", "\uFF00", "\u00E9", "\u4E2D"
        }) {
      if (c.chars().anyMatch(Character::isWhitespace)) {
        continue;
      }
      assertThat(UserId.of("id" + c).value()).isEqualTo("id" + c);
    }
  }

  private static InvalidInputException catchInvalid(Runnable r) {
    try {
      r.run();
    } catch (InvalidInputException e) {
      return e;
    }
    throw new AssertionError("not rejected");
  }

  @Test
  void of_null_throwsTypedError() {
    assertThatThrownBy(() -> UnitId.of(null)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void of_tooLong_throwsTypedError() {
    assertThatThrownBy(() -> RoleId.of("x".repeat(257))).isInstanceOf(InvalidInputException.class);
    assertThat(RoleId.of("x".repeat(256)).value()).hasSize(256);
  }

  @Test
  void pageRequest_outOfRange_rejected() {
    assertThatThrownBy(() -> PageRequest.first(0)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> PageRequest.first(PageRequest.MAX_SIZE + 1))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> PageRequest.after("", 10)).isInstanceOf(InvalidInputException.class);
  }
}
