package io.mystaff.benchmarks;

import io.mystaff.api.AssignmentId;
import io.mystaff.api.Page;
import io.mystaff.api.PageRequest;
import io.mystaff.api.UserId;
import io.mystaff.api.authz.BuiltInRole;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.Scope;
import io.mystaff.core.Location;
import io.mystaff.core.StaffMember;
import io.mystaff.core.StaffSession;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a store manager waits on when opening My Staff, on the large tenant (1M users, 10k units)
 * through {@link StaffSession}: signing in and listing their locations, and the first page of 25
 * members of a location with the engine's decision on every action for each member.
 *
 * <p>The manager is one of the tenant's staff users given, in setup, a Password Administrator
 * assignment scoped to each of ten units spread over the tenant (about a hundred members each):
 * {@link Workload}'s own managers hold one or two assignments. Sign-in is audited, as in a host.
 *
 * <p>Two floor rows ({@link Floor}) measure an array read and a {@code HashMap.get} among the
 * tenant's million user ids on the same heap in the same run, and every iteration prints the CPU
 * time the benchmark thread spent per operation ({@link CpuPerOperation}).
 *
 * <p>The tenant is the one {@link LargeTenant} shares with {@link SearchBenchmark}; run without
 * forking to load it once: {@code java -jar mystaff-benchmarks/target/benchmarks.jar
 * StaffSessionBenchmark -f 0 -prof gc}
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StaffSessionBenchmark {
  static final int UNITS = 10;
  private static final PageRequest FIRST_PAGE = PageRequest.first(25);

  private WiredTenant tenant;
  private Floor floor;
  private UserId manager;
  private StaffSession session;
  private Location location;
  private long ops;
  private final CpuPerOperation cpu = new CpuPerOperation();

  @Setup(Level.Trial)
  public void setUp() {
    tenant = LargeTenant.get();
    floor = LargeTenant.floor();
    int m = tenant.workload.managers; // the first staff user: no assignment of its own
    manager = Workload.userId(m);
    if (tenant.directory.assignmentsOf(manager).isEmpty()) {
      int units = tenant.workload.scale.units - tenant.workload.scale.dynamicUnits;
      for (int k = 0; k < UNITS; k++) {
        tenant.directory.addAssignment(
            RoleAssignment.of(
                AssignmentId.of("bench-ten-units-" + k),
                manager,
                BuiltInRole.PASSWORD_ADMINISTRATOR.templateId(),
                Scope.unit(Workload.unitId(k * (units / UNITS)))));
      }
    }
    session = tenant.myStaff.signIn(io.mystaff.api.access.SignInContext.of(manager, true));
    List<Location> locations = session.locations();
    if (locations.size() != UNITS) {
      throw new IllegalStateException("the manager has " + locations.size() + " locations");
    }
    location = locations.get(0);
    Page<StaffMember> page = membersPage();
    if (page.items().size() != 25 || page.nextCursor().isEmpty()) {
      throw new IllegalStateException("the first location has fewer than 26 members");
    }
  }

  @Setup(Level.Iteration)
  public void startIteration() {
    cpu.start(ops);
  }

  @TearDown(Level.Iteration)
  public void endIteration() {
    cpu.stop(ops, "");
  }

  /** Signs the ten-unit manager in (audited) and lists their locations. */
  @Benchmark
  public List<Location> signInAndLocations() {
    ops++;
    return tenant.myStaff.signIn(io.mystaff.api.access.SignInContext.of(manager, true)).locations();
  }

  /** The first page of 25 members of the manager's first location, with their decisions. */
  @Benchmark
  public Page<StaffMember> membersPage() {
    ops++;
    return session.members(location, FIRST_PAGE);
  }

  /** Floor: one array element, picked at random among one per user of the tenant. */
  @Benchmark
  public Object floorArrayRead() {
    return floor.arrayRead(ops++);
  }

  /** Floor: one {@code HashMap.get} by user id, in a map of the tenant's million users. */
  @Benchmark
  public Object floorHashMapGet() {
    return floor.hashMapGet(ops++);
  }
}
