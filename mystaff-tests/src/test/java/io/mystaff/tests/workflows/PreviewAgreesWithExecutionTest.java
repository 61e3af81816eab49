package io.mystaff.tests.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.CapabilityNotSupportedException;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.PageRequest;
import io.mystaff.api.UserId;
import io.mystaff.api.access.SignInContext;
import io.mystaff.api.access.SignInRefusedException;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.authz.AccessDeniedException;
import io.mystaff.api.authz.Decision;
import io.mystaff.api.authz.DenyReason;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.directory.AccountNotSyncedException;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.directory.User;
import io.mystaff.api.password.PasswordRejectedException;
import io.mystaff.api.password.Secret;
import io.mystaff.core.AccountUnlock;
import io.mystaff.core.ChangePreview;
import io.mystaff.core.ChangePreview.SideEffect;
import io.mystaff.core.ChangeRequest;
import io.mystaff.core.MyStaff;
import io.mystaff.core.MyStaffSettings;
import io.mystaff.core.PasswordResetResult;
import io.mystaff.core.PhoneChange;
import io.mystaff.core.RateLimit;
import io.mystaff.core.SessionRevocation;
import io.mystaff.core.StaffMember;
import io.mystaff.core.StaffSession;
import io.mystaff.core.phone.PhoneNumberParser;
import io.mystaff.inmemory.InMemoryDirectory;
import io.mystaff.testkit.fakes.MutableClock;
import io.mystaff.testkit.fakes.RecordingAuditSink;
import io.mystaff.testkit.fakes.ScriptableWriteback;
import io.mystaff.testkit.fixtures.Tenant;
import io.mystaff.testkit.random.Property;
import io.mystaff.testkit.random.RandomTenants;
import io.mystaff.testkit.random.Seeds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Preview and execution agree: on random tenants, managers and requests (resets generated and
 * chosen, good and bad passwords, phone sets and removals, tight rate limits, a writeback that is
 * sometimes down), {@link StaffSession#preview} is asked twice and then the change is made. The
 * previews must be equal, must leave the directory, the audit log, the outbox, the writeback and
 * the rate limits as they were, and must say what the change then does: allowed means it succeeds
 * with the previewed side effects, a deny reason means it is refused with that reason, a failure
 * means it ends FAILED with that reason and the previewed policy violations. Listing rows carry the
 * decision the change then meets. Seeded; a failure names the seed to replay it.
 */
class PreviewAgreesWithExecutionTest {
  private static final RandomTenants TENANTS = RandomTenants.small();
  private static final PhoneNumberParser PARSER = PhoneNumberParser.international();
  private static final List<String> NUMBERS =
      List.of("+14255550100", "+1 4255550199", "+442079460958", "12", "+1900555010", "");
  private static final String ALPHABET = "abcdfghijkmnpqtvwxyzABCDFGHIJKLMNPQTVWXYZ23456789";

  static final int WORLDS = 400;
  static final int REQUESTS = 12;

  @Test
  void previewTellsWhatTheChangeThenDoes() {
    long seed = Seeds.forTest("PreviewAgreesWithExecutionTest");
    AtomicLong compared = new AtomicLong();
    AtomicLong allowed = new AtomicLong();
    AtomicLong denied = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    Property.forAll(
        seed,
        WORLDS,
        r -> r.nextLong(),
        worldSeed -> {
          World w = new World(new Random(worldSeed));
          try {
            for (int i = 0; i < REQUESTS; i++) {
              Optional<ChangePreview> p = w.previewThenExecute();
              compared.incrementAndGet();
              p.ifPresent(
                  preview ->
                      (preview.isAllowed()
                              ? allowed
                              : preview.denyReason().isPresent() ? denied : failed)
                          .incrementAndGet());
            }
          } finally {
            w.myStaff.close();
          }
        });
    System.out.printf(
        "preview vs execution: seed %d, %d requests, %d allowed, %d denied, %d failed%n",
        seed, compared.get(), allowed.get(), denied.get(), failed.get());
    assertThat(compared.get()).isEqualTo((long) WORLDS * REQUESTS);
    assertThat(allowed.get()).as("allowed").isGreaterThan(100);
    assertThat(denied.get()).as("denied").isGreaterThan(100);
    assertThat(failed.get()).as("failed").isGreaterThan(100);
  }

  @Test
  void everyRowsDecisionIsWhatTheActionThenMeets() {
    long seed = Seeds.forTest("RowDecisionsAgreeWithExecution");
    AtomicLong rows = new AtomicLong();
    AtomicLong permits = new AtomicLong();
    Property.forAll(
        seed,
        WORLDS / 2,
        r -> r.nextLong(),
        worldSeed -> {
          World w = new World(new Random(worldSeed), RateLimit.unlimited(), true);
          try {
            Optional<StaffSession> session = w.anySession();
            if (session.isEmpty()) {
              return;
            }
            List<StaffMember> members =
                session.get().searchUsers("user", PageRequest.first(PageRequest.MAX_SIZE)).items();
            assertThat(members).hasSize(w.tenant.users().size());
            for (StaffMember m : members) {
              rows.incrementAndGet();
              assertThat(m.allowedActions())
                  .as("allowed actions derive from the decisions")
                  .allSatisfy(a -> assertThat(m.decision(a).isPermit()).isTrue());
              for (StaffAction action : StaffAction.values()) {
                Decision d = m.decision(action);
                assertThat(d.action()).isEqualTo(action);
                if (d.isPermit()) {
                  permits.incrementAndGet();
                }
                Optional<DenyReason> refused = w.perform(session.get(), action, m);
                assertThat(refused)
                    .as("%s on %s, row said %s", action, m.user().id(), d)
                    .isEqualTo(d.denyReason());
              }
            }
          } finally {
            w.myStaff.close();
          }
        });
    System.out.printf(
        "row decisions vs execution: seed %d, %d rows, %d permits%n",
        seed, rows.get(), permits.get());
    assertThat(permits.get()).isGreaterThan(50);
  }

  /** One random tenant on the in-memory provider with tight rate limits. */
  private static final class World {
    final Random r;
    final Tenant tenant;
    final MutableClock clock;
    final InMemoryDirectory directory;
    final RecordingAuditSink sink = new RecordingAuditSink();
    final ScriptableWriteback writeback = ScriptableWriteback.synchronous();
    final MyStaff myStaff;
    final List<UserId> ids = new ArrayList<>();
    final Map<UserId, StaffSession> sessions = new LinkedHashMap<>();

    World(Random r) {
      this(r, RateLimit.of(1 + r.nextInt(4), Duration.ofMinutes(10)), r.nextBoolean());
    }

    World(Random r, RateLimit limit, boolean chosenForCloud) {
      this.r = r;
      this.tenant = TENANTS.apply(r);
      this.clock = MutableClock.at(RandomTenants.instant(r));
      this.directory = Harness.seeded(tenant).passwordHashIterations(1).build();
      for (User u : tenant.users()) {
        ids.add(u.id());
        if (u.isSynced() && r.nextInt(4) == 0) {
          directory.putUser(
              directory.findUser(u.id()).orElseThrow().toBuilder()
                  .attribute("passwordPolicies", "DisablePasswordExpiration")
                  .build());
        }
      }
      this.myStaff =
          MyStaff.builder()
              .directory(directory)
              .directoryWriter(directory)
              .auditSink(sink)
              .auditRelay(Runnable::run)
              .passwordWriteback(writeback)
              .clock(clock)
              .phoneParser(PARSER)
              .settings(
                  MyStaffSettings.builder()
                      .resetLimit(limit)
                      .phoneChangeLimit(limit)
                      .accountActionLimit(limit)
                      .managerChosenPasswordsForCloudUsers(chosenForCloud)
                      .build())
              .build();
    }

    /** A session of a manager, most often one holding an assignment; empty if none signs in. */
    Optional<StaffSession> anySession() {
      for (int attempt = 0; attempt < 4; attempt++) {
        UserId who = holderOrAnyone();
        StaffSession open = sessions.get(who);
        if (open != null) {
          try {
            open.manager(); // the session's own check, before anything is compared
            return Optional.of(open);
          } catch (SignInRefusedException e) {
            sessions.remove(who);
            continue;
          }
        }
        try {
          StaffSession s = myStaff.signIn(SignInContext.of(who, true));
          sessions.put(who, s);
          return Optional.of(s);
        } catch (SignInRefusedException e) {
          // another manager
        }
      }
      return Optional.empty();
    }

    private UserId holderOrAnyone() {
      List<RoleAssignment> all = tenant.assignments();
      if (!all.isEmpty() && r.nextInt(5) > 0) {
        RoleAssignment a = all.get(r.nextInt(all.size()));
        if (a.principal() instanceof UserId holder) {
          return holder;
        }
      }
      return ids.get(r.nextInt(ids.size()));
    }

    /**
     * Previews a random request twice, checks that nothing moved, makes the change and checks it
     * did what the preview said. Empty when no manager could sign in or the request was invalid.
     */
    Optional<ChangePreview> previewThenExecute() {
      clock.advance(Duration.ofMinutes(r.nextInt(6)));
      writeback.available(r.nextInt(6) > 0);
      writeback.unlocks(r.nextInt(6) > 0);
      Optional<StaffSession> session = anySession();
      sink.clear();
      if (session.isEmpty()) {
        return Optional.empty();
      }
      StaffSession s = session.get();
      UserId target = ids.get(r.nextInt(ids.size()));
      ChangeRequest request = request(target);
      Map<UserId, Optional<User>> before = users();
      Optional<Instant> validFrom = directory.sessionsValidFrom(target);
      int unlocked = writeback.unlocked().size();
      int submissions = writeback.submissions().size();
      int pending = directory.pendingAuditEvents(Integer.MAX_VALUE).size();

      Object first = previewOrError(s, request);
      Object second = previewOrError(s, request);
      assertThat(sameOutcome(first, second)).as("previewed twice: %s, %s", first, second).isTrue();
      assertThat(sink.events()).as("a preview records no event").isEmpty();
      assertThat(users()).as("a preview changes no user").isEqualTo(before);
      assertThat(directory.sessionsValidFrom(target))
          .as("a preview revokes nothing")
          .isEqualTo(validFrom);
      assertThat(writeback.unlocked()).as("a preview unlocks nothing").hasSize(unlocked);
      assertThat(writeback.submissions()).as("a preview submits nothing").hasSize(submissions);
      assertThat(directory.pendingAuditEvents(Integer.MAX_VALUE))
          .as("a preview adds no outbox row")
          .hasSize(pending);

      Object result;
      try {
        result = execute(s, request);
      } catch (RuntimeException e) {
        result = e;
      }
      String what = request + " by " + s.manager().id() + ": preview " + first + ", got " + result;
      if (first instanceof RuntimeException previewError) {
        assertThat(result).as(what).isInstanceOf(previewError.getClass());
        if (previewError instanceof InvalidInputException invalid) {
          assertThat(((InvalidInputException) result).violations())
              .as(what)
              .isEqualTo(invalid.violations());
        }
        assertThat(sink.events()).as("invalid input records nothing: " + what).isEmpty();
        return Optional.empty();
      }
      ChangePreview p = (ChangePreview) first;
      assertThat(p.user()).isEqualTo(target);
      List<AuditEvent> events = sink.events();
      assertThat(events).as(what).isNotEmpty();
      AuditEvent last = events.get(events.size() - 1);
      assertThat(events).as(what).allSatisfy(e -> assertThat(e.activity()).isEqualTo(p.activity()));
      if (p.isAllowed()) {
        assertThat(result).as(what).isNotInstanceOf(RuntimeException.class);
        assertThat(last.outcome()).as(what).isEqualTo(AuditOutcome.SUCCEEDED);
        assertThat(last.additionalDetails().get("grantedByAssignment"))
            .as(what)
            .isEqualTo(((Decision.Permit) p.decision()).grantedBy().id().value());
        checkSideEffects(p, result, target, submissions);
      } else if (p.denyReason().isPresent()) {
        assertThat(result).as(what).isInstanceOf(AccessDeniedException.class);
        assertThat(((AccessDeniedException) result).reason())
            .as(what)
            .isEqualTo(p.denyReason().get());
        assertThat(events).as(what).hasSize(1);
        assertThat(last.outcome()).isEqualTo(AuditOutcome.DENIED);
        assertThat(last.resultReason()).as(what).isEqualTo(p.reasonCode());
        assertThat(users()).as("a denied change changes nothing").isEqualTo(before);
      } else {
        assertThat(result).as(what).isInstanceOf(RuntimeException.class);
        assertThat(result).as(what).isNotInstanceOf(AccessDeniedException.class);
        assertThat(events).as(what).hasSize(1);
        assertThat(last.outcome()).isEqualTo(AuditOutcome.FAILED);
        assertThat(last.resultReason()).as(what).isEqualTo(p.failure());
        if (result instanceof PasswordRejectedException rejected) {
          assertThat(p.policyViolations()).as(what).isEqualTo(rejected.violations());
        } else {
          assertThat(p.policyViolations()).as(what).isEmpty();
        }
        assertThat(users()).as("a failed change changes nothing").isEqualTo(before);
      }
      return Optional.of(p);
    }

    private void checkSideEffects(ChangePreview p, Object result, UserId target, int submissions) {
      if (result instanceof SessionRevocation revocation) {
        assertThat(p.sideEffects()).containsExactly(SideEffect.SESSIONS_REVOKED);
        assertThat(directory.sessionsValidFrom(target)).contains(revocation.validFrom());
        assertThat(revocation.validFrom()).isEqualTo(clock.instant());
        return;
      }
      if (result instanceof AccountUnlock) {
        assertThat(p.sideEffects()).containsExactly(SideEffect.ON_PREMISES_ACCOUNT_UNLOCKED);
        List<UserId> all = writeback.unlocked();
        assertThat(all).isNotEmpty();
        assertThat(all.get(all.size() - 1)).isEqualTo(target);
        return;
      }
      if (result instanceof PhoneChange change) {
        assertThat(p.sideEffects()).containsExactly(SideEffect.PHONE_METHOD_CHANGED);
        assertThat(p.phoneMethod()).contains(change.type());
        return;
      }
      assertThat(p.phoneMethod()).isEmpty();
      assertThat(p.sideEffects().contains(SideEffect.TEMPORARY_PASSWORD_SHOWN_ONCE))
          .isEqualTo(result instanceof PasswordResetResult.TemporaryPassword);
      boolean writtenBack = result instanceof PasswordResetResult.WritebackPending;
      assertThat(p.sideEffects().contains(SideEffect.WRITEBACK_TO_ON_PREMISES))
          .isEqualTo(writtenBack);
      boolean forced;
      if (writtenBack) {
        List<ScriptableWriteback.Submission> all = writeback.submissions();
        assertThat(all).hasSize(submissions + 1);
        forced = all.get(all.size() - 1).forceChangeNextSignIn();
      } else {
        forced = directory.findUser(target).orElseThrow().forceChangePasswordNextSignIn();
      }
      assertThat(p.sideEffects().contains(SideEffect.FORCE_CHANGE_AT_NEXT_SIGN_IN))
          .isEqualTo(forced);
    }

    /**
     * Performs {@code action} on the row's user; the reason if it was refused (by the engine, or up
     * front because the action cannot be performed on this user at all).
     */
    Optional<DenyReason> perform(StaffSession s, StaffAction action, StaffMember m) {
      UserId id = m.user().id();
      try {
        switch (action) {
          case VIEW_PROFILE -> s.profile(id);
          case RESET_PASSWORD -> {
            boolean synced = directory.findUser(id).orElseThrow().isSynced();
            if (synced || r.nextBoolean()) {
              s.resetPassword(id, strongPassword());
            } else {
              s.resetPassword(id);
            }
          }
          case MANAGE_PHONES -> s.setPhone(id, PhoneType.MOBILE, NUMBERS.get(r.nextInt(3)));
          case REVOKE_SESSIONS -> s.revokeSessions(id);
          case UNLOCK_ACCOUNT -> s.unlockAccount(id);
        }
        return Optional.empty();
      } catch (AccessDeniedException e) {
        return Optional.of(e.reason());
      } catch (AccountNotSyncedException e) {
        return Optional.of(DenyReason.ACCOUNT_NOT_SYNCED);
      } catch (CapabilityNotSupportedException e) {
        return Optional.of(DenyReason.ACTION_NOT_SUPPORTED);
      } catch (RuntimeException e) { // permitted, then failed for another reason: not a deny
        return Optional.empty();
      }
    }

    private ChangeRequest request(UserId target) {
      PhoneType type = PhoneType.values()[r.nextInt(PhoneType.values().length)];
      return switch (r.nextInt(6)) {
        case 0 -> ChangeRequest.resetPassword(target);
        case 1 -> ChangeRequest.resetPassword(target, password(target));
        case 2 -> ChangeRequest.setPhone(target, type, NUMBERS.get(r.nextInt(NUMBERS.size())));
        case 3 -> ChangeRequest.revokeSessions(target);
        case 4 -> ChangeRequest.unlockAccount(target);
        default -> ChangeRequest.removePhone(target, type);
      };
    }

    /** A password the policies accept, reject, or that the user used before. */
    private Secret password(UserId target) {
      return switch (r.nextInt(6)) {
        case 0 -> Secret.of("Ab1!x");
        case 1 -> Secret.of("Xy7!" + target.value() + "qqqqqqq");
        case 2 -> Secret.of("tab\there-Long-Enough-1");
        case 3 -> {
          Secret used = strongPassword();
          writeback.rememberHistory(target, used);
          yield used;
        }
        default -> strongPassword();
      };
    }

    private Secret strongPassword() {
      StringBuilder b = new StringBuilder("Q7!");
      for (int i = 0; i < 14; i++) {
        b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
      }
      return Secret.of(b);
    }

    private Map<UserId, Optional<User>> users() {
      Map<UserId, Optional<User>> all = new LinkedHashMap<>();
      ids.forEach(id -> all.put(id, directory.findUser(id)));
      return all;
    }
  }

  private static Object previewOrError(StaffSession s, ChangeRequest request) {
    try {
      return s.preview(request);
    } catch (RuntimeException e) {
      return e;
    }
  }

  private static boolean sameOutcome(Object a, Object b) {
    if (a instanceof RuntimeException ea && b instanceof RuntimeException eb) {
      return ea.getClass() == eb.getClass()
          && String.valueOf(ea.getMessage()).equals(eb.getMessage());
    }
    return a.equals(b);
  }

  private static Object execute(StaffSession s, ChangeRequest request) {
    if (request instanceof ChangeRequest.ResetPassword reset) {
      return reset.password().isPresent()
          ? s.resetPassword(reset.user(), reset.password().get())
          : s.resetPassword(reset.user());
    }
    if (request instanceof ChangeRequest.SetPhone set) {
      return s.setPhone(set.user(), set.type(), set.rawNumber());
    }
    if (request instanceof ChangeRequest.RevokeSessions revoke) {
      return s.revokeSessions(revoke.user());
    }
    if (request instanceof ChangeRequest.UnlockAccount unlock) {
      return s.unlockAccount(unlock.user());
    }
    ChangeRequest.RemovePhone remove = (ChangeRequest.RemovePhone) request;
    return s.removePhone(remove.user(), remove.type());
  }
}
