package io.mystaff.membership;

import io.mystaff.api.directory.User;
import io.mystaff.membership.RuleExpression.And;
import io.mystaff.membership.RuleExpression.Comparison;
import io.mystaff.membership.RuleExpression.Not;
import io.mystaff.membership.RuleExpression.Or;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns an expression into an evaluator over users, doing once what can be done once: regular
 * expressions are compiled and {@code -in} lists become hash sets of case-folded strings.
 *
 * <p>A negative operator is the negation of its positive twin, so absent values satisfy every
 * negative operator and no positive one (except {@code -eq null}).
 *
 * <p>Evaluation is three-valued and iterative: {@code -and}, {@code -or} and {@code -not} combine
 * {@link RuleOutcome}s by Kleene's logic on an explicit stack (as deep as the expression, at most
 * {@link RuleExpression#MAX_DEPTH} + 1), so the outcome never depends on the evaluating thread's
 * stack size; and every {@code -match} runs on a {@link BoundedRegex} that charges each step to the
 * evaluation's {@link StepBudget}. A comparison whose regular expression finds the budget spent is
 * {@link RuleOutcome#UNDECIDED}.
 */
final class RuleCompiler {
  /**
   * Steps one evaluation of a rule may take across all its {@code -match} comparisons: enough for
   * patterns of up to about 3,800 instructions on a 256-character value. Spent in under 8 ms even
   * on a busy 2-core machine (docs/performance.md, "Membership rules"), so a rule of at most 3,072
   * characters on values of at most 256 characters decides or gives up within about 10 ms.
   */
  static final long STEP_BUDGET = 1_000_000L;

  private static final int TEST = 0;
  private static final int AND = 1;
  private static final int OR = 2;
  private static final int NOT = 3;

  private RuleCompiler() {}

  /** One comparison, decided for a user. */
  private interface Test {
    RuleOutcome test(User user, StepBudget budget);
  }

  /** The operands of a test, which has none. */
  private static final Node[] NO_OPERANDS = new Node[0];

  /** A node of the compiled expression. */
  private static final class Node {
    final int kind;
    final Node[] operands;
    final Test test;

    Node(int kind, Node[] operands, Test test) {
      this.kind = kind;
      this.operands = operands;
      this.test = test;
    }
  }

  /** A compiled rule. Immutable and thread-safe. */
  static final class Evaluator {
    private final Node root;
    private final int depth;

    private Evaluator(Node root, int depth) {
      this.root = root;
      this.depth = depth;
    }

    /**
     * The rule's outcome for {@code user}, taking at most {@code steps} regular-expression steps.
     */
    RuleOutcome evaluate(User user, long steps) {
      StepBudget budget = new StepBudget(steps);
      Node[] nodes = new Node[depth + 1];
      int[] next = new int[depth + 1];
      boolean[] undecided = new boolean[depth + 1];
      int sp = 0;
      nodes[0] = root;
      RuleOutcome returned = null;
      while (true) {
        Node node = nodes[sp];
        if (node.kind == TEST) {
          returned = node.test.test(user, budget);
        } else if (returned == null) {
          // Entering a logical operator: evaluate its first operand.
          next[sp] = 1;
          undecided[sp] = false;
          nodes[++sp] = node.operands[0];
          continue;
        } else if (node.kind == NOT) {
          returned = returned.negate();
        } else {
          // -and stops at the first NO_MATCH, -or at the first MATCH; else UNDECIDED if any was.
          RuleOutcome decisive = node.kind == AND ? RuleOutcome.NO_MATCH : RuleOutcome.MATCH;
          if (returned != decisive) {
            undecided[sp] |= returned == RuleOutcome.UNDECIDED;
            if (next[sp] < node.operands.length) {
              nodes[sp + 1] = node.operands[next[sp]++];
              sp++;
              returned = null;
              continue;
            }
            returned = undecided[sp] ? RuleOutcome.UNDECIDED : decisive.negate();
          }
        }
        if (sp == 0) {
          return returned;
        }
        sp--;
      }
    }
  }

  static Evaluator compile(RuleExpression expression) {
    return new Evaluator(node(expression), expression.depth());
  }

  /** Recurses at most {@link RuleExpression#MAX_DEPTH} levels: expressions nest no deeper. */
  private static Node node(RuleExpression expression) {
    if (expression instanceof And a) {
      return new Node(AND, nodes(a.operands()), RuleCompiler::noTest);
    }
    if (expression instanceof Or o) {
      return new Node(OR, nodes(o.operands()), RuleCompiler::noTest);
    }
    if (expression instanceof Not n) {
      return new Node(NOT, new Node[] {node(n.operand())}, RuleCompiler::noTest);
    }
    Comparison c = (Comparison) expression;
    Test positive =
        positive(
            c.property(),
            c.operator().isNegative() ? c.operator().negated() : c.operator(),
            c.values());
    Test test =
        c.operator().isNegative()
            ? (user, budget) -> positive.test(user, budget).negate()
            : positive;
    return new Node(TEST, NO_OPERANDS, test);
  }

  /** The test of a logical node, which has operands instead; never called. */
  private static RuleOutcome noTest(User user, StepBudget budget) {
    throw new AssertionError("a logical node has no test of its own");
  }

  private static Node[] nodes(List<RuleExpression> operands) {
    Node[] out = new Node[operands.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = node(operands.get(i));
    }
    return out;
  }

  private static Test positive(
      RuleProperty property, RuleOperator operator, List<RuleValue> values) {
    RuleValue first = values.get(0);
    if (first instanceof RuleValue.Bool b) {
      boolean expected = b.value();
      return decided(user -> property.readBoolean(user) == expected);
    }
    if (first instanceof RuleValue.Null) {
      return decided(user -> property.readString(user).isEmpty());
    }
    String operand = ((RuleValue.Text) first).value();
    switch (operator) {
      case EQ -> {
        return present(property, value -> value.equalsIgnoreCase(operand));
      }
      case STARTS_WITH -> {
        return present(
            property, value -> value.regionMatches(true, 0, operand, 0, operand.length()));
      }
      case ENDS_WITH -> {
        return present(
            property,
            value ->
                value.regionMatches(
                    true, value.length() - operand.length(), operand, 0, operand.length()));
      }
      case CONTAINS -> {
        return present(property, value -> contains(value, operand));
      }
      case IN -> {
        Set<String> folded = new HashSet<>();
        for (RuleValue value : values) {
          folded.add(fold(((RuleValue.Text) value).value()));
        }
        return present(property, value -> folded.contains(fold(value)));
      }
      case MATCH -> {
        BoundedRegex regex = Comparison.compileRegex(operand);
        return (user, budget) -> {
          Optional<String> value = property.readString(user);
          return value.isPresent() ? regex.find(value.get(), budget) : RuleOutcome.NO_MATCH;
        };
      }
      default -> throw new AssertionError("not a positive operator: " + operator);
    }
  }

  private static Test decided(Predicate<User> test) {
    return (user, budget) -> test.test(user) ? RuleOutcome.MATCH : RuleOutcome.NO_MATCH;
  }

  private static Test present(RuleProperty property, Predicate<String> test) {
    return decided(
        user -> {
          Optional<String> value = property.readString(user);
          return value.isPresent() && test.test(value.get());
        });
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
    boolean upper = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        return foldCodePoints(text);
      }
      upper |= c >= 'A' && c <= 'Z';
    }
    // ASCII: only A to Z change
    return upper ? text.toLowerCase(Locale.ROOT) : text;
  }

  private static String foldCodePoints(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(cp -> out.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp))));
    return out.toString();
  }
}
