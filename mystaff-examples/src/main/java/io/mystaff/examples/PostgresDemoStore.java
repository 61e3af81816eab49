package io.mystaff.examples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.inmemory.TenantJson;
import io.mystaff.postgres.PostgresAuditSink;
import io.mystaff.postgres.PostgresDirectory;
import io.mystaff.postgres.PostgresWritebackJournal;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The demo's organization in PostgreSQL: embedded PostgreSQL 17 (zonky) started for the run, or a
 * server given by its JDBC URL, with a HikariCP pool, mystaff's schema migrated by Flyway, a {@link
 * PostgresDirectory} loaded from the tenant fixture, a {@link PostgresAuditSink} and a {@link
 * PostgresWritebackJournal}. This is how a host wires the provider to its own database.
 */
final class PostgresDemoStore implements AutoCloseable {
  final PostgresDirectory directory;
  final PostgresAuditSink sink;
  final PostgresWritebackJournal journal;
  final String description;
  private final HikariDataSource pool;
  private final Optional<EmbeddedPostgres> embedded;

  private PostgresDemoStore(String where, TenantJson tenant) {
    Optional<EmbeddedPostgres> started = Optional.empty();
    String url = where;
    if (where.equals("embedded") || where.equals("true")) {
      try {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        started = Optional.of(pg);
        url = pg.getJdbcUrl("postgres", "postgres");
      } catch (IOException e) {
        throw new UncheckedIOException("could not start embedded PostgreSQL", e);
      }
    }
    this.embedded = started;
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(8);
    this.pool = new HikariDataSource(config);
    // A fresh directory name per run, so a demo against a shared server never meets old rows.
    String name = "retail-demo-" + Long.toString(System.currentTimeMillis(), 36);
    this.directory = PostgresDirectory.builder().dataSource(pool).name(name).build();
    this.sink = PostgresAuditSink.create(pool, name);
    this.journal = PostgresWritebackJournal.create(pool, name, Duration.ofSeconds(30));
    load(tenant);
    this.description =
        (embedded.isPresent() ? "embedded PostgreSQL" : "PostgreSQL at " + redacted(url))
            + ", directory \""
            + name
            + "\"";
  }

  /**
   * Starts embedded PostgreSQL ({@code where} is {@code embedded}) or connects to the JDBC URL
   * {@code where}, and loads {@code tenant}.
   */
  static PostgresDemoStore open(String where, TenantJson tenant) {
    return new PostgresDemoStore(where, tenant);
  }

  private void load(TenantJson tenant) {
    tenant.units().forEach(directory::putUnit);
    tenant.users().forEach(directory::putUser);
    for (Map.Entry<UnitId, Set<UserId>> unit : tenant.members().entrySet()) {
      unit.getValue().forEach(user -> directory.addMember(unit.getKey(), user));
    }
    tenant.customRoles().forEach(directory::putCustomRole);
    tenant.assignments().forEach(directory::addAssignment);
    tenant
        .roleAssignableGroupMembers()
        .forEach(u -> directory.setRoleAssignableGroupMember(u, true));
  }

  private static String redacted(String url) {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }

  @Override
  public void close() {
    pool.close();
    embedded.ifPresent(
        pg -> {
          try {
            pg.close();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
