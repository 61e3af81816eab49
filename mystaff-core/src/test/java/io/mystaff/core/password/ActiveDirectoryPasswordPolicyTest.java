package io.mystaff.core.password;

import static io.mystaff.core.password.PasswordContexts.anyUser;
import static io.mystaff.core.password.PasswordContexts.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.password.PasswordCheck;
import io.mystaff.api.password.PasswordContext;
import io.mystaff.api.password.PolicyViolation;
import io.mystaff.api.password.Secret;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActiveDirectoryPasswordPolicyTest {
  private static final ActiveDirectoryPasswordPolicy DEFAULTS =
      ActiveDirectoryPasswordPolicy.defaults();
  private static final PolicyViolation TOO_FEW_CATEGORIES =
      new PolicyViolation(
          PasswordViolations.TOO_FEW_CATEGORIES,
          Map.of(
              "categoriesRequired", "3",
              "categories", "uppercase,lowercase,digit,symbol,otherLetter"));

  @Test
  void defaults_defaultDomainPolicy() {
    assertThat(DEFAULTS.minimumLength()).isEqualTo(7);
    assertThat(DEFAULTS.maximumLength()).isEqualTo(256);
    assertThat(DEFAULTS.complexityEnabled()).isTrue();
    assertThat(DEFAULTS.enforcesHistory()).isTrue();
    assertThat(DEFAULTS.name()).isEqualTo("on-premises-ad");
    assertThat(ActiveDirectoryPasswordPolicy.defaults()).isSameAs(DEFAULTS);
    assertThat(ActiveDirectoryPasswordPolicy.builder().build().toString())
        .isEqualTo(DEFAULTS.toString());
  }

  // length

  @Test
  void check_belowMinimumLength_tooShortWithMinimum() {
    assertThat(violations(DEFAULTS, "Ab1!xy"))
        .containsExactly(PolicyViolation.of(PasswordViolations.TOO_SHORT, "minLength", 7));
    assertThat(check(DEFAULTS, "Ab1!xyz").isAccepted()).isTrue();
  }

  @Test
  void check_aboveMaximumLength_tooLongWithMaximum() {
    assertThat(check(DEFAULTS, "Ab1!" + "x".repeat(252)).isAccepted()).isTrue();
    assertThat(violations(DEFAULTS, "Ab1!" + "x".repeat(253)))
        .containsExactly(PolicyViolation.of(PasswordViolations.TOO_LONG, "maxLength", 256));
  }

  @Test
  void check_configuredLengths_applied() {
    ActiveDirectoryPasswordPolicy policy =
        ActiveDirectoryPasswordPolicy.builder().minimumLength(14).maximumLength(20).build();
    assertThat(violations(policy, "Ab1!xyzwvutsr"))
        .containsExactly(PolicyViolation.of(PasswordViolations.TOO_SHORT, "minLength", 14));
    assertThat(check(policy, "Ab1!xyzwvutsrq").isAccepted()).isTrue();
    assertThat(violations(policy, "Ab1!xyzwvutsrqponmlkj"))
        .containsExactly(PolicyViolation.of(PasswordViolations.TOO_LONG, "maxLength", 20));
  }

  // complexity: three of five categories

  @Test
  void check_twoAsciiCategories_tooFew() {
    assertThat(violations(DEFAULTS, "abcdefgh")).containsExactly(TOO_FEW_CATEGORIES);
    assertThat(violations(DEFAULTS, "abcdefg1")).containsExactly(TOO_FEW_CATEGORIES);
    assertThat(violations(DEFAULTS, "ABCDEF!?")).containsExactly(TOO_FEW_CATEGORIES);
  }

  @Test
  void check_anyThreeAsciiCategories_accepted() {
    assertThat(check(DEFAULTS, "abcdef1!").isAccepted()).isTrue();
    assertThat(check(DEFAULTS, "ABCDEF1!").isAccepted()).isTrue();
    assertThat(check(DEFAULTS, "ABCdef1").isAccepted()).isTrue();
    assertThat(check(DEFAULTS, "ABCdef!").isAccepted()).isTrue();
  }

  @Test
  void check_firstAndLastDigit_countAsDigits() {
    assertThat(check(DEFAULTS, "abcDEF0").isAccepted()).isTrue();
    assertThat(check(DEFAULTS, "abcDEF9").isAccepted()).isTrue();
  }

  @Test
  void check_uppercaseAndUncasedLetters_separateCategories() {
    // Upper, lower and a letter without case: three categories, not two.
    assertThat(check(DEFAULTS, "ABC\u4e2ddef").isAccepted()).isTrue();
    assertThat(violations(DEFAULTS, "\u4e2d\u6587def\u5b57x")).containsExactly(TOO_FEW_CATEGORIES);
  }

  @Test
  void check_everyListedSymbol_countsAsNonAlphanumeric() {
    for (char symbol : "~!@#$%^&*_-+=`|\\(){}[]:;\"'<>,.?/".toCharArray()) {
      assertThat(check(DEFAULTS, "abcdef1" + symbol).isAccepted()).as("%s", symbol).isTrue();
    }
  }

  @Test
  void check_currencySymbolsAndSpace_countAsNoCategory() {
    assertThat(violations(DEFAULTS, "abcdef1€£")).containsExactly(TOO_FEW_CATEGORIES);
    assertThat(violations(DEFAULTS, "abc def 1")).containsExactly(TOO_FEW_CATEGORIES);
  }

  @Test
  void check_greekAndCyrillicLetters_countAsUpperAndLowercase() {
    assertThat(check(DEFAULTS, "Σίσυφος7").isAccepted()).isTrue();
    assertThat(check(DEFAULTS, "Жёлтый!!").isAccepted()).isTrue();
    assertThat(check(DEFAULTS, "Ærøskøbing").violations()).containsExactly(TOO_FEW_CATEGORIES);
  }

  @Test
  void check_lettersWithoutCase_fifthCategory() {
    assertThat(violations(DEFAULTS, "密码密码密码12")).containsExactly(TOO_FEW_CATEGORIES);
    assertThat(check(DEFAULTS, "密码密码密码1!").isAccepted()).isTrue();
    assertThat(check(DEFAULTS, "パスワードpass7").isAccepted()).isTrue();
  }

  @Test
  void check_supplementaryLetters_readByCodePoint() {
    assertThat(check(DEFAULTS, "\uD840\uDC00\uD840\uDC00ab1").isAccepted()).isTrue();
    assertThat(violations(DEFAULTS, "\uD840\uDC00\uD840\uDC00abc"))
        .as("length counts UTF-16 units")
        .containsExactly(TOO_FEW_CATEGORIES);
  }

  @Test
  void check_nonAsciiDigits_notBaseTenDigits() {
    assertThat(violations(DEFAULTS, "abcdef١٢٣")).containsExactly(TOO_FEW_CATEGORIES);
  }

  // complexity: names

  @Test
  void check_samAccountName_rejectedIgnoringCase() {
    PasswordContext jdoe = user("Jane Roe", "jane.roe@contoso.com", "jdoe");
    assertThat(violations(DEFAULTS, "Xy7!JDoE", jdoe))
        .containsExactly(PolicyViolation.of(PasswordViolations.CONTAINS_ACCOUNT_NAME));
    assertThat(check(DEFAULTS, "Xy7!JDoq", jdoe).isAccepted()).isTrue();
  }

  @Test
  void check_samAccountNameShorterThanThree_notChecked() {
    PasswordContext jd = user("Q Z", "jd@contoso.com", "jd");
    assertThat(check(DEFAULTS, "Xy7!jdjd", jd).isAccepted()).isTrue();
  }

  @Test
  void check_samAccountNameOfExactlyThree_checked() {
    PasswordContext bob = user("Q Z", "q.z@contoso.com", "bob");
    assertThat(violations(DEFAULTS, "Xy7!BoBq", bob))
        .containsExactly(PolicyViolation.of(PasswordViolations.CONTAINS_ACCOUNT_NAME));
  }

  @Test
  void check_microsoftDisplayNameExample_erinAndHagensForbiddenM_ignored() {
    PasswordContext erin = user("Erin M. Hagens", "e@contoso.com", null);
    assertThat(violations(DEFAULTS, "Xy7!erin", erin))
        .containsExactly(PolicyViolation.of(PasswordViolations.CONTAINS_DISPLAY_NAME));
    assertThat(violations(DEFAULTS, "HAGENS7!", erin))
        .containsExactly(PolicyViolation.of(PasswordViolations.CONTAINS_DISPLAY_NAME));
    assertThat(check(DEFAULTS, "MmM7!xyz", erin).isAccepted()).as("short token").isTrue();
    assertThat(check(DEFAULTS, "Hagen7!x", erin).isAccepted()).as("substring of token").isTrue();
  }

  @Test
  void check_displayNameDelimiters_eachSplitsTokens() {
    PasswordContext context = user("Smith-Jones,Ann_Lee#Kay.Bo\tRay Ito", "x@contoso.com", null);
    for (String token : List.of("smith", "jones", "ann", "lee", "kay", "ray", "ito")) {
      assertThat(violations(DEFAULTS, "Q7!" + token.toUpperCase(Locale.ROOT) + "w", context))
          .as(token)
          .containsExactly(PolicyViolation.of(PasswordViolations.CONTAINS_DISPLAY_NAME));
    }
    assertThat(check(DEFAULTS, "Q7!bowx", context).isAccepted()).isTrue();
  }

  @Test
  void check_cyrillicDisplayName_matchedIgnoringCase() {
    PasswordContext anna = user("Жанна Петрова", "anna@contoso.com", null);
    assertThat(violations(DEFAULTS, "жАННА!2024", anna))
        .containsExactly(PolicyViolation.of(PasswordViolations.CONTAINS_DISPLAY_NAME));
  }

  @Test
  void check_complexityDisabled_noCategoryOrNameRules() {
    ActiveDirectoryPasswordPolicy simple =
        ActiveDirectoryPasswordPolicy.builder().complexityEnabled(false).build();
    PasswordContext jdoe = user("Jane Doe", "jane.doe@contoso.com", "jdoe");
    assertThat(check(simple, "aaaaaaa").isAccepted()).isTrue();
    assertThat(check(simple, "jdoejane", jdoe).isAccepted()).isTrue();
    assertThat(violations(simple, "aaaaaa"))
        .containsExactly(PolicyViolation.of(PasswordViolations.TOO_SHORT, "minLength", 7));
  }

  // history

  @Test
  void check_passwordInHistory_recentlyUsedOnlyWhenEnforced() {
    PasswordContext context =
        PasswordContexts.withHistory(candidate -> candidate.matches(Secret.of("Summer2024!")));
    assertThat(check(DEFAULTS, "Summer2024!", context).violations())
        .containsExactly(PolicyViolation.of(PasswordViolations.RECENTLY_USED));
    assertThat(check(DEFAULTS, "Summer2025!", context).isAccepted()).isTrue();
    ActiveDirectoryPasswordPolicy noHistory =
        ActiveDirectoryPasswordPolicy.builder().enforceHistory(false).build();
    assertThat(check(noHistory, "Summer2024!", context).isAccepted()).isTrue();
  }

  @Test
  void check_everyRuleBroken_reportedInDocumentedOrder() {
    PasswordContext context =
        new PasswordContext(
            anyUser().user(),
            "x@contoso.com",
            "Erin Hagens",
            java.util.Optional.of("ehagens"),
            candidate -> true);
    assertThat(check(DEFAULTS, "ehagens", context).violations())
        .extracting(PolicyViolation::key)
        .containsExactly(
            PasswordViolations.TOO_FEW_CATEGORIES,
            PasswordViolations.CONTAINS_ACCOUNT_NAME,
            PasswordViolations.CONTAINS_DISPLAY_NAME,
            PasswordViolations.RECENTLY_USED);
  }

  @Test
  void check_leavesCandidateIntact() {
    Secret candidate = Secret.of("abc");
    DEFAULTS.check(candidate, anyUser());
    assertThat(candidate.isDestroyed()).isFalse();
  }

  // builder

  @Test
  void builder_outOfRangeLengths_typedErrorAndBuilderUnchanged() {
    ActiveDirectoryPasswordPolicy.Builder builder =
        ActiveDirectoryPasswordPolicy.builder().minimumLength(10);
    assertThatThrownBy(() -> builder.minimumLength(-1)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> builder.minimumLength(Secret.MAX_LENGTH + 1))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> builder.maximumLength(0)).isInstanceOf(InvalidInputException.class);
    assertThat(builder.build().minimumLength()).isEqualTo(10);
    assertThatThrownBy(() -> builder.maximumLength(9).build())
        .isInstanceOf(InvalidInputException.class);
    assertThat(ActiveDirectoryPasswordPolicy.builder().minimumLength(0).build().minimumLength())
        .isZero();
  }

  @Test
  void builder_lengthLimits_inclusive() {
    assertThat(
            ActiveDirectoryPasswordPolicy.builder()
                .maximumLength(Secret.MAX_LENGTH)
                .minimumLength(Secret.MAX_LENGTH)
                .build()
                .minimumLength())
        .isEqualTo(Secret.MAX_LENGTH);
    assertThat(
            ActiveDirectoryPasswordPolicy.builder()
                .minimumLength(1)
                .maximumLength(1)
                .build()
                .maximumLength())
        .isEqualTo(1);
    assertThatThrownBy(
            () -> ActiveDirectoryPasswordPolicy.builder().maximumLength(Secret.MAX_LENGTH + 1))
        .isInstanceOf(InvalidInputException.class);
    ActiveDirectoryPasswordPolicy exact =
        ActiveDirectoryPasswordPolicy.builder().minimumLength(8).maximumLength(8).build();
    assertThat(check(exact, "Ab1!wxyz").isAccepted()).isTrue();
    assertThat(violations(exact, "Ab1!wxyzq"))
        .containsExactly(PolicyViolation.of(PasswordViolations.TOO_LONG, "maxLength", 8));
  }

  @Test
  void toBuilder_roundTripsSettings() {
    ActiveDirectoryPasswordPolicy policy =
        ActiveDirectoryPasswordPolicy.builder()
            .minimumLength(12)
            .maximumLength(64)
            .complexityEnabled(false)
            .enforceHistory(false)
            .build();
    ActiveDirectoryPasswordPolicy copy = policy.toBuilder().build();
    assertThat(copy.minimumLength()).isEqualTo(12);
    assertThat(copy.maximumLength()).isEqualTo(64);
    assertThat(copy.complexityEnabled()).isFalse();
    assertThat(copy.enforcesHistory()).isFalse();
  }

  @Test
  void toString_namesEverySetting() {
    assertThat(
            ActiveDirectoryPasswordPolicy.builder()
                .minimumLength(12)
                .maximumLength(64)
                .complexityEnabled(false)
                .build()
                .toString())
        .isEqualTo(
            "ActiveDirectoryPasswordPolicy[minimumLength=12, maximumLength=64, "
                + "complexityEnabled=false, enforcesHistory=true, minimumPasswordAge=PT24H, maximumPasswordAge=PT1008H]");
  }

  @Test
  void ages_defaultDomainPolicy_oneDayAndFortyTwoDays() {
    ActiveDirectoryPasswordPolicy policy = ActiveDirectoryPasswordPolicy.defaults();
    assertThat(policy.minimumPasswordAge()).isEqualTo(java.time.Duration.ofDays(1));
    assertThat(policy.maximumPasswordAge()).isEqualTo(java.time.Duration.ofDays(42));
    assertThat(policy.passwordsNeverExpire()).isFalse();
    ActiveDirectoryPasswordPolicy neverExpires =
        policy.toBuilder().maximumPasswordAge(java.time.Duration.ZERO).build();
    assertThat(neverExpires.passwordsNeverExpire()).isTrue();
    assertThat(neverExpires.toBuilder().build().minimumPasswordAge())
        .isEqualTo(java.time.Duration.ofDays(1));
  }

  @Test
  void ages_outOfRangeOrMinimumNotBelowMaximum_rejected() {
    assertThatThrownBy(
            () ->
                ActiveDirectoryPasswordPolicy.builder()
                    .minimumPasswordAge(java.time.Duration.ofDays(-1)))
        .isInstanceOf(io.mystaff.api.InvalidInputException.class);
    assertThatThrownBy(
            () ->
                ActiveDirectoryPasswordPolicy.builder()
                    .maximumPasswordAge(java.time.Duration.ofDays(1000)))
        .isInstanceOf(io.mystaff.api.InvalidInputException.class);
    assertThatThrownBy(
            () ->
                ActiveDirectoryPasswordPolicy.builder()
                    .minimumPasswordAge(java.time.Duration.ofDays(5))
                    .maximumPasswordAge(java.time.Duration.ofDays(5))
                    .build())
        .isInstanceOf(io.mystaff.api.InvalidInputException.class);
    assertThat(
            ActiveDirectoryPasswordPolicy.builder()
                .minimumPasswordAge(java.time.Duration.ofDays(5))
                .maximumPasswordAge(java.time.Duration.ZERO)
                .build()
                .minimumPasswordAge())
        .isEqualTo(java.time.Duration.ofDays(5));
  }

  private static PasswordCheck check(ActiveDirectoryPasswordPolicy policy, String password) {
    return policy.check(Secret.of(password), anyUser());
  }

  private static PasswordCheck check(
      ActiveDirectoryPasswordPolicy policy, String password, PasswordContext context) {
    return policy.check(Secret.of(password), context);
  }

  private static List<PolicyViolation> violations(
      ActiveDirectoryPasswordPolicy policy, String password) {
    return check(policy, password).violations();
  }

  private static List<PolicyViolation> violations(
      ActiveDirectoryPasswordPolicy policy, String password, PasswordContext context) {
    return check(policy, password, context).violations();
  }
}
