package io.mystaff.membership;

import static java.util.Objects.requireNonNull;

/**
 * The right-hand side of a {@link RuleExpression.Comparison}: a string, a boolean or {@code null}.
 * An unquoted number in a rule ({@code user.employeeId -eq 1042}) is the string of its digits.
 */
public sealed interface RuleValue {

  /** The {@code null} literal: {@code -eq null} tests absence, {@code -ne null} presence. */
  RuleValue NULL = new Null();

  /** A string value; compared case-insensitively, or a regular expression for {@code -match}. */
  static RuleValue text(String value) {
    return new Text(value);
  }

  /** A boolean value, for the boolean properties. */
  static RuleValue bool(boolean value) {
    return new Bool(value);
  }

  /**
   * A string value. Rules write it in double quotes, where a backtick escapes a double quote or a
   * backtick ({@code "say `"hi`""}), or in single quotes, where {@code ''} is one quote.
   *
   * @param value the text, possibly empty
   */
  record Text(String value) implements RuleValue {
    public Text {
      requireNonNull(value, "value");
    }

    /** The canonical quoted spelling, e.g. {@code "Sales"}. */
    @Override
    public String toString() {
      return CanonicalText.quote(value);
    }
  }

  /**
   * A boolean value, written {@code true} or {@code false}.
   *
   * @param value the boolean
   */
  record Bool(boolean value) implements RuleValue {
    @Override
    public String toString() {
      return Boolean.toString(value);
    }
  }

  /** The literal {@code null}; every instance equals {@link RuleValue#NULL}. */
  record Null() implements RuleValue {
    @Override
    public String toString() {
      return "null";
    }
  }
}
