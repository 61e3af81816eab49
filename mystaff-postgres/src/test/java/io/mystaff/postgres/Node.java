package io.mystaff.postgres;

import com.zaxxer.hikari.HikariDataSource;
import io.mystaff.api.UserId;
import io.mystaff.api.access.SignInContext;
import io.mystaff.api.directory.User;
import io.mystaff.core.MyStaff;
import io.mystaff.core.MyStaffSettings;
import io.mystaff.core.RateLimit;
import io.mystaff.core.StaffSession;
import io.mystaff.inmemory.SimulatedOnPremisesWriteback;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * One "node" of a host: its own connection pool, {@link PostgresDirectory}, audit sink, writeback
 * journal and {@link MyStaff}, over the database and directory name it shares with other nodes.
 * {@link #kill()} abandons it as a crash would: its pool is closed under its threads, nothing is
 * flushed.
 */
final class Node implements AutoCloseable {
  final HikariDataSource pool;

  /** The directory's data source: faults injected here hit the directory only. */
  final FaultyDataSource directoryFaults;

  /** The journal's data source: faults injected here hit the journal only. */
  final FaultyDataSource journalFaults;

  final PostgresDirectory directory;
  final PostgresAuditSink sink;
  final PostgresWritebackJournal journal;
  final SimulatedOnPremisesWriteback writeback;
  final MyStaff myStaff;

  /** A node that takes over no expired writeback on its own: tests call the journal for that. */
  Node(String name, List<User> syncedUsers, Duration writebackDeadline, Executor relay) {
    this(name, syncedUsers, writebackDeadline, relay, Duration.ZERO);
  }

  /**
   * A node whose {@link MyStaff} takes over expired writebacks every {@code takeoverInterval}
   * (zero: never).
   */
  Node(
      String name,
      List<User> syncedUsers,
      Duration writebackDeadline,
      Executor relay,
      Duration takeoverInterval) {
    this(name, syncedUsers, writebackDeadline, relay, takeoverInterval, false);
  }

  /**
   * A node whose directory stores its writes' events in the sink's audit log in their own
   * transactions ({@link PostgresDirectory.Builder#recordAuditIn}) when {@code auditInTransaction}.
   */
  Node(
      String name,
      List<User> syncedUsers,
      Duration writebackDeadline,
      Executor relay,
      Duration takeoverInterval,
      boolean auditInTransaction) {
    this.pool = TestDatabase.newPool(8);
    this.directoryFaults = new FaultyDataSource(pool);
    this.sink = PostgresAuditSink.create(auditInTransaction ? directoryFaults : pool, name);
    PostgresDirectory.Builder directoryBuilder =
        PostgresDirectory.builder()
            .dataSource(directoryFaults)
            .name(name)
            .migrateSchema(false)
            .passwordHashIterations(1_000);
    if (auditInTransaction) {
      directoryBuilder.recordAuditIn(sink);
    }
    this.directory = directoryBuilder.build();
    this.journalFaults = new FaultyDataSource(pool);
    this.journal = PostgresWritebackJournal.create(journalFaults, name, Duration.ZERO);
    this.writeback =
        SimulatedOnPremisesWriteback.builder()
            .knownUsers(syncedUsers)
            .hashIterations(1_000)
            .build();
    this.myStaff =
        MyStaff.builder()
            .directory(directory)
            .directoryWriter(directory)
            .auditSink(sink)
            .auditRelay(relay)
            .passwordWriteback(writeback)
            .writebackJournal(journal)
            .writebackTakeoverInterval(takeoverInterval)
            .settings(
                MyStaffSettings.builder()
                    .resetLimit(RateLimit.unlimited())
                    .phoneChangeLimit(RateLimit.unlimited())
                    .writebackDeadline(writebackDeadline)
                    .build())
            .build();
  }

  StaffSession signIn(String alias) {
    return myStaff.signIn(SignInContext.of(UserId.of(alias), true));
  }

  /** Abandons the node: its connections go away under it, nothing is flushed or closed cleanly. */
  void kill() {
    pool.close();
  }

  @Override
  public void close() {
    try {
      myStaff.close();
    } finally {
      writeback.close();
      pool.close();
    }
  }
}
