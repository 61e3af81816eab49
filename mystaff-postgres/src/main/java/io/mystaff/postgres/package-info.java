/**
 * mystaff's PostgreSQL provider: {@link io.mystaff.postgres.PostgresDirectory} (directory and
 * writer with its transactional outbox), {@link io.mystaff.postgres.PostgresOutboxRelay}, {@link
 * io.mystaff.postgres.PostgresAuditSink} and {@link io.mystaff.postgres.PostgresSchema} (Flyway
 * migrations). Plain JDBC over a {@link javax.sql.DataSource} the host configures and pools.
 */
@NullMarked
package io.mystaff.postgres;

import org.jspecify.annotations.NullMarked;
