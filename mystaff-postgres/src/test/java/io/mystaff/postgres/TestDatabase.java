package io.mystaff.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.mystaff.testkit.fixtures.Tenant;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One PostgreSQL for the whole test JVM: embedded (zonky, PostgreSQL 17 binaries) started once and
 * stopped at exit, or the server named by {@code -Dmystaff.postgres.url=jdbc:postgresql://...}
 * (user and password in the URL). The schema is migrated once; every test gets fresh directories
 * under names of its own, so tests share no state and never wait for a server to start.
 */
final class TestDatabase {
  private static final AtomicInteger NAMES = new AtomicInteger();
  private static volatile HikariDataSource pool;
  private static EmbeddedPostgres embedded;

  private TestDatabase() {}

  /** The shared pool (16 connections), migrated. */
  static synchronized DataSource dataSource() {
    if (pool == null) {
      pool = newPool(16);
      PostgresSchema.migrate(pool);
    }
    return pool;
  }

  /** The JDBC URL of the test server. */
  static synchronized String jdbcUrl() {
    String url = System.getProperty("mystaff.postgres.url", "");
    if (!url.isBlank()) {
      return url;
    }
    if (embedded == null) {
      try {
        embedded = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("could not start embedded PostgreSQL", e);
      }
      EmbeddedPostgres started = embedded;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      started.close();
                    } catch (IOException e) {
                      // the JVM is exiting; zonky deletes its data directory itself
                    }
                  }));
    }
    return embedded.getJdbcUrl("postgres", "postgres");
  }

  /** A new pool of its own, for tests that break or abandon connections. */
  static HikariDataSource newPool(int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl());
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(0);
    return new HikariDataSource(config);
  }

  /** A name no other directory of this JVM run uses. */
  static String freshName(String prefix) {
    return prefix + "-" + ProcessHandle.current().pid() + "-" + NAMES.incrementAndGet();
  }

  /** A new, empty directory over {@code ds}. */
  static PostgresDirectory directory(DataSource ds, String name) {
    return PostgresDirectory.builder()
        .dataSource(ds)
        .name(name)
        .migrateSchema(false)
        .passwordHashIterations(1_000)
        .build();
  }

  /** A new directory holding exactly {@code tenant}. */
  static PostgresDirectory seeded(Tenant tenant) {
    PostgresDirectory d = directory(dataSource(), freshName("t"));
    seed(d, tenant);
    return d;
  }

  /**
   * A new directory holding exactly {@code tenant}, loaded with {@code COPY} (PostgresBulkLoad).
   */
  static PostgresDirectory bulkLoaded(Tenant tenant) {
    PostgresDirectory d = directory(dataSource(), freshName("bulk"));
    try (PostgresBulkLoad load = d.bulkLoad()) {
      tenant.customRoles().forEach(load::customRole);
      tenant.units().forEach(load::unit);
      tenant.users().forEach(load::user);
      tenant
          .assignedMembers()
          .forEach(
              (unit, members) ->
                  members.forEach(
                      m -> {
                        load.member(unit, m);
                        load.member(unit, m); // twice: a no-op, as addMember
                      }));
      tenant.assignments().forEach(load::assignment);
      load.commit();
    }
    tenant.roleAssignableGroupMembers().forEach(u -> d.setRoleAssignableGroupMember(u, true));
    return d;
  }

  /** Like {@link #seeded}, but every search matching more than 2 terms walks users in order. */
  static PostgresDirectory seededWalkingSearches(Tenant tenant) {
    PostgresDirectory d =
        PostgresDirectory.builder()
            .dataSource(dataSource())
            .name(freshName("walk"))
            .migrateSchema(false)
            .passwordHashIterations(1_000)
            .termSortLimit(2)
            .build();
    seed(d, tenant);
    return d;
  }

  /**
   * Seeds {@code d} one call at a time, except the users: they are loaded at exactly their versions
   * (as the in-memory builder seeds them; {@link PostgresDirectory#putUser} stores above the
   * version given), in a bulk load after the units, so the dynamic units' rules apply to them.
   */
  static void seed(PostgresDirectory d, Tenant tenant) {
    tenant.units().forEach(d::putUnit);
    try (PostgresBulkLoad load = d.bulkLoad()) {
      tenant.users().forEach(load::user);
      load.commit();
    }
    tenant.assignedMembers().forEach((unit, members) -> members.forEach(m -> d.addMember(unit, m)));
    tenant.customRoles().forEach(d::putCustomRole);
    tenant.assignments().forEach(d::addAssignment);
    tenant.roleAssignableGroupMembers().forEach(u -> d.setRoleAssignableGroupMember(u, true));
  }
}
