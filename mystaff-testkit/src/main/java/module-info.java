/** Test support for hosts and SPI vendors. */
module io.mystaff.testkit {
  requires transitive io.mystaff.api;
  requires transitive io.mystaff.core;
  requires transitive io.mystaff.inmemory;
  requires transitive org.junit.jupiter.api;
  requires org.assertj.core;
  requires transitive com.google.common.testlib; // ValueLaws takes a NullPointerTester
  requires static org.jspecify;

  exports io.mystaff.testkit.contract;
  exports io.mystaff.testkit.fakes;
  exports io.mystaff.testkit.fixtures;
  exports io.mystaff.testkit.random;
  exports io.mystaff.testkit.reference;
}
