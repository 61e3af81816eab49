package io.mystaff.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.InvalidInputException;
import io.mystaff.membership.RuleExpression.And;
import io.mystaff.membership.RuleExpression.Comparison;
import io.mystaff.membership.RuleExpression.Not;
import io.mystaff.membership.RuleExpression.Or;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class RuleExpressionTest {
  private static final Comparison A = Comparison.of("city", RuleOperator.EQ, "a");
  private static final Comparison B = Comparison.of("city", RuleOperator.EQ, "b");
  private static final Comparison C = Comparison.of("city", RuleOperator.EQ, "c");

  @Test
  void andOr_nestedSameKind_flattenedPreservingOrder() {
    assertThat(RuleExpression.and(RuleExpression.and(A, B), C))
        .isEqualTo(new And(List.of(A, B, C)));
    assertThat(RuleExpression.or(A, RuleExpression.or(B, C))).isEqualTo(new Or(List.of(A, B, C)));
    assertThat(RuleExpression.and(RuleExpression.or(A, B), C))
        .isNotEqualTo(RuleExpression.and(A, B, C));
  }

  @Test
  void andOr_fewerThanTwoOperands_rejected() {
    assertThatThrownBy(() -> RuleExpression.and(A))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("-and needs at least two operands");
    assertThatThrownBy(() -> new Or(List.of())).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> RuleExpression.and(A, null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void depth_countsLogicalLevels_beyondMaximumRejected() {
    assertThat(A.depth()).isZero();
    assertThat(RuleExpression.and(A, RuleExpression.or(B, RuleExpression.not(C))).depth())
        .isEqualTo(3);
    RuleExpression deep = A;
    for (int i = 0; i < RuleExpression.MAX_DEPTH; i++) {
      deep = i % 2 == 0 ? new Not(deep) : RuleExpression.or(B, deep);
    }
    assertThat(deep.depth()).isEqualTo(RuleExpression.MAX_DEPTH);
    RuleExpression limit = deep;
    assertThatThrownBy(() -> RuleExpression.not(limit))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("nest deeper than 64 levels");
    assertThatThrownBy(() -> RuleExpression.and(A, limit))
        .isInstanceOf(InvalidInputException.class);
    assertThat(MembershipRule.parse(limit.canonicalText()).expression()).isEqualTo(limit);
  }

  @Test
  void comparison_operandRules_enforcedOnConstruction() {
    RuleProperty city = RuleProperty.of("city");
    RuleProperty enabled = RuleProperty.of("accountEnabled");
    assertThatThrownBy(() -> new Comparison(city, RuleOperator.EQ, List.of()))
        .hasMessageContaining("-eq compares with exactly one value");
    assertThatThrownBy(() -> new Comparison(city, RuleOperator.IN, List.of()))
        .hasMessageContaining("-in needs a list of one or more strings");
    assertThatThrownBy(() -> Comparison.of(city, RuleOperator.STARTS_WITH, RuleValue.NULL))
        .hasMessageContaining("null can only be compared with -eq or -ne");
    assertThatThrownBy(() -> Comparison.of(city, RuleOperator.EQ, RuleValue.bool(true)))
        .hasMessageContaining("user.city is a string");
    assertThatThrownBy(() -> Comparison.of(enabled, RuleOperator.EQ, RuleValue.text("true")))
        .hasMessageContaining("user.accountEnabled is a boolean: compare it with true or false");
    assertThatThrownBy(() -> Comparison.of(enabled, RuleOperator.IN, RuleValue.bool(true)))
        .hasMessageContaining("compare it with -eq or -ne, not -in");
    assertThatThrownBy(() -> Comparison.of("city", RuleOperator.MATCH, "a{2,1}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("regular expression is invalid");
    assertThat(Comparison.ofList("city", RuleOperator.NOT_IN, List.of("a", "b")).canonicalText())
        .isEqualTo("user.city -notIn [\"a\", \"b\"]");
  }

  @Test
  void canonicalText_parenthesesOnlyWherePrecedenceNeedsThem() {
    assertThat(RuleExpression.or(RuleExpression.and(A, B), C))
        .hasToString("user.city -eq \"a\" -and user.city -eq \"b\" -or user.city -eq \"c\"");
    assertThat(RuleExpression.and(RuleExpression.or(A, B), C))
        .hasToString("(user.city -eq \"a\" -or user.city -eq \"b\") -and user.city -eq \"c\"");
    assertThat(RuleExpression.not(RuleExpression.not(A)))
        .hasToString("-not -not (user.city -eq \"a\")");
    assertThat(RuleExpression.not(RuleExpression.and(A, B)))
        .hasToString("-not (user.city -eq \"a\" -and user.city -eq \"b\")");
    assertThat(RuleValue.text("say \"hi\" `now`")).hasToString("\"say `\"hi`\" ``now``\"");
    assertThat(RuleValue.NULL).isEqualTo(new RuleValue.Null()).hasToString("null");
  }

  @Test
  void operator_negatedIsAnInvolutionBetweenPositiveAndNegative() {
    for (RuleOperator operator : RuleOperator.values()) {
      assertThat(operator.negated().negated()).isEqualTo(operator);
      assertThat(operator.negated().isNegative()).isNotEqualTo(operator.isNegative());
      assertThat(operator.negated().takesList()).isEqualTo(operator.takesList());
      assertThat(RuleOperator.fromToken(operator.token())).contains(operator);
      assertThat(RuleOperator.fromToken(operator.token().substring(1).toUpperCase(Locale.ROOT)))
          .contains(operator);
    }
    assertThat(RuleOperator.EQ.negated()).isEqualTo(RuleOperator.NE);
    assertThat(RuleOperator.IN.negated()).isEqualTo(RuleOperator.NOT_IN);
    assertThat(RuleOperator.fromToken("-equals")).isEmpty();
    assertThat(RuleOperator.fromToken("--eq")).isEmpty();
  }

  @Test
  void property_namesCaseInsensitiveCanonicalised_unknownRejected() {
    assertThat(RuleProperty.of("JOBTITLE").name()).isEqualTo("jobTitle");
    assertThat(RuleProperty.of("mailNickName")).isEqualTo(RuleProperty.of("mailnickname"));
    assertThat(RuleProperty.of("ExtensionAttribute7").name()).isEqualTo("extensionAttribute7");
    assertThat(RuleProperty.of("extension_C272A57B722D4EB29BFE327874AE79CB_OfficeNumber").name())
        .isEqualTo("extension_c272a57b722d4eb29bfe327874ae79cb_officenumber");
    assertThat(RuleProperty.of("accountEnabled").type()).isEqualTo(RuleProperty.Type.BOOLEAN);
    assertThat(RuleProperty.of("dirSyncEnabled").type()).isEqualTo(RuleProperty.Type.BOOLEAN);
    assertThat(RuleProperty.of("department").type()).isEqualTo(RuleProperty.Type.STRING);
    assertThat(RuleProperty.of("city")).hasToString("user.city");
    for (String unknown :
        List.of(
            "extensionAttribute0",
            "extensionAttribute16",
            "manager",
            "otherMails",
            "extension_123_x",
            "mailNic\u212Aname",
            "ſtate",
            "",
            "city ")) {
      assertThatThrownBy(() -> RuleProperty.of(unknown))
          .as(unknown)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("is not a supported user property");
    }
  }
}
