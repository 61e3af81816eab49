package io.mystaff.tests.reliability;

import static io.mystaff.api.authz.BuiltInRole.AUTHENTICATION_ADMINISTRATOR;
import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.AssignmentId;
import io.mystaff.api.CapabilityNotSupportedException;
import io.mystaff.api.CorrelationId;
import io.mystaff.api.GroupId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.MyStaffException;
import io.mystaff.api.PageRequest;
import io.mystaff.api.RoleId;
import io.mystaff.api.UnitId;
import io.mystaff.api.UnknownUserException;
import io.mystaff.api.UserId;
import io.mystaff.api.access.SignInContext;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.password.Secret;
import io.mystaff.api.password.WritebackFailure;
import io.mystaff.core.Location;
import io.mystaff.core.MyStaff;
import io.mystaff.core.MyStaffSettings;
import io.mystaff.core.RateLimit;
import io.mystaff.core.StaffSession;
import io.mystaff.inmemory.InMemoryDirectory;
import io.mystaff.jackson.audit.AuditJson;
import io.mystaff.testkit.fakes.RecordingAuditSink;
import io.mystaff.testkit.fakes.ScriptableWriteback;
import io.mystaff.testkit.fixtures.Fixtures;
import io.mystaff.testkit.random.Seeds;
import io.mystaff.tests.workflows.Harness;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * At least 100,000 malformed inputs per command (scaled by {@code -Dmystaff.reliability.scale}):
 * every call either succeeds (the mutation happened to stay valid) or throws one of mystaff's typed
 * exceptions; nothing else escapes. An input rejected as invalid ({@link InvalidInputException},
 * {@link UnknownUserException}, {@link CapabilityNotSupportedException}) changes nothing and
 * records nothing; any other typed refusal (an unknown manager's sign-in, a password the policy
 * rejects) records exactly its one event and changes nothing; and commands that do not write never
 * change the directory, whatever the input.
 */
class MalformedInputTest {
  static final int INPUTS = Scale.of(100_000);
  private static final UserId NINA = UserId.of("nina");
  private static final UserId STAFF = UserId.of("staff0");
  private static final UserId CARL = UserId.of("carl");

  private final InMemoryDirectory directory =
      Harness.seeded(
              Fixtures.tenant()
                  .unit("north", "North Store")
                  .cloudUser("staff0", u -> u.in("north").phone(PhoneType.MOBILE, "+14255550100"))
                  .cloudUser("staff1", u -> u.in("north"))
                  .syncedUser("carl", "carl", u -> u.in("north"))
                  .admin("nina", AUTHENTICATION_ADMINISTRATOR, "north")
                  .build())
          .passwordHashIterations(1)
          .build();
  private final RecordingAuditSink sink = new RecordingAuditSink();
  private final MyStaff myStaff =
      MyStaff.builder()
          .directory(directory)
          .directoryWriter(directory)
          .auditSink(sink)
          .auditRelay(Runnable::run)
          .passwordWriteback(
              ScriptableWriteback.synchronous() // failing keeps the on-premises history short
                  .defaultOutcome(ScriptableWriteback.Outcome.fail(WritebackFailure.UNREACHABLE)))
          .settings(
              MyStaffSettings.builder()
                  .resetLimit(RateLimit.unlimited())
                  .phoneChangeLimit(RateLimit.unlimited())
                  .build()) // thousands of changes by one manager
          .build();
  private final StaffSession session = myStaff.signIn(SignInContext.of(NINA, true));
  private final AuditJson json = AuditJson.standard();

  @AfterEach
  void close() {
    myStaff.close();
  }

  /** What one command did with its inputs. */
  private static final class Tally {
    long accepted;
    long rejected;
    long refusedWithEvent;
    final List<String> unhandled = new ArrayList<>();
    final List<String> partial = new ArrayList<>();
  }

  @Test
  void signInContext() {
    run(
        "sign-in context",
        false,
        List.of("nina", "staff0", "carl", "someone-else", "nina@contoso.example"),
        (s, r) -> myStaff.signIn(SignInContext.of(UserId.of(s), r.nextBoolean())));
  }

  @Test
  void signInClientIp_roundTripsThroughAuditJson() {
    run(
        "sign-in client IP",
        false,
        List.of("10.0.0.1", "2001:db8::1", "192.168.1.254", "::1"),
        (s, r) -> {
          myStaff.signIn(new SignInContext(NINA, true, Optional.ofNullable(s)));
          AuditEvent last = sink.last().orElseThrow();
          assertThat(json.read(json.write(last))).isEqualTo(last);
        });
  }

  @Test
  void searchQuery() {
    run(
        "search query",
        false,
        List.of("staff", "North", "nina@contoso", "c", "Store"),
        (s, r) -> {
          if (r.nextBoolean()) {
            session.searchUsers(s, PageRequest.first(50));
          } else {
            session.searchUnits(s, PageRequest.first(50));
          }
        });
  }

  @Test
  void pageRequestAndCursor() {
    Location north = session.locations().get(0);
    List<String> cursors = new ArrayList<>();
    session.members(north, PageRequest.first(1)).nextCursor().ifPresent(cursors::add);
    session.searchUsers("staff", PageRequest.first(1)).nextCursor().ifPresent(cursors::add);
    session.searchUnits("n", PageRequest.first(1)).nextCursor().ifPresent(cursors::add);
    cursors.add("opaque");
    run(
        "page request and cursor",
        false,
        cursors,
        (s, r) -> {
          int size = r.nextInt(10) == 0 ? r.nextInt(2_100) - 50 : 1 + r.nextInt(3);
          PageRequest page = new PageRequest(size, Optional.ofNullable(s));
          switch (r.nextInt(3)) {
            case 0 -> session.members(north, page);
            case 1 -> session.searchUsers("staff", page);
            default -> session.searchUnits("n", page);
          }
        });
  }

  @Test
  void phoneNumber() {
    run(
        "phone number",
        true,
        List.of(
            "+14255550101",
            "+1 (425) 555-0102",
            "+44 20 7946 0958",
            "+1 425 555 0103 ext. 12",
            "+14255550100"),
        (s, r) -> session.setPhone(STAFF, PhoneType.values()[r.nextInt(3)], s));
  }

  @Test
  void password() {
    run(
        "password",
        true,
        List.of("abc", "Password1", "carl", "Summer2024!", "Q7!kmZpw9xYwT", "carlCARL123!"),
        (s, r) -> session.resetPassword(CARL, s == null ? null : Secret.of(s)));
  }

  @Test
  void userIds() {
    run(
        "user id",
        false,
        List.of("staff0", "staff1", "carl", "nina", "00000000-0000-0000-0000-000000000001"),
        (s, r) -> session.profile(UserId.of(s)));
  }

  @Test
  void otherIds() {
    run(
        "unit, group, role, assignment and correlation id",
        false,
        List.of("north", "00000000-0000-0000-0000-000000000001", "a1", "custom0", "corr-1"),
        (s, r) -> {
          switch (r.nextInt(5)) {
            case 0 ->
                session.members(
                    Location.of(AdministrativeUnit.assigned(UnitId.of(s), "X")),
                    PageRequest.first(5));
            case 1 -> GroupId.of(s);
            case 2 -> RoleId.of(s);
            case 3 -> directory.removeAssignment(AssignmentId.of(s));
            default -> CorrelationId.of(s);
          }
        });
  }

  @Test
  void membershipRule() {
    run(
        "membership rule",
        true,
        List.of(
            "user.department -eq \"Sales\"",
            "(user.city -startsWith \"Sea\") -and (user.accountEnabled -eq true)",
            "user.displayName -contains \"staff\" -or user.userPrincipalName -endsWith \"@contoso.example\"",
            "-not (user.jobTitle -in [\"Manager\",\"Lead\"])",
            "user.dirSyncEnabled -ne false"),
        (s, r) -> {
          directory.putUnit(AdministrativeUnit.dynamic(UnitId.of("dyn"), "Dynamic", s));
          directory.removeUnit(UnitId.of("dyn"));
        });
  }

  @Test
  void auditJson() {
    session.setPhone(STAFF, PhoneType.OFFICE, "+14255550109");
    session.resetPassword(STAFF);
    List<String> examples = new ArrayList<>();
    sink.events().forEach(e -> examples.add(json.write(e)));
    examples.add(json.writeAll(sink.events()));
    run(
        "audit JSON",
        false,
        examples,
        (s, r) -> {
          if (r.nextBoolean()) {
            json.read(s);
          } else {
            json.readAll(s);
          }
        });
  }

  /** A directory state fingerprint: every user's version, the dynamic unit, the outbox. */
  private String fingerprint() {
    StringBuilder f = new StringBuilder();
    for (String id : List.of("nina", "staff0", "staff1", "carl")) {
      f.append(directory.findUser(UserId.of(id)).orElseThrow().version()).append(',');
    }
    f.append(directory.findUnit(UnitId.of("dyn")).isPresent()).append(',');
    return f.append(directory.pendingAuditEvents(1_000).size()).toString();
  }

  private void run(
      String command, boolean writes, List<String> examples, BiConsumer<String, Random> call) {
    long seed = Seeds.forTest("MalformedInputTest." + command);
    Random r = Seeds.random(seed);
    Tally t = new Tally();
    long started = System.nanoTime();
    for (int i = 0; i < INPUTS; i++) {
      String input = Garbage.next(r, examples);
      String before = fingerprint();
      int events = sink.size();
      try {
        call.accept(input, r);
        t.accepted++;
        if (!writes && !before.equals(fingerprint())) {
          t.partial.add(Garbage.escape(input) + " changed the directory");
        }
      } catch (InvalidInputException | UnknownUserException | CapabilityNotSupportedException e) {
        t.rejected++;
        if (!before.equals(fingerprint()) || sink.size() != events) {
          t.partial.add(
              Garbage.escape(input)
                  + " rejected ("
                  + e.getMessage()
                  + ") after changing something");
        }
      } catch (MyStaffException e) {
        t.refusedWithEvent++;
        if (!before.equals(fingerprint()) || sink.size() != events + 1) {
          t.partial.add(
              Garbage.escape(input)
                  + " refused ("
                  + e.code()
                  + ") with "
                  + (sink.size() - events)
                  + " events or a change");
        }
      } catch (RuntimeException | AssertionError e) {
        t.unhandled.add(Garbage.escape(input) + " -> " + e);
      }
      if (sink.size() > 10_000) {
        sink.clear();
      }
    }
    String context = command + ", seed " + seed + " (" + Seeds.replayFlag(Seeds.base()) + ")";
    assertThat(t.unhandled).as("unhandled exceptions, %s", context).isEmpty();
    assertThat(t.partial).as("partial writes, %s", context).isEmpty();
    System.out.printf(
        Locale.ROOT,
        "malformed %s: seed %d, %d inputs, %d rejected as invalid, %d refused with"
            + " one event, %d accepted (valid by chance), 0 unhandled, 0 partial writes, %d ms%n",
        command,
        seed,
        INPUTS,
        t.rejected,
        t.refusedWithEvent,
        t.accepted,
        (System.nanoTime() - started) / 1_000_000);
  }
}
