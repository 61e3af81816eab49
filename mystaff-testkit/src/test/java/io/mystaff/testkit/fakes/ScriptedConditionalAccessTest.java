package io.mystaff.testkit.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.UserId;
import io.mystaff.api.access.AccessVerdict;
import io.mystaff.api.access.SignInContext;
import org.junit.jupiter.api.Test;

class ScriptedConditionalAccessTest {
  private static final UserId ANN = UserId.of("ann");
  private static final UserId BEN = UserId.of("ben");

  @Test
  void evaluate_noRules_appliesTheDefault() {
    assertThat(ScriptedConditionalAccess.allowingAll().evaluate(SignInContext.of(ANN, false)))
        .isEqualTo(AccessVerdict.allow());
    assertThat(ScriptedConditionalAccess.requiringMfaOfAll().evaluate(SignInContext.of(ANN, true)))
        .isEqualTo(AccessVerdict.requireMfa());
  }

  @Test
  void evaluate_perUserRules_applyToThatUserOnly() {
    ScriptedConditionalAccess ca =
        ScriptedConditionalAccess.allowingAll().block(ANN, "untrusted-location").requireMfa(BEN);

    assertThat(ca.evaluate(SignInContext.of(ANN, true)))
        .isEqualTo(AccessVerdict.block("untrusted-location"));
    assertThat(ca.evaluate(SignInContext.of(BEN, false))).isEqualTo(AccessVerdict.requireMfa());
    assertThat(ca.evaluate(SignInContext.of(UserId.of("cat"), false)))
        .isEqualTo(AccessVerdict.allow());
  }

  @Test
  void evaluate_failingRule_throwsAFreshExceptionAndStillCounts() {
    ScriptedConditionalAccess ca =
        ScriptedConditionalAccess.allowingAll()
            .failFor(ANN, () -> new IllegalStateException("policy service down"));

    assertThatThrownBy(() -> ca.evaluate(SignInContext.of(ANN, true)))
        .hasMessage("policy service down");
    assertThatThrownBy(() -> ca.evaluate(SignInContext.of(ANN, true)))
        .hasMessage("policy service down");
    assertThat(ca.evaluationsOf(ANN)).isEqualTo(2);
  }

  @Test
  void otherwiseFail_usersWithoutRule_throwWhileRuledUsersPass() {
    ScriptedConditionalAccess ca =
        ScriptedConditionalAccess.allowingAll()
            .allow(BEN)
            .otherwiseFail(() -> new IllegalStateException("down"));

    assertThat(ca.evaluate(SignInContext.of(BEN, false))).isEqualTo(AccessVerdict.allow());
    assertThatThrownBy(() -> ca.evaluate(SignInContext.of(ANN, false))).hasMessage("down");
  }

  @Test
  void forget_ruledUser_getsTheDefaultAgain() {
    ScriptedConditionalAccess ca =
        ScriptedConditionalAccess.allowingAll()
            .block(ANN, "x")
            .otherwise(AccessVerdict.requireMfa());

    ca.forget(ANN);

    assertThat(ca.evaluate(SignInContext.of(ANN, false))).isEqualTo(AccessVerdict.requireMfa());
  }

  @Test
  void evaluations_recordEveryContextInOrder() {
    ScriptedConditionalAccess ca = ScriptedConditionalAccess.allowingAll();
    SignInContext first = SignInContext.of(ANN, false);
    SignInContext second = SignInContext.of(BEN, true);

    ca.evaluate(first);
    ca.evaluate(second);
    ca.evaluate(first);

    assertThat(ca.evaluations()).containsExactly(first, second, first);
    assertThat(ca.evaluationCount()).isEqualTo(3);
    assertThat(ca.evaluationsOf(ANN)).isEqualTo(2);
  }
}
