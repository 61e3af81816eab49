package io.mystaff.postgres;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.ProviderFailureException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * mystaff's tables in PostgreSQL, created and migrated by Flyway from the migrations in {@code
 * db/mystaff-postgres} (history table {@code mystaff_schema_history}, so it coexists with the
 * host's own Flyway history in the same schema). Safe to call from every node at start: Flyway
 * serializes concurrent migrations with a lock and skips applied ones.
 *
 * @since 0.1.0
 */
public final class PostgresSchema {
  /** The Flyway history table of mystaff's migrations. */
  public static final String HISTORY_TABLE = "mystaff_schema_history";

  private PostgresSchema() {}

  /**
   * Creates or upgrades mystaff's tables in the data source's current schema.
   *
   * @param dataSource the host's data source; its user must be allowed to create tables
   * @return the number of migrations applied now (0 if the schema was up to date)
   * @throws ProviderFailureException if a migration failed
   */
  public static int migrate(DataSource dataSource) {
    requireNonNull(dataSource, "dataSource");
    try {
      return Flyway.configure(PostgresSchema.class.getClassLoader())
          .dataSource(dataSource)
          .locations("classpath:db/mystaff-postgres")
          .table(HISTORY_TABLE)
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .load()
          .migrate()
          .migrationsExecuted;
    } catch (FlywayException e) {
      throw new ProviderFailureException(Jdbc.PROVIDER, "could not migrate mystaff's schema", e);
    }
  }
}
