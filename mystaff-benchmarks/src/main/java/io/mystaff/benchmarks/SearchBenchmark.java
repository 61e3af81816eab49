package io.mystaff.benchmarks;

import io.mystaff.api.Page;
import io.mystaff.api.PageRequest;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.User;
import io.mystaff.core.StaffMember;
import io.mystaff.core.StaffSession;
import io.mystaff.core.UnitSearchResult;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Organization-wide search on the large tenant (1M users, 10k units): the first page of 25, by
 * prefix, through the in-memory directory alone and through {@link StaffSession}, which adds the
 * manager's standing and, per result, the target's facts and the actions the manager may take.
 *
 * <p>Queries ({@link Query}): a first name shared by about 1/64 of the users, early and late in the
 * alphabet (thousands of matches: the directory walks its users in order), and a rare one (one user
 * principal name; one unit), answered from the term index.
 *
 * <p>Two floor rows ({@link Floor}) measure an array read and a {@code HashMap.get} among the
 * tenant's million user ids on the same heap in the same run.
 *
 * <p>Every iteration also prints the CPU time the benchmark thread spent per search ({@link
 * CpuPerOperation}).
 *
 * <p>Loading the tenant takes minutes on a small machine, so the loaded tenant is kept for the life
 * of the JVM and shared by every trial in it: {@code run-benchmarks.sh} runs this class without
 * forking ({@code -f 0}), one load for all twelve trials. With forks each trial loads its own.
 *
 * <p>Run: {@code java -jar mystaff-benchmarks/target/benchmarks.jar SearchBenchmark -f 0 -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SearchBenchmark {
  private static final PageRequest FIRST_PAGE = PageRequest.first(25);
  private static final int RARE_USER = 424_242;
  private static final int RARE_UNIT = 4_242;

  /** What is searched for: user query, unit query. */
  public enum Query {
    /** "Anna" (about 15,600 users), "Store" (every assigned unit). */
    COMMON_EARLY,
    /** "Sofia" (about 15,600 users, sorting after most others), "Zurich" (about 200 units). */
    COMMON_LATE,
    /** One user's principal name, one store number. */
    RARE;

    String users(Workload w) {
      return switch (this) {
        case COMMON_EARLY -> "Anna";
        case COMMON_LATE -> "Sofia";
        case RARE -> w.userPrincipalName(RARE_USER);
      };
    }

    String units(Workload w) {
      return switch (this) {
        case COMMON_EARLY -> "Store";
        case COMMON_LATE -> "Zurich";
        case RARE -> "Store " + RARE_UNIT;
      };
    }
  }

  @Param public Query query;

  private WiredTenant tenant;
  private StaffSession session;
  private Floor floor;
  private String users;
  private String units;
  private long ops;
  private final CpuPerOperation cpu = new CpuPerOperation();

  @Setup(Level.Trial)
  public void setUp() {
    tenant = LargeTenant.get();
    floor = LargeTenant.floor();
    Workload w = tenant.workload;
    session = tenant.signIn(tenant.firstPasswordManager());
    users = query.users(w);
    units = query.units(w);
    if (directoryUsers().items().isEmpty() || directoryUnits().items().isEmpty()) {
      throw new IllegalStateException(
          "query " + query + " finds nothing: " + users + " / " + units);
    }
  }

  @Setup(Level.Iteration)
  public void startIteration() {
    cpu.start(ops);
  }

  @TearDown(Level.Iteration)
  public void endIteration() {
    cpu.stop(ops, query.name());
  }

  @Benchmark
  public Page<User> directoryUsers() {
    ops++;
    return tenant.directory.searchUsers(users, FIRST_PAGE);
  }

  @Benchmark
  public Page<AdministrativeUnit> directoryUnits() {
    ops++;
    return tenant.directory.searchUnits(units, FIRST_PAGE);
  }

  @Benchmark
  public Page<StaffMember> sessionUsers() {
    ops++;
    return session.searchUsers(users, FIRST_PAGE);
  }

  @Benchmark
  public Page<UnitSearchResult> sessionUnits() {
    ops++;
    return session.searchUnits(units, FIRST_PAGE);
  }

  /**
   * Floor: one array element, picked at random among one per user of the tenant (the same for every
   * query: the parameter does not apply).
   */
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
