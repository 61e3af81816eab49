package io.mystaff.tests.reliability;

import static io.mystaff.api.authz.BuiltInRole.AUTHENTICATION_ADMINISTRATOR;
import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.UserId;
import io.mystaff.api.access.SignInContext;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.password.PasswordHistory;
import io.mystaff.api.password.PasswordRejectedException;
import io.mystaff.api.password.Secret;
import io.mystaff.api.password.WritebackFailure;
import io.mystaff.api.password.WritebackResult;
import io.mystaff.core.MyStaff;
import io.mystaff.core.MyStaffSettings;
import io.mystaff.core.PasswordResetResult;
import io.mystaff.core.RateLimit;
import io.mystaff.core.StaffSession;
import io.mystaff.inmemory.InMemoryDirectory;
import io.mystaff.jackson.audit.AuditJson;
import io.mystaff.spi.PasswordWriteback;
import io.mystaff.spi.WritebackListener;
import io.mystaff.spi.WritebackRequest;
import io.mystaff.testkit.fakes.FailingAuditSink;
import io.mystaff.testkit.fakes.RecordingAuditSink;
import io.mystaff.testkit.fakes.RecordingUserNotifier;
import io.mystaff.testkit.fakes.ScriptableWriteback;
import io.mystaff.testkit.fixtures.Fixtures;
import io.mystaff.testkit.random.Seeds;
import io.mystaff.tests.workflows.Harness;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * Generates thousands of secrets (temporary passwords, manager-chosen passwords for cloud and
 * synced users, valid and violating the policies, written back or failing, hanging and crashing on
 * premises, with the audit sink failing now and then) and looks for every one of them in everything
 * mystaff lets out: the log (slf4j-simple on the test class path writes to {@code System.err},
 * captured here), the {@code toString} of every result, handle, session, request, provider and
 * value, every exception's message and full stack trace (causes and suppressed included), and every
 * audit event, as a value and as Graph JSON.
 */
class SecretLeakTest {
  private static final int ROUNDS = Scale.of(1_500);
  private static final String STRONG = "abcdfghijkmnpqtvwxyzABCDFGHIJKLMNPQTVWXYZ23456789!#%*+?";
  private static final String LOWER = "abcdfghijkmnpqtvwxyz";

  @Test
  void noSecretAnywhere() {
    long seed = Seeds.forTest("SecretLeakTest");
    Random r = Seeds.random(seed);
    InMemoryDirectory directory =
        Harness.seeded(
                Fixtures.tenant()
                    .unit("north", "North Store")
                    .cloudUser("ann", u -> u.in("north"))
                    .cloudUser("ben", u -> u.in("north"))
                    .syncedUser("carl", "carl", u -> u.in("north"))
                    .syncedUser("dana", "dana", u -> u.in("north"))
                    .admin("nina", AUTHENTICATION_ADMINISTRATOR, "north")
                    .build())
            .passwordHashIterations(1)
            .build();
    RecordingAuditSink recorded = new RecordingAuditSink();
    FailingAuditSink sink = FailingAuditSink.wrapping(recorded);
    ScriptableWriteback scripted = ScriptableWriteback.synchronous();
    List<String> outputs = new ArrayList<>();
    PasswordWriteback writeback =
        new PasswordWriteback() {
          @Override
          public CompletionStage<WritebackResult> submit(
              WritebackRequest request, WritebackListener listener) {
            outputs.add(request.toString());
            outputs.add(request.password().toString());
            return scripted.submit(request, listener);
          }

          @Override
          public PasswordHistory historyOf(UserId user) {
            return scripted.historyOf(user);
          }
        };
    List<String> secrets = new ArrayList<>();
    RecordingUserNotifier notifier = RecordingUserNotifier.create();
    int exceptions = 0;
    String log;
    long started = System.nanoTime();
    try (CapturedLog captured = CapturedLog.start();
        MyStaff myStaff =
            MyStaff.builder()
                .directory(directory)
                .directoryWriter(directory)
                .auditSink(sink)
                .auditRelay(Runnable::run)
                .passwordWriteback(writeback)
                .settings(
                    MyStaffSettings.builder()
                        .managerChosenPasswordsForCloudUsers(true)
                        .resetLimit(RateLimit.unlimited())
                        .phoneChangeLimit(RateLimit.unlimited())
                        .build())
                .userNotifier(notifier)
                .notificationExecutor(Runnable::run)
                .build()) {
      StaffSession session = myStaff.signIn(SignInContext.of(UserId.of("nina"), true));
      outputs.add(session.toString());
      for (int i = 0; i < ROUNDS; i++) {
        UserId cloud = UserId.of(r.nextBoolean() ? "ann" : "ben");
        UserId synced = UserId.of(r.nextBoolean() ? "carl" : "dana");
        scripted.script(
            switch (r.nextInt(5)) {
              case 0 -> ScriptableWriteback.Outcome.fail(WritebackFailure.values()[r.nextInt(5)]);
              case 1 -> ScriptableWriteback.Outcome.crash("on-premises agent crashed");
              case 2 -> ScriptableWriteback.Outcome.hang();
              default -> ScriptableWriteback.Outcome.succeed();
            });
        if (r.nextInt(6) == 0) {
          sink.failNext(1 + r.nextInt(2));
        }
        try {
          switch (r.nextInt(3)) {
            case 0 -> {
              PasswordResetResult result = session.resetPassword(cloud);
              outputs.add(result.toString());
              var temporary = ((PasswordResetResult.TemporaryPassword) result).password();
              outputs.add(temporary.toString());
              secrets.add(temporary.reveal());
              outputs.add(temporary.toString());
            }
            case 1 -> {
              Secret chosen = Secret.of(password(r));
              secrets.add(chosen.reveal());
              outputs.add(session.resetPassword(cloud, chosen).toString());
              outputs.add(chosen.toString());
            }
            default -> {
              Secret chosen = Secret.of(password(r));
              secrets.add(chosen.reveal());
              PasswordResetResult result = session.resetPassword(synced, chosen);
              outputs.add(result.toString());
              outputs.add(((PasswordResetResult.WritebackPending) result).writeback().toString());
            }
          }
        } catch (RuntimeException e) {
          exceptions++;
          outputs.add(describe(e));
          if (e instanceof PasswordRejectedException rejected) {
            outputs.add(rejected.violations().toString());
          }
        }
        sink.recover();
        if (r.nextInt(10) == 0) {
          scripted.releaseAll(
              r.nextBoolean()
                  ? WritebackResult.succeeded()
                  : WritebackResult.failed(WritebackFailure.UNREACHABLE));
        }
      }
      scripted.releaseAll(WritebackResult.succeeded());
      myStaff.flushAudit();
      outputs.add(myStaff.toString());
      outputs.add(directory.toString());
      outputs.add(scripted.toString());
      outputs.add(scripted.submissions().toString());
      outputs.add(recorded.toString());
      assertThat(notifier.notifications()).as("users were notified of resets").isNotEmpty();
      outputs.add(notifier.notifications().toString());
      for (String id : List.of("ann", "ben", "carl", "dana")) {
        outputs.add(directory.findUser(UserId.of(id)).orElseThrow().toString());
      }
      AuditJson json = AuditJson.standard();
      List<AuditEvent> events = recorded.events();
      for (AuditEvent e : events) {
        outputs.add(e.toString());
        outputs.add(json.write(e));
      }
      outputs.add(json.writeAll(events));
      log = captured.text();
      outputs.add(log);
    }
    assertThat(scan(secrets, List.of("planted: " + secrets.get(secrets.size() / 2) + ".")))
        .as("the scan finds a planted secret")
        .hasSize(1);
    Map<String, Integer> hits = scan(secrets, outputs);
    long chars = outputs.stream().mapToLong(String::length).sum();
    assertThat(hits)
        .as("secrets found in output, seed %d (%s)", seed, Seeds.replayFlag(Seeds.base()))
        .isEmpty();
    assertThat(log).as("the log was captured").contains("WARN");
    System.out.printf(
        Locale.ROOT,
        "leak scan: seed %d, %d secrets, %d exceptions, %d log lines, %d texts"
            + " (%d chars) scanned, 0 hits, %d ms%n",
        seed,
        new HashSet<>(secrets).size(),
        exceptions,
        log.lines().count(),
        outputs.size(),
        chars,
        (System.nanoTime() - started) / 1_000_000);
  }

  /** A password of 16 or 24 characters: strong, or lowercase only (which both policies reject). */
  private static String password(Random r) {
    String alphabet = r.nextInt(3) == 0 ? LOWER : STRONG;
    StringBuilder s = new StringBuilder();
    int length = r.nextBoolean() ? 16 : 24;
    if (alphabet.equals(STRONG)) {
      s.append("Qz7!");
    }
    while (s.length() < length) {
      s.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  /** Message, {@code toString} and full stack trace (causes and suppressed included). */
  private static String describe(Throwable e) {
    StringWriter w = new StringWriter();
    e.printStackTrace(new PrintWriter(w));
    return e.getMessage() + "\n" + e + "\n" + w;
  }

  /** For each secret found in any output, how many outputs hold it. */
  private static Map<String, Integer> scan(List<String> secrets, List<String> outputs) {
    Map<Integer, Set<String>> byLength = new HashMap<>();
    secrets.forEach(s -> byLength.computeIfAbsent(s.length(), k -> new HashSet<>()).add(s));
    Map<String, Integer> hits = new HashMap<>();
    for (String text : outputs) {
      Set<String> found = new HashSet<>();
      byLength.forEach(
          (length, set) -> {
            for (int i = 0; i + length <= text.length(); i++) {
              String window = text.substring(i, i + length);
              if (set.contains(window)) {
                found.add(window);
              }
            }
          });
      found.forEach(s -> hits.merge(s, 1, Integer::sum));
    }
    return hits;
  }
}
