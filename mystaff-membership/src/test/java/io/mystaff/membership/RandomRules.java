package io.mystaff.membership;

import io.mystaff.api.UserId;
import io.mystaff.api.directory.User;
import io.mystaff.api.directory.UserSource;
import io.mystaff.membership.RuleExpression.And;
import io.mystaff.membership.RuleExpression.Comparison;
import io.mystaff.membership.RuleExpression.Not;
import io.mystaff.membership.RuleExpression.Or;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

/**
 * Seeded generators of rules, users and rule text for the property tests. Every generator takes the
 * {@link Random} of one trial, so a failing trial is replayed from its seed alone.
 */
final class RandomRules {
  /** System property that replays one trial: {@code -Dmystaff.seed=<seed>}. */
  static final String SEED_PROPERTY = "mystaff.seed";

  /** Words shared by rules and users, so that comparisons hit as well as miss. */
  private static final List<String> WORDS =
      List.of(
          "Sales",
          "Marketing",
          "Seattle",
          "Redmond",
          "Account Executive",
          "Temp",
          "US",
          "1042",
          "",
          "a",
          "A",
          "ß",
          "SS",
          "İstanbul",
          "istanbul",
          "ıstanbul",
          "Σίσυφος",
          "ΣΊΣΥΦΟΣ",
          "é",
          "É",
          "\"quoted\"",
          "back`tick",
          "trailing`",
          "it's",
          "x  y",
          "(",
          ")",
          "[1, 2]",
          "-and",
          "null",
          "true",
          "日本",
          "\uD83D\uDE00",
          "\uD801\uDC00",
          "\uD801\uDC28",
          "line\nbreak",
          "µ",
          "Μ");

  private static final List<String> REGEXES =
      List.of(
          "^Da.*",
          ".*vid",
          "^s",
          "es$",
          "a|b",
          "[a-c]+",
          "^$",
          "\\d+",
          "^(Sales|Marketing)$",
          "é",
          "σ",
          ".",
          "x{2,}",
          "\\p{L}+\\s\\p{L}+",
          "^\\w*$",
          "(?:ab)?c",
          "\"",
          "`",
          "[\\[\\]]");

  private static final List<String> STRING_PROPERTIES =
      List.of(
          "department",
          "city",
          "jobTitle",
          "country",
          "employeeId",
          "state",
          "extensionAttribute3",
          "extension_c272a57b722d4eb29bfe327874ae79cb_office",
          "displayName",
          "userPrincipalName",
          "objectId");

  private RandomRules() {}

  /** One seed per trial, or only the replayed one when {@value #SEED_PROPERTY} is set. */
  static LongStream seeds(int trials) {
    Long replay = Long.getLong(SEED_PROPERTY);
    return replay != null ? LongStream.of(replay) : new Random().longs(trials);
  }

  /** A prefix for failure messages that says how to replay the trial. */
  static String replay(long seed) {
    return "seed " + seed + " (replay with -D" + SEED_PROPERTY + "=" + seed + "): ";
  }

  static RuleExpression expression(Random random, int depth) {
    if (depth == 0 || random.nextInt(3) == 0) {
      return comparison(random);
    }
    return switch (random.nextInt(3)) {
      case 0 -> new Not(expression(random, depth - 1));
      case 1 -> new And(operands(random, depth - 1));
      default -> new Or(operands(random, depth - 1));
    };
  }

  private static List<RuleExpression> operands(Random random, int depth) {
    List<RuleExpression> operands = new ArrayList<>();
    for (int i = 2 + random.nextInt(3); i > 0; i--) {
      operands.add(expression(random, depth));
    }
    return operands;
  }

  static Comparison comparison(Random random) {
    if (random.nextInt(8) == 0) {
      RuleProperty property =
          RuleProperty.of(random.nextBoolean() ? "accountEnabled" : "dirSyncEnabled");
      return Comparison.of(
          property,
          random.nextBoolean() ? RuleOperator.EQ : RuleOperator.NE,
          RuleValue.bool(random.nextBoolean()));
    }
    RuleProperty property = RuleProperty.of(pick(random, STRING_PROPERTIES));
    RuleOperator operator = pick(random, List.of(RuleOperator.values()));
    List<RuleValue> values = new ArrayList<>();
    switch (operator) {
      case EQ, NE ->
          values.add(random.nextInt(6) == 0 ? RuleValue.NULL : RuleValue.text(text(random)));
      case IN, NOT_IN -> {
        for (int i = 1 + random.nextInt(5); i > 0; i--) {
          values.add(RuleValue.text(text(random)));
        }
      }
      case MATCH, NOT_MATCH ->
          values.add(
              RuleValue.text(
                  random.nextInt(3) == 0 ? Pattern.quote(text(random)) : pick(random, REGEXES)));
      default -> values.add(RuleValue.text(text(random)));
    }
    return new Comparison(property, operator, values);
  }

  /** A word, a case variant or piece of one, or random characters. */
  static String text(Random random) {
    String word = pick(random, WORDS);
    switch (random.nextInt(6)) {
      case 0 -> {
        return word.toUpperCase(Locale.ROOT);
      }
      case 1 -> {
        return word.toLowerCase(Locale.ROOT);
      }
      case 2 -> {
        int from = random.nextInt(word.length() + 1);
        return word.substring(from, from + random.nextInt(word.length() - from + 1));
      }
      case 3 -> {
        return randomChars(random, random.nextInt(6));
      }
      default -> {
        return word;
      }
    }
  }

  static String randomChars(Random random, int length) {
    StringBuilder out = new StringBuilder();
    String alphabet = "aAbßσΣ\"'`()[], -–\t\n\\$_.0";
    for (int i = 0; i < length; i++) {
      out.append(
          random.nextInt(4) == 0
              ? (char) random.nextInt(0x10000)
              : alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  static User user(Random random) {
    User.Builder user =
        User.builder()
            .id(
                UserId.of(
                    random.nextBoolean()
                        ? "aaaaaaaa-0000-1111-2222-bbbbbbbbbbbb"
                        : "u" + random.nextInt(9)))
            .userPrincipalName(
                pick(random, List.of("alice", "Sales", "a", "İstanbul")) + "@contoso.com")
            .displayName(
                pick(random, List.of("Alice Baker", "David", "Da", "Sales", "ΣΊΣΥΦΟΣ", "a")))
            .accountEnabled(random.nextBoolean())
            .source(
                random.nextBoolean() ? UserSource.CLOUD_ONLY : UserSource.SYNCED_FROM_ON_PREMISES);
    for (String property : STRING_PROPERTIES.subList(0, 8)) {
      if (random.nextInt(5) > 0) {
        user.attribute(property, text(random));
      }
    }
    return user.build();
  }

  /**
   * Rule text for {@code expression} in a randomly chosen spelling that must parse to the same
   * tree: operators in any case, with, without or with an en dash for the hyphen, property names in
   * any case, redundant parentheses, assorted whitespace, single quotes, unquoted numbers and
   * quoted booleans.
   */
  static String noisyText(Random random, RuleExpression expression) {
    StringBuilder out = new StringBuilder();
    noisy(random, expression, out);
    return random.nextInt(4) == 0
        ? "(" + space(random) + out + space(random) + ")"
        : out.toString();
  }

  private static void noisy(Random random, RuleExpression expression, StringBuilder out) {
    if (expression instanceof Comparison c) {
      out.append(cased(random, "user."))
          .append(cased(random, c.property().name()))
          .append(space(random))
          .append(keyword(random, c.operator().token().substring(1)))
          .append(space(random));
      if (c.operator().takesList()) {
        out.append('[').append(optionalSpace(random));
        for (int i = 0; i < c.values().size(); i++) {
          out.append(i > 0 ? optionalSpace(random) + "," + optionalSpace(random) : "");
          noisyValue(random, c.values().get(i), out);
        }
        out.append(optionalSpace(random)).append(']');
      } else {
        noisyValue(random, c.values().get(0), out);
      }
    } else if (expression instanceof Not n) {
      out.append(keyword(random, "not")).append(space(random));
      boolean bare =
          !(n.operand() instanceof And || n.operand() instanceof Or) && random.nextBoolean();
      grouped(random, n.operand(), !bare, out);
    } else {
      boolean and = expression instanceof And;
      List<RuleExpression> operands =
          and ? ((And) expression).operands() : ((Or) expression).operands();
      for (int i = 0; i < operands.size(); i++) {
        if (i > 0) {
          out.append(space(random))
              .append(keyword(random, and ? "and" : "or"))
              .append(space(random));
        }
        RuleExpression operand = operands.get(i);
        grouped(random, operand, (and && operand instanceof Or) || random.nextInt(4) == 0, out);
      }
    }
  }

  private static void grouped(
      Random random, RuleExpression e, boolean parenthesise, StringBuilder out) {
    if (parenthesise) {
      out.append('(').append(optionalSpace(random));
      noisy(random, e, out);
      out.append(optionalSpace(random)).append(')');
    } else {
      noisy(random, e, out);
    }
  }

  private static void noisyValue(Random random, RuleValue value, StringBuilder out) {
    if (value instanceof RuleValue.Null) {
      out.append(pick(random, List.of("null", "NULL", "$null", "Null")));
    } else if (value instanceof RuleValue.Bool b) {
      String text = cased(random, Boolean.toString(b.value()));
      out.append(random.nextBoolean() ? text : "\"" + text + "\"");
    } else {
      String text = ((RuleValue.Text) value).value();
      if (text.matches("[0-9]+") && random.nextBoolean()) {
        out.append(text);
      } else if (random.nextBoolean()) {
        out.append('\'').append(text.replace("'", "''")).append('\'');
      } else {
        out.append(value);
      }
    }
  }

  private static String keyword(Random random, String name) {
    return pick(random, List.of("-", "-", "", "\u2013")) + cased(random, name);
  }

  private static String cased(Random random, String text) {
    return switch (random.nextInt(4)) {
      case 0 -> text.toUpperCase(Locale.ROOT);
      case 1 -> text.toLowerCase(Locale.ROOT);
      default -> text;
    };
  }

  private static String space(Random random) {
    return pick(random, List.of(" ", " ", "  ", "\t", "\n", "\r\n", "\u00a0", " \u2003 "));
  }

  private static String optionalSpace(Random random) {
    return random.nextBoolean() ? "" : space(random);
  }

  static <T> T pick(Random random, List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }
}
