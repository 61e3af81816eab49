package io.mystaff.membership;

import io.mystaff.api.InvalidInputException;
import io.mystaff.membership.RuleExpression.And;
import io.mystaff.membership.RuleExpression.Comparison;
import io.mystaff.membership.RuleExpression.Not;
import io.mystaff.membership.RuleExpression.Or;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads rule text into a {@link RuleExpression}. The grammar, loosest binding first:
 *
 * <pre>
 * rule       = or
 * or         = and { "-or" and }
 * and        = unary { "-and" unary }
 * unary      = "-not" unary | "(" or ")" | comparison
 * comparison = "user." name operator ( value | "[" value { "," value } "]" )
 * value      = "double-quoted" | 'single-quoted' | number | true | false | null
 * </pre>
 *
 * Keywords and operators are case-insensitive, and their leading hyphen is optional (Entra accepts
 * {@code and} as well as {@code -and}); an en dash ({@code –}), which Entra's documentation itself
 * uses in places, is read as a hyphen.
 *
 * <p>The parser is iterative (an operator-precedence parser with explicit stacks), so no input can
 * exhaust the call stack; deep nesting is rejected by {@link RuleExpression#MAX_DEPTH}. Positions
 * in messages count characters from 1.
 */
final class RuleParser {
  private static final Pattern NUMBER = Pattern.compile("[0-9]+(\\.[0-9]+)?");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");
  private static final char EN_DASH = '\u2013';
  private static final String EXPECTED_CONDITION =
      "a condition such as user.department -eq \"Sales\", \"(\" or -not";

  private enum Kind {
    OPEN_PAREN,
    CLOSE_PAREN,
    OPEN_BRACKET,
    CLOSE_BRACKET,
    COMMA,
    STRING,
    WORD,
    END
  }

  /** A lexical token; {@code text} is the decoded value of a string, else the source text. */
  private record Token(Kind kind, String text, int start) {
    /** How an error message names this token. */
    String describe() {
      return switch (kind) {
        case END -> "the end of the rule";
        case STRING -> "the string " + CanonicalText.quote(RuleProperty.abbreviate(text));
        default -> "\"" + RuleProperty.abbreviate(text) + "\"";
      };
    }

    /** The keyword this word spells, lower-case and without its hyphen; empty if not a word. */
    String keyword() {
      if (kind != Kind.WORD) {
        return "";
      }
      String word = text.charAt(0) == '-' || text.charAt(0) == EN_DASH ? text.substring(1) : text;
      return word.toLowerCase(Locale.ROOT);
    }

    boolean isHyphenated() {
      return kind == Kind.WORD && (text.charAt(0) == '-' || text.charAt(0) == EN_DASH);
    }
  }

  /** A pending "(", -not, -and or -or on the operator stack, by keyword ("(", not, and, or). */
  private record Pending(String keyword, int start) {
    boolean isOpenParen() {
      return keyword.equals("(");
    }
  }

  private final List<Token> tokens;
  private int next;

  private RuleParser(String source) {
    this.tokens = tokenize(source);
  }

  static RuleExpression parse(String source) {
    if (source == null) {
      throw InvalidInputException.of(MembershipRule.FIELD, "is required");
    }
    if (source.length() > MembershipRule.MAX_LENGTH) {
      throw InvalidInputException.of(
          MembershipRule.FIELD,
          "must be at most "
              + MembershipRule.MAX_LENGTH
              + " characters, but has "
              + source.length());
    }
    return new RuleParser(source).rule();
  }

  private RuleExpression rule() {
    Deque<RuleExpression> operands = new ArrayDeque<>();
    Deque<Pending> operators = new ArrayDeque<>();
    while (true) {
      // Expecting an operand: a comparison, "(" or -not.
      Token token = tokens.get(next++);
      if (token.kind() == Kind.OPEN_PAREN) {
        operators.push(new Pending("(", token.start()));
        continue;
      }
      if (token.keyword().equals("not")) {
        operators.push(new Pending("not", token.start()));
        continue;
      }
      operands.push(comparison(token));
      // Expecting what follows an operand: ")", -and, -or or the end.
      while (true) {
        reduceNots(operands, operators);
        token = tokens.get(next++);
        if (token.kind() != Kind.CLOSE_PAREN) {
          break;
        }
        while (!operators.isEmpty() && !operators.peek().isOpenParen()) {
          reduce(operands, operators.pop());
        }
        if (operators.isEmpty()) {
          throw error(token.start(), "found \")\" without a matching \"(\"");
        }
        operators.pop();
      }
      String keyword = token.keyword();
      if (keyword.equals("and") || keyword.equals("or")) {
        // Both are left-associative; -and binds tighter than -or.
        while (!operators.isEmpty()
            && precedence(operators.peek().keyword()) >= precedence(keyword)) {
          reduce(operands, operators.pop());
        }
        operators.push(new Pending(keyword, token.start()));
      } else if (token.kind() == Kind.END) {
        while (!operators.isEmpty()) {
          Pending pending = operators.pop();
          if (pending.isOpenParen()) {
            throw error(pending.start(), "\"(\" is never closed");
          }
          reduce(operands, pending);
        }
        return operands.pop();
      } else {
        throw expected(token, "-and, -or, \")\" or the end of the rule");
      }
    }
  }

  /** Binding strength of a pending operator; "(" is a barrier that only ")" removes. */
  private static int precedence(String keyword) {
    return switch (keyword) {
      case "not" -> 3;
      case "and" -> 2;
      case "or" -> 1;
      default -> 0;
    };
  }

  /** Applies the -not operators waiting for the operand just completed. */
  private static void reduceNots(Deque<RuleExpression> operands, Deque<Pending> operators) {
    while (!operators.isEmpty() && operators.peek().keyword().equals("not")) {
      reduce(operands, operators.pop());
    }
  }

  private static void reduce(Deque<RuleExpression> operands, Pending operator) {
    try {
      switch (operator.keyword()) {
        case "not" -> operands.push(new Not(operands.pop()));
        case "and" -> {
          RuleExpression right = operands.pop();
          operands.push(new And(List.of(operands.pop(), right)));
        }
        default -> {
          RuleExpression right = operands.pop();
          operands.push(new Or(List.of(operands.pop(), right)));
        }
      }
    } catch (InvalidInputException e) {
      throw relocate(operator.start(), e);
    }
  }

  private Comparison comparison(Token first) {
    if (first.kind() != Kind.WORD
        || !first.text().regionMatches(true, 0, "user.", 0, "user.".length())) {
      if (first.keyword().startsWith("device.")) {
        throw error(first.start(), "device rules are not supported; a rule here selects users");
      }
      throw expected(first, EXPECTED_CONDITION);
    }
    String name = first.text().substring("user.".length());
    if (!NAME.matcher(name).matches()) {
      throw error(
          first.start(), "expected a property name after \"user.\" but found " + first.describe());
    }
    RuleProperty property;
    try {
      property = RuleProperty.of(name);
    } catch (InvalidInputException e) {
      throw relocate(first.start(), e);
    }
    Token operatorToken = tokens.get(next++);
    RuleOperator operator = operator(operatorToken);
    List<RuleValue> values = new ArrayList<>();
    if (operator.takesList()) {
      Token open = tokens.get(next++);
      if (open.kind() != Kind.OPEN_BRACKET) {
        throw expected(open, "\"[\" to start the list of " + operator.token());
      }
      do {
        values.add(value(property, tokens.get(next++)));
        Token separator = tokens.get(next++);
        if (separator.kind() == Kind.CLOSE_BRACKET) {
          break;
        }
        if (separator.kind() != Kind.COMMA) {
          throw expected(separator, "\",\" or \"]\"");
        }
      } while (true);
    } else {
      Token value = tokens.get(next++);
      if (value.kind() == Kind.OPEN_BRACKET) {
        throw error(
            value.start(),
            operator.token() + " compares with a single value; " + "use -in or -notIn for a list");
      }
      values.add(value(property, value));
    }
    try {
      return new Comparison(property, operator, values);
    } catch (InvalidInputException e) {
      // The operator decides which values fit, so a misfit is reported where the operator is.
      throw relocate(operatorToken.start(), e);
    }
  }

  private RuleOperator operator(Token token) {
    // keyword() has already dropped the one optional hyphen; a second one is not an operator.
    Optional<RuleOperator> operator =
        token.kind() == Kind.WORD && !token.keyword().startsWith("-")
            ? RuleOperator.fromToken(token.keyword())
            : Optional.empty();
    if (operator.isPresent()) {
      return operator.get();
    }
    switch (token.keyword()) {
      case "any", "all" ->
          throw error(
              token.start(),
              "-any and -all apply to multi-valued properties, " + "which are not supported");
      case "ge", "le", "gt", "lt" ->
          throw error(token.start(), "-ge and -le apply to dates, which are not supported");
      default ->
          throw expected(
              token,
              "a comparison operator (-eq, -ne, -startsWith, -notStartsWith, "
                  + "-endsWith, -notEndsWith, -contains, -notContains, -in, -notIn, -match, -notMatch)");
    }
  }

  private RuleValue value(RuleProperty property, Token token) {
    boolean isBoolean = property.type() == RuleProperty.Type.BOOLEAN;
    if (token.kind() == Kind.STRING) {
      // Quotes are optional around true and false: "true" means the same to a boolean property.
      boolean isTrue = token.text().equalsIgnoreCase("true");
      if (isBoolean && (isTrue || token.text().equalsIgnoreCase("false"))) {
        return RuleValue.bool(isTrue);
      }
      return RuleValue.text(token.text());
    }
    if (token.kind() == Kind.WORD && !token.isHyphenated()) {
      String word = token.text().toLowerCase(Locale.ROOT);
      if (word.equals("null") || word.equals("$null")) {
        return RuleValue.NULL;
      }
      if (word.equals("true") || word.equals("false")) {
        return RuleValue.bool(word.equals("true"));
      }
      if (NUMBER.matcher(word).matches()) {
        return RuleValue.text(word);
      }
    }
    throw expected(token, "a value (a quoted string, a number, true, false or null)");
  }

  private static InvalidInputException expected(Token found, String what) {
    return error(found.start(), "expected " + what + " but found " + found.describe());
  }

  private static InvalidInputException error(int index, String message) {
    return InvalidInputException.of(
        MembershipRule.FIELD, "at position " + (index + 1) + ": " + message);
  }

  /** The same violation, told at the position of the construct that caused it. */
  private static InvalidInputException relocate(int index, InvalidInputException e) {
    return error(index, e.violations().get(0).reason());
  }

  private static List<Token> tokenize(String text) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    while (true) {
      while (i < text.length() && isSpace(text.charAt(i))) {
        i++;
      }
      if (i == text.length()) {
        out.add(new Token(Kind.END, "", i));
        // Lookahead past the end always sees END again, so callers need no bounds checks.
        out.add(new Token(Kind.END, "", i));
        return out;
      }
      char c = text.charAt(i);
      int start = i;
      switch (c) {
        case '(' -> out.add(new Token(Kind.OPEN_PAREN, "(", i++));
        case ')' -> out.add(new Token(Kind.CLOSE_PAREN, ")", i++));
        case '[' -> out.add(new Token(Kind.OPEN_BRACKET, "[", i++));
        case ']' -> out.add(new Token(Kind.CLOSE_BRACKET, "]", i++));
        case ',' -> out.add(new Token(Kind.COMMA, ",", i++));
        case '"', '\'' -> {
          StringBuilder value = new StringBuilder();
          i = c == '"' ? doubleQuoted(text, i + 1, value) : singleQuoted(text, i + 1, value);
          if (i < 0) {
            throw error(start, "the string that starts here is never closed");
          }
          out.add(new Token(Kind.STRING, value.toString(), start));
        }
        default -> {
          // c is neither space nor delimiter, so every word has at least one character.
          while (i < text.length() && !isSpace(text.charAt(i)) && !isDelimiter(text.charAt(i))) {
            i++;
          }
          out.add(new Token(Kind.WORD, text.substring(start, i), start));
        }
      }
    }
  }

  /**
   * Reads a string after its opening {@code "}, where a backtick escapes {@code "} or {@code `}
   * (any other backtick is itself); returns the index after the closing quote, or -1.
   */
  private static int doubleQuoted(String text, int i, StringBuilder value) {
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      if (c == '`'
          && i + 1 < text.length()
          && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '`')) {
        i++;
        c = text.charAt(i);
      }
      value.append(c);
      i++;
    }
    return -1;
  }

  /**
   * Reads a string after its opening {@code '}, where {@code ''} is one single quote; returns the
   * index after the closing quote, or -1.
   */
  private static int singleQuoted(String text, int i, StringBuilder value) {
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\'') {
        if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
          i++;
        } else {
          return i + 1;
        }
      }
      value.append(c);
      i++;
    }
    return -1;
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  private static boolean isDelimiter(char c) {
    return c == '(' || c == ')' || c == '[' || c == ']' || c == ',' || c == '"' || c == '\'';
  }
}
