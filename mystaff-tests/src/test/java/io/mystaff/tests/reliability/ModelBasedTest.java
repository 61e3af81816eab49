package io.mystaff.tests.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.AssignmentId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.PageRequest;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.access.SignInContext;
import io.mystaff.api.access.SignInRefusal;
import io.mystaff.api.access.SignInRefusedException;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.audit.ModifiedProperty;
import io.mystaff.api.authz.AccessDeniedException;
import io.mystaff.api.authz.Decision;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.directory.PhoneMethodNotFoundException;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.directory.User;
import io.mystaff.api.password.PasswordRejectedException;
import io.mystaff.api.password.Secret;
import io.mystaff.api.password.WritebackStatus;
import io.mystaff.core.MyStaff;
import io.mystaff.core.MyStaffSettings;
import io.mystaff.core.PasswordResetResult;
import io.mystaff.core.PhoneChange;
import io.mystaff.core.PhoneView;
import io.mystaff.core.RateLimit;
import io.mystaff.core.StaffMember;
import io.mystaff.core.StaffSession;
import io.mystaff.core.UserProfile;
import io.mystaff.core.phone.PhoneNumberParser;
import io.mystaff.inmemory.InMemoryDirectory;
import io.mystaff.testkit.fakes.MutableClock;
import io.mystaff.testkit.fakes.RecordingAuditSink;
import io.mystaff.testkit.fakes.ScriptableWriteback;
import io.mystaff.testkit.fixtures.Tenant;
import io.mystaff.testkit.random.Property;
import io.mystaff.testkit.random.RandomTenants;
import io.mystaff.testkit.random.Seeds;
import io.mystaff.tests.workflows.Harness;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Model-based test: random sequences of sign-ins, searches, profile views, cloud and synced
 * password resets, phone edits, assignment and membership changes, account switches and clock moves
 * run against {@link MyStaff} on the in-memory provider and against {@link StaffModel} side by
 * side. After every step the decision (result or typed exception), the directory's users and
 * assignments, and the audit events recorded by the step must equal the model's.
 */
class ModelBasedTest {
  private static final RandomTenants TENANTS = RandomTenants.small();
  private static final PhoneNumberParser PARSER = PhoneNumberParser.international();
  private static final List<String> NUMBERS =
      List.of(
          "+14255550100",
          "+1 4255550199",
          "+14255550151",
          "+442079460958",
          "+44 20 7946 0958",
          "+14255550177");
  private static final List<ModifiedProperty> PASSWORD_CHANGES =
      List.of(
          ModifiedProperty.of("PasswordProfile", Optional.empty(), Optional.empty()),
          ModifiedProperty.of("forceChangePasswordNextSignIn", Optional.empty(), Optional.empty()));

  /** Letters that spell no part of the generated users' names ("user", digits aside). */
  private static final String PASSWORD_ALPHABET =
      "abcdfghijkmnpqtvwxyzABCDFGHIJKLMNPQTVWXYZ23456789";

  static final int SEQUENCES = Scale.of(200);
  static final int STEPS = 500;

  private final AtomicLong steps = new AtomicLong();
  private final AtomicLong eventsCompared = new AtomicLong();
  private final AtomicLong decisionsCompared = new AtomicLong();

  @Test
  void randomSequences_matchTheModel() {
    long seed = Seeds.forTest("ModelBasedTest");
    long started = System.nanoTime();
    Property.forAll(
        seed,
        SEQUENCES,
        r -> r.nextLong(),
        sequenceSeed -> new Run(new Random(sequenceSeed)).run());
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.printf(
        Locale.ROOT,
        "model-based: seed %d, %d sequences, %d steps, %d decisions, %d events,"
            + " 0 divergences, %d ms%n",
        seed,
        SEQUENCES,
        steps.get(),
        decisionsCompared.get(),
        eventsCompared.get(),
        millis);
    assertThat(steps.get()).isGreaterThanOrEqualTo(100_000L * SEQUENCES / 200);
  }

  /** What one audit event says, compared field by field (ids and times aside). */
  record Seen(
      AuditActivity activity,
      AuditOutcome outcome,
      String reason,
      UserId initiator,
      String target,
      String grantedBy,
      List<ModifiedProperty> modified) {
    static Seen of(AuditEvent e) {
      assertThat(e.isFromMyStaff()).as("origin of %s", e).isTrue();
      return new Seen(
          e.activity(),
          e.outcome(),
          e.resultReason().orElse(""),
          e.initiatedBy().id(),
          e.targets().isEmpty() ? "" : e.targets().get(0).id(),
          e.additionalDetails().getOrDefault("grantedByAssignment", ""),
          e.targets().isEmpty() ? List.of() : e.targets().get(0).modifiedProperties());
    }
  }

  /** One random sequence against a fresh tenant. */
  private final class Run {
    private final Random r;
    private final Tenant tenant;
    private final StaffModel model;
    private final MutableClock clock;
    private final InMemoryDirectory directory;
    private final RecordingAuditSink sink = new RecordingAuditSink();
    private final MyStaff myStaff;
    private final Map<UserId, StaffSession> sessions = new LinkedHashMap<>();

    /** Per open session: when it expires, and when its sign-in checks last passed. */
    private final Map<UserId, Instant[]> sessionChecks = new LinkedHashMap<>();

    private final List<UserId> ids = new ArrayList<>();
    private final List<Seen> expected = new ArrayList<>();
    private final Deque<String> trace = new ArrayDeque<>();
    private int nextAssignment;

    Run(Random r) {
      this.r = r;
      this.tenant = TENANTS.apply(r);
      this.model = new StaffModel(tenant);
      this.clock = MutableClock.at(RandomTenants.instant(r));
      this.directory = Harness.seeded(tenant).passwordHashIterations(1).build();
      this.myStaff =
          MyStaff.builder()
              .directory(directory)
              .directoryWriter(directory)
              .auditSink(sink)
              .auditRelay(Runnable::run)
              .passwordWriteback(ScriptableWriteback.synchronous())
              .clock(clock)
              .phoneParser(PARSER)
              .settings(
                  MyStaffSettings.builder()
                      .resetLimit(RateLimit.unlimited())
                      .phoneChangeLimit(RateLimit.unlimited())
                      .build()) // the model has no rate limits
              .build();
      tenant.users().forEach(u -> ids.add(u.id()));
    }

    void run() {
      try {
        for (int i = 0; i < STEPS; i++) {
          expected.clear();
          step();
          steps.incrementAndGet();
          List<Seen> actual = sink.events().stream().map(Seen::of).toList();
          sink.clear();
          assertThat(actual).as("audit events of step %s", trace.peekLast()).isEqualTo(expected);
          eventsCompared.addAndGet(actual.size());
          checkState();
        }
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(
            "divergence after steps (last "
                + trace.size()
                + "):\n  "
                + String.join("\n  ", trace)
                + "\n"
                + tenant,
            e);
      } finally {
        myStaff.close();
      }
    }

    private void log(String step) {
      trace.addLast(clock.peek() + " " + step);
      if (trace.size() > 25) {
        trace.removeFirst();
      }
    }

    private void step() {
      int k = r.nextInt(100);
      if (sessions.isEmpty() || k < 8) {
        signIn();
      } else if (k < 16) {
        search();
      } else if (k < 26) {
        profile();
      } else if (k < 35) {
        cloudReset();
      } else if (k < 43) {
        syncedReset();
      } else if (k < 63) {
        phone();
      } else if (k < 72) {
        assignment();
      } else if (k < 80) {
        membership();
      } else if (k < 92) {
        moveClock();
      } else {
        switchAccount();
      }
    }

    private UserId anyUser() {
      return ids.get(r.nextInt(ids.size()));
    }

    /**
     * A manager with an open session, after the session's own check (lifetime, then the sign-in
     * gate again once the last check is a minute old) did what the model expects; null if it
     * refused the call, which is then the step's only event. An expired session is forgotten.
     */
    private UserId actorWithSession() {
      List<UserId> open = new ArrayList<>(sessions.keySet());
      UserId actor = open.get(r.nextInt(open.size()));
      Instant now = clock.instant();
      Instant[] check = sessionChecks.get(actor);
      boolean recheck =
          !now.isBefore(check[1].plus(MyStaffSettings.DEFAULT_SESSION_RECHECK_INTERVAL));
      Optional<SignInRefusal> refusal =
          !now.isBefore(check[0])
              ? Optional.of(SignInRefusal.SESSION_EXPIRED)
              : recheck ? model.refusal(actor, now) : Optional.empty();
      decisionsCompared.incrementAndGet();
      try {
        sessions.get(actor).manager();
        assertThat(refusal).as("session check of %s passed", actor).isEmpty();
        if (recheck) {
          check[1] = now;
        }
        return actor;
      } catch (SignInRefusedException e) {
        log("session of " + actor + " refused: " + e.reason());
        assertThat(refusal).as("session check of %s refused", actor).contains(e.reason());
        expected.add(
            new Seen(
                AuditActivity.SIGN_IN,
                AuditOutcome.DENIED,
                e.reason().name(),
                actor,
                actor.value(),
                "",
                List.of()));
        if (e.reason() == SignInRefusal.SESSION_EXPIRED) {
          sessions.remove(actor);
          sessionChecks.remove(actor);
        }
        return null;
      }
    }

    private void signIn() {
      UserId who =
          r.nextInt(4) > 0
                  && !model.assignments.isEmpty()
                  && new ArrayList<>(model.assignments.values())
                          .get(r.nextInt(model.assignments.size()))
                          .principal()
                      instanceof UserId holder
              ? holder
              : anyUser();
      log("signIn " + who);
      Instant now = clock.instant();
      Optional<SignInRefusal> refusal = model.refusal(who, now);
      decisionsCompared.incrementAndGet();
      try {
        sessions.put(who, myStaff.signIn(SignInContext.of(who, true)));
        sessionChecks.put(
            who, new Instant[] {now.plus(MyStaffSettings.DEFAULT_SESSION_LIFETIME), now});
        assertThat(refusal).as("sign-in admitted").isEmpty();
        expected.add(
            new Seen(
                AuditActivity.SIGN_IN,
                AuditOutcome.SUCCEEDED,
                "",
                who,
                who.value(),
                "",
                List.of()));
      } catch (SignInRefusedException e) {
        assertThat(refusal).as("sign-in refused").isPresent();
        SignInRefusal reason = refusal.orElseThrow();
        assertThat(e.reason()).isEqualTo(reason);
        expected.add(
            new Seen(
                AuditActivity.SIGN_IN,
                AuditOutcome.DENIED,
                reason.name(),
                who,
                who.value(),
                "",
                List.of()));
      }
    }

    private void search() {
      UserId actor = actorWithSession();
      if (actor == null) {
        return;
      }
      int n = r.nextInt(ids.size());
      String query =
          switch (r.nextInt(4)) {
            case 0 -> "user";
            case 1 -> "User " + n;
            case 2 -> "USER" + n + "@";
            default -> Integer.toString(n);
          };
      log("search " + actor + " '" + query + "'");
      Instant now = clock.instant();
      Map<UserId, Set<StaffAction>> found = new LinkedHashMap<>();
      for (StaffMember m :
          sessions.get(actor).searchUsers(query, PageRequest.first(PageRequest.MAX_SIZE)).items()) {
        found.put(m.user().id(), m.allowedActions());
      }
      Map<UserId, Set<StaffAction>> wanted = new LinkedHashMap<>();
      for (User u : model.users.values()) {
        if (matches(u, query)) {
          wanted.put(u.id(), model.allowed(actor, u.id(), now));
          decisionsCompared.addAndGet(StaffAction.values().length);
        }
      }
      assertThat(found).as("search results").isEqualTo(wanted);
    }

    private boolean matches(User u, String query) {
      String q = query.toLowerCase(Locale.ROOT);
      if (u.userPrincipalName().toLowerCase(Locale.ROOT).startsWith(q)
          || u.displayName().toLowerCase(Locale.ROOT).startsWith(q)) {
        return true;
      }
      for (String word : u.displayName().toLowerCase(Locale.ROOT).split("\\s+", -1)) {
        if (word.startsWith(q)) {
          return true;
        }
      }
      return false;
    }

    private void profile() {
      UserId actor = actorWithSession();
      if (actor == null) {
        return;
      }
      UserId target = anyUser();
      log("profile " + actor + " -> " + target);
      Instant now = clock.instant();
      Decision d = model.decide(actor, StaffAction.VIEW_PROFILE, target, now);
      decisionsCompared.incrementAndGet();
      try {
        UserProfile p = sessions.get(actor).profile(target);
        assertThat(d).isInstanceOf(Decision.Permit.class);
        assertThat(p.allowedActions()).isEqualTo(model.allowed(actor, target, now));
        User modelled = model.users.get(target);
        assertThat(StaffModel.normalized(p.user()))
            .isEqualTo(modelled.toBuilder().phones(Map.of()).build());
        boolean reveal = p.may(StaffAction.MANAGE_PHONES);
        assertThat(p.phones())
            .isEqualTo(
                modelled.phones().entrySet().stream()
                    .collect(
                        Collectors.toMap(
                            Map.Entry::getKey,
                            e ->
                                reveal
                                    ? PhoneView.of(e.getValue())
                                    : PhoneView.masked(e.getValue()))));
        expected.add(
            permitted(
                AuditActivity.VIEW_PROFILE,
                AuditOutcome.SUCCEEDED,
                "",
                actor,
                target,
                d,
                List.of()));
      } catch (AccessDeniedException e) {
        denied(e, d, AuditActivity.VIEW_PROFILE, actor, target);
      }
    }

    private void cloudReset() {
      UserId actor = actorWithSession();
      if (actor == null) {
        return;
      }
      UserId target = anyUser();
      log("cloudReset " + actor + " -> " + target);
      if (model.users.get(target).isSynced()) {
        try {
          sessions.get(actor).resetPassword(target);
          throw new AssertionError("a synced user's reset without a password was accepted");
        } catch (InvalidInputException expectedRejection) {
          return; // not an attempt: nothing recorded
        }
      }
      Decision d = model.decide(actor, StaffAction.RESET_PASSWORD, target, clock.instant());
      decisionsCompared.incrementAndGet();
      try {
        PasswordResetResult result = sessions.get(actor).resetPassword(target);
        assertThat(d).isInstanceOf(Decision.Permit.class);
        String temporary = ((PasswordResetResult.TemporaryPassword) result).password().reveal();
        assertThat(directory.verifyPassword(target, Secret.of(temporary))).isTrue();
        model.update(
            model.users.get(target).toBuilder().forceChangePasswordNextSignIn(true).build());
        expected.add(
            permitted(
                AuditActivity.RESET_PASSWORD,
                AuditOutcome.SUCCEEDED,
                "",
                actor,
                target,
                d,
                PASSWORD_CHANGES));
      } catch (AccessDeniedException e) {
        denied(e, d, AuditActivity.RESET_PASSWORD, actor, target);
      }
    }

    private void syncedReset() {
      UserId actor = actorWithSession();
      if (actor == null) {
        return;
      }
      UserId target = anyUser();
      boolean weak = r.nextInt(4) == 0;
      Secret password = Secret.of(weak ? "abc" : strongPassword());
      log("syncedReset " + actor + " -> " + target + (weak ? " (weak)" : ""));
      if (!model.users.get(target).isSynced()) {
        try {
          sessions.get(actor).resetPassword(target, password);
          throw new AssertionError(
              "a manager-chosen password for a cloud user was accepted by default");
        } catch (InvalidInputException expectedRejection) {
          return;
        }
      }
      Decision d = model.decide(actor, StaffAction.RESET_PASSWORD, target, clock.instant());
      decisionsCompared.incrementAndGet();
      try {
        PasswordResetResult result = sessions.get(actor).resetPassword(target, password);
        assertThat(d).isInstanceOf(Decision.Permit.class);
        assertThat(weak).as("weak password accepted").isFalse();
        assertThat(((PasswordResetResult.WritebackPending) result).writeback().status())
            .isEqualTo(WritebackStatus.SUCCEEDED);
        expected.add(
            permitted(
                AuditActivity.RESET_PASSWORD,
                AuditOutcome.PENDING,
                "WRITEBACK_SUBMITTED",
                actor,
                target,
                d,
                List.of()));
        expected.add(
            permitted(
                AuditActivity.RESET_PASSWORD,
                AuditOutcome.SUCCEEDED,
                "",
                actor,
                target,
                d,
                PASSWORD_CHANGES));
      } catch (AccessDeniedException e) {
        denied(e, d, AuditActivity.RESET_PASSWORD, actor, target);
      } catch (PasswordRejectedException e) {
        assertThat(d).isInstanceOf(Decision.Permit.class);
        assertThat(weak).as("strong password rejected: " + e.violations()).isTrue();
        expected.add(
            new Seen(
                AuditActivity.RESET_PASSWORD,
                AuditOutcome.FAILED,
                "PASSWORD_POLICY_VIOLATION",
                actor,
                target.value(),
                "",
                List.of()));
      }
    }

    private String strongPassword() {
      StringBuilder s = new StringBuilder("Q7!");
      for (int i = 0; i < 13; i++) {
        s.append(PASSWORD_ALPHABET.charAt(r.nextInt(PASSWORD_ALPHABET.length())));
      }
      return s.toString();
    }

    private void phone() {
      UserId actor = actorWithSession();
      if (actor == null) {
        return;
      }
      UserId target = anyUser();
      PhoneType type = PhoneType.values()[r.nextInt(PhoneType.values().length)];
      boolean remove = r.nextInt(4) == 0;
      String raw = NUMBERS.get(r.nextInt(NUMBERS.size()));
      log(
          (remove ? "removePhone " : "setPhone ")
              + actor
              + " -> "
              + target
              + " "
              + type
              + (remove ? "" : " " + raw));
      User before = model.users.get(target);
      Optional<PhoneNumber> old = before.phone(type);
      Optional<PhoneNumber> next = remove ? Optional.empty() : Optional.of(PARSER.parse(raw));
      AuditActivity activity =
          remove
              ? AuditActivity.DELETE_PHONE
              : old.isPresent() ? AuditActivity.UPDATE_PHONE : AuditActivity.ADD_PHONE;
      Decision d = model.decide(actor, StaffAction.MANAGE_PHONES, target, clock.instant());
      decisionsCompared.incrementAndGet();
      // Graph's phone method rules, decided only once permitted, each a FAILED attempt.
      String refusal = "";
      if (remove && old.isEmpty()) {
        refusal = "PHONE_METHOD_NOT_FOUND";
      } else if (remove
          && type == PhoneType.MOBILE
          && before.phone(PhoneType.ALTERNATE_MOBILE).isPresent()) {
        refusal = "MOBILE_REQUIRED_BY_ALTERNATE_MOBILE";
      } else if (!remove
          && type == PhoneType.ALTERNATE_MOBILE
          && before.phone(PhoneType.MOBILE).isEmpty()) {
        refusal = "ALTERNATE_MOBILE_REQUIRES_MOBILE";
      }
      try {
        StaffSession session = sessions.get(actor);
        PhoneChange change =
            remove ? session.removePhone(target, type) : session.setPhone(target, type, raw);
        assertThat(d).isInstanceOf(Decision.Permit.class);
        assertThat(refusal).as("a change Graph's phone rules refuse").isEmpty();
        assertThat(change.previous()).isEqualTo(old);
        assertThat(change.current()).isEqualTo(next);
        model.update(before.toBuilder().phone(type, next).build());
        expected.add(
            permitted(
                activity,
                AuditOutcome.SUCCEEDED,
                "",
                actor,
                target,
                d,
                List.of(
                    ModifiedProperty.of(
                        type.graphName() + "PhoneNumber",
                        old.map(ModelBasedTest::graphForm),
                        next.map(ModelBasedTest::graphForm)))));
      } catch (AccessDeniedException e) {
        denied(e, d, activity, actor, target);
      } catch (PhoneMethodNotFoundException | InvalidInputException e) {
        assertThat(d).isInstanceOf(Decision.Permit.class);
        assertThat(refusal).as("refused with %s", e).isNotEmpty();
        if (e instanceof PhoneMethodNotFoundException notFound) {
          assertThat(refusal).isEqualTo("PHONE_METHOD_NOT_FOUND");
          assertThat(notFound.type()).isEqualTo(type);
        } else {
          assertThat(((InvalidInputException) e).violations())
              .extracting(InvalidInputException.Violation::field)
              .containsExactly(type.graphName());
        }
        expected.add(
            new Seen(activity, AuditOutcome.FAILED, refusal, actor, target.value(), "", List.of()));
      }
    }

    private void assignment() {
      if (model.assignments.isEmpty() || r.nextBoolean()) {
        UserId principal = anyUser();
        RoleAssignment a = TENANTS.assignment(r, tenant, "m" + nextAssignment++, principal);
        log("addAssignment " + a);
        directory.addAssignment(a);
        model.assignments.put(a.id(), a);
      } else {
        List<AssignmentId> held = new ArrayList<>(model.assignments.keySet());
        AssignmentId id = held.get(r.nextInt(held.size()));
        log("removeAssignment " + id);
        assertThat(directory.removeAssignment(id)).isTrue();
        model.assignments.remove(id);
      }
    }

    private void membership() {
      if (model.units.isEmpty()) {
        moveClock();
        return;
      }
      UnitId unit = model.units.get(r.nextInt(model.units.size())).id();
      UserId user = anyUser();
      if (r.nextBoolean()) {
        log("addMember " + unit + " " + user);
        assertThat(directory.addMember(unit, user)).isEqualTo(model.members.get(unit).add(user));
      } else {
        log("removeMember " + unit + " " + user);
        assertThat(directory.removeMember(unit, user))
            .isEqualTo(model.members.get(unit).remove(user));
      }
    }

    private void moveClock() {
      List<Instant> boundaries = new ArrayList<>();
      for (RoleAssignment a : model.assignments.values()) {
        a.start().ifPresent(boundaries::add);
        a.end().ifPresent(boundaries::add);
      }
      Instant to =
          boundaries.isEmpty() || r.nextInt(4) == 0
              ? RandomTenants.instant(r)
              : boundaries
                  .get(r.nextInt(boundaries.size()))
                  .plus(Duration.ofNanos(r.nextInt(3) - 1));
      log("clock " + to);
      clock.set(to);
    }

    private void switchAccount() {
      UserId user = anyUser();
      User current = directory.findUser(user).orElseThrow();
      log((current.accountEnabled() ? "disable " : "enable ") + user);
      User next = current.toBuilder().accountEnabled(!current.accountEnabled()).build();
      directory.putUser(next);
      model.update(next);
    }

    private Seen permitted(
        AuditActivity activity,
        AuditOutcome outcome,
        String reason,
        UserId actor,
        UserId target,
        Decision d,
        List<ModifiedProperty> modified) {
      return new Seen(
          activity,
          outcome,
          reason,
          actor,
          target.value(),
          ((Decision.Permit) d).grantedBy().id().value(),
          modified);
    }

    private void denied(
        AccessDeniedException e, Decision d, AuditActivity activity, UserId actor, UserId target) {
      assertThat(d)
          .as("engine denied (%s) what the model permits", e.reason())
          .isInstanceOf(Decision.Deny.class);
      assertThat(e.reason()).isEqualTo(((Decision.Deny) d).reason());
      expected.add(
          new Seen(
              activity,
              AuditOutcome.DENIED,
              e.reason().name(),
              actor,
              target.value(),
              "",
              List.of()));
    }

    private void checkState() {
      for (User u : model.users.values()) {
        assertThat(StaffModel.normalized(directory.findUser(u.id()).orElseThrow()))
            .as("user %s", u.id())
            .isEqualTo(u);
        Set<RoleAssignment> held = new HashSet<>();
        held.addAll(model.effective(u.id()));
        assertThat(new HashSet<>(directory.assignmentsOf(u.id())))
            .as("assignments of %s", u.id())
            .isEqualTo(held);
        Set<UnitId> units = new HashSet<>();
        model.members.forEach(
            (unit, m) -> {
              if (m.contains(u.id())) {
                units.add(unit);
              }
            });
        assertThat(directory.unitsOf(u.id())).as("units of %s", u.id()).isEqualTo(units);
      }
    }
  }

  /**
   * Graph's phoneNumber form of the model's numbers (all +1 or +44): a space after the country
   * code.
   */
  static String graphForm(PhoneNumber n) {
    String cc = n.e164().startsWith("+44") ? "+44" : "+1";
    return cc + " " + n.e164().substring(cc.length()) + n.extension().map(x -> "x" + x).orElse("");
  }
}
