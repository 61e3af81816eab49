package io.mystaff.tests.reliability;

import static io.mystaff.api.authz.BuiltInRole.AUTHENTICATION_ADMINISTRATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.PageRequest;
import io.mystaff.api.UserId;
import io.mystaff.api.access.SignInContext;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.authz.AccessDeniedException;
import io.mystaff.api.authz.DenyReason;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.directory.User;
import io.mystaff.core.MyStaff;
import io.mystaff.core.StaffSession;
import io.mystaff.inmemory.InMemoryDirectory;
import io.mystaff.testkit.fakes.RecordingAuditSink;
import io.mystaff.testkit.fixtures.Fixtures;
import io.mystaff.tests.workflows.Harness;
import org.junit.jupiter.api.Test;

/**
 * Regression: a manager whose account is disabled (or deleted) after sign-in kept a working
 * session, because a session re-read the manager's role assignments at every call but never the
 * account itself. A session now treats such a manager as holding no role.
 */
class DisabledManagerTest {
  private static final UserId NINA = UserId.of("nina");
  private static final UserId BOB = UserId.of("bob");

  private final InMemoryDirectory directory =
      Harness.directoryOf(
          Fixtures.tenant()
              .unit("north", "North Store")
              .cloudUser("bob", u -> u.in("north"))
              .admin("nina", AUTHENTICATION_ADMINISTRATOR, "north")
              .build());
  private final RecordingAuditSink sink = new RecordingAuditSink();
  private final MyStaff myStaff =
      MyStaff.builder()
          .directory(directory)
          .directoryWriter(directory)
          .auditSink(sink)
          .auditRelay(Runnable::run)
          .build();

  @Test
  void disabledManager_sessionDeniesEveryChangeAndViewAndListsNothing() {
    StaffSession session = myStaff.signIn(SignInContext.of(NINA, true));
    session.setPhone(BOB, PhoneType.MOBILE, "+14255550101");
    User bobBefore = directory.findUser(BOB).orElseThrow();

    User nina = directory.findUser(NINA).orElseThrow();
    directory.putUser(nina.toBuilder().accountEnabled(false).build());
    sink.clear();

    assertThatThrownBy(() -> session.setPhone(BOB, PhoneType.MOBILE, "+14255550102"))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.reason()).isEqualTo(DenyReason.NO_ACTIVE_ROLE));
    assertThatThrownBy(() -> session.resetPassword(BOB))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.reason()).isEqualTo(DenyReason.NO_ACTIVE_ROLE));
    assertThatThrownBy(() -> session.profile(BOB)).isInstanceOf(AccessDeniedException.class);
    assertThat(session.locations()).isEmpty();
    assertThat(session.searchUsers("bob", PageRequest.first(10)).items())
        .allSatisfy(m -> assertThat(m.allowedActions()).isEmpty());

    assertThat(directory.findUser(BOB).orElseThrow()).isEqualTo(bobBefore);
    assertThat(sink.events())
        .extracting(AuditEvent::activity, AuditEvent::outcome, e -> e.resultReason().orElse(""))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                AuditActivity.UPDATE_PHONE, AuditOutcome.DENIED, "NO_ACTIVE_ROLE"),
            org.assertj.core.groups.Tuple.tuple(
                AuditActivity.RESET_PASSWORD, AuditOutcome.DENIED, "NO_ACTIVE_ROLE"),
            org.assertj.core.groups.Tuple.tuple(
                AuditActivity.VIEW_PROFILE, AuditOutcome.DENIED, "NO_ACTIVE_ROLE"));
  }

  @Test
  void reenabledManager_sessionWorksAgain() {
    StaffSession session = myStaff.signIn(SignInContext.of(NINA, true));
    User nina = directory.findUser(NINA).orElseThrow();
    directory.putUser(nina.toBuilder().accountEnabled(false).build());
    assertThatThrownBy(() -> session.removePhone(BOB, PhoneType.OFFICE))
        .isInstanceOf(AccessDeniedException.class);

    directory.putUser(nina.toBuilder().accountEnabled(true).build());
    assertThat(session.setPhone(BOB, PhoneType.OFFICE, "+14255550103").user()).isEqualTo(BOB);
    assertThat(session.removePhone(BOB, PhoneType.OFFICE).user()).isEqualTo(BOB);
  }

  @Test
  void deletedManager_sessionDenies() {
    StaffSession session = myStaff.signIn(SignInContext.of(NINA, true));
    directory.removeUser(NINA);
    assertThatThrownBy(() -> session.setPhone(BOB, PhoneType.OFFICE, "+14255550103"))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.reason()).isEqualTo(DenyReason.NO_ACTIVE_ROLE));
    assertThat(directory.findUser(BOB).orElseThrow().phone(PhoneType.OFFICE)).isEmpty();
  }
}
