/**
 * The PostgreSQL provider: directory, audit outbox and relay, audit store and writeback journal
 * shared by every node of a host, over the host's {@link javax.sql.DataSource}.
 */
module io.mystaff.postgres {
  requires transitive io.mystaff.api;
  requires transitive java.sql;
  requires io.mystaff.membership;
  requires io.mystaff.jackson.audit;
  requires tools.jackson.databind;
  // Flyway 13 ships no module name: its jar name makes the automatic module "flyway.core".
  requires flyway.core;
  requires org.postgresql.jdbc;
  requires org.slf4j;
  requires static org.jspecify;

  exports io.mystaff.postgres;
}
