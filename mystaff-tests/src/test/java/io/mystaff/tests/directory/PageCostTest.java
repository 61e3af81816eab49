package io.mystaff.tests.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.PageRequest;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.access.SignInContext;
import io.mystaff.api.authz.BuiltInRole;
import io.mystaff.core.Location;
import io.mystaff.core.MyStaff;
import io.mystaff.core.StaffMember;
import io.mystaff.core.StaffSession;
import io.mystaff.inmemory.InMemoryDirectory;
import io.mystaff.spi.Directory;
import io.mystaff.testkit.fakes.RecordingAuditSink;
import io.mystaff.testkit.fixtures.Fixtures;
import io.mystaff.testkit.fixtures.TenantFixture;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A page of members or search results costs a fixed number of directory calls, whatever its size:
 * the facts of all its users are read with one batched call ({@code userFactsOf}) and their units
 * with at most one more ({@code findUnits}), not several calls per member.
 */
class PageCostTest {
  private final AtomicInteger calls = new AtomicInteger();
  private MyStaff myStaff;

  @BeforeEach
  void setUp() {
    TenantFixture tenant =
        Fixtures.tenant()
            .unit("north", "North Store")
            .unit("south", "South Store")
            .restrictedUnit("vault", "Vault")
            .tenantAdmin("tara", BuiltInRole.HELPDESK_ADMINISTRATOR)
            .admin("nina", BuiltInRole.AUTHENTICATION_ADMINISTRATOR, "north");
    for (int i = 0; i < 60; i++) {
      String[] units =
          i % 3 == 0
              ? new String[] {"north", "south"}
              : i % 3 == 1 ? new String[] {"north", "vault"} : new String[] {"north"};
      tenant.cloudUser(
          String.format("staff%02d", i), u -> u.in(units).displayName("Staff " + u.alias()));
    }
    tenant.admin("staff07", BuiltInRole.PASSWORD_ADMINISTRATOR, "south");
    InMemoryDirectory directory = Fixtures.inMemoryDirectory(tenant.build());
    myStaff =
        MyStaff.builder()
            .directory(counting(directory))
            .directoryWriter(directory)
            .auditSink(new RecordingAuditSink())
            .build();
  }

  @AfterEach
  void tearDown() {
    myStaff.close();
  }

  @Test
  void memberPage_costsTheSameForFiveAndTwentyFiveMembers() {
    StaffSession nina = myStaff.signIn(SignInContext.of(UserId.of("nina"), true));
    Location north = nina.singleLocation().orElseThrow();
    assertSameCost(size -> nina.members(north, PageRequest.first(size)).items());
    assertSameCost(
        size -> nina.members(north, Optional.of("staff"), PageRequest.first(size)).items());
    assertSameCost(size -> nina.members(UnitId.of("north"), PageRequest.first(size)).items());
  }

  @Test
  void organizationPages_costTheSameForFiveAndTwentyFiveUsers() {
    StaffSession tara = myStaff.signIn(SignInContext.of(UserId.of("tara"), true));
    assertSameCost(size -> tara.searchUsers("staff", PageRequest.first(size)).items());
    assertSameCost(
        size -> tara.members(Location.wholeOrganization(), PageRequest.first(size)).items());
  }

  @Test
  void batchedFacts_decideAsTheSingleReads() {
    StaffSession tara = myStaff.signIn(SignInContext.of(UserId.of("tara"), true));
    List<StaffMember> page = tara.searchUsers("staff", PageRequest.first(60)).items();
    assertThat(page).hasSize(60);
    for (StaffMember member : page) {
      assertThat(member.allowedActions())
          .as("%s", member.user().id())
          .isEqualTo(tara.profile(member.user().id()).allowedActions());
    }
    assertThat(page)
        .filteredOn(m -> m.user().id().value().equals("staff01"))
        .singleElement()
        .matches(
            m -> !m.canManage(),
            "a member of the restricted unit is view only for a tenant-wide admin");
    assertThat(page)
        .filteredOn(m -> m.user().id().value().equals("staff07"))
        .singleElement()
        .matches(
            m -> !m.canManage(), "an administrator is protected from a helpdesk administrator");
  }

  private void assertSameCost(Function<Integer, List<StaffMember>> page) {
    assertThat(page.apply(5)).hasSize(5); // warm up: the first call of a session may re-check it
    int small = cost(() -> assertThat(page.apply(5)).hasSize(5));
    int large = cost(() -> assertThat(page.apply(25)).hasSize(25));
    assertThat(large).as("directory calls for 25 members vs %d for 5", small).isEqualTo(small);
    assertThat(small).as("a fixed handful of calls").isLessThanOrEqualTo(8);
  }

  private int cost(Runnable read) {
    int before = calls.get();
    read.run();
    return calls.get() - before;
  }

  /** Counts every call core makes to the directory. */
  private Directory counting(Directory delegate) {
    return (Directory)
        Proxy.newProxyInstance(
            Directory.class.getClassLoader(),
            new Class<?>[] {Directory.class},
            (proxy, method, args) -> {
              if (method.getDeclaringClass() != Object.class) {
                calls.incrementAndGet();
              }
              try {
                return method.invoke(delegate, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
