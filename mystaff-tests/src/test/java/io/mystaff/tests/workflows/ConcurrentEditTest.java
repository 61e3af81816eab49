package io.mystaff.tests.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.StaleVersionException;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.authz.AccessDeniedException;
import io.mystaff.api.authz.DenyReason;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.directory.User;
import io.mystaff.core.MyStaffSettings;
import io.mystaff.core.PhoneChange;
import io.mystaff.core.RateLimit;
import io.mystaff.core.StaffSession;
import io.mystaff.inmemory.InMemoryDirectory;
import io.mystaff.spi.CommitCondition;
import io.mystaff.spi.DirectoryWriter;
import io.mystaff.spi.ForwardingDirectoryWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConcurrentEditTest {
  private static final UserId BOB = UserId.of("bob");

  private Harness harness;
  private InMemoryDirectory directory;

  @AfterEach
  void close() {
    if (harness != null) {
      harness.close();
    }
  }

  /**
   * A writer over the in-memory directory that runs {@code interference} just before each of the
   * first {@code times} phone writes reach the directory, as a concurrent writer would.
   */
  private static final class InterferingWriter extends ForwardingDirectoryWriter {
    private final Runnable interference;
    private final AtomicInteger remaining;

    InterferingWriter(InMemoryDirectory directory, int times, Runnable interference) {
      super(directory);
      this.interference = interference;
      this.remaining = new AtomicInteger(times);
    }

    @Override
    public User setPhone(
        UserId user,
        long expectedVersion,
        PhoneType type,
        Optional<PhoneNumber> number,
        AuditEvent event,
        CommitCondition condition) {
      if (remaining.getAndDecrement() > 0) {
        interference.run();
      }
      return super.setPhone(user, expectedVersion, type, number, event, condition);
    }
  }

  /**
   * Nina's session over a directory whose first {@code times} phone writes meet {@code
   * interference}.
   */
  private StaffSession ninaWith(int times, Consumer<InMemoryDirectory> interference) {
    directory = Harness.directoryOf(StoreChain.fixture().build());
    DirectoryWriter writer =
        new InterferingWriter(directory, times, () -> interference.accept(directory));
    harness = Harness.storeChain(b -> b.directory(directory).directoryWriter(writer));
    return harness.signIn("nina");
  }

  private static User bobIn(InMemoryDirectory directory) {
    return directory.findUser(BOB).orElseThrow();
  }

  @Test
  void setPhone_concurrentWriteToAnotherPhone_retriedAndBothKept() {
    StaffSession nina =
        ninaWith(
            1,
            d -> {
              User bob = bobIn(d);
              d.putUser(
                  bob.toBuilder().phone(PhoneType.OFFICE, PhoneNumber.of("+14255550150")).build());
            });
    int before = harness.log.size();

    PhoneChange change = nina.setPhone(BOB, PhoneType.MOBILE, "+14255550151");

    User bob = bobIn(directory);
    assertThat(bob.phone(PhoneType.MOBILE)).contains(PhoneNumber.of("+14255550151"));
    assertThat(bob.phone(PhoneType.OFFICE)).contains(PhoneNumber.of("+14255550150"));
    assertThat(change.current()).contains(PhoneNumber.of("+14255550151"));
    assertThat(harness.eventsSince(before))
        .singleElement()
        .satisfies(e -> assertThat(e.outcome()).isEqualTo(AuditOutcome.SUCCEEDED));
  }

  @Test
  void setPhone_targetLeavesScopeWhileRetrying_decidedAgainAndDenied() {
    StaffSession nina =
        ninaWith(
            1,
            d -> {
              d.removeMember(UnitId.of("north"), BOB);
              User bob = bobIn(d);
              d.putUser(bob.toBuilder().build());
            });
    int before = harness.log.size();

    assertThatThrownBy(() -> nina.setPhone(BOB, PhoneType.MOBILE, "+14255550151"))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.reason()).isEqualTo(DenyReason.TARGET_OUT_OF_SCOPE));
    assertThat(harness.eventsSince(before))
        .singleElement()
        .satisfies(e -> assertThat(e.outcome()).isEqualTo(AuditOutcome.DENIED));
  }

  @Test
  void setPhone_alwaysLosingTheRace_givesUpWithOneFailedEvent() {
    StaffSession nina =
        ninaWith(
            Integer.MAX_VALUE,
            d -> {
              User bob = bobIn(d);
              d.putUser(bob.toBuilder().build());
            });
    int before = harness.log.size();

    assertThatThrownBy(() -> nina.setPhone(BOB, PhoneType.MOBILE, "+14255550151"))
        .isInstanceOf(StaleVersionException.class);

    assertThat(harness.eventsSince(before))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.outcome()).isEqualTo(AuditOutcome.FAILED);
              assertThat(e.resultReason()).contains("CONCURRENT_MODIFICATION");
              assertThat(e.additionalDetails()).containsEntry("rounds", "5");
            });
  }

  @Test
  void setPhone_managersEditingOnePersonAtOnce_noUpdateLost() throws Exception {
    harness =
        Harness.storeChain(
            b ->
                b.settings(
                    MyStaffSettings.builder()
                        .phoneChangeLimit(RateLimit.unlimited())
                        .build())); // 25 edits each, at once
    List<StaffSession> managers =
        List.of(harness.signIn("nina"), harness.signIn("sam"), harness.signIn("tara"));
    List<PhoneType> types = List.of(PhoneType.MOBILE, PhoneType.ALTERNATE_MOBILE, PhoneType.OFFICE);
    int edits = 25;
    managers
        .get(0)
        .setPhone(BOB, PhoneType.MOBILE, "+14255550200"); // an alternate mobile needs a mobile
    int eventsBefore = harness.log.size();
    AtomicInteger gaveUp = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(managers.size());
    List<Future<?>> done = new ArrayList<>();
    try {
      for (int m = 0; m < managers.size(); m++) {
        StaffSession manager = managers.get(m);
        PhoneType type = types.get(m);
        int lane = m;
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < edits; i++) {
                    // An edit that keeps losing the race gives up (typed, one FAILED event) and
                    // changes nothing; the manager then tries it again, as a person would.
                    while (true) {
                      try {
                        manager.setPhone(BOB, type, number(lane, i));
                        break;
                      } catch (StaleVersionException e) {
                        gaveUp.incrementAndGet();
                      }
                    }
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    User bob = harness.user("bob");
    for (int m = 0; m < types.size(); m++) {
      assertThat(bob.phone(types.get(m)))
          .as(types.get(m).name())
          .contains(PhoneNumber.of(number(m, edits - 1)));
    }
    List<AuditEvent> events = harness.eventsSince(eventsBefore);
    assertThat(events).hasSize(managers.size() * edits + gaveUp.get());
    assertThat(events)
        .filteredOn(e -> e.outcome() == AuditOutcome.SUCCEEDED)
        .as("one SUCCEEDED event per edit")
        .hasSize(managers.size() * edits);
    assertThat(events)
        .filteredOn(e -> e.outcome() != AuditOutcome.SUCCEEDED)
        .as("the give-ups, each FAILED with CONCURRENT_MODIFICATION")
        .hasSize(gaveUp.get())
        .allSatisfy(e -> assertThat(e.resultReason()).contains("CONCURRENT_MODIFICATION"));
    assertThat(gaveUp.get()).as("give-ups among %d edits", managers.size() * edits).isLessThan(10);
    assertThat(events)
        .filteredOn(
            e -> e.activity() == AuditActivity.ADD_PHONE && e.outcome() == AuditOutcome.SUCCEEDED)
        .hasSize(types.size() - 1);
  }

  private static String number(int lane, int i) {
    return String.format("+1425%03d%04d", 201 + lane, i);
  }
}
