package io.mystaff.tests.workflows;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.UserId;
import io.mystaff.api.access.SignInContext;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.directory.User;
import io.mystaff.core.MyStaff;
import io.mystaff.core.StaffSession;
import io.mystaff.inmemory.InMemoryAuditLog;
import io.mystaff.inmemory.InMemoryDirectory;
import io.mystaff.inmemory.SimulatedOnPremisesWriteback;
import io.mystaff.testkit.fakes.FailingAuditSink;
import io.mystaff.testkit.fakes.MutableClock;
import io.mystaff.testkit.fixtures.Fixtures;
import io.mystaff.testkit.fixtures.Tenant;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * One {@link MyStaff} wired to the in-memory provider: an {@link InMemoryDirectory} seeded from a
 * {@link Tenant}, a {@link SimulatedOnPremisesWriteback} that knows the directory's synced users,
 * and an {@link InMemoryAuditLog} behind a {@link FailingAuditSink} that tests can take down. The
 * clock starts at {@link StoreChain#T0}.
 */
public final class Harness implements AutoCloseable {
  final MutableClock clock = MutableClock.at(StoreChain.T0);
  final InMemoryDirectory directory;
  final InMemoryAuditLog log = new InMemoryAuditLog();
  final FailingAuditSink sink = FailingAuditSink.wrapping(log);
  final SimulatedOnPremisesWriteback writeback;
  final MyStaff myStaff;

  private Harness(Tenant tenant, Consumer<MyStaff.Builder> customize) {
    this.directory = directoryOf(tenant);
    this.writeback =
        SimulatedOnPremisesWriteback.builder().knownUsers(directory).hashIterations(1_000).build();
    MyStaff.Builder builder =
        MyStaff.builder()
            .directory(directory)
            .directoryWriter(directory)
            .auditSink(sink)
            .auditRelay(Runnable::run)
            .passwordWriteback(writeback)
            .clock(clock);
    customize.accept(builder);
    this.myStaff = builder.build();
  }

  /** The store chain, wired with the defaults. */
  static Harness storeChain() {
    return of(StoreChain.fixture().build(), b -> {});
  }

  /** The store chain, with the builder adjusted by {@code customize}. */
  static Harness storeChain(Consumer<MyStaff.Builder> customize) {
    return of(StoreChain.fixture().build(), customize);
  }

  static Harness of(Tenant tenant, Consumer<MyStaff.Builder> customize) {
    return new Harness(tenant, customize);
  }

  /**
   * A directory holding {@code tenant}'s users, units, members, roles and assignments, hashing
   * passwords cheaply.
   */
  public static InMemoryDirectory directoryOf(Tenant tenant) {
    return seeded(tenant).build();
  }

  /** A directory builder seeded with {@code tenant}, for tests that tune it further. */
  public static InMemoryDirectory.Builder seeded(Tenant tenant) {
    return Fixtures.inMemoryDirectoryBuilder(tenant).passwordHashIterations(TEST_HASH_ITERATIONS);
  }

  /** Cheap hashing for tests (allowed by the build's -Dmystaff.passwordHash.allowWeakForTests). */
  static final int TEST_HASH_ITERATIONS = 1_000;

  /** Signs {@code alias} in with multifactor authentication. */
  StaffSession signIn(String alias) {
    return myStaff.signIn(SignInContext.of(UserId.of(alias), true));
  }

  static UserId id(String alias) {
    return UserId.of(alias);
  }

  /** The user as the directory holds it now. */
  User user(String alias) {
    return directory.findUser(id(alias)).orElseThrow();
  }

  List<AuditEvent> events() {
    return log.all();
  }

  List<AuditEvent> events(CorrelationId correlationId) {
    return log.byCorrelationId(correlationId);
  }

  /** The events recorded after the first {@code skip}. */
  List<AuditEvent> eventsSince(int skip) {
    List<AuditEvent> all = log.all();
    return all.subList(skip, all.size());
  }

  /** Waits until the writeback simulator has finished every writeback. */
  void awaitWritebacks() {
    if (!writeback.awaitIdle(Duration.ofSeconds(30))) {
      throw new AssertionError("writebacks still under way after 30 seconds");
    }
  }

  @Override
  public void close() {
    myStaff.close();
    writeback.close();
  }
}
