package io.mystaff.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.AssignmentId;
import io.mystaff.api.UserId;
import io.mystaff.api.access.SignInContext;
import io.mystaff.api.access.SignInRefusedException;
import io.mystaff.core.MyStaff;
import io.mystaff.core.MyStaffSettings;
import io.mystaff.core.StaffSession;
import io.mystaff.inmemory.InMemoryAuditLog;
import io.mystaff.inmemory.InMemoryDirectory;
import io.mystaff.testkit.fakes.MutableClock;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One mystaff session per manager, renewed when mystaff ends it, never kept past a refusal. */
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

  private static SignInContext sam() {
    return SignInContext.of(UserId.of("sam"), false);
  }

  @Test
  void aManagerKeepsOneSessionUntilMystaffEndsItThenGetsANewOne() {
    StaffSession first = sessions.call(sam(), s -> s);
    StaffSession again = sessions.call(sam(), s -> s);
    StaffSession rosas = sessions.call(SignInContext.of(UserId.of("rosa"), false), s -> s);
    assertThat(again).isSameAs(first);
    assertThat(rosas).isNotSameAs(first);

    clock.advance(Duration.ofMinutes(61));
    StaffSession renewed = sessions.call(sam(), s -> s);

    assertThat(renewed).isNotSameAs(first);
    assertThat(renewed.expiresAt()).isAfter(first.expiresAt());
    String manager = sessions.call(sam(), s -> s.manager().id().value());
    assertThat(manager).isEqualTo("sam");
  }

  @Test
  void aManagerWhoLostTheirRoleIsRefusedNowAndAtTheirNextSignIn() {
    sessions.call(sam(), s -> s);

    directory.removeAssignment(AssignmentId.of("sam-seattle"));
    clock.advance(Duration.ofMinutes(2));

    assertThatThrownBy(() -> sessions.call(sam(), s -> s.locations()))
        .isInstanceOf(SignInRefusedException.class);
    assertThatThrownBy(() -> sessions.call(sam(), s -> s))
        .isInstanceOf(SignInRefusedException.class);
  }
}
