package io.mystaff.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.AssignmentId;
import io.mystaff.api.UserId;
import io.mystaff.api.access.SignInContext;
import io.mystaff.api.access.SignInRefusal;
import io.mystaff.api.access.SignInRefusedException;
import io.mystaff.core.MyStaff;
import io.mystaff.core.MyStaffSettings;
import io.mystaff.core.StaffSession;
import io.mystaff.inmemory.InMemoryAuditLog;
import io.mystaff.inmemory.InMemoryDirectory;
import io.mystaff.spi.ConditionalAccess;
import io.mystaff.testkit.fakes.MutableClock;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One mystaff session per HTTP session and sign-in, renewed when mystaff ends it, never kept past a
 * refusal, never reused for another sign-in context or principal.
 */
class ManagerSessionsTest {
  private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
  private InMemoryDirectory directory;
  private MyStaff myStaff;
  private ManagerSessions sessions;

  @BeforeEach
  void setUp() throws Exception {
    try (InputStream json = getClass().getResourceAsStream("/tenant.json")) {
      directory = InMemoryDirectory.builder().load(json).build();
    }
    myStaff =
        MyStaff.builder()
            .directory(directory)
            .directoryWriter(directory)
            .auditSink(new InMemoryAuditLog())
            .auditRelay(Runnable::run)
            .clock(clock)
            .settings(MyStaffSettings.builder().sessionLifetime(Duration.ofHours(1)).build())
            .build();
    sessions = new ManagerSessions(myStaff, clock);
  }

  @AfterEach
  void tearDown() {
    myStaff.close();
  }

  private final ManagerSessions.Slot slot = new ManagerSessions.Slot();

  private static ManagerSessions.Grounds sam() {
    return new ManagerSessions.Grounds(SignInContext.of(UserId.of("sam"), false), "sam's login");
  }

  @Test
  void aManagerKeepsOneSessionUntilMystaffEndsItThenGetsANewOne() {
    StaffSession first = sessions.call(slot, sam(), s -> s);
    StaffSession again = sessions.call(slot, sam(), s -> s);
    StaffSession elsewhere = sessions.call(new ManagerSessions.Slot(), sam(), s -> s);
    assertThat(again).isSameAs(first);
    assertThat(elsewhere).as("another HTTP session signs in for itself").isNotSameAs(first);

    clock.advance(Duration.ofMinutes(61));
    StaffSession renewed = sessions.call(slot, sam(), s -> s);

    assertThat(renewed).isNotSameAs(first);
    assertThat(renewed.expiresAt()).isAfter(first.expiresAt());
    String manager = sessions.call(slot, sam(), s -> s.manager().id().value());
    assertThat(manager).isEqualTo("sam");
  }

  @Test
  void aManagerWhoLostTheirRoleIsRefusedNowAndAtTheirNextSignIn() {
    sessions.call(slot, sam(), s -> s);

    directory.removeAssignment(AssignmentId.of("sam-seattle"));
    clock.advance(Duration.ofMinutes(2));

    assertThatThrownBy(() -> sessions.call(slot, sam(), s -> s.locations()))
        .isInstanceOf(SignInRefusedException.class);
    assertThatThrownBy(() -> sessions.call(slot, sam(), s -> s))
        .isInstanceOf(SignInRefusedException.class);
  }

  @Test
  void anotherSignInContextOrPrincipalInTheSameHttpSessionSignsInAgain() {
    StaffSession first = sessions.call(slot, sam(), s -> s);

    StaffSession withMfa =
        sessions.call(
            slot,
            new ManagerSessions.Grounds(SignInContext.of(UserId.of("sam"), true), "sam's login"),
            s -> s);
    StaffSession fromElsewhere =
        sessions.call(
            slot,
            new ManagerSessions.Grounds(
                SignInContext.of(UserId.of("sam"), false).withClientIp("10.0.0.9"), "sam's login"),
            s -> s);
    StaffSession laterLogin =
        sessions.call(
            slot,
            new ManagerSessions.Grounds(
                SignInContext.of(UserId.of("sam"), false), "sam's 2nd login"),
            s -> s);
    StaffSession rosas =
        sessions.call(
            slot,
            new ManagerSessions.Grounds(SignInContext.of(UserId.of("rosa"), false), "rosa's login"),
            s -> s);

    assertThat(List.of(first, withMfa, fromElsewhere, laterLogin, rosas)).doesNotHaveDuplicates();
    assertThat(rosas.manager().id().value()).isEqualTo("rosa");
  }

  @Test
  void aSessionOpenedWithMfaNeverServesARequestWithoutIt() {
    MyStaff strict =
        MyStaff.builder()
            .directory(directory)
            .directoryWriter(directory)
            .auditSink(new InMemoryAuditLog())
            .auditRelay(Runnable::run)
            .clock(clock)
            .conditionalAccess(ConditionalAccess.requireMfa())
            .build();
    try {
      ManagerSessions guarded = new ManagerSessions(strict, clock);
      ManagerSessions.Grounds withMfa =
          new ManagerSessions.Grounds(SignInContext.of(UserId.of("sam"), true), "sam's login");
      ManagerSessions.Grounds withoutMfa =
          new ManagerSessions.Grounds(SignInContext.of(UserId.of("sam"), false), "sam's login");

      String manager = guarded.call(slot, withMfa, s -> s.manager().id().value());
      assertThat(manager).isEqualTo("sam");

      assertThatThrownBy(() -> guarded.call(slot, withoutMfa, s -> s))
          .isInstanceOfSatisfying(
              SignInRefusedException.class,
              e -> assertThat(e.reason()).isEqualTo(SignInRefusal.MFA_REQUIRED));
      assertThat(slot.sessionFor(withMfa)).as("the refused sign-in ended the held one").isNull();
    } finally {
      strict.close();
    }
  }
}
