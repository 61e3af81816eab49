package io.mystaff.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.password.Secret;
import io.mystaff.spi.VerificationChallenge;
import io.mystaff.spi.VerificationCheck;
import io.mystaff.testkit.fixtures.Tenant;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The laws of {@link VerificationGateTestSuiteBuilder}. */
final class VerificationGateLaws {
  private static final Tenant NO_TENANT = Tenant.builder().build();
  private static final int FRESH = 20;

  static final List<Law<ReadableVerificationGate, VerificationGateFeature>> ALL =
      List.of(
          Law.of("check_rightAnswer_passesOnce", VerificationGateLaws::passesOnce),
          Law.of("check_otherUser_neverPasses", VerificationGateLaws::boundToUser),
          Law.of("check_afterExpiry_expiredNeverPassed", VerificationGateLaws::expires),
          Law.of(
              "check_wrongAnswers_neverPassAndEndTheChallenge",
              VerificationGateLaws::wrongAnswersEnd),
          Law.of("check_unknownChallenge_neverPasses", VerificationGateLaws::unknownNeverPasses),
          Law.of("start_manyTimes_freshChallengesWithoutTheirAnswer", VerificationGateLaws::fresh),
          Law.of(
              "check_wrongThenRight_passes",
              VerificationGateFeature.ALLOWS_RETRIES,
              VerificationGateLaws::retries));

  private VerificationGateLaws() {}

  private static VerificationChallenge start(ReadableVerificationGate g, String id) {
    return g.gate().start(g.user(), CorrelationId.of(id));
  }

  private static VerificationCheck answer(
      ReadableVerificationGate g, VerificationChallenge c, String text) {
    return g.gate().check(c.id(), c.user(), Secret.of(text));
  }

  private static String wrong(String right) {
    char last = right.charAt(right.length() - 1);
    return right.substring(0, right.length() - 1) + (last == '0' ? '1' : '0');
  }

  private static void passesOnce(Trial<ReadableVerificationGate> t) throws Exception {
    ReadableVerificationGate g = t.subject(NO_TENANT);
    VerificationChallenge c = start(g, "p-1");
    assertThat(c.user()).as("the challenge's user").isEqualTo(g.user());
    String right = g.answer().apply(c.id());
    assertThat(answer(g, c, right))
        .as("the first right answer")
        .isEqualTo(VerificationCheck.PASSED);
    assertThat(answer(g, c, right))
        .as("the same right answer again, after the challenge passed")
        .isNotEqualTo(VerificationCheck.PASSED);
  }

  private static void boundToUser(Trial<ReadableVerificationGate> t) throws Exception {
    ReadableVerificationGate g = t.subject(NO_TENANT);
    VerificationChallenge c = start(g, "u-1");
    String right = g.answer().apply(c.id());
    assertThat(g.gate().check(c.id(), g.otherUser(), Secret.of(right)))
        .as("the right answer checked for another user")
        .isNotEqualTo(VerificationCheck.PASSED);
  }

  private static void expires(Trial<ReadableVerificationGate> t) throws Exception {
    ReadableVerificationGate g = t.subject(NO_TENANT);
    VerificationChallenge c = start(g, "e-1");
    String right = g.answer().apply(c.id());
    g.advance().accept(g.timeToLive());
    assertThat(answer(g, c, right))
        .as("the right answer at the challenge's expiry (%s later)", g.timeToLive())
        .isEqualTo(VerificationCheck.EXPIRED);
    g.advance().accept(Duration.ofSeconds(1));
    assertThat(answer(g, c, right))
        .as("the right answer after the challenge expired")
        .isNotEqualTo(VerificationCheck.PASSED);
  }

  private static void wrongAnswersEnd(Trial<ReadableVerificationGate> t) throws Exception {
    ReadableVerificationGate g = t.subject(NO_TENANT);
    VerificationChallenge c = start(g, "w-1");
    String right = g.answer().apply(c.id());
    for (int i = 1; i <= g.maxAttempts(); i++) {
      VerificationCheck verdict = answer(g, c, wrong(right));
      assertThat(verdict)
          .as("wrong answer %d of %d allowed", i, g.maxAttempts())
          .isEqualTo(
              i < g.maxAttempts()
                  ? VerificationCheck.WRONG_ANSWER
                  : VerificationCheck.ATTEMPTS_EXHAUSTED);
    }
    assertThat(answer(g, c, right))
        .as("the right answer after every allowed answer was wrong")
        .isNotEqualTo(VerificationCheck.PASSED);
  }

  private static void unknownNeverPasses(Trial<ReadableVerificationGate> t) throws Exception {
    ReadableVerificationGate g = t.subject(NO_TENANT);
    VerificationChallenge c = start(g, "k-1");
    String right = g.answer().apply(c.id());
    assertThat(g.gate().check(c.id() + "x", g.user(), Secret.of(right)))
        .as("the right answer to a challenge id the gate never issued")
        .isEqualTo(VerificationCheck.UNKNOWN_CHALLENGE);
  }

  private static void fresh(Trial<ReadableVerificationGate> t) throws Exception {
    ReadableVerificationGate g = t.subject(NO_TENANT);
    Set<String> ids = new HashSet<>();
    Set<String> answers = new HashSet<>();
    for (int i = 0; i < FRESH; i++) {
      VerificationChallenge c = start(g, "f-" + i);
      String right = g.answer().apply(c.id());
      ids.add(c.id());
      answers.add(right);
      assertThat(c.toString()).as("challenge %d's text", i).doesNotContain(right);
    }
    assertThat(ids).as("ids of %d challenges", FRESH).hasSize(FRESH);
    assertThat(answers).as("answers of %d challenges", FRESH).hasSizeGreaterThan(1);
  }

  private static void retries(Trial<ReadableVerificationGate> t) throws Exception {
    ReadableVerificationGate g = t.subject(NO_TENANT);
    VerificationChallenge c = start(g, "r-1");
    String right = g.answer().apply(c.id());
    assertThat(answer(g, c, wrong(right)))
        .as("a wrong answer")
        .isEqualTo(VerificationCheck.WRONG_ANSWER);
    assertThat(answer(g, c, right)).as("then the right one").isEqualTo(VerificationCheck.PASSED);
  }
}
