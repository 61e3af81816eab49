/** Micrometer metrics for mystaff, fed by a {@code MyStaffListener}. */
// micrometer-core is an automatic module; hosts pass its MeterRegistry, so it is required
// transitively.
@SuppressWarnings("requires-transitive-automatic")
module io.mystaff.micrometer {
  requires transitive io.mystaff.core;
  requires transitive micrometer.core;
  requires static org.jspecify;

  exports io.mystaff.micrometer;
}
