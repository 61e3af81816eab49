package io.mystaff.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.mystaff.api.Page;
import io.mystaff.api.PageRequest;
import io.mystaff.api.UserId;
import io.mystaff.api.access.SignInContext;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.RoleDefinition;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.directory.User;
import io.mystaff.core.Location;
import io.mystaff.core.MyStaff;
import io.mystaff.core.MyStaffSettings;
import io.mystaff.core.PasswordResetResult;
import io.mystaff.core.PhoneChange;
import io.mystaff.core.RateLimit;
import io.mystaff.core.StaffMember;
import io.mystaff.core.StaffSession;
import io.mystaff.core.authz.AuthorizationEngine;
import io.mystaff.postgres.PostgresAuditSink;
import io.mystaff.postgres.PostgresBulkLoad;
import io.mystaff.postgres.PostgresDirectory;
import io.mystaff.postgres.PostgresOutboxRelay;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * mystaff on the PostgreSQL provider with the large tenant (1,000,000 users, 10,000 units of which
 * 100 dynamic, 100,000 role assignments; {@link Workload} seed 42) in embedded PostgreSQL 17:
 *
 * <ul>
 *   <li>{@link #membersPage}: a manager's first page of 25 members of one of their units, with the
 *       actions the manager may take on each ({@code StaffSession.members});
 *   <li>{@link #searchCommonPrefix} / {@link #directorySearchCommonPrefix}: the first page of 25 of
 *       an organization-wide search for "Anna" (a first name shared by ~15,600 users), through the
 *       session and through the directory alone;
 *   <li>{@link #cloudReset}: a cloud user's password reset, end to end (temporary password, policy,
 *       compare-and-set in a transaction with its outbox event), with PBKDF2 at 1 iteration so
 *       hashing is excluded; the audit is relayed to the audit table on mystaff's own relay thread
 *       (the default a host gets), {@link #cloudResetRelayingInline} on the manager's thread;
 *   <li>{@link #phoneEdit}: a phone number set, end to end; {@link #phoneEditAuditInTransaction}
 *       the same with the audit event stored in the audit table by the write's own transaction
 *       instead of the outbox and the relay;
 *   <li>{@link #resetsOneNode} / {@link #resetsTwoNodes}: throughput of cloud resets from 4
 *       threads, all on one {@link MyStaff} node or spread over two nodes (two pools) on the same
 *       database.
 * </ul>
 *
 * <p>The tenant is loaded once with {@code COPY} ({@link PostgresBulkLoad}) into a data directory
 * kept between runs ({@code -Dmystaff.bench.pgdata}, default {@code
 * ${java.io.tmpdir}/mystaff-bench-pg}); later forks start PostgreSQL on it in about a second. The
 * server runs with its defaults except {@code shared_buffers=512MB}, and durable: {@code fsync} and
 * {@code synchronous_commit} on, as a host runs it (zonky turns both off, and runs before
 * 2026-12-07 21:00 UTC measured with them off), so each commit waits for its WAL flush. A profiling
 * run may add settings with {@code -Dmystaff.bench.pgconf=key=value;key=value} (passed to the fork
 * with {@code -jvmArgsAppend}).
 *
 * <p>Run (short, the machine is shared): {@code java -jar mystaff-benchmarks/target/benchmarks.jar
 * PostgresBenchmark -wi 2 -w 2s -i 3 -r 2s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx3g", "-Dmystaff.passwordHash.allowWeakForTests=true"})
public class PostgresBenchmark {
  static final String DIRECTORY = "large-tenant-42";
  private static final int PAIRS = 256;
  private static final PageRequest FIRST_PAGE = PageRequest.first(25);

  private EmbeddedPostgres postgres;
  private Node node1;
  private Node node2;
  private StaffSession manager;
  private Location managersUnit;
  private final List<Pair> resets = new ArrayList<>();
  private final List<Pair> phoneEdits = new ArrayList<>();
  private final AtomicInteger nextReset = new AtomicInteger();
  private int nextPhone;
  private long phoneNumbers;

  /** One node of the host: a pool, the provider, an audit table and a {@link MyStaff}. */
  static final class Node implements AutoCloseable {
    final HikariDataSource pool;
    final PostgresDirectory directory;
    final PostgresAuditSink sink;
    final MyStaff myStaff;
    final MyStaff relayingInline;

    /**
     * mystaff over a directory that stores its writes' events in {@link #sink}'s log in their own
     * transactions ({@link PostgresDirectory.Builder#recordAuditIn}): nothing to relay.
     */
    final MyStaff auditInTransaction;

    Node(String url) {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(url);
      config.setMaximumPoolSize(8);
      pool = new HikariDataSource(config);
      directory =
          PostgresDirectory.builder()
              .dataSource(pool)
              .name(DIRECTORY)
              .passwordHashIterations(1)
              .build();
      sink = PostgresAuditSink.create(pool, DIRECTORY);
      myStaff = myStaff(directory, Optional.empty());
      relayingInline = myStaff(directory, Optional.of(Runnable::run));
      auditInTransaction =
          myStaff(
              PostgresDirectory.builder()
                  .dataSource(pool)
                  .name(DIRECTORY)
                  .migrateSchema(false)
                  .passwordHashIterations(1)
                  .recordAuditIn(sink)
                  .build(),
              Optional.empty());
    }

    /**
     * mystaff on this node over {@code directory}, relaying audit with {@code relay} (default: its
     * own thread).
     */
    private MyStaff myStaff(PostgresDirectory directory, Optional<Executor> relay) {
      MyStaff.Builder builder =
          MyStaff.builder().directory(directory).directoryWriter(directory).auditSink(sink);
      relay.ifPresent(builder::auditRelay);
      return builder
          .clock(Clock.fixed(Workload.NOW, ZoneOffset.UTC))
          .settings(
              MyStaffSettings.builder()
                  .resetLimit(RateLimit.unlimited())
                  .phoneChangeLimit(RateLimit.unlimited())
                  .build())
          .build();
    }

    StaffSession signIn(int manager) {
      return myStaff.signIn(SignInContext.of(Workload.userId(manager), true));
    }

    StaffSession signInRelayingInline(int manager) {
      return relayingInline.signIn(SignInContext.of(Workload.userId(manager), true));
    }

    StaffSession signInAuditInTransaction(int manager) {
      return auditInTransaction.signIn(SignInContext.of(Workload.userId(manager), true));
    }

    @Override
    public void close() {
      auditInTransaction.close();
      relayingInline.close();
      myStaff.close();
      pool.close();
    }
  }

  /** A manager's sessions on both nodes and a user the manager may act on. */
  record Pair(
      StaffSession onNode1,
      StaffSession onNode2,
      StaffSession relayingInline,
      StaffSession auditInTransaction,
      UserId target) {}

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    Path data =
        Path.of(
            System.getProperty(
                "mystaff.bench.pgdata",
                Path.of(System.getProperty("java.io.tmpdir"), "mystaff-bench-pg").toString()));
    Files.createDirectories(data);
    EmbeddedPostgres.Builder server =
        EmbeddedPostgres.builder()
            .setDataDirectory(data)
            .setCleanDataDirectory(false)
            .setServerConfig("shared_buffers", "512MB")
            // zonky turns both off; a host keeps them on, so a commit waits for its WAL flush
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on");
    for (Map.Entry<String, String> setting : extraServerConfig().entrySet()) {
      server.setServerConfig(setting.getKey(), setting.getValue());
    }
    postgres = server.start();
    String url = postgres.getJdbcUrl("postgres", "postgres");
    Workload w = Workload.generate(Workload.Scale.LARGE_TENANT, 42);
    node1 = new Node(url);
    if (node1.directory.userCount() < w.scale.users) {
      load(w, node1);
    }
    node2 = new Node(url);
    Map<Integer, StaffSession[]> sessions = new HashMap<>();
    AuthorizationEngine engine = AuthorizationEngine.standard();
    for (Workload.Query q : w.sample(200_000, 9)) {
      if (w.isSynced(q.target())
          || !engine
              .decide(q.actorFacts(), q.action(), q.targetFacts(), w.catalog, Workload.NOW)
              .isPermit()) {
        continue;
      }
      List<Pair> into = q.action() == StaffAction.RESET_PASSWORD ? resets : phoneEdits;
      if (into.size() < PAIRS) {
        StaffSession[] s =
            sessions.computeIfAbsent(
                q.actor(),
                m ->
                    new StaffSession[] {
                      node1.signIn(m),
                      node2.signIn(m),
                      node1.signInRelayingInline(m),
                      node1.signInAuditInTransaction(m)
                    });
        into.add(new Pair(s[0], s[1], s[2], s[3], Workload.userId(q.target())));
      }
    }
    if (resets.size() < PAIRS || phoneEdits.size() < PAIRS) {
      throw new IllegalStateException(
          "too few permitted changes: " + resets.size() + " resets, " + phoneEdits.size());
    }
    manager = resets.get(0).onNode1();
    managersUnit =
        manager.locations().stream()
            .filter(l -> l instanceof Location.Unit)
            .findFirst()
            .orElseThrow();
  }

  /**
   * Further server settings for a profiling run, from {@code -Dmystaff.bench.pgconf=k=v;k=v} (for
   * example {@code shared_preload_libraries=pg_stat_statements}); none by default.
   */
  static Map<String, String> extraServerConfig() {
    Map<String, String> settings = new LinkedHashMap<>();
    String spec = System.getProperty("mystaff.bench.pgconf", "");
    for (String pair : spec.split(";", -1)) {
      if (pair.isBlank()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("mystaff.bench.pgconf: expected key=value, got " + pair);
      }
      settings.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
    }
    return settings;
  }

  /** Loads the workload with COPY: a minute or two, once per data directory. */
  private static void load(Workload w, Node node) throws SQLException {
    long started = System.nanoTime();
    try (PostgresBulkLoad load = node.directory.bulkLoad()) {
      for (RoleDefinition role : w.catalog.all()) {
        if (!role.isBuiltIn()) {
          load.customRole(role);
        }
      }
      for (int u = 0; u < w.scale.units; u++) {
        load.unit(
            w.dynamicDepartment(u) >= 0
                ? AdministrativeUnit.dynamic(Workload.unitId(u), w.unitName(u), w.dynamicRule(u))
                : AdministrativeUnit.assigned(Workload.unitId(u), w.unitName(u)));
      }
      for (int i = 0; i < w.scale.users; i++) {
        User user = WorkloadDirectory.user(w, i);
        load.user(user);
        load.member(Workload.unitId(w.homeUnit[i]), user.id());
        if (w.secondUnit[i] >= 0) {
          load.member(Workload.unitId(w.secondUnit[i]), user.id());
        }
      }
      for (List<RoleAssignment> assignments : w.assignmentsByManager.values()) {
        assignments.forEach(load::assignment);
      }
      load.commit();
    }
    try (Connection c = node.pool.getConnection();
        Statement s = c.createStatement()) {
      s.execute("VACUUM ANALYZE");
    }
    System.out.printf(
        Locale.ROOT,
        "%nLoaded %,d users with COPY in %.1f s%n",
        w.scale.users,
        (System.nanoTime() - started) / 1e9);
  }

  /** Delivers what the relays left (none in steady state) and drops the iteration's audit rows. */
  @TearDown(Level.Iteration)
  public void trimAudit() throws SQLException {
    PostgresOutboxRelay.create(node1.pool, DIRECTORY, node1.sink, 1_000).relayAll();
    try (Connection c = node1.pool.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM mystaff_audit WHERE log = '" + DIRECTORY + "'");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    node2.close();
    node1.close();
    postgres.close();
  }

  @Benchmark
  public Page<StaffMember> membersPage() {
    return manager.members(managersUnit, FIRST_PAGE);
  }

  @Benchmark
  public Page<StaffMember> searchCommonPrefix() {
    return manager.searchUsers("Anna", FIRST_PAGE);
  }

  @Benchmark
  public Page<User> directorySearchCommonPrefix() {
    return node1.directory.searchUsers("Anna", FIRST_PAGE);
  }

  @Benchmark
  public PasswordResetResult cloudReset() {
    Pair p = resets.get(nextReset.getAndIncrement() & (PAIRS - 1));
    return p.onNode1().resetPassword(p.target());
  }

  /**
   * {@link #cloudReset} with the audit relayed on the manager's thread before the call returns: two
   * more commits (the audit row, the outbox acknowledgement) on the manager's wait.
   */
  @Benchmark
  public PasswordResetResult cloudResetRelayingInline() {
    Pair p = resets.get(nextReset.getAndIncrement() & (PAIRS - 1));
    return p.relayingInline().resetPassword(p.target());
  }

  @Benchmark
  public PhoneChange phoneEdit() {
    Pair p = phoneEdits.get(nextPhone++ & (PAIRS - 1));
    return p.onNode1()
        .setPhone(
            p.target(),
            PhoneType.OFFICE,
            String.format(Locale.ROOT, "+1425555%04d", 100 + phoneNumbers++ % 100));
  }

  /**
   * {@link #phoneEdit} over a directory that stores the event in the audit table in the write's own
   * transaction ({@link PostgresDirectory.Builder#recordAuditIn}): one commit per edit, no relay.
   */
  @Benchmark
  public PhoneChange phoneEditAuditInTransaction() {
    Pair p = phoneEdits.get(nextPhone++ & (PAIRS - 1));
    return p.auditInTransaction()
        .setPhone(
            p.target(),
            PhoneType.OFFICE,
            String.format(Locale.ROOT, "+1425555%04d", 100 + phoneNumbers++ % 100));
  }

  /** Each thread resets its own slice of the pairs, all through node 1. */
  @Benchmark
  @Threads(4)
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public PasswordResetResult resetsOneNode(ThreadSlot slot) {
    Pair p = slot.next(resets);
    return p.onNode1().resetPassword(p.target());
  }

  /** Each thread resets its own slice of the pairs; even threads on node 1, odd on node 2. */
  @Benchmark
  @Threads(4)
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public PasswordResetResult resetsTwoNodes(ThreadSlot slot) {
    Pair p = slot.next(resets);
    return (slot.index % 2 == 0 ? p.onNode1() : p.onNode2()).resetPassword(p.target());
  }

  /** A thread's position in its own quarter of the pairs, so threads never reset the same user. */
  @State(Scope.Thread)
  public static class ThreadSlot {
    int index;
    int next;

    @Setup(Level.Trial)
    public void setUp(ThreadParams params) {
      index = params.getThreadIndex();
    }

    Pair next(List<Pair> pairs) {
      int quarter = pairs.size() / 4;
      return pairs.get(index % 4 * quarter + next++ % quarter);
    }
  }
}
