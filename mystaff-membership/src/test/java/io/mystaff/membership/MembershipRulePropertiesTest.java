package io.mystaff.membership;

import static io.mystaff.membership.RandomRules.replay;
import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.directory.User;
import io.mystaff.api.directory.UserSource;
import io.mystaff.membership.RuleExpression.And;
import io.mystaff.membership.RuleExpression.Comparison;
import io.mystaff.membership.RuleExpression.Not;
import io.mystaff.membership.RuleExpression.Or;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Laws of the rule language, checked on seeded random inputs. Each failure names the seed of its
 * trial; {@code -Dmystaff.seed=<seed>} replays exactly that trial.
 */
class MembershipRulePropertiesTest {
  private static final int TRIALS = 2_000;
  private static final int FUZZ_TRIALS = 100_000;
  private static final Pattern POSITIONED =
      Pattern.compile("at position [1-9][0-9]*: .+", Pattern.DOTALL);

  @Test
  void parse_canonicalTextOfRandomTree_yieldsEqualTree() {
    AtomicInteger checked = new AtomicInteger();
    RandomRules.seeds(TRIALS)
        .forEach(
            seed -> {
              RuleExpression expression = RandomRules.expression(new Random(seed), 4);
              String text = expression.canonicalText();
              if (text.length() > MembershipRule.MAX_LENGTH) {
                return;
              }
              MembershipRule parsed = MembershipRule.parse(text);
              assertThat(parsed.expression()).as(replay(seed) + text).isEqualTo(expression);
              assertThat(parsed.toString()).as(replay(seed) + text).isEqualTo(text);
              assertThat(MembershipRule.of(expression)).as(replay(seed) + text).isEqualTo(parsed);
              checked.incrementAndGet();
            });
    assertThat(checked.get()).as("trials within the length limit").isPositive();
  }

  @Test
  void parse_anyDocumentedSpellingOfRandomTree_yieldsEqualTree() {
    RandomRules.seeds(TRIALS)
        .forEach(
            seed -> {
              Random random = new Random(seed);
              RuleExpression expression = RandomRules.expression(random, 4);
              String noisy = RandomRules.noisyText(random, expression);
              if (noisy.length() > MembershipRule.MAX_LENGTH) {
                return;
              }
              assertThat(MembershipRule.parse(noisy).expression())
                  .as(replay(seed) + noisy)
                  .isEqualTo(expression);
            });
  }

  @Test
  void matches_randomRuleAndUsers_agreesWithOracle() {
    int[] outcomes = new int[2];
    RandomRules.seeds(TRIALS)
        .forEach(
            seed -> {
              Random random = new Random(seed);
              RuleExpression expression = RandomRules.expression(random, 3);
              String text = expression.canonicalText();
              if (text.length() > MembershipRule.MAX_LENGTH) {
                return;
              }
              MembershipRule rule = MembershipRule.of(expression);
              MembershipRule negated = MembershipRule.of(RuleExpression.not(expression));
              for (int i = 0; i < 5; i++) {
                User user = RandomRules.user(random);
                boolean expected = oracle(expression, user);
                String context = replay(seed) + text + " on " + user + " " + user.attributes();
                assertThat(rule.matches(user)).as(context).isEqualTo(expected);
                assertThat(negated.matches(user)).as("negated " + context).isEqualTo(!expected);
                outcomes[expected ? 1 : 0]++;
              }
            });
    // Guards against a generator that makes the comparison vacuous (always true or always false).
    if (Long.getLong(RandomRules.SEED_PROPERTY) == null) {
      assertThat(outcomes[0]).as("non-matching evaluations").isGreaterThan(TRIALS);
      assertThat(outcomes[1]).as("matching evaluations").isGreaterThan(TRIALS);
    }
  }

  @Test
  void matches_negatedOperator_alwaysOpposite() {
    RandomRules.seeds(TRIALS)
        .forEach(
            seed -> {
              Random random = new Random(seed);
              Comparison comparison = RandomRules.comparison(random);
              Comparison twin =
                  new Comparison(
                      comparison.property(), comparison.operator().negated(), comparison.values());
              MembershipRule rule = MembershipRule.of(comparison);
              MembershipRule opposite = MembershipRule.of(twin);
              for (int i = 0; i < 5; i++) {
                User user = RandomRules.user(random);
                assertThat(opposite.matches(user))
                    .as(replay(seed) + comparison + " on " + user.attributes())
                    .isEqualTo(!rule.matches(user));
              }
            });
  }

  /**
   * Robustness: at least 100,000 mangled, random and extreme strings. Parsing either returns a rule
   * or throws {@link InvalidInputException} for the rule field; every rule it returns evaluates
   * without throwing and survives a round trip through its canonical text (when that is within the
   * length limit).
   */
  @Test
  void parse_fuzzedText_onlyReturnsOrThrowsInvalidInput() {
    List<User> users = new ArrayList<>();
    Random usersRandom = new Random(42);
    for (int i = 0; i < 4; i++) {
      users.add(RandomRules.user(usersRandom));
    }
    int[] outcomes = new int[2];
    RandomRules.seeds(FUZZ_TRIALS)
        .forEach(
            seed -> {
              String text = fuzzText(new Random(seed));
              MembershipRule rule;
              try {
                rule = MembershipRule.parse(text);
              } catch (InvalidInputException e) {
                // Checked without AssertJ: describing 100,000 passing inputs would dominate the run
                // time.
                InvalidInputException.Violation violation = e.violations().get(0);
                if (e.violations().size() != 1
                    || !violation.field().equals(MembershipRule.FIELD)
                    || !(POSITIONED.matcher(violation.reason()).matches()
                        || violation.reason().startsWith("must be at most 3072 characters"))) {
                  throw new AssertionError(
                      replay(seed) + "unexpected " + e + " for " + escape(text));
                }
                outcomes[0]++;
                return;
              } catch (RuntimeException | Error t) {
                throw new AssertionError(
                    replay(seed) + "parse threw " + t + " for " + escape(text), t);
              }
              outcomes[1]++;
              try {
                for (User user : users) {
                  rule.matches(user);
                }
                // The canonical text may outgrow the limit that the source respected (see
                // toString).
                if (rule.toString().length() <= MembershipRule.MAX_LENGTH) {
                  assertThat(MembershipRule.parse(rule.toString())).isEqualTo(rule);
                }
              } catch (RuntimeException | Error t) {
                throw new AssertionError(replay(seed) + t + " after parsing " + escape(text), t);
              }
            });
    if (Long.getLong(RandomRules.SEED_PROPERTY) == null) {
      assertThat(outcomes[0] + outcomes[1]).isGreaterThanOrEqualTo(100_000);
      assertThat(outcomes[0]).as("rejected inputs").isGreaterThan(FUZZ_TRIALS / 10);
      assertThat(outcomes[1]).as("accepted inputs").isGreaterThan(FUZZ_TRIALS / 10);
    }
  }

  /** Mostly mutated valid rules; now and then a random or extreme input. */
  private static String fuzzText(Random random) {
    switch (random.nextInt(24)) {
      case 0, 1 -> {
        return RandomRules.randomChars(random, random.nextInt(60));
      }
      case 2 -> {
        int depth = random.nextInt(4000);
        String inner = RandomRules.expression(random, 2).canonicalText();
        return "(".repeat(depth) + inner + ")".repeat(Math.max(0, depth - random.nextInt(2)));
      }
      case 3 -> {
        return "-not ".repeat(random.nextInt(700)) + RandomRules.comparison(random).canonicalText();
      }
      case 4 -> {
        StringBuilder list = new StringBuilder("user.city -in [");
        for (int i = random.nextInt(2000); i >= 0; i--) {
          list.append('"').append(i).append("\",");
        }
        return list.append(random.nextBoolean() ? "\"x\"]" : "]").toString();
      }
      case 5 -> {
        return "user.department -eq \"" + "x".repeat(3000 + random.nextInt(200)) + "\"";
      }
      case 6 -> {
        int depth = random.nextInt(300);
        StringBuilder chain = new StringBuilder("(".repeat(depth)).append("user.city -eq 0");
        for (int i = 1; i <= depth; i++) {
          chain
              .append(random.nextBoolean() ? " -and " : " -or ")
              .append("user.city -eq ")
              .append(i)
              .append(')');
        }
        return chain.toString();
      }
      case 7, 8 -> {
        return mutate(random, RandomRules.pick(random, MembershipRuleTest.DOCUMENTED_EXAMPLES));
      }
      default -> {
        return mutate(random, RandomRules.noisyText(random, RandomRules.expression(random, 2)));
      }
    }
  }

  private static final List<String> FRAGMENTS =
      List.of(
          "(",
          ")",
          "[",
          "]",
          ",",
          "\"",
          "'",
          "`",
          "`\"",
          "-and",
          " -or ",
          "-not ",
          "not",
          "user.",
          "user.city",
          "-eq",
          "-in",
          "-match",
          "null",
          "true",
          "$null",
          "\u2013",
          "\\",
          "\uD800",
          "\uDC00",
          "\u0000",
          "\uFFFF",
          " ",
          "[[[",
          ")))",
          "(?",
          "*",
          "user.accountEnabled -eq ");

  private static String mutate(Random random, String text) {
    StringBuilder out = new StringBuilder(text);
    // Zero edits now and then, so that odd but valid spellings reach evaluation too.
    for (int n = random.nextInt(4); n > 0; n--) {
      int at = random.nextInt(out.length() + 1);
      switch (random.nextInt(6)) {
        case 0 -> {
          if (at < out.length()) {
            out.deleteCharAt(at);
          }
        }
        case 1 -> out.insert(at, (char) random.nextInt(0x10000));
        case 2 -> {
          if (at + 1 < out.length()) {
            char c = out.charAt(at);
            out.setCharAt(at, out.charAt(at + 1));
            out.setCharAt(at + 1, c);
          }
        }
        case 3 -> {
          int end = Math.min(out.length(), at + random.nextInt(20));
          out.insert(at, out.substring(at, end));
        }
        case 4 -> out.setLength(at);
        default -> out.insert(at, RandomRules.pick(random, FRAGMENTS));
      }
    }
    return out.toString();
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder("\"");
    text.codePoints()
        .forEach(
            cp -> {
              if (cp >= 0x20 && cp < 0x7f && cp != '"' && cp != '\\') {
                out.appendCodePoint(cp);
              } else {
                out.append(String.format("\\u%04x", cp)); // only ever run to describe a failure
              }
            });
    return out.append('"').toString();
  }

  // ---- The oracle: the documented semantics, written as plainly as possible --------------------

  static boolean oracle(RuleExpression expression, User user) {
    if (expression instanceof And a) {
      return a.operands().stream().allMatch(e -> oracle(e, user));
    }
    if (expression instanceof Or o) {
      return o.operands().stream().anyMatch(e -> oracle(e, user));
    }
    if (expression instanceof Not n) {
      return !oracle(n.operand(), user);
    }
    Comparison c = (Comparison) expression;
    RuleOperator operator = c.operator();
    if (operator.isNegative()) {
      return !oracle(new Comparison(c.property(), operator.negated(), c.values()), user);
    }
    String name = c.property().name();
    if (name.equals("accountEnabled") || name.equals("dirSyncEnabled")) {
      boolean actual =
          name.equals("accountEnabled")
              ? user.accountEnabled()
              : user.source() == UserSource.SYNCED_FROM_ON_PREMISES;
      return actual == ((RuleValue.Bool) c.values().get(0)).value();
    }
    String actual =
        name.equals("userPrincipalName")
            ? user.userPrincipalName()
            : name.equals("displayName")
                ? user.displayName()
                : name.equals("objectId") ? user.id().value() : user.attributes().get(name);
    if (c.values().get(0) instanceof RuleValue.Null) {
      return actual == null;
    }
    if (actual == null) {
      return false;
    }
    String operand = ((RuleValue.Text) c.values().get(0)).value();
    int n = operand.length();
    switch (operator) {
      case EQ -> {
        return actual.equalsIgnoreCase(operand);
      }
      case STARTS_WITH -> {
        return actual.length() >= n && actual.substring(0, n).equalsIgnoreCase(operand);
      }
      case ENDS_WITH -> {
        return actual.length() >= n
            && actual.substring(actual.length() - n).equalsIgnoreCase(operand);
      }
      case CONTAINS -> {
        for (int i = 0; i + n <= actual.length(); i++) {
          if (actual.substring(i, i + n).equalsIgnoreCase(operand)) {
            return true;
          }
        }
        return false;
      }
      case IN -> {
        return c.values().stream()
            .anyMatch(v -> actual.equalsIgnoreCase(((RuleValue.Text) v).value()));
      }
      case MATCH -> {
        return Pattern.compile(operand, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
            .matcher(actual)
            .find();
      }
      default -> throw new AssertionError(operator);
    }
  }
}
