package io.mystaff.tests.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.ProviderFailureException;
import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.authz.AccessDeniedException;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.password.PasswordRejectedException;
import io.mystaff.api.password.Secret;
import io.mystaff.core.MyStaffSettings;
import io.mystaff.core.PasswordResetResult;
import io.mystaff.core.PhoneChange;
import io.mystaff.core.StaffSession;
import io.mystaff.jackson.audit.AuditJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuditGuaranteesTest {
  private static final UserId ALICE = UserId.of("alice");
  private static final UserId BOB = UserId.of("bob");
  private static final UserId DORA = UserId.of("dora");
  private static final UserId CARL = UserId.of("carl");

  private Harness harness = Harness.storeChain();

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void everyAttempt_exactlyOneTerminalEvent_writebackAddsOnePending() throws Exception {
    StaffSession nina = harness.signIn("nina");
    List<CorrelationId> attempts = new ArrayList<>();
    attempts.add(nina.setPhone(BOB, PhoneType.MOBILE, "+14255550160").correlationId());
    attempts.add(nina.removePhone(ALICE, PhoneType.MOBILE).correlationId());
    attempts.add(nina.resetPassword(BOB).correlationId());
    PasswordResetResult.WritebackPending pending =
        (PasswordResetResult.WritebackPending)
            nina.resetPassword(CARL, Secret.of("Quiet-River-58"));
    pending.writeback().completion().toCompletableFuture().get(30, TimeUnit.SECONDS);
    assertThatThrownBy(() -> nina.resetPassword(DORA)).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> nina.resetPassword(CARL, Secret.of("short")))
        .isInstanceOf(PasswordRejectedException.class);
    nina.profile(DORA);

    Map<CorrelationId, List<AuditEvent>> byAttempt =
        harness.events().stream().collect(Collectors.groupingBy(AuditEvent::correlationId));
    assertThat(byAttempt)
        .hasSize(1 + 3 + 1 + 1 + 1 + 1); // sign-in, three changes, writeback, deny, fail, view
    byAttempt.forEach(
        (id, events) -> {
          List<AuditOutcome> outcomes = events.stream().map(AuditEvent::outcome).toList();
          if (id.equals(pending.correlationId())) {
            assertThat(outcomes).containsExactly(AuditOutcome.PENDING, AuditOutcome.SUCCEEDED);
          } else {
            assertThat(outcomes)
                .as("attempt %s", id)
                .hasSize(1)
                .doesNotContain(AuditOutcome.PENDING);
          }
        });
    assertThat(byAttempt.keySet()).containsAll(attempts);
    assertThat(harness.events())
        .allSatisfy(
            e -> {
              assertThat(e.isFromMyStaff()).isTrue();
              assertThat(e.initiatedBy().id()).isEqualTo(UserId.of("nina"));
              assertThat(e.initiatedBy().userPrincipalName()).contains("nina@contoso.com");
              assertThat(e.targets())
                  .singleElement()
                  .satisfies(
                      t -> {
                        assertThat(t.type()).isEqualTo("User");
                        assertThat(t.displayName()).isPresent();
                        assertThat(t.userPrincipalName()).isPresent();
                      });
            });
    assertThat(harness.directory.pendingAuditEvents(100)).as("outbox relayed").isEmpty();
  }

  @Test
  void sinkDown_deniedAndFailedAttemptsThrowProviderFailure() {
    StaffSession nina = harness.signIn("nina");
    harness.sink.failAlways();

    assertThatThrownBy(() -> nina.resetPassword(DORA))
        .isInstanceOfSatisfying(
            ProviderFailureException.class,
            e ->
                assertThat(e.getSuppressed())
                    .singleElement()
                    .isInstanceOf(AccessDeniedException.class));
    assertThatThrownBy(() -> nina.resetPassword(CARL, Secret.of("short")))
        .isInstanceOfSatisfying(
            ProviderFailureException.class,
            e ->
                assertThat(e.getSuppressed())
                    .singleElement()
                    .isInstanceOf(PasswordRejectedException.class));
    assertThat(harness.log.size()).as("only the sign-in").isEqualTo(1);
  }

  @Test
  void sinkDown_successfulChangeKeepsItsEventUntilTheSinkRecovers() {
    StaffSession nina = harness.signIn("nina");
    harness.sink.failAlways();

    PhoneChange change = nina.setPhone(BOB, PhoneType.MOBILE, "+14255550161");
    PasswordResetResult reset = nina.resetPassword(BOB);

    assertThat(harness.user("bob").phone(PhoneType.MOBILE))
        .contains(PhoneNumber.of("+14255550161"));
    assertThat(harness.events(change.correlationId())).isEmpty();
    assertThat(harness.directory.pendingAuditEvents(100))
        .extracting(AuditEvent::correlationId)
        .containsExactly(change.correlationId(), reset.correlationId());
    assertThatThrownBy(harness.myStaff::flushAudit).isInstanceOf(ProviderFailureException.class);

    harness.sink.recover();
    harness.myStaff.flushAudit();
    harness.myStaff.flushAudit();

    assertThat(harness.events(change.correlationId()))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.activity()).isEqualTo(AuditActivity.ADD_PHONE);
              assertThat(e.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
            });
    assertThat(harness.events(reset.correlationId()))
        .singleElement()
        .satisfies(e -> assertThat(e.activity()).isEqualTo(AuditActivity.RESET_PASSWORD));
    assertThat(harness.directory.pendingAuditEvents(100)).isEmpty();
  }

  @Test
  void sinkRecovers_nextWriteRelaysEarlierEventsToo() {
    StaffSession nina = harness.signIn("nina");
    harness.sink.failAlways();
    PhoneChange first = nina.setPhone(BOB, PhoneType.MOBILE, "+14255550162");
    harness.sink.recover();
    PhoneChange second = nina.setPhone(BOB, PhoneType.OFFICE, "+14255550163");

    assertThat(harness.events(first.correlationId())).hasSize(1);
    assertThat(harness.events(second.correlationId())).hasSize(1);
  }

  @Test
  void noSecret_inAnyEventExceptionOrResult() throws Exception {
    harness.close();
    harness =
        Harness.storeChain(
            b ->
                b.settings(
                    MyStaffSettings.builder().managerChosenPasswordsForCloudUsers(true).build()));
    StaffSession nina = harness.signIn("nina");
    List<String> secrets = new ArrayList<>();
    List<Object> seen = new ArrayList<>();

    PasswordResetResult temporary = nina.resetPassword(ALICE);
    seen.add(temporary);
    secrets.add(((PasswordResetResult.TemporaryPassword) temporary).password().reveal());
    seen.add(temporary);

    secrets.add("Copper-Meadow-61");
    seen.add(nina.resetPassword(BOB, Secret.of("Copper-Meadow-61")));

    secrets.add("Amber-Canyon-27");
    PasswordResetResult.WritebackPending pending =
        (PasswordResetResult.WritebackPending)
            nina.resetPassword(CARL, Secret.of("Amber-Canyon-27"));
    pending.writeback().completion().toCompletableFuture().get(30, TimeUnit.SECONDS);
    seen.add(pending);

    secrets.add("tiny");
    seen.add(thrown(() -> nina.resetPassword(BOB, Secret.of("tiny"))));
    secrets.add("carl2025");
    seen.add(thrown(() -> nina.resetPassword(CARL, Secret.of("carl2025"))));
    secrets.add("Hidden-Lake-44");
    seen.add(thrown(() -> nina.resetPassword(DORA, Secret.of("Hidden-Lake-44"))));
    harness.sink.failAlways();
    secrets.add("Silver-Birch-90");
    seen.add(thrown(() -> nina.resetPassword(DORA, Secret.of("Silver-Birch-90"))));
    harness.sink.recover();

    seen.addAll(harness.events());
    seen.add(AuditJson.standard().writeAll(harness.events()));
    for (Object o : seen) {
      String text = describe(o);
      for (String secret : secrets) {
        assertThat(text).as("%s", o.getClass().getSimpleName()).doesNotContain(secret);
      }
    }
    assertThat(seen).hasSizeGreaterThan(10);
  }

  private static Throwable thrown(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError("expected the call to throw");
  }

  /**
   * Everything a log line could print about {@code o}: its string (for events, their record form;
   * the Graph JSON of all events is added as a string), and for throwables the whole chain.
   */
  private static String describe(Object o) {
    if (!(o instanceof Throwable t)) {
      return String.valueOf(o);
    }
    StringBuilder text = new StringBuilder();
    List<Throwable> pending = new ArrayList<>(List.of(t));
    while (!pending.isEmpty()) {
      Throwable next = pending.remove(0);
      text.append(next).append('\n').append(next.getMessage()).append('\n');
      if (next.getCause() != null) {
        pending.add(next.getCause());
      }
      pending.addAll(List.of(next.getSuppressed()));
    }
    return text.toString();
  }
}
