package io.mystaff.membership;

import io.mystaff.api.InvalidInputException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

/**
 * The regular expression of a {@code -match}: parsed without recursion, compiled to a Thompson
 * automaton and run by a Pike VM, so a search costs at most (value length + 1) times the program
 * size in steps, never backtracks, never recurses, and counts every step it takes (including the
 * repeats of groups that can match the empty string) against a {@link StepBudget}.
 *
 * <p>The dialect is the common ground of .NET (which Entra runs) and {@code java.util.regex}, with
 * Java's meaning wherever they differ, matched case-insensitively: literals and escaped
 * metacharacters; {@code .} (any character but a line terminator); classes {@code [a-z]}, {@code
 * [^...]} with {@code \d \w \s \D \W \S \p{L}} (and the other one-letter Unicode categories) inside
 * or outside; quoting {@code \Q...\E}; escapes {@code \t \n \r \f \a \e \xhh \x{h...}} <code>
 * &#92;uhhhh</code>; anchors {@code ^ $ \A \z \Z \b \B}; groups {@code (...)}, {@code (?:...)},
 * {@code (?<name>...)}; alternation; quantifiers {@code * + ? {n} {n,} {n,m}} and their lazy forms
 * (laziness does not change whether a match exists). Constructs whose cost cannot be bounded this
 * way, or whose meaning differs between the dialects, are rejected when the rule is parsed, with a
 * typed error: back-references, lookaround, atomic groups, possessive quantifiers, inline flags,
 * Unicode properties other than the one-letter categories ({@code \p{L}} ...), nested classes and
 * class intersections.
 *
 * <p>Groups nest at most {@link #MAX_GROUP_DEPTH} levels, and the compiled program (repetitions
 * expanded) has at most {@link #MAX_PROGRAM} instructions. Immutable and thread-safe.
 */
final class BoundedRegex {
  /** How deeply groups may nest in a pattern. */
  static final int MAX_GROUP_DEPTH = 64;

  /** The most instructions a compiled pattern may have, repetitions expanded. */
  static final int MAX_PROGRAM = 8_192;

  /** The largest count a {@code {n,m}} repetition may name. */
  static final int MAX_REPEAT = 1_000;

  private static final int CHAR = 0;
  private static final int CLASS = 1;
  private static final int SPLIT = 2;
  private static final int JMP = 3;
  private static final int ASSERT = 4;
  private static final int MATCH = 5;

  private static final int BEGIN_INPUT = 0;
  private static final int END_OR_FINAL_TERMINATOR = 1;
  private static final int END_INPUT = 2;
  private static final int WORD_BOUNDARY = 3;
  private static final int NOT_WORD_BOUNDARY = 4;

  private final int[] op;
  private final int[] x;
  private final int[] y;
  private final CharClass[] classes;

  private BoundedRegex(Program program) {
    int n = program.size;
    this.op = java.util.Arrays.copyOf(program.op, n);
    this.x = java.util.Arrays.copyOf(program.x, n);
    this.y = java.util.Arrays.copyOf(program.y, n);
    this.classes = program.classes.toArray(new CharClass[0]);
  }

  /**
   * Compiles {@code pattern}.
   *
   * @throws InvalidInputException (field {@value MembershipRule#FIELD}) if the pattern is not in
   *     the dialect, nests too deeply or is too large; the reason never quotes the pattern
   */
  static BoundedRegex compile(String pattern) {
    Node tree = new Parser(pattern).parse();
    Program program = new Program();
    program.emit(tree);
    program.add(MATCH, 0, 0);
    return new BoundedRegex(program);
  }

  /** The number of instructions, repetitions expanded. */
  int size() {
    return op.length;
  }

  /**
   * Whether the pattern matches somewhere in {@code value}: {@link RuleOutcome#MATCH}, {@link
   * RuleOutcome#NO_MATCH}, or {@link RuleOutcome#UNDECIDED} once {@code budget} is spent.
   */
  RuleOutcome find(String value, StepBudget budget) {
    int[] text = value.codePoints().toArray();
    int n = op.length;
    int[] current = new int[n];
    int[] next = new int[n];
    // Sparse-set membership: pc is in the list for position p when mark[pc] == p + 1.
    int[] markCurrent = new int[n];
    int[] markNext = new int[n];
    int[] stack = new int[n];
    int currentSize = 0;
    for (int pos = 0; pos <= text.length; pos++) {
      // Unanchored search: a thread starts at every position.
      int added = closure(0, pos, text, current, currentSize, markCurrent, stack, budget);
      if (added < 0) {
        return added == FOUND ? RuleOutcome.MATCH : RuleOutcome.UNDECIDED;
      }
      currentSize = added;
      int nextSize = 0;
      if (pos < text.length) {
        int c = text[pos];
        for (int i = 0; i < currentSize; i++) {
          if (!budget.spend()) {
            return RuleOutcome.UNDECIDED;
          }
          int pc = current[i];
          boolean step =
              op[pc] == CHAR ? fold(c) == x[pc] : op[pc] == CLASS && classes[x[pc]].matches(c);
          if (step) {
            int size = closure(pc + 1, pos + 1, text, next, nextSize, markNext, stack, budget);
            if (size < 0) {
              return size == FOUND ? RuleOutcome.MATCH : RuleOutcome.UNDECIDED;
            }
            nextSize = size;
          }
        }
      }
      int[] t = current;
      current = next;
      next = t;
      t = markCurrent;
      markCurrent = markNext;
      markNext = t;
      currentSize = nextSize;
    }
    return RuleOutcome.NO_MATCH;
  }

  private static final int FOUND = -1;
  private static final int SPENT = -2;

  /**
   * Adds {@code start} and every instruction reachable from it without consuming a character at
   * position {@code pos} to {@code list} (of {@code size} entries); returns the new size, {@link
   * #FOUND} if a match is reachable or {@link #SPENT} if the budget ran out. Iterative.
   */
  private int closure(
      int start,
      int pos,
      int[] text,
      int[] list,
      int size,
      int[] mark,
      int[] stack,
      StepBudget budget) {
    int sp = 0;
    stack[sp++] = start;
    int stamp = pos + 1;
    while (sp > 0) {
      int pc = stack[--sp];
      if (mark[pc] == stamp) {
        continue;
      }
      mark[pc] = stamp;
      if (!budget.spend()) {
        return SPENT;
      }
      switch (op[pc]) {
        case JMP -> stack[sp++] = x[pc];
        case SPLIT -> {
          stack[sp++] = y[pc];
          stack[sp++] = x[pc];
        }
        case ASSERT -> {
          if (holds(x[pc], pos, text)) {
            stack[sp++] = pc + 1;
          }
        }
        case MATCH -> {
          return FOUND;
        }
        default -> list[size++] = pc;
      }
    }
    return size;
  }

  private static boolean holds(int assertion, int pos, int[] text) {
    int len = text.length;
    switch (assertion) {
      case BEGIN_INPUT -> {
        return pos == 0;
      }
      case END_INPUT -> {
        return pos == len;
      }
      case END_OR_FINAL_TERMINATOR -> {
        if (pos == len) {
          return true;
        }
        if (pos == len - 1) {
          // Not between the \r and \n of a final \r\n.
          return isLineTerminator(text[pos])
              && !(text[pos] == '\n' && pos > 0 && text[pos - 1] == '\r');
        }
        return pos == len - 2 && text[pos] == '\r' && text[pos + 1] == '\n';
      }
      case WORD_BOUNDARY, NOT_WORD_BOUNDARY -> {
        boolean before = pos > 0 && isWord(text[pos - 1]);
        boolean after = pos < len && isWord(text[pos]);
        return (before != after) == (assertion == WORD_BOUNDARY);
      }
      default -> throw new AssertionError(assertion);
    }
  }

  private static boolean isWord(int c) {
    return c == '_' || Character.isLetterOrDigit(c);
  }

  static boolean isLineTerminator(int c) {
    return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  /** Case folding consistent with {@link RuleCompiler#fold}. */
  static int fold(int c) {
    return Character.toLowerCase(Character.toUpperCase(c));
  }

  // ---------------------------------------------------------------------------------------------
  // Syntax tree

  private sealed interface Node {}

  private record Literal(int codePoint) implements Node {}

  private record ClassNode(CharClass set) implements Node {}

  private record Assertion(int kind) implements Node {}

  private record Sequence(List<Node> items) implements Node {}

  private record Alternation(List<Node> options) implements Node {}

  /** {@code max} is -1 for no upper bound. */
  private record Repeat(Node body, int min, int max) implements Node {}

  /**
   * A set of code points: case-insensitive ranges of literal characters and predefined items
   * ({@code \d}, {@code \P{L}}, ...), the union possibly complemented.
   */
  private static final class CharClass {
    private final List<int[]> ranges = new ArrayList<>();
    private final List<IntPredicate> items = new ArrayList<>();
    private boolean negated;

    void addRange(int lo, int hi) {
      ranges.add(new int[] {lo, hi});
    }

    void addItem(IntPredicate item) {
      items.add(item);
    }

    boolean matches(int c) {
      return contains(c) != negated;
    }

    private boolean contains(int c) {
      if (!ranges.isEmpty()) {
        int upper = Character.toUpperCase(c);
        int lower = Character.toLowerCase(c);
        for (int[] r : ranges) {
          if (in(r[0], r[1], c) || in(r[0], r[1], upper) || in(r[0], r[1], lower)) {
            return true;
          }
        }
      }
      for (IntPredicate item : items) {
        if (item.test(c)) {
          return true;
        }
      }
      return false;
    }

    private static boolean in(int lo, int hi, int c) {
      return lo <= c && c <= hi;
    }
  }

  private static boolean inAny(int[] pairs, int c) {
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i] <= c && c <= pairs[i + 1]) {
        return true;
      }
    }
    return false;
  }

  /** The bit of each {@link Character#getType} value in the one-letter Unicode categories. */
  private static long categories(int... types) {
    long mask = 0;
    for (int t : types) {
      mask |= 1L << t;
    }
    return mask;
  }

  private static final java.util.Map<Integer, Long> CATEGORIES =
      java.util.Map.of(
          (int) 'L',
              categories(
                  Character.UPPERCASE_LETTER,
                  Character.LOWERCASE_LETTER,
                  Character.TITLECASE_LETTER,
                  Character.MODIFIER_LETTER,
                  Character.OTHER_LETTER),
          (int) 'N',
              categories(
                  Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER),
          (int) 'P',
              categories(
                  Character.CONNECTOR_PUNCTUATION,
                  Character.DASH_PUNCTUATION,
                  Character.START_PUNCTUATION,
                  Character.END_PUNCTUATION,
                  Character.INITIAL_QUOTE_PUNCTUATION,
                  Character.FINAL_QUOTE_PUNCTUATION,
                  Character.OTHER_PUNCTUATION),
          (int) 'S',
              categories(
                  Character.MATH_SYMBOL,
                  Character.CURRENCY_SYMBOL,
                  Character.MODIFIER_SYMBOL,
                  Character.OTHER_SYMBOL),
          (int) 'Z',
              categories(
                  Character.SPACE_SEPARATOR,
                  Character.LINE_SEPARATOR,
                  Character.PARAGRAPH_SEPARATOR),
          (int) 'M',
              categories(
                  Character.NON_SPACING_MARK,
                  Character.ENCLOSING_MARK,
                  Character.COMBINING_SPACING_MARK),
          (int) 'C',
              categories(
                  Character.CONTROL,
                  Character.FORMAT,
                  Character.PRIVATE_USE,
                  Character.SURROGATE,
                  Character.UNASSIGNED));

  private static final int[] DIGIT = {'0', '9'};
  private static final int[] WORD = {'a', 'z', 'A', 'Z', '0', '9', '_', '_'};
  private static final int[] SPACE = {' ', ' ', '\t', '\r'};

  // ---------------------------------------------------------------------------------------------
  // Parser: iterative, one frame per open group on an explicit stack

  private static final class Parser {
    private final String pattern;
    private final int[] cps;
    private int i;

    /** An open group: finished alternatives and the sequence being read. */
    private static final class Frame {
      final List<Node> options = new ArrayList<>();
      List<Node> items = new ArrayList<>();

      /** Whether the last item may take a quantifier. */
      boolean quantifiable;

      Node finish() {
        options.add(items.size() == 1 ? items.get(0) : new Sequence(List.copyOf(items)));
        return options.size() == 1 ? options.get(0) : new Alternation(List.copyOf(options));
      }
    }

    Parser(String pattern) {
      this.pattern = pattern;
      this.cps = pattern.codePoints().toArray();
    }

    Node parse() {
      Deque<Frame> open = new ArrayDeque<>();
      Frame frame = new Frame();
      while (i < cps.length) {
        int c = cps[i];
        int at = i;
        i++;
        switch (c) {
          case '(' -> {
            group(at);
            if (open.size() + 1 > MAX_GROUP_DEPTH) {
              throw invalid(at, "groups nest deeper than " + MAX_GROUP_DEPTH + " levels");
            }
            open.push(frame);
            frame = new Frame();
          }
          case ')' -> {
            if (open.isEmpty()) {
              throw invalid(at, "Unmatched closing ')'");
            }
            Node body = frame.finish();
            frame = open.pop();
            frame.items.add(body);
            frame.quantifiable = true;
          }
          case '|' -> {
            frame.options.add(
                frame.items.size() == 1
                    ? frame.items.get(0)
                    : new Sequence(List.copyOf(frame.items)));
            frame.items = new ArrayList<>();
            frame.quantifiable = false;
          }
          case '*', '+', '?', '{' -> quantify(frame, c, at);
          case '[' -> {
            frame.items.add(new ClassNode(charClass()));
            frame.quantifiable = true;
          }
          case '.' -> {
            CharClass dot = new CharClass();
            dot.addItem(c2 -> !isLineTerminator(c2));
            frame.items.add(new ClassNode(dot));
            frame.quantifiable = true;
          }
          case '^' -> {
            frame.items.add(new Assertion(BEGIN_INPUT));
            frame.quantifiable = true;
          }
          case '$' -> {
            frame.items.add(new Assertion(END_OR_FINAL_TERMINATOR));
            frame.quantifiable = true;
          }
          case '\\' -> {
            if (i < cps.length && cps[i] == 'Q') {
              quoted(frame);
            } else {
              frame.items.add(escape(at));
            }
            frame.quantifiable = true;
          }
          default -> {
            frame.items.add(new Literal(fold(c)));
            frame.quantifiable = true;
          }
        }
      }
      if (!open.isEmpty()) {
        throw invalid(pattern.length(), "Unclosed group");
      }
      return frame.finish();
    }

    /** Reads {@code \Q...\E} (or to the end), each character a literal, {@code i} at the Q. */
    private void quoted(Frame frame) {
      i++;
      while (i < cps.length && !(cps[i] == '\\' && i + 1 < cps.length && cps[i + 1] == 'E')) {
        frame.items.add(new Literal(fold(cps[i++])));
      }
      i = Math.min(i + 2, cps.length);
    }

    /** Reads what follows "(": a plain, non-capturing or named group; anything else is refused. */
    private void group(int at) {
      if (i >= cps.length || cps[i] != '?') {
        return;
      }
      int kind = i + 1 < cps.length ? cps[i + 1] : -1;
      if (kind == ':') {
        i += 2;
        return;
      }
      if (kind == '<' && i + 2 < cps.length && isAsciiLetter(cps[i + 2])) {
        int j = i + 2;
        while (j < cps.length && (isAsciiLetter(cps[j]) || (cps[j] >= '0' && cps[j] <= '9'))) {
          j++;
        }
        if (j < cps.length && cps[j] == '>') {
          i = j + 1;
          return;
        }
        throw invalid(at, "a group name must be letters and digits closed by '>'");
      }
      if (kind == '=' || kind == '!' || kind == '<') {
        throw invalid(at, "lookahead and lookbehind are not supported");
      }
      if (kind == '>') {
        throw invalid(at, "atomic groups are not supported");
      }
      throw invalid(at, "inline flags and other (? constructs are not supported");
    }

    private void quantify(Frame frame, int c, int at) {
      if (!frame.quantifiable || frame.items.isEmpty()) {
        throw invalid(at, "Dangling meta character '" + Character.toString(c) + "'");
      }
      int min;
      int max;
      if (c == '*') {
        min = 0;
        max = -1;
      } else if (c == '+') {
        min = 1;
        max = -1;
      } else if (c == '?') {
        min = 0;
        max = 1;
      } else {
        min = number(at);
        max = min;
        if (i < cps.length && cps[i] == ',') {
          i++;
          max = i < cps.length && cps[i] == '}' ? -1 : number(at);
        }
        if (i >= cps.length || cps[i] != '}') {
          throw invalid(at, "Unclosed counted closure");
        }
        i++;
        if (max != -1 && max < min) {
          throw invalid(at, "Illegal repetition range");
        }
      }
      if (i < cps.length && cps[i] == '+') {
        throw invalid(i, "possessive quantifiers are not supported");
      }
      if (i < cps.length && cps[i] == '?') {
        i++; // lazy: the same set of matches
      }
      int last = frame.items.size() - 1;
      frame.items.set(last, new Repeat(frame.items.get(last), min, max));
      frame.quantifiable = false;
    }

    private int number(int at) {
      int start = i;
      long value = 0;
      while (i < cps.length && cps[i] >= '0' && cps[i] <= '9') {
        value = Math.min(value * 10 + (cps[i] - '0'), Integer.MAX_VALUE);
        i++;
      }
      if (i == start) {
        throw invalid(at, "Illegal repetition");
      }
      if (value > MAX_REPEAT) {
        throw invalid(at, "a repetition count may be at most " + MAX_REPEAT);
      }
      return (int) value;
    }

    private CharClass charClass() {
      CharClass set = new CharClass();
      if (i < cps.length && cps[i] == '^') {
        set.negated = true;
        i++;
      }
      boolean empty = true;
      while (true) {
        if (i >= cps.length) {
          throw invalid(pattern.length(), "Unclosed character class");
        }
        int c = cps[i];
        if (c == ']') {
          if (empty) {
            throw invalid(i, "a character class must not be empty");
          }
          i++;
          return set;
        }
        if (c == '[') {
          throw invalid(i, "nested character classes are not supported");
        }
        if (c == '&' && i + 1 < cps.length && cps[i + 1] == '&') {
          throw invalid(i, "character class intersections are not supported");
        }
        empty = false;
        int lo;
        if (c == '\\') {
          int escAt = i;
          i++;
          IntPredicate predefined = predefined(escAt);
          if (predefined != null) {
            set.addItem(predefined);
            continue;
          }
          lo = escapedCharacter(escAt, true);
        } else {
          lo = c;
          i++;
        }
        if (i + 1 < cps.length && cps[i] == '-' && cps[i + 1] != ']') {
          int dash = i;
          i++;
          int hi;
          if (cps[i] == '\\') {
            i++;
            hi = escapedCharacter(dash + 1, true);
          } else if (cps[i] == '[') {
            throw invalid(i, "nested character classes are not supported");
          } else {
            hi = cps[i];
            i++;
          }
          if (hi < lo) {
            throw invalid(dash, "Illegal character range");
          }
          set.addRange(lo, hi);
        } else {
          set.addRange(lo, lo);
        }
      }
    }

    private Node escape(int at) {
      if (i >= cps.length) {
        throw invalid(at, "Unexpected internal error: trailing backslash");
      }
      int c = cps[i];
      switch (c) {
        case 'A' -> {
          i++;
          return new Assertion(BEGIN_INPUT);
        }
        case 'z' -> {
          i++;
          return new Assertion(END_INPUT);
        }
        case 'Z' -> {
          i++;
          return new Assertion(END_OR_FINAL_TERMINATOR);
        }
        case 'b' -> {
          i++;
          return new Assertion(WORD_BOUNDARY);
        }
        case 'B' -> {
          i++;
          return new Assertion(NOT_WORD_BOUNDARY);
        }
        default -> {}
      }
      IntPredicate predefined = predefined(at);
      if (predefined != null) {
        CharClass set = new CharClass();
        set.addItem(predefined);
        return new ClassNode(set);
      }
      return new Literal(fold(escapedCharacter(at, false)));
    }

    /**
     * The character an escape stands for, {@code i} at the character after the backslash; refuses
     * escapes of letters and digits that are not character escapes.
     */
    private int escapedCharacter(int at, boolean inClass) {
      if (i >= cps.length) {
        throw invalid(at, "Unexpected internal error: trailing backslash");
      }
      int c = cps[i++];
      switch (c) {
        case 't' -> {
          return '\t';
        }
        case 'n' -> {
          return '\n';
        }
        case 'r' -> {
          return '\r';
        }
        case 'f' -> {
          return '\f';
        }
        case 'a' -> {
          return '\u0007';
        }
        case 'e' -> {
          return '\u001B';
        }
        case 'x' -> {
          return hex(at);
        }
        case 'u' -> {
          return fixedHex(at, 4);
        }
        default -> {}
      }
      if (c < 128 && Character.isLetterOrDigit(c)) {
        if ((c >= '1' && c <= '9') || c == 'k') {
          throw invalid(at, "back-references are not supported");
        }
        throw invalid(
            at,
            "the escape \\"
                + Character.toString(c)
                + " is not supported"
                + (inClass ? " in a character class" : ""));
      }
      return c;
    }

    private int hex(int at) {
      if (i < cps.length && cps[i] == '{') {
        i++;
        int start = i;
        long value = 0;
        while (i < cps.length
            && Character.digit(cps[i], 16) >= 0
            && value <= Character.MAX_CODE_POINT) {
          value = value * 16 + Character.digit(cps[i], 16);
          i++;
        }
        if (i == start || i >= cps.length || cps[i] != '}' || value > Character.MAX_CODE_POINT) {
          throw invalid(at, "Illegal hexadecimal escape sequence");
        }
        i++;
        return (int) value;
      }
      return fixedHex(at, 2);
    }

    private int fixedHex(int at, int digits) {
      int value = 0;
      for (int k = 0; k < digits; k++) {
        if (i >= cps.length || Character.digit(cps[i], 16) < 0) {
          throw invalid(at, "Illegal hexadecimal escape sequence");
        }
        value = value * 16 + Character.digit(cps[i], 16);
        i++;
      }
      return value;
    }

    /**
     * The predefined class ({@code \d \w \s}, their complements, {@code \p{X}} and {@code \\P{X}}
     * for a one-letter Unicode category) whose letter is at {@code i}, moving past it; null
     * (leaving {@code i}) for any other escape.
     */
    private @Nullable IntPredicate predefined(int at) {
      if (i >= cps.length) {
        return null;
      }
      int c = cps[i];
      boolean complement = Character.isUpperCase(c);
      if (c == 'p' || c == 'P') {
        Long mask =
            i + 3 < cps.length && cps[i + 1] == '{' && cps[i + 3] == '}'
                ? CATEGORIES.get(cps[i + 2])
                : null;
        if (mask == null) {
          throw invalid(
              at,
              "Unicode properties other than \\p{L}, {N}, {P}, {S}, {Z}, {M} and {C}"
                  + " are not supported");
        }
        i += 4;
        long m = mask;
        return complement
            ? ch -> (m & (1L << Character.getType(ch))) == 0
            : ch -> (m & (1L << Character.getType(ch))) != 0;
      }
      int[] ranges = predefinedRanges(c);
      if (ranges == null) {
        return null;
      }
      i++;
      return complement ? ch -> !inAny(ranges, ch) : ch -> inAny(ranges, ch);
    }

    private static int @Nullable [] predefinedRanges(int c) {
      return switch (c) {
        case 'd', 'D' -> DIGIT;
        case 'w', 'W' -> WORD;
        case 's', 'S' -> SPACE;
        default -> null;
      };
    }

    private static boolean isAsciiLetter(int c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Index in chars of the code point at {@code cpIndex}, for messages. */
    private InvalidInputException invalid(int cpIndex, String description) {
      int charIndex =
          cpIndex >= cps.length ? pattern.length() : pattern.offsetByCodePoints(0, cpIndex);
      return InvalidInputException.of(
          MembershipRule.FIELD,
          "the regular expression is invalid near index "
              + charIndex
              + " of the pattern: "
              + description);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Compiler: Thompson construction on an explicit work list

  private static final class Program {
    int[] op = new int[64];
    int[] x = new int[64];
    int[] y = new int[64];
    int size;
    final List<CharClass> classes = new ArrayList<>();

    int add(int code, int a, int b) {
      if (size == MAX_PROGRAM) {
        throw InvalidInputException.of(
            MembershipRule.FIELD,
            "the regular expression is too large:"
                + " with its repetitions expanded it must stay within "
                + MAX_PROGRAM
                + " steps");
      }
      if (size == op.length) {
        op = java.util.Arrays.copyOf(op, size * 2);
        x = java.util.Arrays.copyOf(x, size * 2);
        y = java.util.Arrays.copyOf(y, size * 2);
      }
      op[size] = code;
      x[size] = a;
      y[size] = b;
      return size++;
    }

    /**
     * Emits {@code root} by Thompson's construction, iteratively: the work list holds nodes still
     * to emit and patches to apply once what precedes them is emitted.
     */
    void emit(Node root) {
      Deque<Object> work = new ArrayDeque<>();
      work.push(root);
      while (!work.isEmpty()) {
        Object task = work.pop();
        if (task instanceof Runnable patch) {
          patch.run();
        } else {
          expand((Node) task, work);
        }
      }
    }

    /** Emits a leaf now, or pushes the steps of a composite node (in reverse: it is a stack). */
    private void expand(Node node, Deque<Object> work) {
      if (node instanceof Literal l) {
        add(CHAR, l.codePoint(), 0);
      } else if (node instanceof ClassNode c) {
        classes.add(c.set());
        add(CLASS, classes.size() - 1, 0);
      } else if (node instanceof Assertion a) {
        add(ASSERT, a.kind(), 0);
      } else if (node instanceof Sequence s) {
        List<Node> items = s.items();
        for (int k = items.size() - 1; k >= 0; k--) {
          work.push(items.get(k));
        }
      } else if (node instanceof Alternation alt) {
        // SPLIT next, else; option; JMP end; else: SPLIT ... ; last option; end.
        List<Node> options = alt.options();
        int last = options.size() - 1;
        int[] splits = new int[last];
        int[] exits = new int[last];
        List<Object> steps = new ArrayList<>();
        for (int k = 0; k < last; k++) {
          int option = k;
          steps.add((Runnable) () -> splits[option] = add(SPLIT, size + 1, 0));
          steps.add(options.get(k));
          steps.add(
              (Runnable)
                  () -> {
                    exits[option] = add(JMP, 0, 0);
                    y[splits[option]] = size;
                  });
        }
        steps.add(options.get(last));
        steps.add(
            (Runnable)
                () -> {
                  for (int exit : exits) {
                    x[exit] = size;
                  }
                });
        pushAll(steps, work);
      } else {
        Repeat r = (Repeat) node;
        List<Object> steps = new ArrayList<>();
        for (int k = 0; k < r.min(); k++) {
          steps.add(r.body());
        }
        if (r.max() == -1) {
          // loop: SPLIT body, end; body; JMP loop; end.
          int[] loop = new int[1];
          steps.add((Runnable) () -> loop[0] = add(SPLIT, size + 1, 0));
          steps.add(r.body());
          steps.add(
              (Runnable)
                  () -> {
                    add(JMP, loop[0], 0);
                    y[loop[0]] = size;
                  });
        } else {
          // Each optional copy may skip to the end: SPLIT body, end; body; SPLIT ...; end.
          int[] skips = new int[r.max() - r.min()];
          for (int k = 0; k < skips.length; k++) {
            int copy = k;
            steps.add((Runnable) () -> skips[copy] = add(SPLIT, size + 1, 0));
            steps.add(r.body());
          }
          steps.add(
              (Runnable)
                  () -> {
                    for (int skip : skips) {
                      y[skip] = size;
                    }
                  });
        }
        pushAll(steps, work);
      }
    }

    private static void pushAll(List<Object> steps, Deque<Object> work) {
      for (int k = steps.size() - 1; k >= 0; k--) {
        work.push(steps.get(k));
      }
    }
  }
}
