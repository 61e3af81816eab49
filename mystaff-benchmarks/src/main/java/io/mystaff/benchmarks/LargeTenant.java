package io.mystaff.benchmarks;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The large tenant ({@link Workload.Scale#LARGE_TENANT}, seed 42) loaded once per JVM and shared by
 * every trial in it, with the floor of its tables: loading it takes about a minute on a small
 * machine, so the benchmarks that read it run without forking ({@code -f 0}), one load for all
 * their trials. The benchmarks only read it, except {@link StaffSessionBenchmark}, which adds the
 * assignments of one manager of its own.
 */
final class LargeTenant {
  private static @Nullable WiredTenant tenant;
  private static @Nullable Floor floor;

  private LargeTenant() {}

  static synchronized WiredTenant get() {
    WiredTenant t = tenant;
    if (t == null) {
      Workload w = Workload.generate(Workload.Scale.LARGE_TENANT, 42);
      t = new WiredTenant(w, WorkloadDirectory.load(w), Optional.empty());
      tenant = t;
    }
    return t;
  }

  /** An array read and a {@code HashMap.get} among the tenant's million user ids. */
  static synchronized Floor floor() {
    Floor f = floor;
    if (f == null) {
      f = new Floor(get().workload.users(), Workload::userId);
      floor = f;
    }
    return f;
  }
}
