/** The in-memory reference provider, the embedded default. */
module io.mystaff.inmemory {
  requires transitive io.mystaff.api;
  requires io.mystaff.core;
  requires io.mystaff.membership;
  requires tools.jackson.databind;
  requires org.slf4j;
  requires static org.jspecify;

  exports io.mystaff.inmemory;
}
