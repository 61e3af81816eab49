package io.mystaff.tests.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.UserId;
import io.mystaff.api.access.SignInContext;
import io.mystaff.api.access.SignInRefusedException;
import io.mystaff.api.authz.Decision;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.User;
import io.mystaff.core.BulkResetResult;
import io.mystaff.core.DeliveryMode;
import io.mystaff.core.MyStaff;
import io.mystaff.core.MyStaffSettings;
import io.mystaff.core.RateLimit;
import io.mystaff.core.StaffSession;
import io.mystaff.inmemory.InMemoryDirectory;
import io.mystaff.spi.VerificationLevel;
import io.mystaff.testkit.fakes.FakeVerificationGate;
import io.mystaff.testkit.fakes.MutableClock;
import io.mystaff.testkit.fakes.RecordingAuditSink;
import io.mystaff.testkit.fakes.RecordingCredentialDelivery;
import io.mystaff.testkit.fixtures.Tenant;
import io.mystaff.testkit.random.Property;
import io.mystaff.testkit.random.RandomTenants;
import io.mystaff.testkit.random.Seeds;
import io.mystaff.testkit.reference.ReferenceAuthorizationModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Bulk reset agrees with a reference model, user by user, on random tenants: the reference
 * authorization model's decision, then (when the world asks for caller verification) the
 * verification rule (elevated for users holding any role assignment, in a role-assignable group or
 * in a restricted unit, or whose channel changed in the last 7 days; a batch carries no evidence),
 * then the delivery (a registered channel or {@code DELIVERY_FAILED}). Synced users need a chosen
 * password and are rejected as input. Seeded; a failure names the seed to replay it.
 */
class BulkAgreesWithReferenceTest {
  private static final RandomTenants TENANTS = RandomTenants.small();
  private static final ReferenceAuthorizationModel REFERENCE = new ReferenceAuthorizationModel();
  static final int WORLDS = 200;

  @Test
  void everyUsersEndIsTheReferenceModels() {
    long seed = Seeds.forTest("BulkAgreesWithReferenceTest");
    AtomicLong delivered = new AtomicLong();
    AtomicLong denied = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    Property.forAll(
        seed,
        WORLDS,
        r -> r.nextLong(),
        worldSeed -> {
          Random r = new Random(worldSeed);
          Tenant tenant = TENANTS.apply(r);
          Instant now = RandomTenants.instant(r);
          MutableClock clock = MutableClock.at(now);
          InMemoryDirectory directory = Harness.seeded(tenant).passwordHashIterations(1).build();
          RecordingCredentialDelivery phones = RecordingCredentialDelivery.create();
          FakeVerificationGate gate =
              FakeVerificationGate.of(VerificationLevel.STANDARD, clock, worldSeed);
          Set<UserId> registered = new HashSet<>();
          Set<UserId> recentlyChanged = new HashSet<>();
          List<UserId> ids = new ArrayList<>();
          for (User u : tenant.users()) {
            ids.add(u.id());
            if (r.nextInt(3) > 0) {
              Instant changed = now.minus(Duration.ofDays(r.nextInt(15)));
              phones.register(u.id(), "mobile of " + u.id().value(), changed);
              gate.channelChangedAt(u.id(), changed);
              registered.add(u.id());
              if (!changed.isBefore(now.minus(MyStaffSettings.DEFAULT_RECENT_CHANNEL_CHANGE))) {
                recentlyChanged.add(u.id());
              }
            }
          }
          boolean verify = r.nextInt(3) == 0;
          MyStaff myStaff =
              MyStaff.builder()
                  .directory(directory)
                  .directoryWriter(directory)
                  .auditSink(new RecordingAuditSink())
                  .auditRelay(Runnable::run)
                  .clock(clock)
                  .credentialDelivery(phones)
                  .verificationGate(gate)
                  .settings(
                      MyStaffSettings.builder()
                          .allowedDeliveryModes(EnumSet.of(DeliveryMode.SEND_TO_USER))
                          .defaultDeliveryMode(DeliveryMode.SEND_TO_USER)
                          .resetLimit(RateLimit.unlimited())
                          .maxBatchSize(MyStaffSettings.MAX_BATCH_SIZE)
                          .verificationLevel(
                              verify ? VerificationLevel.STANDARD : VerificationLevel.NONE)
                          .elevatedVerificationLevel(
                              verify ? VerificationLevel.STRONG : VerificationLevel.NONE)
                          .build())
                  .build();
          try {
            Optional<UserId> manager = Optional.empty();
            StaffSession session = null;
            for (RoleAssignment a : tenant.assignments()) {
              if (a.principal() instanceof UserId holder) {
                try {
                  session = myStaff.signIn(SignInContext.of(holder, true));
                  manager = Optional.of(holder);
                  break;
                } catch (SignInRefusedException e) {
                  // the next holder
                }
              }
            }
            if (session == null) {
              return;
            }
            List<UserId> batch = new ArrayList<>(ids);
            Collections.shuffle(batch, r);
            batch = batch.subList(0, 1 + r.nextInt(batch.size()));
            BulkResetResult result = session.bulkReset(batch);
            assertThat(result.items())
                .extracting(BulkResetResult.Item::user)
                .containsExactlyElementsOf(batch);
            for (BulkResetResult.Item item : result.items()) {
              Expected expected =
                  expected(
                      tenant,
                      directory,
                      manager.get(),
                      item.user(),
                      now,
                      verify,
                      registered.contains(item.user()),
                      recentlyChanged.contains(item.user()));
              assertThat(item.outcome())
                  .as("%s resetting %s (verify %s): %s", manager.get(), item.user(), verify, item)
                  .isEqualTo(expected.outcome());
              assertThat(item.reason()).as("reason for %s", item).isEqualTo(expected.reason());
              switch (item.outcome()) {
                case DELIVERED -> delivered.incrementAndGet();
                case DENIED -> denied.incrementAndGet();
                case FAILED -> failed.incrementAndGet();
              }
            }
          } finally {
            myStaff.close();
          }
        });
    System.out.printf(
        "bulk vs reference: seed %d, %d delivered, %d denied, %d failed%n",
        seed, delivered.get(), denied.get(), failed.get());
    assertThat(delivered.get()).as("delivered").isGreaterThan(20);
    assertThat(denied.get()).as("denied").isGreaterThan(20);
    assertThat(failed.get()).as("failed").isGreaterThan(20);
  }

  private record Expected(BulkResetResult.Outcome outcome, Optional<String> reason) {}

  private static Expected expected(
      Tenant tenant,
      InMemoryDirectory directory,
      UserId manager,
      UserId user,
      Instant now,
      boolean verify,
      boolean registered,
      boolean recentlyChanged) {
    User target = tenant.user(user).orElseThrow();
    if (target.isSynced()) {
      return failed("CAPABILITY_NOT_SUPPORTED");
    }
    Decision decision =
        REFERENCE.decide(
            tenant,
            manager,
            StaffAction.RESET_PASSWORD,
            user,
            now,
            directory.undecidedUnitsOf(user));
    if (decision instanceof Decision.Deny deny) {
      return new Expected(BulkResetResult.Outcome.DENIED, Optional.of(deny.reason().name()));
    }
    if (verify) {
      boolean elevated = recentlyChanged || privilegedAdjacent(tenant, directory, user);
      return new Expected(
          BulkResetResult.Outcome.DENIED,
          Optional.of(elevated ? "VERIFICATION_TOO_WEAK" : "VERIFICATION_REQUIRED"));
    }
    return registered
        ? new Expected(BulkResetResult.Outcome.DELIVERED, Optional.empty())
        : failed("DELIVERY_FAILED");
  }

  /**
   * The verification rule's reading of a user: any role, a role-assignable group, a restricted
   * unit.
   */
  private static boolean privilegedAdjacent(
      Tenant tenant, InMemoryDirectory directory, UserId user) {
    if (!tenant.assignmentsOf(user).isEmpty() || tenant.isRoleAssignableGroupMember(user)) {
      return true;
    }
    Set<io.mystaff.api.UnitId> units = new HashSet<>(directory.unitsOf(user));
    units.addAll(directory.undecidedUnitsOf(user));
    return units.stream()
        .map(tenant::unit)
        .flatMap(Optional::stream)
        .anyMatch(AdministrativeUnit::restrictedManagement);
  }

  private static Expected failed(String reason) {
    return new Expected(BulkResetResult.Outcome.FAILED, Optional.of(reason));
  }
}
