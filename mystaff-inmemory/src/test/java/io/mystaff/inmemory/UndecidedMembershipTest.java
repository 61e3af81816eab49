package io.mystaff.inmemory;

import static io.mystaff.inmemory.TestUsers.ids;
import static io.mystaff.inmemory.TestUsers.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.PageRequest;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.User;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Dynamic rules that cannot be decided (their evaluation spends its step budget) and rules
 * evaluated over many users, which must not hold the write lock while they run.
 */
class UndecidedMembershipTest {
  private static final UnitId VIP = UnitId.of("vip");
  private static final UnitId ALL = UnitId.of("all");

  /** About 8,000 steps per character of the value: undecidable on 200 characters, not on 5. */
  static final String UNDECIDABLE = "user.department -match \"(?:(?:)*(?:)*(?:)*(?:)*){999}z\"";

  private static final String SLOW = "a".repeat(200);

  private static User inDepartment(String id, String department) {
    return user(id, id).toBuilder().attribute("department", department).build();
  }

  private static AdministrativeUnit restrictedDynamic(UnitId id, String rule) {
    return AdministrativeUnit.dynamic(id, id.value(), rule).withRestrictedManagement(true);
  }

  private InMemoryDirectory directory() {
    return InMemoryDirectory.builder()
        .unit(restrictedDynamic(VIP, UNDECIDABLE))
        .user(inDepartment("ann", SLOW))
        .user(inDepartment("ben", "Sales"))
        .user(inDepartment("cat", "zebra"))
        .build();
  }

  @Test
  void undecidableRuleLeavesUserOutOfMembersButReportsIt() {
    InMemoryDirectory directory = directory();

    assertThat(ids(directory.members(VIP, PageRequest.first(10)).items())).containsExactly("cat");
    assertThat(directory.unitsOf(UserId.of("ann"))).isEmpty();
    assertThat(directory.undecidedUnitsOf(UserId.of("ann"))).containsExactly(VIP);
    assertThat(directory.undecidedUnitsOf(UserId.of("ben"))).isEmpty();
    assertThat(directory.undecidedUnitsOf(UserId.of("cat"))).isEmpty();
    assertThat(directory.undecidedUnitsOf(UserId.of("nobody"))).isEmpty();
  }

  @Test
  void undecidedMembershipFollowsTheUserAndTheUnit() {
    InMemoryDirectory directory = directory();

    directory.putUser(inDepartment("ann", "zz"));
    assertThat(directory.unitsOf(UserId.of("ann"))).containsExactly(VIP);
    assertThat(directory.undecidedUnitsOf(UserId.of("ann"))).isEmpty();

    directory.putUser(inDepartment("ben", SLOW));
    assertThat(directory.undecidedUnitsOf(UserId.of("ben"))).containsExactly(VIP);
    directory.removeUser(UserId.of("ben"));
    assertThat(directory.undecidedUnitsOf(UserId.of("ben"))).isEmpty();

    directory.putUser(inDepartment("dan", SLOW));
    assertThat(directory.undecidedUnitsOf(UserId.of("dan"))).containsExactly(VIP);
    directory.putUnit(restrictedDynamic(VIP, "user.department -eq \"zz\""));
    assertThat(directory.undecidedUnitsOf(UserId.of("dan"))).isEmpty();
    directory.putUnit(restrictedDynamic(VIP, UNDECIDABLE));
    assertThat(directory.undecidedUnitsOf(UserId.of("dan"))).containsExactly(VIP);
    // Made assigned: the undecided users are not members, and nothing is undecided any more.
    directory.putUnit(AdministrativeUnit.assigned(VIP, "vip").withRestrictedManagement(true));
    assertThat(directory.undecidedUnitsOf(UserId.of("dan"))).isEmpty();
    assertThat(directory.unitsOf(UserId.of("dan"))).isEmpty();
    directory.putUnit(restrictedDynamic(VIP, UNDECIDABLE));
    directory.removeUnit(VIP);
    assertThat(directory.undecidedUnitsOf(UserId.of("dan"))).isEmpty();
  }

  @Test
  void listingsAndWritesProceedWhileARuleIsEvaluatedOverManyUsers() throws Exception {
    InMemoryDirectory.Builder builder = InMemoryDirectory.builder();
    for (int i = 0; i < 500; i++) {
      builder.user(inDepartment(String.format("u%03d", i), i % 2 == 0 ? "Sales" : "Finance"));
    }
    InMemoryDirectory directory = builder.build();
    CountDownLatch evaluating = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger evaluated = new AtomicInteger();
    directory.unlockedEvaluationProbe =
        user -> {
          if (evaluated.incrementAndGet() == 250) {
            evaluating.countDown();
            await(release);
          }
        };
    CompletableFuture<Void> putUnit =
        CompletableFuture.runAsync(
            () ->
                directory.putUnit(
                    AdministrativeUnit.dynamic(ALL, "All Sales", "user.department -eq \"Sales\"")));
    await(evaluating);

    // Halfway through the rule's evaluation: a listing and a write complete (the evaluation
    // holds no lock; were it holding the write lock, these would wait for the release below).
    CompletableFuture<Integer> listed =
        CompletableFuture.supplyAsync(
            () -> directory.allUsers(PageRequest.first(100)).items().size());
    CompletableFuture<User> written =
        CompletableFuture.supplyAsync(() -> directory.putUser(inDepartment("u001", "Sales")));
    assertThat(listed.get(60, TimeUnit.SECONDS)).isEqualTo(100);
    written.get(60, TimeUnit.SECONDS);
    assertThat(putUnit).isNotDone();

    release.countDown();
    putUnit.get(60, TimeUnit.SECONDS);
    // The user changed during the evaluation is evaluated again when the outcomes are applied.
    assertThat(directory.unitsOf(UserId.of("u001"))).containsExactly(ALL);
    assertThat(directory.unitsOf(UserId.of("u000"))).containsExactly(ALL);
    assertThat(directory.unitsOf(UserId.of("u003"))).isEmpty();
    assertThat(TestUsers.walk(100, p -> directory.members(ALL, p))).hasSize(251);
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(60, TimeUnit.SECONDS)) {
        throw new AssertionError("latch never opened");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
