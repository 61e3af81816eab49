package io.mystaff.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** Upgrades of a schema that already holds data. */
class SchemaMigrationTest {
  /** Term rows written under version 3 get the cover that the code computes for new rows. */
  @Test
  void version4_existingTermRows_coverAsComputedForNewRows() throws SQLException {
    String schema = "mig_" + TestDatabase.freshName("v4").replace('-', '_');
    try (Connection c = TestDatabase.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(TestDatabase.jdbcUrl());
    config.setSchema(schema);
    config.setMaximumPoolSize(2);
    try (HikariDataSource ds = new HikariDataSource(config)) {
      Flyway.configure(PostgresSchema.class.getClassLoader())
          .dataSource(ds)
          .locations("classpath:db/mystaff-postgres")
          .table(PostgresSchema.HISTORY_TABLE)
          .target("3")
          .load()
          .migrate();
      List<String[]> rows =
          List.of(
              new String[] {"anna.aberg@fabrikam.example", "anna aberg"},
              new String[] {"anna aberg", "anna aberg"},
              new String[] {"aberg", "anna aberg"},
              new String[] {"\uD83D\uDE00é", "\uD83D\uDE00e"},
              new String[] {"x".repeat(50), "x".repeat(40)});
      try (Connection c = ds.getConnection();
          PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO mystaff_user_term (tenant, term, user_id, name_key)"
                      + " VALUES ('t', ?, ?, ?)")) {
        for (int i = 0; i < rows.size(); i++) {
          ps.setString(1, rows.get(i)[0]);
          ps.setString(2, "u" + i);
          ps.setString(3, rows.get(i)[1]);
          ps.executeUpdate();
        }
      }

      assertThat(PostgresSchema.migrate(ds)).isGreaterThanOrEqualTo(1);

      try (Connection c = ds.getConnection();
          PreparedStatement ps =
              c.prepareStatement(
                  "SELECT term, name_key, cover FROM mystaff_user_term ORDER BY user_id");
          ResultSet rs = ps.executeQuery()) {
        int n = 0;
        while (rs.next()) {
          assertThat(rs.getInt(3))
              .as("cover of %s for %s", rs.getString(1), rs.getString(2))
              .isEqualTo(Folding.cover(rs.getString(1), rs.getString(2)));
          n++;
        }
        assertThat(n).isEqualTo(rows.size());
      }
    }
  }
}
