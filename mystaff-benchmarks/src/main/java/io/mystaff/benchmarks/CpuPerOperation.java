package io.mystaff.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * The CPU time the benchmark thread itself spent per operation over one iteration, printed at the
 * end of the iteration. On a machine shared with other work JMH's wall-clock score also counts the
 * time the thread waited for a core; this figure does not, so the two together tell the engine's
 * cost from the machine's load.
 *
 * <p>Call {@link #start} from a {@code @Setup(Level.Iteration)} and {@link #stop} from a
 * {@code @TearDown(Level.Iteration)} of a single-threaded benchmark: JMH runs both on the benchmark
 * thread.
 */
final class CpuPerOperation {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private long cpuAtStart;
  private long opsAtStart;

  void start(long ops) {
    opsAtStart = ops;
    cpuAtStart = THREADS.getCurrentThreadCpuTime();
  }

  void stop(long ops, String label) {
    long cpu = THREADS.getCurrentThreadCpuTime() - cpuAtStart;
    long count = ops - opsAtStart;
    if (count > 0) {
      System.out.printf(
          Locale.ROOT,
          "%n  [%s] benchmark-thread CPU time per op: %.1f ns (%,d ops)%n",
          label,
          (double) cpu / count,
          count);
    }
  }
}
