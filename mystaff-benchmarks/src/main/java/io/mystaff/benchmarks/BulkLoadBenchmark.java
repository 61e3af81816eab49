package io.mystaff.benchmarks;

import io.mystaff.inmemory.InMemoryDirectory;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The bulk load of the large tenant ({@link Workload.Scale#LARGE_TENANT}, seed 42: 1M users, 10k
 * units of which 100 dynamic, 1.1M assigned memberships, 100k role assignments) into an {@link
 * InMemoryDirectory} through its builder, one load per shot (issue 13's target: at most 10 s).
 *
 * <ul>
 *   <li>{@link #load}: what a host's bulk load costs: making the million {@code User} values,
 *       giving them and the memberships and assignments to a new builder, and {@code build()}.
 *   <li>{@link #build}: {@code build()} alone, of a builder filled before the shot: the directory's
 *       own work (ordering, memberships, dynamic units' rules, search terms).
 * </ul>
 *
 * <p>The workload's arrays are generated once per fork, outside the measurement. Each shot also
 * prints the CPU time the benchmark thread spent on it ({@link CpuPerOperation}; garbage collection
 * threads not included), which the machine's load does not inflate.
 *
 * <p>Run: {@code java -jar mystaff-benchmarks/target/benchmarks.jar BulkLoadBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(2)
public class BulkLoadBenchmark {
  private Workload workload;
  private long ops;
  private final CpuPerOperation cpu = new CpuPerOperation();

  @Setup(Level.Trial)
  public void generate() {
    workload = Workload.generate(Workload.Scale.LARGE_TENANT, 42);
  }

  @Setup(Level.Iteration)
  public void startIteration() {
    cpu.start(ops);
  }

  @TearDown(Level.Iteration)
  public void endIteration() {
    cpu.stop(ops, "bulk load");
  }

  /** A builder given the whole workload before the shot, for {@link #build}. */
  @State(Scope.Benchmark)
  public static class Filled {
    InMemoryDirectory.@Nullable Builder builder;

    @Setup(Level.Iteration)
    public void fill(BulkLoadBenchmark benchmark) {
      builder = null; // the last shot's builder is garbage before the next one is filled
      builder = WorkloadDirectory.fill(benchmark.workload, InMemoryDirectory.builder());
      // JMH sets this state up after the benchmark's own (it depends on it): restart the CPU clock
      // so that the shot's CPU time leaves the filling out
      benchmark.startIteration();
    }

    @TearDown(Level.Iteration)
    public void drop() {
      builder = null;
    }
  }

  @Benchmark
  public InMemoryDirectory load() {
    ops++;
    return WorkloadDirectory.load(workload);
  }

  @Benchmark
  public InMemoryDirectory build(Filled filled) {
    ops++;
    return Objects.requireNonNull(filled.builder, "filled").build();
  }
}
