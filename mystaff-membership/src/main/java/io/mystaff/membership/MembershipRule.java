package io.mystaff.membership;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.directory.User;
import io.mystaff.membership.RuleExpression.And;
import io.mystaff.membership.RuleExpression.Comparison;
import io.mystaff.membership.RuleExpression.Not;
import io.mystaff.membership.RuleExpression.Or;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A dynamic membership rule in Entra's syntax, parsed and ready to evaluate against users, e.g.
 *
 * <pre>{@code
 * (user.department -eq "Sales") -and (user.city -in ["Seattle", "Redmond"])
 *     -and -not (user.jobTitle -startsWith "Temp")
 * }</pre>
 *
 * <p>The language, as Microsoft documents it for dynamic membership groups and administrative
 * units:
 *
 * <ul>
 *   <li>A condition is {@code user.<property> <operator> <value>}; see {@link RuleProperty} for the
 *       properties and {@link RuleOperator} for the operators. Property names, operators and
 *       keywords are case-insensitive, and their leading hyphen is optional.
 *   <li>Values are double-quoted strings (a backtick escapes {@code "} and {@code `}),
 *       single-quoted strings ({@code ''} is one quote), unquoted numbers, {@code true}, {@code
 *       false} and {@code null}; {@code -in} and {@code -notIn} take a list {@code ["a", "b"]}.
 *   <li>String comparisons are case-insensitive. {@code -match} compiles its value as a
 *       case-insensitive regular expression that may match anywhere in the value. Entra uses .NET
 *       regular expressions; mystaff accepts their common ground with {@code java.util.regex}
 *       (literals, {@code .}, classes, {@code \d \w \s}, anchors, groups, alternation, greedy and
 *       lazy quantifiers) and refuses, when the rule is parsed, what it cannot run in bounded time
 *       or what means different things in the two dialects (back-references, lookaround, atomic
 *       groups, possessive quantifiers, inline flags, Unicode properties, nested classes). Groups
 *       nest at most 64 levels.
 *   <li>{@code user.x -eq null} holds when the user has no {@code x}; {@code -ne null} when it has
 *       one. Every other positive operator is false for an absent value, and its negative twin
 *       ({@code -ne}, {@code -notStartsWith}, ...) is always its exact opposite.
 *   <li>Precedence, tightest first: comparisons, {@code -not}, {@code -and}, {@code -or};
 *       parentheses group.
 *   <li>A rule has at most {@link #MAX_LENGTH} characters (Entra's limit) and nests {@code -not},
 *       {@code -and} and {@code -or} at most {@link RuleExpression#MAX_DEPTH} levels.
 * </ul>
 *
 * <p>Instances are immutable and thread-safe. Two rules are equal when their syntax trees are,
 * whatever their spelling; {@link #toString()} is the canonical text, and {@link #source()} the
 * text as given.
 */
public final class MembershipRule {
  /** The field that {@link InvalidInputException}s about rules name. */
  public static final String FIELD = "membership rule";

  /** The longest rule text accepted, in characters: Entra's limit. */
  public static final int MAX_LENGTH = 3072;

  private final String source;
  private final RuleExpression expression;
  private final RuleCompiler.Evaluator evaluator;
  private final Set<String> referencedProperties;

  private MembershipRule(String source, RuleExpression expression) {
    this.source = source;
    this.expression = expression;
    this.evaluator = RuleCompiler.compile(expression);
    SortedSet<String> properties = new TreeSet<>();
    collectProperties(expression, properties);
    this.referencedProperties = Collections.unmodifiableSortedSet(properties);
  }

  /**
   * Parses {@code rule}.
   *
   * @throws InvalidInputException (field {@value #FIELD}) if {@code rule} is null, longer than
   *     {@link #MAX_LENGTH}, or not a valid rule; the reason names the position (counting
   *     characters from 1) and what was expected there. No other exception is thrown for any input.
   */
  public static MembershipRule parse(String rule) {
    return new MembershipRule(rule, RuleParser.parse(rule));
  }

  /**
   * The rule whose syntax tree is {@code expression}; its {@link #source()} is the canonical text.
   *
   * @throws InvalidInputException if the canonical text is longer than {@link #MAX_LENGTH}
   */
  public static MembershipRule of(RuleExpression expression) {
    String text = expression.canonicalText();
    if (text.length() > MAX_LENGTH) {
      throw InvalidInputException.of(
          FIELD,
          "must be at most " + MAX_LENGTH + " characters, but its text has " + text.length());
    }
    return new MembershipRule(text, expression);
  }

  /**
   * Whether {@code user} satisfies this rule: {@link RuleOutcome#MATCH}, {@link
   * RuleOutcome#NO_MATCH}, or {@link RuleOutcome#UNDECIDED} when the evaluation spent its step
   * budget first. Every step of every {@code -match} counts, so an evaluation of a rule of at most
   * {@link #MAX_LENGTH} characters on values of at most 256 characters ends within a fixed bound
   * (about 10 ms); the outcome depends only on the rule and the user, never on the thread's stack
   * size or timing. Pure, thread-safe and total: it never throws for a user.
   *
   * <p>Callers that decide protection fail closed on {@link RuleOutcome#UNDECIDED}: a dynamic
   * restricted-management unit keeps protecting the user, and no administrator's scope covers the
   * user through the unit.
   *
   * @throws NullPointerException if {@code user} is null
   */
  public RuleOutcome evaluate(User user) {
    return evaluate(user, RuleCompiler.STEP_BUDGET);
  }

  /** {@link #evaluate(User)} with a budget of {@code steps}, for tests of the budget. */
  RuleOutcome evaluate(User user, long steps) {
    requireNonNull(user, "user");
    return evaluator.evaluate(user, steps);
  }

  /**
   * Whether {@code user} certainly satisfies this rule: {@link #evaluate} is {@link
   * RuleOutcome#MATCH}. An undecided rule does not match, which fails closed for membership that
   * grants; where membership protects, use {@link #evaluate} and treat {@link
   * RuleOutcome#UNDECIDED} as a match.
   *
   * @throws NullPointerException if {@code user} is null
   */
  public boolean matches(User user) {
    return evaluate(user) == RuleOutcome.MATCH;
  }

  /** The rule text exactly as given to {@link #parse}. */
  public String source() {
    return source;
  }

  /** The syntax tree. */
  public RuleExpression expression() {
    return expression;
  }

  /**
   * The lower-case names of the properties this rule reads, e.g. {@code [city, department]}. A
   * user's membership can only change when one of these changes.
   */
  public Set<String> referencedProperties() {
    return referencedProperties;
  }

  /** Equal when the syntax trees are equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof MembershipRule r && expression.equals(r.expression);
  }

  @Override
  public int hashCode() {
    return expression.hashCode();
  }

  /**
   * The canonical text of this rule, which {@link #parse} reads back into an equal rule. The
   * canonical spelling can be longer than the source (it quotes numbers, hyphenates operators,
   * parenthesises the operand of {@code -not}), so for a source close to {@link #MAX_LENGTH} it may
   * exceed that limit and then no longer parse.
   */
  @Override
  public String toString() {
    return expression.canonicalText();
  }

  private static void collectProperties(RuleExpression expression, Set<String> out) {
    if (expression instanceof Comparison c) {
      out.add(c.property().name().toLowerCase(Locale.ROOT));
    } else if (expression instanceof Not n) {
      collectProperties(n.operand(), out);
    } else {
      for (RuleExpression operand :
          expression instanceof And a ? a.operands() : ((Or) expression).operands()) {
        collectProperties(operand, out);
      }
    }
  }
}
