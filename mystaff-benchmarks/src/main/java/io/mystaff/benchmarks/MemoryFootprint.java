package io.mystaff.benchmarks;

import io.mystaff.inmemory.InMemoryDirectory;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.lang.ref.Reference;
import java.util.Locale;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Measures the heap an {@link InMemoryDirectory} retains for a {@link Workload}: used heap after
 * full collections, before the workload is generated and after the directory is loaded and the
 * workload dropped. The difference is everything the directory holds: users, units, memberships
 * (dynamic included), role assignments and the search and listing indexes.
 *
 * <p>It also prints how long the load took ("loaded in"), and of that how long generating the
 * workload's arrays, making its {@code User} values and giving them to the builder, and the
 * builder's {@code build()} (the directory's own load) took; {@link BulkLoadBenchmark} measures the
 * latter two with JMH.
 *
 * <p>Run: {@code java -cp mystaff-benchmarks/target/benchmarks.jar
 * io.mystaff.benchmarks.MemoryFootprint [LARGE_TENANT|SMALL_STORE] [histogram]}, with and without
 * {@code -Xmx}, to see that it fits in a default-size heap and how much room is left; {@code
 * histogram} also prints the live heap's class histogram with the directory loaded (what each kind
 * of object costs in all).
 */
public final class MemoryFootprint {
  private MemoryFootprint() {}

  public static void main(String[] args) {
    Workload.Scale scale = Workload.Scale.valueOf(args.length > 0 ? args[0] : "LARGE_TENANT");
    long before = usedAfterGc();
    long gcBefore = gcMillis();
    long started = System.nanoTime();
    Workload workload = Workload.generate(scale, 42);
    long generated = System.nanoTime();
    InMemoryDirectory.Builder builder =
        WorkloadDirectory.fill(workload, InMemoryDirectory.builder());
    long filled = System.nanoTime();
    long cpuBeforeBuild = THREADS.getCurrentThreadCpuTime();
    InMemoryDirectory directory = builder.build();
    long built = System.nanoTime();
    long buildCpu = THREADS.getCurrentThreadCpuTime() - cpuBeforeBuild;
    long gcDuringLoad = gcMillis() - gcBefore;
    builder = null; // the builder's lists are garbage once built
    double loadSeconds = (built - started) / 1e9;
    int users = workload.users();
    int units = scale.units;
    int assignments = scale.assignments;
    workload = null; // the directory must stand on its own
    long after = usedAfterGc();
    long retained = after - before;
    long max = Runtime.getRuntime().maxMemory();
    System.out.printf(
        Locale.ROOT,
        "scale              %s: %,d users, %,d units (%d dynamic), %,d assignments%n",
        scale,
        users,
        units,
        scale.dynamicUnits,
        assignments);
    System.out.printf(Locale.ROOT, "loaded in          %.1f s%n", loadSeconds);
    System.out.printf(
        Locale.ROOT,
        "  of which        %.1f s generating the workload, %.1f s giving it to the builder"
            + " (User values), %.1f s in Builder.build()%n",
        (generated - started) / 1e9,
        (filled - generated) / 1e9,
        (built - filled) / 1e9);
    System.out.printf(
        Locale.ROOT,
        "  build() CPU     %.1f s of the loading thread; %.1f s of collections during the load%n",
        buildCpu / 1e9,
        gcDuringLoad / 1e3);
    System.out.printf(
        Locale.ROOT, "retained heap      %,d bytes (%.2f GiB)%n", retained, retained / GIB);
    System.out.printf(Locale.ROOT, "bytes per user     %,d%n", retained / users);
    System.out.printf(
        Locale.ROOT,
        "max heap           %,d bytes (%.2f GiB), %.0f%% used by the directory%n",
        max,
        max / GIB,
        100.0 * retained / max);
    System.out.println("directory          " + directory);
    if (args.length > 1 && args[1].equals("histogram")) {
      try {
        System.out.println("live heap by class (the directory alone; jcmd GC.class_histogram):");
        System.out.println(liveHistogram());
      } finally {
        Reference.reachabilityFence(directory);
      }
    }
  }

  /** The live heap's class histogram, as {@code jcmd <pid> GC.class_histogram} prints it. */
  private static String liveHistogram() {
    try {
      return (String)
          ManagementFactory.getPlatformMBeanServer()
              .invoke(
                  new ObjectName("com.sun.management:type=DiagnosticCommand"),
                  "gcClassHistogram",
                  new Object[] {new String[0]},
                  new String[] {String[].class.getName()});
    } catch (JMException e) {
      throw new IllegalStateException("no class histogram on this JVM", e);
    }
  }

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** The time the collectors report they spent so far (G1: young and mixed pauses, full GCs). */
  private static long gcMillis() {
    long millis = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      millis += Math.max(0, gc.getCollectionTime());
    }
    return millis;
  }

  private static final double GIB = 1024.0 * 1024 * 1024;

  private static long usedAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
