package io.mystaff.benchmarks;

import io.mystaff.api.UserId;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.password.Secret;
import io.mystaff.core.PasswordResetResult;
import io.mystaff.core.StaffSession;
import io.mystaff.core.authz.AuthorizationEngine;
import io.mystaff.inmemory.InMemoryDirectory;
import io.mystaff.inmemory.SimulatedOnPremisesWriteback;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * One password reset by a signed-in manager, end to end through {@link StaffSession} on the
 * in-memory provider: read the target, read the facts, decide, apply, audit.
 *
 * <ul>
 *   <li>{@link #cloud}: a cloud-only user. Generate a temporary password, check it against the
 *       Entra cloud policy, hash and store it with compare-and-set, commit the SUCCEEDED event in
 *       the directory's outbox and relay it to the audit log.
 *   <li>{@link #syncedUntilSubmitted}: a synced user, with a password the manager chose. Check it
 *       against the Active Directory policy and the user's on-premises history, record the PENDING
 *       event, submit to the {@link SimulatedOnPremisesWriteback}; measured until the call returns
 *       the writeback handle. The writeback itself completes on the simulator's thread (and records
 *       the final event there), so it competes with the measured thread for the CPU.
 * </ul>
 *
 * <p>{@code hashIterations} is the directory's PBKDF2 iteration count for stored passwords: 1 shows
 * mystaff's own cost, the default 10,000 what a host using the in-memory provider pays. The
 * simulated on-premises directory hashes its history with 1 iteration, so the synced figure is
 * mystaff's work, not the simulator's.
 *
 * <p>Targets are staff that the sampled managers may reset (decided by the engine in setup), each
 * manager with their own session, used in turn.
 *
 * <p>Every iteration also prints the CPU time the benchmark thread spent per reset ({@link
 * CpuPerOperation}): all of a cloud reset's work (its audit event is relayed on the same thread),
 * and for a synced reset the work until the handle is returned (not the simulator's thread).
 *
 * <p>Run: {@code java -jar mystaff-benchmarks/target/benchmarks.jar PasswordResetBenchmark -prof
 * gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend =
        "-Dmystaff.passwordHash.allowWeakForTests=true") // measures the workflow, not PBKDF2
public class PasswordResetBenchmark {
  private static final int PAIRS = 256;

  @Param({"SMALL_STORE"})
  public Workload.Scale scale;

  @Param({"1", "10000"})
  public int hashIterations;

  private WiredTenant tenant;
  private SimulatedOnPremisesWriteback writeback;
  private Reset[] cloud;
  private Reset[] synced;
  private int nextCloud;
  private int nextSynced;
  private long passwords;
  private long ops;
  private final CpuPerOperation cpu = new CpuPerOperation();

  /** A session and a user its manager may reset. */
  private record Reset(StaffSession session, UserId target) {}

  @Setup(Level.Trial)
  public void setUp() {
    Workload w = Workload.generate(scale, 42);
    InMemoryDirectory directory =
        WorkloadDirectory.load(
            w, InMemoryDirectory.builder().passwordHashIterations(hashIterations));
    writeback =
        SimulatedOnPremisesWriteback.builder().knownUsers(directory).hashIterations(1).build();
    tenant = new WiredTenant(w, directory, Optional.of(writeback));
    List<Reset> cloudResets = new ArrayList<>();
    List<Reset> syncedResets = new ArrayList<>();
    Map<Integer, StaffSession> sessions = new HashMap<>();
    AuthorizationEngine engine = AuthorizationEngine.standard();
    for (Workload.Query q : w.sample(100_000, 9)) {
      if (q.action() != StaffAction.RESET_PASSWORD
          || !engine
              .decide(q.actorFacts(), q.action(), q.targetFacts(), w.catalog, Workload.NOW)
              .isPermit()) {
        continue;
      }
      List<Reset> into = w.isSynced(q.target()) ? syncedResets : cloudResets;
      if (into.size() < PAIRS) {
        into.add(
            new Reset(
                sessions.computeIfAbsent(q.actor(), tenant::signIn), Workload.userId(q.target())));
      }
    }
    if (cloudResets.size() < PAIRS || syncedResets.size() < PAIRS) {
      throw new IllegalStateException(
          "too few permitted resets in the sample: "
              + cloudResets.size()
              + " cloud, "
              + syncedResets.size()
              + " synced");
    }
    cloud = cloudResets.toArray(Reset[]::new);
    synced = syncedResets.toArray(Reset[]::new);
  }

  @Setup(Level.Iteration)
  public void startIteration() {
    cpu.start(ops);
  }

  /** Lets the writebacks submitted in this iteration finish, so none piles up into the next. */
  @TearDown(Level.Iteration)
  public void drainWritebacks() {
    cpu.stop(ops, "hashIterations=" + hashIterations);
    if (!writeback.awaitIdle(Duration.ofMinutes(2))) {
      throw new IllegalStateException("writebacks still under way after two minutes");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    tenant.close();
    writeback.close();
  }

  @Benchmark
  public String cloud() {
    ops++;
    Reset r = cloud[nextCloud++ & (PAIRS - 1)];
    PasswordResetResult result = r.session().resetPassword(r.target());
    return ((PasswordResetResult.TemporaryPassword) result).password().reveal();
  }

  @Benchmark
  public PasswordResetResult syncedUntilSubmitted() {
    ops++;
    Reset r = synced[nextSynced++ & (PAIRS - 1)];
    Secret chosen = Secret.of("Winter-Orchard-" + passwords++);
    try {
      return r.session().resetPassword(r.target(), chosen);
    } finally {
      chosen.destroy();
    }
  }
}
