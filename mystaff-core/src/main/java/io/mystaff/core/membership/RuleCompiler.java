package io.mystaff.core.membership;

import io.mystaff.api.directory.User;
import io.mystaff.core.membership.RuleExpression.And;
import io.mystaff.core.membership.RuleExpression.Comparison;
import io.mystaff.core.membership.RuleExpression.Not;
import io.mystaff.core.membership.RuleExpression.Or;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Turns an expression into a predicate over users, doing once what can be done once: regular
 * expressions are compiled and {@code -in} lists become hash sets of case-folded strings.
 *
 * <p>A negative operator is the negation of its positive twin, so absent values satisfy every
 * negative operator and no positive one (except {@code -eq null}).
 *
 * <p>Regular expressions run against a step budget: a pattern that backtracks catastrophically
 * (or recurses deeply enough to overflow the stack) makes the whole evaluation {@linkplain
 * Undecided undecided} instead of hanging the caller.
 */
final class RuleCompiler {
  /** Characters a single {@code -match} may examine, backtracking included. */
  static final long REGEX_STEP_BUDGET = 10_000_000L;

  private RuleCompiler() {}

  /** Thrown through an evaluation whose {@code -match} exceeded its budget; carries no stack. */
  static final class Undecided extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final Undecided INSTANCE = new Undecided();

    private Undecided() {
      super("a regular expression exceeded its step budget", null, false, false);
    }
  }

  static Predicate<User> compile(RuleExpression expression) {
    if (expression instanceof And a) {
      List<Predicate<User>> operands = a.operands().stream().map(RuleCompiler::compile).toList();
      return user -> {
        for (Predicate<User> operand : operands) {
          if (!operand.test(user)) {
            return false;
          }
        }
        return true;
      };
    }
    if (expression instanceof Or o) {
      List<Predicate<User>> operands = o.operands().stream().map(RuleCompiler::compile).toList();
      return user -> {
        for (Predicate<User> operand : operands) {
          if (operand.test(user)) {
            return true;
          }
        }
        return false;
      };
    }
    if (expression instanceof Not n) {
      return compile(n.operand()).negate();
    }
    Comparison c = (Comparison) expression;
    Predicate<User> positive = positive(c.property(), c.operator().isNegative()
        ? c.operator().negated()
        : c.operator(), c.values());
    return c.operator().isNegative() ? positive.negate() : positive;
  }

  private static Predicate<User> positive(
      RuleProperty property, RuleOperator operator, List<RuleValue> values) {
    RuleValue first = values.get(0);
    if (first instanceof RuleValue.Bool b) {
      boolean expected = b.value();
      return user -> property.readBoolean(user) == expected;
    }
    if (first instanceof RuleValue.Null) {
      return user -> property.readString(user).isEmpty();
    }
    String operand = ((RuleValue.Text) first).value();
    switch (operator) {
      case EQ:
        return present(property, value -> value.equalsIgnoreCase(operand));
      case STARTS_WITH:
        return present(property,
            value -> value.regionMatches(true, 0, operand, 0, operand.length()));
      case ENDS_WITH:
        return present(property, value -> value.regionMatches(
            true, value.length() - operand.length(), operand, 0, operand.length()));
      case CONTAINS:
        return present(property, value -> contains(value, operand));
      case IN: {
        Set<String> folded = new HashSet<>();
        for (RuleValue value : values) {
          folded.add(fold(((RuleValue.Text) value).value()));
        }
        return present(property, value -> folded.contains(fold(value)));
      }
      case MATCH: {
        Pattern pattern = Comparison.compileRegex(operand);
        return present(property, value -> find(pattern, value));
      }
      default:
        throw new AssertionError("not a positive operator: " + operator);
    }
  }

  private static Predicate<User> present(RuleProperty property, Predicate<String> test) {
    return user -> {
      Optional<String> value = property.readString(user);
      return value.isPresent() && test.test(value.get());
    };
  }

  private static boolean contains(String value, String operand) {
    for (int i = 0; i + operand.length() <= value.length(); i++) {
      if (value.regionMatches(true, i, operand, 0, operand.length())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Case-folds per code point, so that {@code fold(a).equals(fold(b))} exactly when {@code
   * a.equalsIgnoreCase(b)}.
   */
  static String fold(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(cp -> out.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp))));
    return out.toString();
  }

  private static boolean find(Pattern pattern, String value) {
    try {
      return pattern.matcher(new BoundedText(value, REGEX_STEP_BUDGET)).find();
    } catch (StackOverflowError e) {
      // java.util.regex recurses per repetition of some constructs; the matcher is local, so
      // nothing is left half-done when the stack unwinds to here.
      throw Undecided.INSTANCE;
    }
  }

  /** A string whose characters may be read only so many times before {@link Undecided}. */
  private static final class BoundedText implements CharSequence {
    private final String text;
    private long remaining;

    BoundedText(String text, long budget) {
      this.text = text;
      this.remaining = budget;
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public char charAt(int index) {
      if (--remaining < 0) {
        throw Undecided.INSTANCE;
      }
      return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new BoundedText(text.substring(start, end), remaining);
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
