package io.mystaff.core.password;

import static io.mystaff.core.password.PasswordContexts.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.UserId;
import io.mystaff.api.password.PasswordCheck;
import io.mystaff.api.password.PasswordContext;
import io.mystaff.api.password.PasswordRejectedException;
import io.mystaff.api.password.PolicyViolation;
import io.mystaff.api.password.Secret;
import io.mystaff.spi.PasswordPolicy;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** No violation, check, exception or toString repeats a candidate or a form derived from it. */
class PasswordSecrecyTest {
  private static final Set<String> KEYS = violationKeys();
  private static final Set<String> CATEGORY_LISTS =
      Set.of("uppercase,lowercase,digit,symbol", "uppercase,lowercase,digit,symbol,otherLetter");
  private static final List<PasswordPolicy> POLICIES =
      List.of(
          EntraPasswordPolicy.standard(),
          EntraPasswordPolicy.builder()
              .tenantName("Fabrikam")
              .customBannedPasswords(List.of("contoso", "widget"))
              .build(),
          ActiveDirectoryPasswordPolicy.defaults(),
          ActiveDirectoryPasswordPolicy.builder()
              .complexityEnabled(false)
              .minimumLength(12)
              .build());
  private static final PasswordContext NAMED =
      new PasswordContext(
          UserId.of("u-7"),
          "erin.hagens@fabrikam.com",
          "Erin M. Hagens",
          Optional.of("ehagens"),
          candidate -> true);
  private static final PasswordContext NAMED_NO_HISTORY =
      user("Erin M. Hagens", "erin.hagens@fabrikam.com", "ehagens");
  private static final List<String> FIXED =
      List.of(
          "P@ssw0rd",
          "Summer2024!",
          "C0ntos0Blank12",
          "Contoso!Summer2024",
          "Fabrikam#2024",
          "Widget-W1dget",
          "ehagens!Q7",
          "HAGENS7!x",
          "Zürich#Vq7k",
          "密码密码密码12",
          "Vq7#Rnt!Kzw8",
          "qwertyuiop",
          "x".repeat(300));

  @Test
  void check_fixedCandidates_nothingDerivedFromCandidateLeaks() {
    for (PasswordPolicy policy : POLICIES) {
      for (String candidate : FIXED) {
        assertNoLeak(policy, candidate, "policy=" + policy.name());
      }
    }
  }

  @Test
  void check_randomCandidates_nothingDerivedFromCandidateLeaks() {
    long seed = Long.getLong("mystaff.seed", ThreadLocalRandom.current().nextLong());
    Random random = new Random(seed);
    String pool = "abcXYZ019@$#! éЖ密";
    List<String> words = List.of("password", "contoso", "fabrikam", "hagens", "erin", "summer");
    for (int run = 0; run < 1_000; run++) {
      StringBuilder sb = new StringBuilder();
      int length = 4 + random.nextInt(30);
      while (sb.length() < length) {
        if (random.nextInt(6) == 0) {
          sb.append(words.get(random.nextInt(words.size())));
        } else {
          sb.append(pool.charAt(random.nextInt(pool.length())));
        }
      }
      String candidate = sb.toString();
      for (PasswordPolicy policy : POLICIES) {
        assertNoLeak(
            policy,
            candidate,
            "seed="
                + seed
                + " (replay with -Dmystaff.seed="
                + seed
                + ") run="
                + run
                + " policy="
                + policy.name());
      }
    }
  }

  @Test
  void customBannedPasswords_invalidTerm_errorNamesIndexNotTerm() {
    String term = "ProjectNightingale2026";
    assertThatThrownBy(() -> EntraPasswordPolicy.builder().customBannedPasswords(List.of(term)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("customBannedPasswords[0]")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContainIgnoringCase("nightingale"));
  }

  @Test
  void policyAndGeneratorToString_revealNothingConfiguredOrGenerated() {
    TemporaryPasswordGenerator generator = new TemporaryPasswordGenerator(new SecureRandom());
    Secret generated = generator.generate(EntraPasswordPolicy.standard(), NAMED_NO_HISTORY);
    assertThat(generator.toString()).doesNotContain(generated.reveal());
    assertThat(generated.toString()).doesNotContain(generated.reveal());
    assertThat(POLICIES.get(1).toString())
        .doesNotContainIgnoringCase("fabrikam")
        .doesNotContainIgnoringCase("widget");
  }

  private static void assertNoLeak(PasswordPolicy policy, String candidate, String why) {
    PasswordCheck check = policy.check(Secret.of(candidate), NAMED);
    assertThat(check.isAccepted()).as(why + ": history says every candidate was used").isFalse();
    List<String> texts = new ArrayList<>();
    texts.add(check.toString());
    texts.add(new PasswordRejectedException(check.violations()).getMessage());
    texts.add(String.valueOf(new PasswordRejectedException(check.violations())));
    for (PolicyViolation violation : check.violations()) {
      assertThat(KEYS).as(why).contains(violation.key());
      violation
          .args()
          .values()
          .forEach(
              value ->
                  assertThat(value.matches("\\d+") || CATEGORY_LISTS.contains(value))
                      .as("%s: argument %s is a number or a category list", why, value)
                      .isTrue());
      texts.add(violation.toString());
    }
    String vocabulary =
        texts.stream().map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.joining("\n"));
    for (String form : derivedForms(candidate)) {
      if (!isVocabulary(form)) {
        assertThat(vocabulary)
            .as("%s: output contains a form of the candidate", why)
            .doesNotContain(form);
      }
    }
  }

  /** The candidate, lower-cased and Entra-normalized, for forms long enough to be meaningful. */
  private static Set<String> derivedForms(String candidate) {
    return Stream.of(
            candidate.toLowerCase(Locale.ROOT),
            new String(CharFolding.ENTRA_NORMALIZATION.fold(candidate)),
            new String(CharFolding.IGNORE_CASE.fold(candidate)))
        .filter(form -> form.length() >= 4)
        .collect(Collectors.toSet());
  }

  /** True if {@code form} occurs in the fixed, non-secret text of any violation or check. */
  private static boolean isVocabulary(String form) {
    String fixed =
        String.join("\n", KEYS)
            + "\n"
            + String.join("\n", CATEGORY_LISTS)
            + "\npolicyviolation passwordcheck violations key args minlength maxlength "
            + "categoriesrequired categories score requiredscore password rejected";
    return fixed.toLowerCase(Locale.ROOT).contains(form);
  }

  private static Set<String> violationKeys() {
    return Arrays.stream(PasswordViolations.class.getFields())
        .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
        .map(PasswordSecrecyTest::value)
        .collect(Collectors.toUnmodifiableSet());
  }

  private static String value(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }
}
