package io.mystaff.membership;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The syntax tree of a membership rule: conditions ({@link Comparison}) combined by {@link Not},
 * {@link And} and {@link Or}. Every node is an immutable record, compared by structure.
 *
 * <p>Every expression that can be constructed is valid: its comparisons pair operators with values
 * they accept, its regular expressions compile, and it nests at most {@link #MAX_DEPTH} levels.
 * {@link #canonicalText()} (also {@code toString()}) prints it so that {@link MembershipRule#parse}
 * of that text yields an equal expression, provided the text stays within {@link
 * MembershipRule#MAX_LENGTH} characters.
 *
 * <p>{@code -and} and {@code -or} are associative, so nested conjunctions and nested disjunctions
 * are flattened on construction: {@code (a -and b) -and c} and {@code a -and (b -and c)} are both
 * {@code And[a, b, c]}.
 */
public sealed interface RuleExpression {

  /** How deeply {@code -not}, {@code -and} and {@code -or} may nest in an expression. */
  int MAX_DEPTH = 64;

  /**
   * How deeply logical operators nest: 0 for a comparison, one more than the deepest operand for
   * {@code -not}, {@code -and} and {@code -or}. Never more than {@link #MAX_DEPTH}.
   */
  int depth();

  /**
   * The canonical rule text: hyphenated operators in their documented spelling, canonical property
   * names, double-quoted strings, and only the parentheses that precedence needs (plus those around
   * the operand of {@code -not}).
   */
  default String canonicalText() {
    return CanonicalText.print(this);
  }

  /** The conjunction of {@code operands} (at least two). */
  static RuleExpression and(RuleExpression... operands) {
    return new And(Arrays.asList(operands));
  }

  /** The disjunction of {@code operands} (at least two). */
  static RuleExpression or(RuleExpression... operands) {
    return new Or(Arrays.asList(operands));
  }

  /** The negation of {@code operand}. */
  static RuleExpression not(RuleExpression operand) {
    return new Not(operand);
  }

  /**
   * {@code -and}: true when every operand is true.
   *
   * @param operands two or more expressions; an operand that is itself a conjunction contributes
   *     its operands instead
   */
  record And(List<RuleExpression> operands) implements RuleExpression {
    /**
     * @throws InvalidInputException if there are fewer than two operands or the result nests deeper
     *     than {@link #MAX_DEPTH}
     */
    public And {
      operands = flatten(operands, And.class, "-and");
    }

    @Override
    public int depth() {
      return 1 + maxDepth(operands);
    }

    @Override
    public String toString() {
      return canonicalText();
    }
  }

  /**
   * {@code -or}: true when any operand is true.
   *
   * @param operands two or more expressions; an operand that is itself a disjunction contributes
   *     its operands instead
   */
  record Or(List<RuleExpression> operands) implements RuleExpression {
    /**
     * @throws InvalidInputException if there are fewer than two operands or the result nests deeper
     *     than {@link #MAX_DEPTH}
     */
    public Or {
      operands = flatten(operands, Or.class, "-or");
    }

    @Override
    public int depth() {
      return 1 + maxDepth(operands);
    }

    @Override
    public String toString() {
      return canonicalText();
    }
  }

  /**
   * {@code -not}: true when the operand is false.
   *
   * @param operand the negated expression
   */
  record Not(RuleExpression operand) implements RuleExpression {
    /**
     * @throws InvalidInputException if the result nests deeper than {@link #MAX_DEPTH}
     */
    public Not {
      requireNonNull(operand, "operand");
      checkDepth(1 + operand.depth());
    }

    @Override
    public int depth() {
      return 1 + operand.depth();
    }

    @Override
    public String toString() {
      return canonicalText();
    }
  }

  /**
   * A condition on one property: {@code user.department -eq "Sales"}.
   *
   * <p>Which values an operator accepts:
   *
   * <ul>
   *   <li>{@link RuleOperator#IN} and {@link RuleOperator#NOT_IN}: one or more strings;
   *   <li>every other operator: exactly one value;
   *   <li>a {@link RuleProperty.Type#BOOLEAN} property: {@code -eq} or {@code -ne} with a boolean;
   *   <li>a {@link RuleProperty.Type#STRING} property: strings, and {@code null} with {@code -eq}
   *       or {@code -ne} only;
   *   <li>{@code -match} and {@code -notMatch}: a string that is a valid regular expression of the
   *       bounded dialect described at {@link MembershipRule}.
   * </ul>
   *
   * @param property the property read from the user
   * @param operator how its value is compared
   * @param values the operands: a single one, or the list of {@code -in} / {@code -notIn}
   */
  record Comparison(RuleProperty property, RuleOperator operator, List<RuleValue> values)
      implements RuleExpression {
    /**
     * @throws InvalidInputException (field {@code membership rule}) if the operator does not accept
     *     these values for this property
     */
    public Comparison {
      requireNonNull(property, "property");
      requireNonNull(operator, "operator");
      values = List.copyOf(values);
      checkOperands(property, operator, values);
    }

    /** {@code user.<property> <operator> "<value>"} for a string property. */
    public static Comparison of(String property, RuleOperator operator, String value) {
      return new Comparison(RuleProperty.of(property), operator, List.of(RuleValue.text(value)));
    }

    /** {@code user.<property> <operator> <value>}. */
    public static Comparison of(RuleProperty property, RuleOperator operator, RuleValue value) {
      return new Comparison(property, operator, List.of(value));
    }

    /** {@code user.<property> -in [...]} or {@code -notIn [...]} over the given strings. */
    public static Comparison ofList(String property, RuleOperator operator, List<String> values) {
      List<RuleValue> texts = new ArrayList<>(values.size());
      for (String value : values) {
        texts.add(RuleValue.text(value));
      }
      return new Comparison(RuleProperty.of(property), operator, texts);
    }

    @Override
    public int depth() {
      return 0;
    }

    @Override
    public String toString() {
      return canonicalText();
    }

    /** The compiled regular expression of a {@code -match} or {@code -notMatch} operand. */
    static BoundedRegex compileRegex(String regex) {
      return BoundedRegex.compile(regex);
    }

    private static void checkOperands(
        RuleProperty property, RuleOperator operator, List<RuleValue> values) {
      if (operator.takesList()) {
        if (values.isEmpty()) {
          throw invalid(operator.token() + " needs a list of one or more strings");
        }
      } else if (values.size() != 1) {
        throw invalid(operator.token() + " compares with exactly one value; use -in for a list");
      }
      for (RuleValue value : values) {
        checkOperand(property, operator, value);
      }
      if (operator == RuleOperator.MATCH || operator == RuleOperator.NOT_MATCH) {
        compileRegex(((RuleValue.Text) values.get(0)).value());
      }
    }

    private static void checkOperand(
        RuleProperty property, RuleOperator operator, RuleValue value) {
      boolean equality = operator == RuleOperator.EQ || operator == RuleOperator.NE;
      if (property.type() == RuleProperty.Type.BOOLEAN) {
        if (!equality) {
          throw invalid(
              property + " is a boolean: compare it with -eq or -ne, not " + operator.token());
        }
        if (!(value instanceof RuleValue.Bool)) {
          throw invalid(property + " is a boolean: compare it with true or false, not " + value);
        }
      } else if (value instanceof RuleValue.Bool) {
        throw invalid(property + " is a string: write the value in quotes, \"" + value + "\"");
      } else if (value instanceof RuleValue.Null && !equality) {
        throw invalid("null can only be compared with -eq or -ne, not " + operator.token());
      }
    }
  }

  private static List<RuleExpression> flatten(
      List<RuleExpression> operands, Class<? extends RuleExpression> kind, String token) {
    List<RuleExpression> flat = new ArrayList<>(operands.size());
    for (RuleExpression operand : operands) {
      requireNonNull(operand, "operand");
      if (kind.isInstance(operand)) {
        flat.addAll(operand instanceof And a ? a.operands() : ((Or) operand).operands());
      } else {
        flat.add(operand);
      }
    }
    if (flat.size() < 2) {
      throw invalid(token + " needs at least two operands");
    }
    checkDepth(1 + maxDepth(flat));
    return List.copyOf(flat);
  }

  private static int maxDepth(List<RuleExpression> operands) {
    int max = 0;
    for (RuleExpression operand : operands) {
      max = Math.max(max, operand.depth());
    }
    return max;
  }

  private static void checkDepth(int depth) {
    if (depth > MAX_DEPTH) {
      throw invalid("-not, -and and -or nest deeper than " + MAX_DEPTH + " levels");
    }
  }

  private static InvalidInputException invalid(String reason) {
    return InvalidInputException.of(MembershipRule.FIELD, reason);
  }
}
