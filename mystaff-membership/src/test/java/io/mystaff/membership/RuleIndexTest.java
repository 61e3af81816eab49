package io.mystaff.membership;

import static io.mystaff.membership.RandomRules.replay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.UserId;
import io.mystaff.api.directory.User;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RuleIndexTest {
  private static final int TRIALS = 300;

  @Test
  void candidates_randomRulesAndUsers_includeEveryRuleThatDoesNotEvaluateToNoMatch() {
    int[] pruned = new int[1];
    int[] indexed = new int[1];
    RandomRules.seeds(TRIALS)
        .forEach(
            seed -> {
              Random random = new Random(seed);
              Map<Integer, MembershipRule> rules = new LinkedHashMap<>();
              for (int k = 1 + random.nextInt(12); k > 0; k--) {
                RuleExpression expression =
                    random.nextBoolean()
                        ? RandomRules.expression(random, 3)
                        : equalityShaped(random, 2);
                if (expression.canonicalText().length() <= MembershipRule.MAX_LENGTH) {
                  rules.put(rules.size(), MembershipRule.of(expression));
                }
              }
              RuleIndex<Integer> index = RuleIndex.of(rules);
              indexed[0] += rules.size() - index.unindexedCount();
              for (int u = 0; u < 20; u++) {
                User user = RandomRules.user(random);
                List<Integer> candidates = candidates(index, user);
                String context = replay(seed) + rules + " on " + user + " " + user.attributes();
                assertThat(candidates).as(context).isSorted().doesNotHaveDuplicates();
                for (Map.Entry<Integer, MembershipRule> rule : rules.entrySet()) {
                  RuleOutcome outcome = rule.getValue().evaluate(user);
                  if (!candidates.contains(rule.getKey())) {
                    assertThat(outcome)
                        .as(context + ": rule " + rule.getKey() + " was not a candidate")
                        .isEqualTo(RuleOutcome.NO_MATCH);
                  }
                }
                pruned[0] += rules.size() - candidates.size();
              }
            });
    // Guards against an index that never indexes or never leaves a rule out (vacuous law).
    if (Long.getLong(RandomRules.SEED_PROPERTY) == null) {
      assertThat(indexed[0]).as("indexed rules").isGreaterThan(TRIALS);
      assertThat(pruned[0]).as("rules left out for a user").isGreaterThan(TRIALS);
    }
  }

  @Test
  void candidates_equalityRules_onlyTheRuleOfTheUsersValueIgnoringCase() {
    Map<String, MembershipRule> rules = new LinkedHashMap<>();
    for (int k = 0; k < 100; k++) {
      rules.put("dept-" + k, MembershipRule.parse("user.department -eq \"dept-" + k + "\""));
    }
    RuleIndex<String> index = RuleIndex.of(rules);

    assertThat(index.unindexedCount()).isZero();
    assertThat(candidates(index, user("department", "dept-7"))).containsExactly("dept-7");
    assertThat(candidates(index, user("department", "DEPT-42"))).containsExactly("dept-42");
    assertThat(candidates(index, user("department", "dept-100"))).isEmpty();
    assertThat(candidates(index, user("city", "dept-7"))).isEmpty();
  }

  @Test
  void candidates_ruleShapes_indexedWhereAValueIsRequired() {
    Map<String, MembershipRule> rules = new LinkedHashMap<>();
    rules.put("in", MembershipRule.parse("user.city -in [\"Oslo\", \"Bergen\"]"));
    rules.put(
        "and",
        MembershipRule.parse(
            "(user.jobTitle -startsWith \"Lead\") -and (user.department -eq \"Sales\")"));
    rules.put(
        "or", MembershipRule.parse("(user.department -eq \"HR\") -or (user.city -eq \"Rome\")"));
    rules.put("notNe", MembershipRule.parse("-not (user.department -ne \"Ops\")"));
    rules.put(
        "notOr",
        MembershipRule.parse(
            "-not ((user.department -ne \"Ops\") -or (user.jobTitle -contains \"x\"))"));
    rules.put("ne", MembershipRule.parse("user.department -ne \"Sales\""));
    rules.put("startsWith", MembershipRule.parse("user.department -startsWith \"S\""));
    rules.put("eqNull", MembershipRule.parse("user.department -eq null"));
    rules.put(
        "orOfUnindexed",
        MembershipRule.parse("(user.department -eq \"HR\") -or (user.city -contains \"o\")"));
    RuleIndex<String> index = RuleIndex.of(rules);

    List<String> everywhere = List.of("ne", "startsWith", "eqNull", "orOfUnindexed");
    assertThat(index.unindexedCount()).isEqualTo(everywhere.size());
    assertThat(candidates(index, user("city", "bergen")))
        .containsExactly("in", "ne", "startsWith", "eqNull", "orOfUnindexed");
    assertThat(candidates(index, user("department", "sales")))
        .containsExactly("and", "ne", "startsWith", "eqNull", "orOfUnindexed");
    assertThat(candidates(index, user("department", "Ops")))
        .containsExactly("notNe", "notOr", "ne", "startsWith", "eqNull", "orOfUnindexed");
    assertThat(candidates(index, user("city", "ROME")))
        .containsExactly("or", "ne", "startsWith", "eqNull", "orOfUnindexed");
    // one user, two indexed properties, the same rule reached through both: reported once
    User both =
        User.builder()
            .id(UserId.of("u"))
            .userPrincipalName("u@contoso.example")
            .displayName("U")
            .attribute("department", "HR")
            .attribute("city", "Rome")
            .build();
    assertThat(candidates(index, both))
        .containsExactly("or", "ne", "startsWith", "eqNull", "orOfUnindexed");
  }

  @Test
  void of_nullRule_throws() {
    Map<String, MembershipRule> rules = new HashMap<>();
    rules.put("a", null);
    assertThatThrownBy(() -> RuleIndex.of(rules)).isInstanceOf(NullPointerException.class);
  }

  /** Equality and -in comparisons combined with random ones, so that many rules are indexed. */
  private static RuleExpression equalityShaped(Random random, int depth) {
    if (depth == 0 || random.nextInt(3) == 0) {
      RuleProperty property =
          RuleProperty.of(RandomRules.pick(random, List.of("department", "city", "jobTitle")));
      return switch (random.nextInt(4)) {
        case 0 -> RandomRules.comparison(random);
        case 1 ->
            new RuleExpression.Comparison(
                property,
                random.nextBoolean() ? RuleOperator.IN : RuleOperator.NOT_IN,
                List.of(
                    RuleValue.text(RandomRules.text(random)),
                    RuleValue.text(RandomRules.text(random))));
        default ->
            RuleExpression.Comparison.of(
                property,
                random.nextInt(4) == 0 ? RuleOperator.NE : RuleOperator.EQ,
                RuleValue.text(RandomRules.text(random)));
      };
    }
    List<RuleExpression> operands = new ArrayList<>();
    for (int i = 2 + random.nextInt(2); i > 0; i--) {
      operands.add(equalityShaped(random, depth - 1));
    }
    return switch (random.nextInt(3)) {
      case 0 -> RuleExpression.not(operands.get(0));
      case 1 -> new RuleExpression.And(operands);
      default -> new RuleExpression.Or(operands);
    };
  }

  private static <K> List<K> candidates(RuleIndex<K> index, User user) {
    List<K> out = new ArrayList<>();
    index.addCandidates(user, out);
    return out;
  }

  private static User user(String attribute, String value) {
    return User.builder()
        .id(UserId.of("u"))
        .userPrincipalName("u@contoso.example")
        .displayName("U")
        .attribute(attribute, value)
        .build();
  }
}
