package io.mystaff.membership;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A comparison operator of Entra's membership rule language, with its canonical {@code -token}
 * spelling. Every operator has a negated twin ({@link #negated()}), and the twin's result is always
 * the exact opposite of the operator's, also when the property is absent.
 *
 * <p>All string comparisons are case-insensitive, as in Entra; {@link #MATCH} uses a regular
 * expression that is compiled case-insensitively and may match anywhere in the value.
 */
public enum RuleOperator {
  /** {@code -eq}: equal (or, against {@code null}, absent). */
  EQ("-eq"),
  /** {@code -ne}: not equal (or, against {@code null}, present). */
  NE("-ne"),
  /** {@code -startsWith}: the value begins with the operand. */
  STARTS_WITH("-startsWith"),
  /** {@code -notStartsWith}: the value is absent or does not begin with the operand. */
  NOT_STARTS_WITH("-notStartsWith"),
  /** {@code -endsWith}: the value ends with the operand. */
  ENDS_WITH("-endsWith"),
  /** {@code -notEndsWith}: the value is absent or does not end with the operand. */
  NOT_ENDS_WITH("-notEndsWith"),
  /** {@code -contains}: the operand occurs somewhere in the value. */
  CONTAINS("-contains"),
  /** {@code -notContains}: the value is absent or the operand occurs nowhere in it. */
  NOT_CONTAINS("-notContains"),
  /** {@code -in}: the value equals one of the listed operands ({@code [ "a", "b" ]}). */
  IN("-in"),
  /** {@code -notIn}: the value is absent or equals none of the listed operands. */
  NOT_IN("-notIn"),
  /** {@code -match}: the regular expression finds a match somewhere in the value. */
  MATCH("-match"),
  /** {@code -notMatch}: the value is absent or the regular expression finds no match in it. */
  NOT_MATCH("-notMatch");

  private static final Map<String, RuleOperator> BY_NAME =
      Stream.of(values())
          .collect(
              Collectors.toUnmodifiableMap(
                  o -> o.token.substring(1).toLowerCase(Locale.ROOT), Function.identity()));

  private final String token;

  RuleOperator(String token) {
    this.token = token;
  }

  /** The canonical spelling, e.g. {@code -startsWith}. */
  public String token() {
    return token;
  }

  /** The operator whose result is always the opposite of this one's ({@code EQ <-> NE}, ...). */
  public RuleOperator negated() {
    return switch (this) {
      case EQ -> NE;
      case NE -> EQ;
      case STARTS_WITH -> NOT_STARTS_WITH;
      case NOT_STARTS_WITH -> STARTS_WITH;
      case ENDS_WITH -> NOT_ENDS_WITH;
      case NOT_ENDS_WITH -> ENDS_WITH;
      case CONTAINS -> NOT_CONTAINS;
      case NOT_CONTAINS -> CONTAINS;
      case IN -> NOT_IN;
      case NOT_IN -> IN;
      case MATCH -> NOT_MATCH;
      case NOT_MATCH -> MATCH;
    };
  }

  /** True for the {@code -not...} and {@code -ne} forms, whose result negates their twin's. */
  public boolean isNegative() {
    return switch (this) {
      case NE, NOT_STARTS_WITH, NOT_ENDS_WITH, NOT_CONTAINS, NOT_IN, NOT_MATCH -> true;
      case EQ, STARTS_WITH, ENDS_WITH, CONTAINS, IN, MATCH -> false;
    };
  }

  /** True for {@link #IN} and {@link #NOT_IN}, whose operand is a bracketed list of values. */
  public boolean takesList() {
    return this == IN || this == NOT_IN;
  }

  /**
   * The operator spelled {@code spelling}: case-insensitive, with or without the leading hyphen
   * (Entra accepts both), e.g. {@code -startswith} or {@code notIn}.
   */
  public static Optional<RuleOperator> fromToken(String spelling) {
    String name = spelling.startsWith("-") ? spelling.substring(1) : spelling;
    return Optional.ofNullable(BY_NAME.get(name.toLowerCase(Locale.ROOT)));
  }
}
