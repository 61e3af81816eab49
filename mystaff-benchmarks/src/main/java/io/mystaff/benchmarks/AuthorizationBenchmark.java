package io.mystaff.benchmarks;

import io.mystaff.api.authz.Decision;
import io.mystaff.core.authz.AuthorizationEngine;
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
 * One authorization check ("may this manager reset / manage phones of this user?") on a small store
 * and on a large tenant, by mystaff's engine and by jCasbin on the same facts. Facts are prepared
 * in setup (as a host's session would have them), so this measures the decision itself. Before
 * measuring, {@link AgreementGate} compares both engines on every sampled query plus 100,000 more
 * and stops the run on any disagreement. Two floor rows ({@link Floor}) measure, in the same run
 * and on the same heap, an array read and a {@code HashMap.get} by user id among the workload's
 * users, so each engine's figure reads as a multiple of them.
 *
 * <p>Besides JMH's wall-clock score, every iteration prints the CPU time the benchmark thread spent
 * per check ({@link CpuPerOperation}), which a busy machine does not inflate.
 *
 * <p>Run: {@code java -jar mystaff-benchmarks/target/benchmarks.jar AuthorizationBenchmark -prof
 * gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AuthorizationBenchmark {
  private static final int POOL = 4096;

  @Param({"SMALL_STORE", "LARGE_TENANT"})
  public Workload.Scale scale;

  private Workload workload;
  private Workload.Query[] pool;
  private AuthorizationEngine engine;
  private CasbinPeer peer;
  private Floor floor;
  private long next;
  private final CpuPerOperation cpu = new CpuPerOperation();

  @Setup(Level.Trial)
  public void setUp() {
    workload = Workload.generate(scale, 42);
    pool = workload.sample(POOL, 7);
    engine = AuthorizationEngine.standard();
    peer = new CasbinPeer(workload);
    AgreementGate.check(workload, pool, engine, peer);
    AgreementGate.check(workload, workload.sample(100_000, 8), engine, peer);
    floor = new Floor(workload.users(), Workload::userId);
  }

  @Setup(Level.Iteration)
  public void startIteration() {
    cpu.start(next);
  }

  @TearDown(Level.Iteration)
  public void endIteration() {
    cpu.stop(next, scale.name());
  }

  @Benchmark
  public Decision mystaff() {
    Workload.Query q = pool[(int) (next++ & (POOL - 1))];
    return engine.decide(
        q.actorFacts(), q.action(), q.targetFacts(), workload.catalog, Workload.NOW);
  }

  @Benchmark
  public boolean jcasbin() {
    return peer.allows(pool[(int) (next++ & (POOL - 1))]);
  }

  /** Floor: one array element, picked at random among one per user of the workload. */
  @Benchmark
  public Object floorArrayRead() {
    return floor.arrayRead(next++);
  }

  /** Floor: one {@code HashMap.get} by user id, in a map of every user of the workload. */
  @Benchmark
  public Object floorHashMapGet() {
    return floor.hashMapGet(next++);
  }
}
