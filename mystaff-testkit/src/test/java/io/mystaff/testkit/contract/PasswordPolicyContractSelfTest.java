package io.mystaff.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.password.PasswordCheck;
import io.mystaff.api.password.PasswordContext;
import io.mystaff.api.password.PolicyViolation;
import io.mystaff.api.password.Secret;
import io.mystaff.core.password.ActiveDirectoryPasswordPolicy;
import io.mystaff.core.password.EntraPasswordPolicy;
import io.mystaff.spi.PasswordPolicy;
import java.util.List;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The password-policy contract can fail: one broken policy per law. */
class PasswordPolicyContractSelfTest {

  @Test
  void policyAcceptingPassword_failsTheCommonPasswordsLaw() {
    SuiteRun run = SuiteRun.of(LengthOnly.class);
    assertThat(run.failed()).as("%s", run).contains("check_commonPasswords_rejectedWithViolations");
  }

  @Test
  void minimumOneTooLow_failsTheShortLaw() {
    SuiteRun run = SuiteRun.of(MinimumOneTooLow.class);
    assertThat(run.failed()).as("%s", run).containsExactly("check_oneShorterThanMinimum_rejected");
  }

  @Test
  void minimumOneTooHigh_failsTheAtMinimumLaw() {
    SuiteRun run = SuiteRun.of(MinimumOneTooHigh.class);
    assertThat(run.failed()).as("%s", run).containsExactly("check_strongAtMinimumLength_accepted");
  }

  @Test
  void policyEchoingTheCandidate_failsTheEchoLaw() {
    SuiteRun run = SuiteRun.of(Echoes.class);
    assertThat(run.failed()).as("%s", run).containsExactly("check_results_neverEchoTheCandidate");
  }

  @Test
  void policyDestroyingTheCandidate_failsTheIntactLaw() {
    SuiteRun run = SuiteRun.of(Destroys.class);
    assertThat(run.failed()).as("%s", run).containsExactly("check_candidate_leftIntact");
  }

  @Test
  void policyIgnoringHistory_failsWhenHistoryIsClaimed_skippedWhenDeclaredAbsent() {
    SuiteRun claimed = SuiteRun.of(HistoryClaimedButOff.class);
    assertThat(claimed.failed())
        .as("%s", claimed)
        .containsExactly("check_inHistory_rejected_otherwiseAccepted");
    SuiteRun absent = SuiteRun.of(HistoryDeclaredAbsent.class);
    assertThat(absent.skipped())
        .as("%s", absent)
        .containsExactly("check_inHistory_rejected_otherwiseAccepted");
    assertThat(absent.failed()).as("%s", absent).isEmpty();
  }

  @Test
  void builder_rejectsMisuse() {
    PasswordPolicyTestSuiteBuilder b =
        PasswordPolicyTestSuiteBuilder.using(t -> EntraPasswordPolicy.standard());
    org.assertj.core.api.Assertions.assertThatThrownBy(b::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("named");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.suppressing("no_such_law", "why"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no law named no_such_law");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> b.suppressing("check_candidate_leftIntact", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a reason");
    b.withFeatures(PasswordPolicyFeature.ENFORCES_HISTORY);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> b.withoutFeatures(PasswordPolicyFeature.ENFORCES_HISTORY))
        .isInstanceOf(IllegalStateException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.minimumLength(3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(b.named("Entra").build().getDisplayName())
        .isEqualTo("PasswordPolicy contract: Entra");
    assertThat(b.lawNames()).hasSize(9).doesNotHaveDuplicates();
  }

  private static DynamicContainer suite(String name, PasswordPolicy policy, int minimumLength) {
    return PasswordPolicyTestSuiteBuilder.using(t -> policy)
        .named(name)
        .minimumLength(minimumLength)
        .withFeatures(PasswordPolicyFeature.values())
        .build();
  }

  /** Checks the length only. */
  @SelfTestOnly
  static class LengthOnly {
    @TestFactory
    DynamicContainer suite() {
      return PasswordPolicyContractSelfTest.suite(
          "length only",
          new PasswordPolicy() {
            @Override
            public String name() {
              return "length-only";
            }

            @Override
            public PasswordCheck check(Secret candidate, PasswordContext context) {
              return candidate.length() >= 8
                  ? PasswordCheck.accepted()
                  : PasswordCheck.rejected(
                      List.of(PolicyViolation.of("password.tooShort", "minLength", 8)));
            }
          },
          8);
    }
  }

  /** The AD default (7) claimed as 8: a 7-character strong password is accepted. */
  @SelfTestOnly
  static class MinimumOneTooLow {
    @TestFactory
    DynamicContainer suite() {
      return PasswordPolicyContractSelfTest.suite(
          "AD defaults claimed as 8", ActiveDirectoryPasswordPolicy.defaults(), 8);
    }
  }

  /** The AD default (7) claimed as 6: a 6-character strong password is rejected. */
  @SelfTestOnly
  static class MinimumOneTooHigh {
    @TestFactory
    DynamicContainer suite() {
      return PasswordPolicyContractSelfTest.suite(
          "AD defaults claimed as 6", ActiveDirectoryPasswordPolicy.defaults(), 6);
    }
  }

  /** Reports a rejected candidate's first characters in a violation argument. */
  @SelfTestOnly
  static class Echoes {
    @TestFactory
    DynamicContainer suite() {
      PasswordPolicy real = EntraPasswordPolicy.standard();
      return PasswordPolicyContractSelfTest.suite(
          "echoes",
          new PasswordPolicy() {
            @Override
            public String name() {
              return "echoes";
            }

            @Override
            public PasswordCheck check(Secret candidate, PasswordContext context) {
              PasswordCheck check = real.check(candidate, context);
              if (check.isAccepted()) {
                return check;
              }
              String start = candidate.reveal().substring(0, Math.min(8, candidate.length()));
              return PasswordCheck.rejected(
                  List.of(PolicyViolation.of("password.rejected", "near", start)));
            }
          },
          EntraPasswordPolicy.MIN_LENGTH);
    }
  }

  /** Wipes the candidate after checking it. */
  @SelfTestOnly
  static class Destroys {
    @TestFactory
    DynamicContainer suite() {
      PasswordPolicy real = EntraPasswordPolicy.standard();
      return PasswordPolicyContractSelfTest.suite(
          "destroys",
          new PasswordPolicy() {
            @Override
            public String name() {
              return "destroys";
            }

            @Override
            public PasswordCheck check(Secret candidate, PasswordContext context) {
              PasswordCheck check = real.check(candidate, context);
              candidate.destroy();
              return check;
            }
          },
          EntraPasswordPolicy.MIN_LENGTH);
    }
  }

  @SelfTestOnly
  static class HistoryClaimedButOff {
    @TestFactory
    DynamicContainer suite() {
      return PasswordPolicyContractSelfTest.suite(
          "history claimed but off",
          ActiveDirectoryPasswordPolicy.builder().enforceHistory(false).build(),
          7);
    }
  }

  @SelfTestOnly
  static class HistoryDeclaredAbsent {
    @TestFactory
    DynamicContainer suite() {
      return PasswordPolicyTestSuiteBuilder.using(
              t -> ActiveDirectoryPasswordPolicy.builder().enforceHistory(false).build())
          .named("history declared absent")
          .minimumLength(7)
          .withoutFeatures(PasswordPolicyFeature.ENFORCES_HISTORY)
          .build();
    }
  }
}
