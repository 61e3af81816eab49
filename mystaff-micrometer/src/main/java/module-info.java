/** Micrometer metrics for mystaff, fed by a {@code MyStaffListener}. */
module io.mystaff.micrometer {
  requires transitive io.mystaff.core;
  requires transitive micrometer.core;

  exports io.mystaff.micrometer;
}
