package io.mystaff.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.UserId;
import io.mystaff.api.password.PasswordCheck;
import io.mystaff.api.password.PasswordContext;
import io.mystaff.api.password.PasswordHistory;
import io.mystaff.api.password.PolicyViolation;
import io.mystaff.api.password.Secret;
import io.mystaff.spi.PasswordPolicy;
import io.mystaff.testkit.fixtures.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** The laws of {@link PasswordPolicyTestSuiteBuilder}, for a declared minimum length. */
final class PasswordPolicyLaws {
  private static final Tenant NO_TENANT = Tenant.builder().build();
  private static final PasswordContext CONTEXT =
      new PasswordContext(
          UserId.of("qm"),
          "qmarlowe@contoso.com",
          "Quentin Marlowe",
          Optional.of("qmarlowe"),
          PasswordHistory.none());
  private static final List<String> COMMON =
      List.of("password", "12345678", "aaaaaaaaaa", "qwertyuiop");
  private static final int RANDOM_CANDIDATES = 50;

  private PasswordPolicyLaws() {}

  static List<Law<PasswordPolicy, PasswordPolicyFeature>> all(int minimumLength) {
    return List.of(
        Law.of("check_commonPasswords_rejectedWithViolations", PasswordPolicyLaws::rejectsCommon),
        Law.of("check_oneShorterThanMinimum_rejected", t -> rejectsShort(t, minimumLength)),
        Law.of("check_strongAtMinimumLength_accepted", t -> acceptsAtMinimum(t, minimumLength)),
        Law.of("check_randomStrongPasswords_accepted", t -> acceptsStrong(t, minimumLength)),
        Law.of("check_results_neverEchoTheCandidate", t -> neverEchoes(t, minimumLength)),
        Law.of("check_sameInput_sameResult_alsoConcurrently", t -> deterministic(t, minimumLength)),
        Law.of("check_candidate_leftIntact", PasswordPolicyLaws::leavesCandidateIntact),
        Law.of(
            "check_containsDisplayNameWord_rejected",
            PasswordPolicyFeature.REJECTS_USER_NAMES,
            t -> rejectsNames(t, minimumLength)),
        Law.of(
            "check_inHistory_rejected_otherwiseAccepted",
            PasswordPolicyFeature.ENFORCES_HISTORY,
            t -> rejectsHistory(t, minimumLength)));
  }

  private static void rejectsCommon(Trial<PasswordPolicy> t) throws Exception {
    PasswordPolicy p = t.subject(NO_TENANT);
    for (String common : COMMON) {
      PasswordCheck check = p.check(Secret.of(common), CONTEXT);
      assertThat(check.isAccepted())
          .as("a common password (#%d of the list) is rejected", COMMON.indexOf(common))
          .isFalse();
      checkViolations(check);
    }
  }

  private static void rejectsShort(Trial<PasswordPolicy> t, int minimumLength) throws Exception {
    PasswordPolicy p = t.subject(NO_TENANT);
    Random r = t.random();
    for (int i = 0; i < 10; i++) {
      PasswordCheck check = p.check(Secret.of(strong(r, minimumLength - 1)), CONTEXT);
      assertThat(check.isAccepted())
          .as("a strong candidate of %d characters (minimum %d)", minimumLength - 1, minimumLength)
          .isFalse();
      checkViolations(check);
    }
  }

  private static void acceptsAtMinimum(Trial<PasswordPolicy> t, int minimumLength)
      throws Exception {
    PasswordPolicy p = t.subject(NO_TENANT);
    Random r = t.random();
    for (int i = 0; i < 10; i++) {
      PasswordCheck check = p.check(Secret.of(strong(r, minimumLength)), CONTEXT);
      assertThat(check.violations())
          .as("violations of a strong candidate of exactly %d characters", minimumLength)
          .isEmpty();
    }
  }

  private static void acceptsStrong(Trial<PasswordPolicy> t, int minimumLength) throws Exception {
    PasswordPolicy p = t.subject(NO_TENANT);
    Random r = t.random();
    for (int i = 0; i < RANDOM_CANDIDATES; i++) {
      int length = Math.max(minimumLength, 12) + r.nextInt(20);
      assertThat(p.check(Secret.of(strong(r, length)), CONTEXT).violations())
          .as("violations of random strong candidate #%d (%d characters)", i, length)
          .isEmpty();
    }
  }

  private static void neverEchoes(Trial<PasswordPolicy> t, int minimumLength) throws Exception {
    PasswordPolicy p = t.subject(NO_TENANT);
    Random r = t.random();
    // Random candidates only: a dictionary word such as "password" may rightly appear in a key.
    List<String> candidates = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      candidates.add(strong(r, minimumLength + r.nextInt(10)));
      candidates.add(strong(r, minimumLength - 1));
      candidates.add(weak(r, minimumLength + r.nextInt(10)));
    }
    for (String candidate : candidates) {
      PasswordCheck check = p.check(Secret.of(candidate), CONTEXT);
      String where =
          (check.isAccepted() ? "the accepted" : "the rejected")
              + " check of candidate #"
              + candidates.indexOf(candidate);
      Secrets.assertAbsent(candidate, where, check.toString());
      for (PolicyViolation v : check.violations()) {
        Secrets.assertAbsent(candidate, "a violation key in " + where, v.key());
        v.args()
            .values()
            .forEach(
                value ->
                    Secrets.assertAbsent(candidate, "a violation argument in " + where, value));
      }
      Secrets.assertAbsent(candidate, "the policy's toString", p.toString());
      Secrets.assertAbsent(candidate, "the policy's name", p.name());
    }
  }

  private static void deterministic(Trial<PasswordPolicy> t, int minimumLength) throws Exception {
    PasswordPolicy p = t.subject(NO_TENANT);
    Random r = t.random();
    List<String> candidates = new ArrayList<>(COMMON);
    for (int i = 0; i < 20; i++) {
      candidates.add(
          i % 2 == 0
              ? strong(r, minimumLength + r.nextInt(8))
              : weak(r, minimumLength + r.nextInt(8)));
    }
    List<PasswordCheck> first = new ArrayList<>();
    for (String c : candidates) {
      first.add(p.check(Secret.of(c), CONTEXT));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<List<PasswordCheck>>> tasks = new ArrayList<>();
      for (int th = 0; th < 4; th++) {
        tasks.add(
            () -> {
              List<PasswordCheck> again = new ArrayList<>();
              for (String c : candidates) {
                again.add(p.check(Secret.of(c), CONTEXT));
              }
              return again;
            });
      }
      for (Future<List<PasswordCheck>> f :
          pool.invokeAll(tasks, t.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
        assertThat(f.isCancelled())
            .as("a checking thread finished within %s", t.timeout())
            .isFalse();
        assertThat(f.get())
            .as("checks of the same candidates, again and from another thread")
            .isEqualTo(first);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void leavesCandidateIntact(Trial<PasswordPolicy> t) throws Exception {
    PasswordPolicy p = t.subject(NO_TENANT);
    String value = strong(t.random(), 16);
    Secret candidate = Secret.of(value);
    p.check(candidate, CONTEXT);
    assertThat(candidate.isDestroyed()).as("the candidate is destroyed by check").isFalse();
    assertThat(candidate.matches(Secret.of(value)))
        .as("the candidate is unchanged by check")
        .isTrue();
  }

  private static void rejectsNames(Trial<PasswordPolicy> t, int minimumLength) throws Exception {
    PasswordPolicy p = t.subject(NO_TENANT);
    Random r = t.random();
    for (String name : List.of("Marlowe", "marlowe", "QUENTIN")) {
      String candidate = strong(r, Math.max(4, minimumLength - name.length())) + name + "7#";
      PasswordCheck check = p.check(Secret.of(candidate), CONTEXT);
      assertThat(check.isAccepted())
          .as("a strong candidate containing a word of the display name (%s)", name)
          .isFalse();
      checkViolations(check);
    }
  }

  private static void rejectsHistory(Trial<PasswordPolicy> t, int minimumLength) throws Exception {
    PasswordPolicy p = t.subject(NO_TENANT);
    Random r = t.random();
    String used = strong(r, minimumLength + 6);
    PasswordHistory history = candidate -> candidate.matches(Secret.of(used));
    PasswordContext withHistory =
        new PasswordContext(
            CONTEXT.user(),
            CONTEXT.userPrincipalName(),
            CONTEXT.displayName(),
            CONTEXT.samAccountName(),
            history);
    PasswordCheck check = p.check(Secret.of(used), withHistory);
    assertThat(check.isAccepted()).as("a strong candidate that is in the history").isFalse();
    checkViolations(check);
    assertThat(p.check(Secret.of(strong(r, minimumLength + 6)), withHistory).violations())
        .as("violations of a strong candidate not in the history")
        .isEmpty();
  }

  private static void checkViolations(PasswordCheck check) {
    assertThat(check.violations()).as("a rejection names at least one violation").isNotEmpty();
    for (PolicyViolation v : check.violations()) {
      assertThat(v.key()).as("a violation key").isNotBlank();
    }
  }

  /**
   * A strong candidate of {@code length}: upper and lower case consonants, digits and symbols in
   * turn, so it has all four categories (from four characters on) and spells no word or name.
   */
  static String strong(Random r, int length) {
    String[] pools = {"BCDFGHJKMNPQRSTVWXZ", "bcdfghjkmnpqrstvwxz", "26789", "#%&*+=?^~"};
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      String pool = pools[i % 4];
      b.append(pool.charAt(r.nextInt(pool.length())));
    }
    return b.toString();
  }

  /** A weak candidate: lower-case letters only. */
  private static String weak(Random r, int length) {
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append((char) ('a' + r.nextInt(26)));
    }
    return b.toString();
  }
}
