package io.mystaff.tests.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.UserId;
import io.mystaff.api.access.SignInContext;
import io.mystaff.api.access.SignInRefusedException;
import io.mystaff.api.authz.Decision;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.directory.User;
import io.mystaff.core.BulkRevokeResult;
import io.mystaff.core.MyStaff;
import io.mystaff.core.MyStaffSettings;
import io.mystaff.core.RateLimit;
import io.mystaff.core.StaffSession;
import io.mystaff.inmemory.InMemoryDirectory;
import io.mystaff.testkit.fakes.MutableClock;
import io.mystaff.testkit.fakes.RecordingAuditSink;
import io.mystaff.testkit.fixtures.Tenant;
import io.mystaff.testkit.random.Property;
import io.mystaff.testkit.random.RandomTenants;
import io.mystaff.testkit.random.Seeds;
import io.mystaff.testkit.reference.ReferenceAuthorizationModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Bulk revoke agrees with the reference authorization model, user by user, on random tenants: a
 * user the model permits the manager {@link StaffAction#REVOKE_SESSIONS} on is signed out from now,
 * synced or not; a denied user keeps their sessions and the item names the model's reason; an
 * unknown user fails as {@code UNKNOWN_USER}. Seeded; a failure names the seed to replay it.
 */
class BulkRevokeAgreesWithReferenceTest {
  private static final RandomTenants TENANTS = RandomTenants.small();
  private static final ReferenceAuthorizationModel REFERENCE = new ReferenceAuthorizationModel();
  private static final UserId GHOST = UserId.of("ghost-of-the-batch");
  static final int WORLDS = 200;

  @Test
  void everyUsersEndIsTheReferenceModels() {
    long seed = Seeds.forTest("BulkRevokeAgreesWithReferenceTest");
    AtomicLong revoked = new AtomicLong();
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
          List<UserId> ids = new ArrayList<>();
          for (User u : tenant.users()) {
            ids.add(u.id());
          }
          MyStaff myStaff =
              MyStaff.builder()
                  .directory(directory)
                  .directoryWriter(directory)
                  .auditSink(new RecordingAuditSink())
                  .auditRelay(Runnable::run)
                  .clock(clock)
                  .settings(
                      MyStaffSettings.builder()
                          .accountActionLimit(RateLimit.unlimited())
                          .maxBatchSize(MyStaffSettings.MAX_BATCH_SIZE)
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
            if (r.nextInt(4) == 0) {
              batch.add(GHOST);
            }
            Collections.shuffle(batch, r);
            batch = batch.subList(0, 1 + r.nextInt(batch.size()));
            // decided before the batch: a revocation changes no fact the model reads
            List<Expected> expected = new ArrayList<>();
            for (UserId user : batch) {
              expected.add(expected(tenant, directory, manager.get(), user, now));
            }
            BulkRevokeResult result = session.bulkRevokeSessions(batch);
            assertThat(result.items())
                .extracting(BulkRevokeResult.Item::user)
                .containsExactlyElementsOf(batch);
            for (int i = 0; i < batch.size(); i++) {
              BulkRevokeResult.Item item = result.items().get(i);
              assertThat(item.outcome())
                  .as("%s revoking %s: %s", manager.get(), item.user(), item)
                  .isEqualTo(expected.get(i).outcome());
              assertThat(item.reason())
                  .as("reason for %s", item)
                  .isEqualTo(expected.get(i).reason());
              if (item.user().equals(GHOST)) {
                failed.incrementAndGet();
                continue;
              }
              assertThat(directory.sessionsValidFrom(item.user()))
                  .as("sessions of %s", item)
                  .isEqualTo(
                      item.outcome() == BulkRevokeResult.Outcome.REVOKED
                          ? Optional.of(now)
                          : Optional.empty());
              switch (item.outcome()) {
                case REVOKED -> revoked.incrementAndGet();
                case DENIED -> denied.incrementAndGet();
                case FAILED -> failed.incrementAndGet();
              }
            }
          } finally {
            myStaff.close();
          }
        });
    System.out.printf(
        "bulk revoke vs reference: seed %d, %d revoked, %d denied, %d failed%n",
        seed, revoked.get(), denied.get(), failed.get());
    assertThat(revoked.get()).as("revoked").isGreaterThan(20);
    assertThat(denied.get()).as("denied").isGreaterThan(20);
    assertThat(failed.get()).as("unknown users").isGreaterThan(5);
  }

  private record Expected(BulkRevokeResult.Outcome outcome, Optional<String> reason) {}

  private static Expected expected(
      Tenant tenant, InMemoryDirectory directory, UserId manager, UserId user, Instant now) {
    if (tenant.user(user).isEmpty()) {
      return new Expected(BulkRevokeResult.Outcome.FAILED, Optional.of("UNKNOWN_USER"));
    }
    Set<io.mystaff.api.UnitId> undecided = directory.undecidedUnitsOf(user);
    Decision decision =
        REFERENCE.decide(tenant, manager, StaffAction.REVOKE_SESSIONS, user, now, undecided);
    if (decision instanceof Decision.Deny deny) {
      return new Expected(BulkRevokeResult.Outcome.DENIED, Optional.of(deny.reason().name()));
    }
    return new Expected(BulkRevokeResult.Outcome.REVOKED, Optional.empty());
  }
}
