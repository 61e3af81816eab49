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
import io.mystaff.spi.PasswordPolicy;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class TemporaryPasswordGeneratorTest {
  private static final int RUNS = 10_000;
  private static final PasswordPolicy ACCEPT_ALL =
      policy("accept-all", c -> PasswordCheck.accepted());
  private static final EntraPasswordPolicy ENTRA = EntraPasswordPolicy.standard();
  private static final ActiveDirectoryPasswordPolicy AD = ActiveDirectoryPasswordPolicy.defaults();

  /** Every token of these names contains an 'o', which generated passwords never do. */
  private static final PasswordContext BOB = user("Bob Jones", "bob.jones@contoso.com", "bjones");

  @Test
  void generate_tenThousandUnderBothPolicies_acceptedByEachWithFourClasses() {
    long seed = seed();
    TemporaryPasswordGenerator generator = new TemporaryPasswordGenerator(seeded(seed));
    PasswordContext ann = user("Ann Lee-Kay", "ann.lee@contoso.com", "alee");
    PasswordPolicy both =
        policy(
            "entra-and-ad",
            candidate -> {
              List<PolicyViolation> violations =
                  new ArrayList<>(ENTRA.check(candidate, ann).violations());
              violations.addAll(AD.check(candidate, ann).violations());
              return new PasswordCheck(violations);
            });
    for (int run = 0; run < RUNS; run++) {
      Secret generated = generator.generate(both, ann);
      String why = replay(seed, run);
      assertWellFormed(generated, 16, why);
      assertThat(ENTRA.check(generated, ann).violations()).as(why).isEmpty();
      assertThat(AD.check(generated, ann).violations()).as(why).isEmpty();
    }
  }

  @Test
  void generate_tenThousandRawCandidates_alreadyAcceptedByEntraAndAd() {
    long seed = seed();
    TemporaryPasswordGenerator generator = new TemporaryPasswordGenerator(seeded(seed));
    for (int run = 0; run < RUNS; run++) {
      Secret generated = generator.generate(ACCEPT_ALL, BOB);
      String why = replay(seed, run);
      assertWellFormed(generated, 16, why);
      assertThat(ENTRA.check(generated, BOB).violations()).as(why).isEmpty();
      assertThat(AD.check(generated, BOB).violations()).as(why).isEmpty();
    }
  }

  @Test
  void generate_tenThousandRawCandidates_coverAlphabetAndShuffleClasses() {
    long seed = seed();
    TemporaryPasswordGenerator generator = new TemporaryPasswordGenerator(seeded(seed));
    Set<Character> seen = new HashSet<>();
    Set<String> firstCharacterClasses = new HashSet<>();
    Set<String> distinct = new HashSet<>();
    for (int run = 0; run < RUNS; run++) {
      String password = generator.generate(ACCEPT_ALL, BOB).reveal();
      password.chars().forEach(c -> seen.add((char) c));
      firstCharacterClasses.add(classOf(password.charAt(0)));
      distinct.add(password);
    }
    String why = "seed=" + seed;
    assertThat(seen).as(why).hasSize(TemporaryPasswordGenerator.ALPHABET.length());
    assertThat(firstCharacterClasses)
        .as(why)
        .containsExactlyInAnyOrder("upper", "lower", "digit", "symbol");
    assertThat(distinct).as(why).hasSize(RUNS);
  }

  @Test
  void generate_sameSeed_sameSequence() {
    long seed = seed();
    TemporaryPasswordGenerator a = new TemporaryPasswordGenerator(seeded(seed));
    TemporaryPasswordGenerator b = new TemporaryPasswordGenerator(seeded(seed));
    for (int run = 0; run < 100; run++) {
      assertThat(a.generate(ACCEPT_ALL, BOB).reveal())
          .as(replay(seed, run))
          .isEqualTo(b.generate(ACCEPT_ALL, BOB).reveal());
    }
  }

  @Test
  void generate_longerLength_wellFormedAndAccepted() {
    long seed = seed();
    TemporaryPasswordGenerator generator = new TemporaryPasswordGenerator(seeded(seed), 64);
    assertThat(generator.length()).isEqualTo(64);
    for (int run = 0; run < 100; run++) {
      Secret generated = generator.generate(ENTRA, anyUser());
      assertWellFormed(generated, 64, replay(seed, run));
    }
  }

  @Test
  void constructor_lengthBelowSixteenOrAboveSecretMaximum_typedError() {
    SecureRandom random = new SecureRandom();
    assertThatThrownBy(() -> new TemporaryPasswordGenerator(random, 15))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new TemporaryPasswordGenerator(random, Secret.MAX_LENGTH + 1))
        .isInstanceOf(InvalidInputException.class);
    assertThat(new TemporaryPasswordGenerator(random).length()).isEqualTo(16);
    assertThat(new TemporaryPasswordGenerator(random, 16).length()).isEqualTo(16);
    assertThat(new TemporaryPasswordGenerator(random, Secret.MAX_LENGTH).length())
        .isEqualTo(Secret.MAX_LENGTH);
  }

  @Test
  void toString_namesLengthOnly() {
    assertThat(new TemporaryPasswordGenerator(new SecureRandom(), 20).toString())
        .isEqualTo("TemporaryPasswordGenerator[length=20]");
  }

  @Test
  void generate_rejectedCandidates_destroyedAndAcceptedOneReturnedIntact() {
    List<Secret> seen = new ArrayList<>();
    PasswordPolicy thirdTime =
        policy(
            "third-time",
            candidate -> {
              seen.add(candidate);
              return seen.size() < 3
                  ? PasswordCheck.rejected(List.of(PolicyViolation.of(PasswordViolations.BANNED)))
                  : PasswordCheck.accepted();
            });
    Secret generated = new TemporaryPasswordGenerator(new SecureRandom()).generate(thirdTime, BOB);
    assertThat(seen).hasSize(3);
    assertThat(seen.get(0).isDestroyed()).isTrue();
    assertThat(seen.get(1).isDestroyed()).isTrue();
    assertThat(generated).isSameAs(seen.get(2));
    assertThat(generated.isDestroyed()).isFalse();
  }

  @Test
  void generate_policyNeverAccepts_boundedAttemptsThenExplainsWithoutCandidate() {
    List<Secret> seen = new ArrayList<>();
    List<String> revealed = new ArrayList<>();
    PasswordPolicy never =
        policy(
            "never",
            candidate -> {
              seen.add(candidate);
              revealed.add(candidate.reveal());
              return PasswordCheck.rejected(List.of(PolicyViolation.of(PasswordViolations.BANNED)));
            });
    TemporaryPasswordGenerator generator = new TemporaryPasswordGenerator(new SecureRandom());
    assertThatThrownBy(() -> generator.generate(never, BOB))
        .isInstanceOfSatisfying(
            IllegalStateException.class,
            e -> {
              assertThat(e.getMessage())
                  .contains(
                      "'never'",
                      PasswordViolations.BANNED,
                      String.valueOf(TemporaryPasswordGenerator.MAX_ATTEMPTS));
              for (String candidate : revealed) {
                assertThat(e.getMessage()).doesNotContain(candidate);
              }
            });
    assertThat(seen)
        .hasSize(TemporaryPasswordGenerator.MAX_ATTEMPTS)
        .allSatisfy(candidate -> assertThat(candidate.isDestroyed()).isTrue());
  }

  @Test
  void generate_lengthAbovePolicyMaximum_explainsTooLong() {
    TemporaryPasswordGenerator generator = new TemporaryPasswordGenerator(new SecureRandom(), 257);
    assertThatThrownBy(() -> generator.generate(ENTRA, BOB))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'entra-cloud'")
        .hasMessageContaining(PasswordViolations.TOO_LONG);
  }

  @Test
  void generate_policyThrows_propagatesAndDestroysCandidate() {
    List<Secret> seen = new ArrayList<>();
    PasswordPolicy broken =
        policy(
            "broken",
            candidate -> {
              seen.add(candidate);
              throw new IllegalArgumentException("policy bug");
            });
    assertThatThrownBy(
            () -> new TemporaryPasswordGenerator(new SecureRandom()).generate(broken, BOB))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(seen).singleElement().satisfies(s -> assertThat(s.isDestroyed()).isTrue());
  }

  private static void assertWellFormed(Secret generated, int length, String why) {
    String password = generated.reveal();
    assertThat(password).as(why).hasSize(length);
    assertThat(password.chars().mapToObj(c -> classOf((char) c)).distinct())
        .as(why)
        .containsExactlyInAnyOrder("upper", "lower", "digit", "symbol");
    assertThat(password)
        .as(why)
        .doesNotContainAnyWhitespaces()
        .doesNotContain("0")
        .doesNotContain("O")
        .doesNotContain("o")
        .doesNotContain("1")
        .doesNotContain("l")
        .doesNotContain("I");
  }

  private static String classOf(char c) {
    if (c >= 'A' && c <= 'Z') {
      return "upper";
    }
    if (c >= 'a' && c <= 'z') {
      return "lower";
    }
    if (c >= '0' && c <= '9') {
      return "digit";
    }
    assertThat(TemporaryPasswordGenerator.SYMBOLS).contains(String.valueOf(c));
    return "symbol";
  }

  private static long seed() {
    return Long.getLong("mystaff.seed", ThreadLocalRandom.current().nextLong());
  }

  private static String replay(long seed, int run) {
    return "seed=" + seed + " (replay with -Dmystaff.seed=" + seed + ") run=" + run;
  }

  private static SecureRandom seeded(long seed) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed);
      return random;
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private static PasswordPolicy policy(String name, Function<Secret, PasswordCheck> check) {
    return new PasswordPolicy() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public PasswordCheck check(Secret candidate, PasswordContext context) {
        return check.apply(candidate);
      }
    };
  }
}
