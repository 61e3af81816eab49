package io.mystaff.membership;

import io.mystaff.membership.RuleExpression.And;
import io.mystaff.membership.RuleExpression.Comparison;
import io.mystaff.membership.RuleExpression.Not;
import io.mystaff.membership.RuleExpression.Or;
import java.util.List;

/**
 * Prints expressions as rule text that {@link RuleParser} reads back into equal expressions.
 * Recursion is bounded by {@link RuleExpression#MAX_DEPTH}.
 */
final class CanonicalText {
  private CanonicalText() {}

  static String print(RuleExpression expression) {
    StringBuilder out = new StringBuilder();
    append(out, expression);
    return out.toString();
  }

  /** {@code value} in double quotes, with backtick escapes for double quotes and backticks. */
  static String quote(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '`') {
        out.append('`');
      }
      out.append(c);
    }
    return out.append('"').toString();
  }

  private static void append(StringBuilder out, RuleExpression expression) {
    if (expression instanceof Comparison c) {
      appendComparison(out, c);
    } else if (expression instanceof Not n) {
      out.append("-not ");
      // The operand of -not is parenthesised, as Entra's documentation writes it; -not -not x
      // needs none.
      appendGrouped(out, n.operand(), !(n.operand() instanceof Not));
    } else if (expression instanceof And a) {
      // -and binds tighter than -or, so only a disjunction operand needs parentheses.
      appendJoined(out, a.operands(), " -and ", true);
    } else {
      appendJoined(out, ((Or) expression).operands(), " -or ", false);
    }
  }

  private static void appendJoined(
      StringBuilder out, List<RuleExpression> operands, String operator, boolean groupOr) {
    for (int i = 0; i < operands.size(); i++) {
      if (i > 0) {
        out.append(operator);
      }
      RuleExpression operand = operands.get(i);
      appendGrouped(out, operand, groupOr && operand instanceof Or);
    }
  }

  private static void appendGrouped(StringBuilder out, RuleExpression expression, boolean group) {
    if (group) {
      out.append('(');
    }
    append(out, expression);
    if (group) {
      out.append(')');
    }
  }

  private static void appendComparison(StringBuilder out, Comparison c) {
    out.append(c.property()).append(' ').append(c.operator().token()).append(' ');
    if (c.operator().takesList()) {
      out.append('[');
      for (int i = 0; i < c.values().size(); i++) {
        if (i > 0) {
          out.append(", ");
        }
        out.append(c.values().get(i));
      }
      out.append(']');
    } else {
      out.append(c.values().get(0));
    }
  }
}
