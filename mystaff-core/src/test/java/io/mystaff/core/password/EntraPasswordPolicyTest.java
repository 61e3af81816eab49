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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntraPasswordPolicyTest {
  private static final EntraPasswordPolicy STANDARD = EntraPasswordPolicy.standard();

  @Test
  void standard_isSharedAndNamed() {
    assertThat(EntraPasswordPolicy.standard()).isSameAs(STANDARD);
    assertThat(STANDARD.name()).isEqualTo("entra-cloud");
    assertThat(STANDARD.customBannedPasswordCount()).isZero();
    assertThat(STANDARD.checksTenantName()).isFalse();
    assertThat(STANDARD.bannedTermCount()).isGreaterThan(300);
  }

  @Test
  void check_strongPassword_accepted() {
    assertThat(check(STANDARD, "Vq7#Rnt!Kzw8").isAccepted()).isTrue();
  }

  // length: 8 to 256

  @Test
  void check_sevenCharacters_tooShortWithMinimum() {
    assertThat(violations(STANDARD, "Vq7#Rnt"))
        .containsExactly(PolicyViolation.of(PasswordViolations.TOO_SHORT, "minLength", 8));
    assertThat(check(STANDARD, "Vq7#Rntk").isAccepted()).isTrue();
  }

  @Test
  void check_257Characters_tooLongWithMaximum() {
    assertThat(check(STANDARD, "Vq7#" + "x".repeat(252)).isAccepted()).isTrue();
    assertThat(violations(STANDARD, "Vq7#" + "x".repeat(253)))
        .containsExactly(PolicyViolation.of(PasswordViolations.TOO_LONG, "maxLength", 256));
  }

  @Test
  void check_tooLong_notScoredAgainstBannedLists() {
    assertThat(keys(STANDARD, "P@ssw0rd!".repeat(29))).containsExactly(PasswordViolations.TOO_LONG);
  }

  // allowed characters

  @Test
  void check_nonAsciiLetter_disallowed() {
    assertThat(keys(STANDARD, "Zürich#Vq7k"))
        .containsExactly(PasswordViolations.DISALLOWED_CHARACTER);
    assertThat(keys(STANDARD, "Vq7#Rnt\tKzw"))
        .containsExactly(PasswordViolations.DISALLOWED_CHARACTER);
  }

  @Test
  void check_everyAsciiSymbolAndSpace_allowed() {
    String symbols = "@#$%^&*-_!+=[]{}|\\:',.?/`~\"();<> ";
    assertThat(check(STANDARD, "Vq7k" + symbols).isAccepted()).isTrue();
  }

  // complexity: three of uppercase, lowercase, digits, symbols

  @Test
  void check_twoCategories_tooFewWithRequiredCount() {
    PolicyViolation tooFew =
        new PolicyViolation(
            PasswordViolations.TOO_FEW_CATEGORIES,
            java.util.Map.of(
                "categoriesRequired", "3", "categories", "uppercase,lowercase,digit,symbol"));
    assertThat(violations(STANDARD, "vqrntkzwx")).containsExactly(tooFew);
    assertThat(violations(STANDARD, "vqrntkzw79")).containsExactly(tooFew);
    assertThat(violations(STANDARD, "VQRNT#KZW")).containsExactly(tooFew);
  }

  @Test
  void check_anyThreeCategories_accepted() {
    assertThat(check(STANDARD, "vqrnt7kzw#").isAccepted()).as("lower digit symbol").isTrue();
    assertThat(check(STANDARD, "VQRNT7KZW#").isAccepted()).as("upper digit symbol").isTrue();
    assertThat(check(STANDARD, "Vqrnt7kzw").isAccepted()).as("upper lower digit").isTrue();
    assertThat(check(STANDARD, "vqrnt kzw 7").isAccepted()).as("space is a symbol").isTrue();
  }

  @Test
  void check_firstAndLastCharacterOfEachRange_countsInThatCategory() {
    // Each password has the boundary character, lowercase or uppercase filler, and one symbol:
    // three categories only if the boundary character counts as upper, lower or digit.
    for (String password :
        List.of("A#vqrntk", "Z#vqrntk", "0#vqrntk", "9#vqrntk", "a#VQRNTK", "z#VQRNTK")) {
      assertThat(keys(STANDARD, password))
          .as(password)
          .doesNotContain(PasswordViolations.TOO_FEW_CATEGORIES);
    }
  }

  // normalization and banned lists

  @Test
  void check_pAtSsw0rd_bannedAfterNormalization() {
    assertThat(violations(STANDARD, "P@ssw0rd")).containsExactly(banned(1));
    assertThat(violations(STANDARD, "P@ssw0rd1"))
        .as("password1 is listed")
        .containsExactly(banned(1));
    assertThat(violations(STANDARD, "P@ssw0rd#")).as("one substitution").containsExactly(banned(1));
    assertThat(violations(STANDARD, "#P@ssw0rd")).containsExactly(banned(2));
  }

  @Test
  void check_microsoftNormalizationExample_blAtnkRejected() {
    EntraPasswordPolicy policy =
        EntraPasswordPolicy.builder().globalBannedPasswords(List.of("blank")).build();
    assertThat(violations(policy, "Bl@nK")).contains(banned(1));
  }

  @Test
  void check_microsoftScoringExamples_fourPointsRejectedFivePointsAccepted() {
    EntraPasswordPolicy contoso =
        EntraPasswordPolicy.builder()
            .globalBannedPasswords(List.of("blank"))
            .customBannedPasswords(List.of("contoso"))
            .build();
    assertThat(violations(contoso, "C0ntos0Blank12")).containsExactly(banned(4));
    assertThat(check(contoso, "ContoS0Bl@nkf9!").isAccepted()).isTrue();
  }

  @Test
  void check_microsoftFuzzyExamples_editDistanceOneMatches() {
    EntraPasswordPolicy policy =
        EntraPasswordPolicy.builder().globalBannedPasswords(List.of("abcdef")).build();
    assertThat(violations(policy, "Abcdeg#7")).as("substituted").contains(banned(3));
    assertThat(violations(policy, "Abcdefg#7")).as("appended").contains(banned(4));
    assertThat(violations(policy, "#7Abcde")).as("deleted").contains(banned(3));
  }

  @Test
  void check_bannedTermWithEnoughElse_acceptedAsMicrosoftDocuments() {
    assertThat(check(STANDARD, "Summer#Vq7k").isAccepted()).isTrue();
    assertThat(violations(STANDARD, "Summer2024!")).containsExactly(banned(3));
  }

  @Test
  void check_shortPasswordMatchingNoTerm_tooShortButNeverBanned() {
    // Four points is below the required five, but a password matching no term is not banned.
    EntraPasswordPolicy noLists =
        EntraPasswordPolicy.builder().globalBannedPasswords(List.of()).build();
    assertThat(keys(noLists, "Vq7#")).containsExactly(PasswordViolations.TOO_SHORT);
  }

  @Test
  void termLines_skipsBlankAndCommentLinesAndStrips() throws java.io.IOException {
    String file = "# global list\n\n  contoso  \n\t# indented comment\nfabrikam\n   \nwoodgrove";
    assertThat(
            EntraPasswordPolicy.termLines(
                new java.io.BufferedReader(new java.io.StringReader(file))))
        .containsExactly("contoso", "fabrikam", "woodgrove");
  }

  @Test
  void bundledGlobalList_loadsCommonBaseWordsFromTheJar() {
    List<String> terms = EntraPasswordPolicy.bundledGlobalList();
    assertThat(terms)
        .hasSizeGreaterThan(300)
        .contains("password")
        .noneMatch(t -> t.startsWith("#"));
    assertThat(terms).allSatisfy(t -> assertThat(t).isEqualTo(t.strip()).isNotEmpty());
  }

  @Test
  void check_bundledList_containsCommonBaseWords() {
    for (String word :
        List.of(
            "password",
            "welcome",
            "letmein",
            "qwerty",
            "summer",
            "winter",
            "spring",
            "autumn",
            "monkey",
            "dragon",
            "admin",
            "iloveyou",
            "football",
            "baseball",
            "princess",
            "sunshine",
            "abc123",
            "123456")) {
      assertThat(keys(STANDARD, word + "!A")).as(word).contains(PasswordViolations.BANNED);
    }
    assertThat(keys(STANDARD, "Contoso!A")).doesNotContain(PasswordViolations.BANNED);
  }

  @Test
  void check_customList_caseAndSubstitutionInsensitive() {
    EntraPasswordPolicy policy =
        EntraPasswordPolicy.builder().customBannedPasswords(List.of("Widget")).build();
    assertThat(violations(policy, "W1dget#9")).containsExactly(banned(3));
    assertThat(policy.customBannedPasswordCount()).isEqualTo(1);
    assertThat(policy.bannedTermCount()).isEqualTo(STANDARD.bannedTermCount() + 1);
  }

  @Test
  void globalBannedPasswords_empty_replacesBundledList() {
    EntraPasswordPolicy none =
        EntraPasswordPolicy.builder().globalBannedPasswords(List.of()).build();
    assertThat(none.bannedTermCount()).isZero();
    assertThat(check(none, "P@ssw0rd").isAccepted()).isTrue();
  }

  // names: user and tenant

  @Test
  void check_tenantName_rejectedOutright() {
    EntraPasswordPolicy tenant = EntraPasswordPolicy.builder().tenantName("Contoso").build();
    EntraPasswordPolicy custom =
        EntraPasswordPolicy.builder().customBannedPasswords(List.of("contoso")).build();
    assertThat(violations(tenant, "Contoso!Summer2024"))
        .containsExactly(PolicyViolation.of(PasswordViolations.CONTAINS_TENANT_NAME));
    assertThat(violations(tenant, "C0nt0s0!Vq7k"))
        .containsExactly(PolicyViolation.of(PasswordViolations.CONTAINS_TENANT_NAME));
    assertThat(violations(custom, "Contoso!Summer2024")).containsExactly(banned(4));
    assertThat(check(STANDARD, "Contoso!Summer2024").isAccepted()).isTrue();
    assertThat(tenant.checksTenantName()).isTrue();
  }

  @Test
  void check_tenantNameTokensShorterThanFour_ignored() {
    EntraPasswordPolicy tenant = EntraPasswordPolicy.builder().tenantName("HP Inc").build();
    assertThat(tenant.checksTenantName()).isFalse();
    assertThat(check(tenant, "HpInc#Vq7k").isAccepted()).isTrue();
  }

  @Test
  void check_microsoftUserNameExample_poll23fbRejected() {
    PasswordContext poll = user("Poll", "poll@contoso.com", null);
    assertThat(check(STANDARD, "p0LL23fb", poll).violations())
        .containsExactly(PolicyViolation.of(PasswordViolations.CONTAINS_USER_NAME));
  }

  @Test
  void check_displayNameAndUpnTokens_rejectedShortTokensIgnored() {
    PasswordContext erin = user("Erin M. Hagens", "ehagens7@contoso.com", null);
    assertThat(keys(check(STANDARD, "Xy#7h@gens", erin)))
        .containsExactly(PasswordViolations.CONTAINS_USER_NAME);
    assertThat(keys(check(STANDARD, "Xy#7ERIN", erin)))
        .containsExactly(PasswordViolations.CONTAINS_USER_NAME);
    assertThat(keys(check(STANDARD, "EHagens7!", erin)))
        .contains(PasswordViolations.CONTAINS_USER_NAME);
    assertThat(check(STANDARD, "Xy#7Mhag!Eri", erin).isAccepted()).isTrue();
  }

  @ParameterizedTest(name = "{0} / {1}: {2}")
  @CsvSource({
    "hagens@fabrikam.com, Xy#7Hagens,   true",
    "hagens@fabrikam.com, Xy#7Fabrikam, false",
    "hagens,              Xy#7Hagens,   true", // no @: the whole UPN is the local part
    "@contoso.com,        Xy#7@contoso, false", // empty local part
  })
  void check_upn_onlyItsLocalPartIsAUserName(String upn, String password, boolean found) {
    List<String> keys = keys(check(STANDARD, password, user("Q Z", upn, null)));
    assertThat(keys.contains(PasswordViolations.CONTAINS_USER_NAME)).isEqualTo(found);
  }

  // history

  @Test
  void check_currentPassword_recentlyUsed() {
    PasswordContext context =
        PasswordContexts.withHistory(candidate -> candidate.matches(Secret.of("Vq7#Rnt!Kzw8")));
    assertThat(check(STANDARD, "Vq7#Rnt!Kzw8", context).violations())
        .containsExactly(PolicyViolation.of(PasswordViolations.RECENTLY_USED));
    assertThat(check(STANDARD, "Vq7#Rnt!Kzw9", context).isAccepted()).isTrue();
  }

  @Test
  void check_manyRules_reportsEachInDocumentedOrder() {
    EntraPasswordPolicy tenant = EntraPasswordPolicy.builder().tenantName("Contoso").build();
    PasswordContext context = PasswordContexts.withHistory(candidate -> true);
    assertThat(keys(check(tenant, "cøntoso", context)))
        .containsExactly(
            PasswordViolations.TOO_SHORT, PasswordViolations.DISALLOWED_CHARACTER,
            PasswordViolations.TOO_FEW_CATEGORIES, PasswordViolations.RECENTLY_USED);
    assertThat(keys(check(tenant, "contoso", context)))
        .containsExactly(
            PasswordViolations.TOO_SHORT, PasswordViolations.TOO_FEW_CATEGORIES,
            PasswordViolations.CONTAINS_TENANT_NAME, PasswordViolations.RECENTLY_USED);
  }

  @Test
  void check_leavesCandidateIntact() {
    Secret candidate = Secret.of("P@ssw0rd");
    STANDARD.check(candidate, anyUser());
    assertThat(candidate.isDestroyed()).isFalse();
    assertThat(candidate.matches(Secret.of("P@ssw0rd"))).isTrue();
  }

  @Test
  void check_concurrentCallers_sameResults() {
    List<String> passwords = List.of("P@ssw0rd", "Vq7#Rnt!Kzw8", "C0ntos0Blank12", "Summer2024!");
    List<PasswordCheck> expected = passwords.stream().map(p -> check(STANDARD, p)).toList();
    List<List<PasswordCheck>> results = Collections.synchronizedList(new ArrayList<>());
    IntStream.range(0, 64)
        .parallel()
        .forEach(i -> results.add(passwords.stream().map(p -> check(STANDARD, p)).toList()));
    assertThat(results).hasSize(64).allSatisfy(r -> assertThat(r).isEqualTo(expected));
  }

  // builder validation

  @Test
  void customBannedPasswords_termLengthOutsideFourToSixteen_typedErrorByIndex() {
    EntraPasswordPolicy.Builder builder =
        EntraPasswordPolicy.builder().customBannedPasswords(List.of("widget"));
    assertThatThrownBy(
            () ->
                builder.customBannedPasswords(
                    List.of("contoso", "abc", "a".repeat(17), "abcd", "p".repeat(16))))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(InvalidInputException.Violation::field)
                    .containsExactly("customBannedPasswords[1]", "customBannedPasswords[2]"));
    assertThat(builder.build().customBannedPasswordCount()).as("builder unchanged").isEqualTo(1);
  }

  @Test
  void customBannedPasswords_moreThan1000_typedError() {
    List<String> terms = IntStream.range(0, 1001).mapToObj(i -> "term" + i).toList();
    assertThatThrownBy(() -> EntraPasswordPolicy.builder().customBannedPasswords(terms))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(InvalidInputException.Violation::field)
                    .containsExactly("customBannedPasswords"));
    assertThat(
            EntraPasswordPolicy.builder()
                .customBannedPasswords(terms.subList(0, 1000))
                .build()
                .customBannedPasswordCount())
        .isEqualTo(1000);
  }

  @Test
  void customBannedPasswords_nullOrBlankOrControlCharacters_typedError() {
    List<String> terms = new ArrayList<>(List.of("    ", "ab\tcd"));
    terms.add(null);
    assertThatThrownBy(() -> EntraPasswordPolicy.builder().customBannedPasswords(terms))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.violations()).hasSize(3));
  }

  @Test
  void globalBannedPasswords_termShorterThanFour_typedError() {
    assertThatThrownBy(() -> EntraPasswordPolicy.builder().globalBannedPasswords(List.of("abc")))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void tenantName_blank_typedError() {
    assertThatThrownBy(() -> EntraPasswordPolicy.builder().tenantName(" "))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> EntraPasswordPolicy.builder().tenantName(null))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void toString_showsCountsOnly() {
    assertThat(
            EntraPasswordPolicy.builder()
                .tenantName("Contoso")
                .customBannedPasswords(List.of("widget"))
                .build()
                .toString())
        .contains("customBannedPasswords=1")
        .doesNotContain("widget")
        .doesNotContain("Contoso");
  }

  @Test
  void toString_saysWhetherTenantNameIsChecked() {
    assertThat(EntraPasswordPolicy.builder().tenantName("Contoso").build().toString())
        .endsWith(", tenantName=checked]");
    assertThat(STANDARD.toString())
        .isEqualTo(
            "EntraPasswordPolicy[bannedTerms="
                + STANDARD.bannedTermCount()
                + ", customBannedPasswords=0, tenantName=none]");
  }

  private static PolicyViolation banned(int score) {
    return new PolicyViolation(
        PasswordViolations.BANNED,
        java.util.Map.of("score", String.valueOf(score), "requiredScore", "5"));
  }

  static PasswordCheck check(EntraPasswordPolicy policy, String password) {
    return check(policy, password, anyUser());
  }

  static PasswordCheck check(EntraPasswordPolicy policy, String password, PasswordContext context) {
    return policy.check(Secret.of(password), context);
  }

  private static List<PolicyViolation> violations(EntraPasswordPolicy policy, String password) {
    return check(policy, password).violations();
  }

  private static List<String> keys(EntraPasswordPolicy policy, String password) {
    return keys(check(policy, password));
  }

  private static List<String> keys(PasswordCheck check) {
    return check.violations().stream().map(PolicyViolation::key).toList();
  }
}
