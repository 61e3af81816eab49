package io.mystaff.inmemory;

import static io.mystaff.inmemory.AuditEvents.phoneEvent;
import static io.mystaff.inmemory.TestUsers.synced;
import static io.mystaff.inmemory.TestUsers.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.AssignmentId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.StaleFactsException;
import io.mystaff.api.StaleVersionException;
import io.mystaff.api.UnknownUserException;
import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.authz.BuiltInRole;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.Scope;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.directory.User;
import io.mystaff.api.password.Secret;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DirectoryWriterTest {
  private static final UserId ALEX = UserId.of("alex");
  private static final UserId SAM = UserId.of("sam");
  private static final PhoneNumber MOBILE = PhoneNumber.of("+14255550100");

  private final InMemoryDirectory directory =
      InMemoryDirectory.builder()
          .user(user("alex", "Alex Wilber"))
          .user(synced("sam", "Sam Synced"))
          .passwordHashIterations(1)
          .build();

  private User alex() {
    return directory.findUser(ALEX).orElseThrow();
  }

  @Test
  void setPhone_currentVersion_appliesChangeAtHigherVersionWithItsEvent() {
    User before = alex();
    AuditEvent event = phoneEvent("e1", "mgr", "alex");

    User after =
        directory.setPhone(ALEX, before.version(), PhoneType.MOBILE, Optional.of(MOBILE), event);

    assertThat(after.version()).isGreaterThan(before.version());
    assertThat(after.phone(PhoneType.MOBILE)).contains(MOBILE);
    assertThat(alex()).isEqualTo(after);
    assertThat(directory.pendingAuditEvents(10)).containsExactly(event);
  }

  @Test
  void setPhone_staleVersion_throwsAndChangesNothing() {
    User before = alex();
    directory.setPhone(
        ALEX,
        before.version(),
        PhoneType.MOBILE,
        Optional.of(MOBILE),
        phoneEvent("e1", "mgr", "alex"));
    User current = alex();

    assertThatThrownBy(
            () ->
                directory.setPhone(
                    ALEX,
                    before.version(),
                    PhoneType.OFFICE,
                    Optional.of(MOBILE),
                    phoneEvent("e2", "mgr", "alex")))
        .isInstanceOfSatisfying(
            StaleVersionException.class,
            e -> {
              assertThat(e.expectedVersion()).isEqualTo(before.version());
              assertThat(e.actualVersion()).isEqualTo(current.version());
              assertThat(e.userId()).isEqualTo(ALEX);
            });

    assertThat(alex()).isEqualTo(current);
    assertThat(directory.pendingAuditEvents(10)).extracting(AuditEvent::id).containsExactly("e1");
  }

  @Test
  void setPhone_unknownUser_throwsAndStoresNoEvent() {
    assertThatThrownBy(
            () ->
                directory.setPhone(
                    UserId.of("nobody"),
                    1,
                    PhoneType.MOBILE,
                    Optional.of(MOBILE),
                    phoneEvent("e1", "mgr", "nobody")))
        .isInstanceOf(UnknownUserException.class);

    assertThat(directory.pendingAuditEvents(10)).isEmpty();
  }

  @Test
  void setPhone_removingAbsentPhone_isAWriteWithItsEvent() {
    User before = alex();

    User after =
        directory.setPhone(
            ALEX,
            before.version(),
            PhoneType.OFFICE,
            Optional.empty(),
            phoneEvent("e1", "mgr", "alex"));

    assertThat(after.version()).isGreaterThan(before.version());
    assertThat(after.phones()).isEmpty();
    assertThat(directory.pendingAuditEvents(10)).hasSize(1);
  }

  @Test
  void setPhone_eventIdAlreadyPending_isRejectedUntilAcknowledged() {
    directory.setPhone(
        ALEX,
        alex().version(),
        PhoneType.MOBILE,
        Optional.of(MOBILE),
        phoneEvent("e1", "mgr", "alex"));
    User current = alex();

    assertThatThrownBy(
            () ->
                directory.setPhone(
                    ALEX,
                    current.version(),
                    PhoneType.MOBILE,
                    Optional.empty(),
                    phoneEvent("e1", "mgr", "alex")))
        .isInstanceOf(InvalidInputException.class);
    assertThat(alex()).isEqualTo(current);

    directory.acknowledgeAuditEvents(List.of("e1"));
    directory.setPhone(
        ALEX,
        current.version(),
        PhoneType.MOBILE,
        Optional.empty(),
        phoneEvent("e1", "mgr", "alex"));
    assertThat(alex().phones()).isEmpty();
  }

  @Test
  void pendingAuditEvents_oldestFirstUpToMaxUntilAcknowledged() {
    for (int i = 1; i <= 5; i++) {
      directory.setPhone(
          ALEX,
          alex().version(),
          PhoneType.MOBILE,
          Optional.empty(),
          phoneEvent("e" + i, "mgr", "alex"));
    }

    assertThat(directory.pendingAuditEvents(3))
        .extracting(AuditEvent::id)
        .containsExactly("e1", "e2", "e3");
    assertThat(directory.pendingAuditEvents(0)).isEmpty();
    directory.acknowledgeAuditEvents(List.of("e2", "e1", "unknown"));
    directory.acknowledgeAuditEvents(List.of("e1"));
    assertThat(directory.pendingAuditEvents(10))
        .extracting(AuditEvent::id)
        .containsExactly("e3", "e4", "e5");
    assertThatThrownBy(() -> directory.pendingAuditEvents(-1))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void setPassword_cloudUser_storesOnlyASaltedHashAndTheFlag() {
    User before = alex();
    AuditEvent event = phoneEvent("e1", "mgr", "alex");

    User after =
        directory.setPassword(ALEX, before.version(), Secret.of("Temp-Pa55word"), true, event);

    assertThat(after.version()).isGreaterThan(before.version());
    assertThat(after.forceChangePasswordNextSignIn()).isTrue();
    assertThat(directory.verifyPassword(ALEX, Secret.of("Temp-Pa55word"))).isTrue();
    assertThat(directory.verifyPassword(ALEX, Secret.of("temp-pa55word"))).isFalse();
    assertThat(directory.pendingAuditEvents(10)).containsExactly(event);
  }

  @Test
  void setPassword_storedHash_neverEqualsOrContainsTheSecret() {
    String password = "Correct-Horse-Battery-Staple";
    directory.setPassword(
        ALEX, alex().version(), Secret.of(password), false, phoneEvent("e1", "mgr", "alex"));
    directory.putUser(user("bo", "Bo Chen"));
    User bo = directory.findUser(UserId.of("bo")).orElseThrow();
    directory.setPassword(
        bo.id(), bo.version(), Secret.of(password), false, phoneEvent("e2", "mgr", "bo"));

    PasswordHash stored = directory.passwordHashOf(ALEX).orElseThrow();
    byte[] hash = stored.hashBytes();
    for (byte[] secret :
        List.of(
            password.getBytes(StandardCharsets.UTF_8),
            password.getBytes(StandardCharsets.UTF_16BE),
            password.getBytes(StandardCharsets.UTF_16LE))) {
      assertThat(indexOf(hash, secret)).isEqualTo(-1);
      assertThat(indexOf(stored.saltBytes(), secret)).isEqualTo(-1);
    }
    assertThat(new String(hash, StandardCharsets.UTF_8)).doesNotContain(password);
    assertThat(stored.toString()).doesNotContain(password);
    assertThat(directory.toString()).doesNotContain(password);
    assertThat(alex().toString()).doesNotContain(password);
    assertThat(directory.passwordHashOf(bo.id()).orElseThrow().hashBytes())
        .as("salted: equal passwords hash differently")
        .isNotEqualTo(hash);
  }

  @Test
  void setPassword_syncedUser_isRejectedAndChangesNothing() {
    User sam = directory.findUser(SAM).orElseThrow();

    assertThatThrownBy(
            () ->
                directory.setPassword(
                    SAM,
                    sam.version(),
                    Secret.of("Temp-1234"),
                    true,
                    phoneEvent("e1", "mgr", "sam")))
        .isInstanceOf(InvalidInputException.class);

    assertThat(directory.findUser(SAM)).contains(sam);
    assertThat(directory.passwordHashOf(SAM)).isEmpty();
    assertThat(directory.pendingAuditEvents(10)).isEmpty();
  }

  @Test
  void setPassword_staleVersion_storesNoHashAndNoEvent() {
    User before = alex();
    directory.setPhone(
        ALEX,
        before.version(),
        PhoneType.MOBILE,
        Optional.of(MOBILE),
        phoneEvent("e1", "mgr", "alex"));

    assertThatThrownBy(
            () ->
                directory.setPassword(
                    ALEX,
                    before.version(),
                    Secret.of("Temp-1234"),
                    true,
                    phoneEvent("e2", "mgr", "alex")))
        .isInstanceOf(StaleVersionException.class);

    assertThat(directory.passwordHashOf(ALEX)).isEmpty();
    assertThat(directory.pendingAuditEvents(10)).extracting(AuditEvent::id).containsExactly("e1");
  }

  @Test
  void setPassword_unknownUser_isRejected() {
    assertThatThrownBy(
            () ->
                directory.setPassword(
                    UserId.of("nobody"),
                    1,
                    Secret.of("x"),
                    true,
                    phoneEvent("e1", "mgr", "nobody")))
        .isInstanceOf(UnknownUserException.class);
    assertThatThrownBy(() -> directory.verifyPassword(UserId.of("nobody"), Secret.of("x")))
        .isInstanceOf(UnknownUserException.class);
  }

  @Test
  void verifyPassword_noPasswordSet_isFalse() {
    assertThat(directory.verifyPassword(ALEX, Secret.of("anything"))).isFalse();
  }

  @Test
  void writes_randomVersions_eventPendingExactlyWhenTheChangeApplied() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    List<String> expectedEvents = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      UserId id = random.nextBoolean() ? ALEX : SAM;
      User before = directory.findUser(id).orElseThrow();
      long expected =
          random.nextInt(3) == 0 ? before.version() - random.nextInt(3) - 1 : before.version();
      String eventId = "e" + i;
      boolean password = random.nextInt(4) == 0;
      boolean applied;
      try {
        if (password) {
          directory.setPassword(
              id, expected, Secret.of("pw-" + i), false, phoneEvent(eventId, "mgr", id.value()));
        } else {
          Optional<PhoneNumber> number =
              random.nextBoolean()
                  ? Optional.of(PhoneNumber.of("+1425555" + (1000 + i)))
                  : Optional.empty();
          directory.setPhone(
              id,
              expected,
              PhoneType.values()[random.nextInt(3)],
              number,
              phoneEvent(eventId, "mgr", id.value()));
        }
        applied = true;
      } catch (StaleVersionException | InvalidInputException e) {
        applied = false;
      }
      boolean shouldApply = expected == before.version() && !(password && id.equals(SAM));
      User after = directory.findUser(id).orElseThrow();
      String why = "seed " + seed + ", step " + i;
      assertThat(applied).as(why).isEqualTo(shouldApply);
      assertThat(after.version() > before.version()).as(why).isEqualTo(applied);
      if (!applied) {
        assertThat(after).as(why).isEqualTo(before);
      } else {
        expectedEvents.add(eventId);
      }
      if (random.nextInt(10) == 0) {
        directory.acknowledgeAuditEvents(List.copyOf(expectedEvents));
        expectedEvents.clear();
      }
      assertThat(directory.pendingAuditEvents(1_000))
          .extracting(AuditEvent::id)
          .as(why)
          .containsExactlyElementsOf(expectedEvents);
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /**
   * A structural write (here a role assignment for the target) issued while a compare-and-set
   * write's commit condition runs waits until that write has committed: the facts the condition
   * read cannot change before the commit.
   */
  @Test
  void assignmentAddedWhileCommitConditionRuns_waitsUntilTheWriteCommitted() throws Exception {
    User before = alex();
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      AtomicReference<Future<?>> promotion = new AtomicReference<>();
      directory.setPhone(
          ALEX,
          before.version(),
          PhoneType.MOBILE,
          Optional.of(MOBILE),
          phoneEvent("e1", "mgr", "alex"),
          current -> {
            order.add(
                "condition verified: alex holds "
                    + current.assignmentsOf(ALEX).size()
                    + " assignments");
            promotion.set(
                other.submit(
                    () -> {
                      directory.addAssignment(
                          RoleAssignment.of(
                              AssignmentId.of("ga"),
                              ALEX,
                              BuiltInRole.GLOBAL_ADMINISTRATOR,
                              Scope.tenant()));
                      // recorded from this thread's view, so the check does not race with the
                      // writer thread appending "phone committed"
                      order.add(
                          "promoted after the phone "
                              + (directory
                                      .findUser(ALEX)
                                      .orElseThrow()
                                      .phone(PhoneType.MOBILE)
                                      .isPresent()
                                  ? "committed"
                                  : "was written"));
                    }));
            try {
              promotion.get().get(100, TimeUnit.MILLISECONDS);
              order.add("promotion committed inside the write");
            } catch (TimeoutException e) {
              order.add("promotion waits");
            } catch (Exception e) {
              throw new AssertionError(e);
            }
          });
      order.add("phone committed");
      promotion.get().get(10, TimeUnit.SECONDS);
      assertThat(order)
          .containsExactlyInAnyOrder(
              "condition verified: alex holds 0 assignments",
              "promotion waits",
              "phone committed",
              "promoted after the phone committed");
      assertThat(order.subList(0, 2))
          .containsExactly("condition verified: alex holds 0 assignments", "promotion waits");
      assertThat(directory.assignmentsOf(ALEX)).hasSize(1);
    } finally {
      other.shutdownNow();
    }
  }

  @Test
  void commitConditionThatThrows_changesNothingAndIsRethrown() {
    User before = alex();
    StaleFactsException refused = new StaleFactsException(ALEX, "test");

    assertThatThrownBy(
            () ->
                directory.setPhone(
                    ALEX,
                    before.version(),
                    PhoneType.MOBILE,
                    Optional.of(MOBILE),
                    phoneEvent("e1", "mgr", "alex"),
                    current -> {
                      throw refused;
                    }))
        .isSameAs(refused);

    assertThat(alex()).isEqualTo(before);
    assertThat(directory.pendingAuditEvents(10)).isEmpty();
  }
}
