package io.mystaff.examples;

import io.mystaff.activedirectory.ActiveDirectoryConnection;
import io.mystaff.activedirectory.ActiveDirectoryPolicySource;
import io.mystaff.activedirectory.ActiveDirectoryWriteback;
import io.mystaff.activedirectory.TlsTrust;
import io.mystaff.activedirectory.UserMapping;
import io.mystaff.api.Page;
import io.mystaff.api.PageRequest;
import io.mystaff.api.ProviderFailureException;
import io.mystaff.api.UserId;
import io.mystaff.api.access.SignInContext;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditTarget;
import io.mystaff.api.authz.AccessDeniedException;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.directory.UserSource;
import io.mystaff.api.password.Secret;
import io.mystaff.api.password.WritebackResult;
import io.mystaff.core.Location;
import io.mystaff.core.MyStaff;
import io.mystaff.core.MyStaffSettings;
import io.mystaff.core.PasswordResetResult;
import io.mystaff.core.PhoneChange;
import io.mystaff.core.StaffMember;
import io.mystaff.core.StaffSession;
import io.mystaff.core.WritebackHandle;
import io.mystaff.core.password.ActiveDirectoryPasswordPolicy;
import io.mystaff.inmemory.InMemoryAuditLog;
import io.mystaff.inmemory.InMemoryDirectory;
import io.mystaff.inmemory.SimulatedOnPremisesWriteback;
import io.mystaff.inmemory.TenantJson;
import io.mystaff.postgres.AuditQuery;
import io.mystaff.spi.AuditSink;
import io.mystaff.spi.Directory;
import io.mystaff.spi.DirectoryWriter;
import io.mystaff.spi.PasswordWriteback;
import io.mystaff.spi.WritebackJournal;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The README's first command: a morning at Alpine Outfitters, a small retail chain, told through
 * mystaff on the in-memory provider. Rosa Diaz, a regional manager, signs in to My Staff, picks one
 * of her stores, looks after her staff (a cloud user's password, a synced user's password written
 * back on premises, a phone number), is refused where her roles do not reach, and reads the audit
 * trail of it all.
 *
 * <p>The organization is {@code retail.json}, a tenant fixture in mystaff's JSON format (see {@code
 * docs/fixtures.md}): three stores, a seasonal crew defined by a dynamic membership rule, and a
 * finance office under restricted management.
 *
 * <p>Run it from the repository root with {@code mvn -B -q -DskipTests -Pdemo verify}. With {@code
 * -Dmystaff.demo.postgres=embedded} the organization, the audit outbox, the audit log and the
 * writeback journal live in an embedded PostgreSQL started for the run (mystaff-postgres; a JDBC
 * URL instead of {@code embedded} uses that server).
 *
 * <p><b>Against a real Active Directory.</b> With {@code -Dmystaff.demo.ad.host=<dc>} (and {@code
 * .bindDn}, {@code .password}, {@code .base}, optionally {@code .port}, {@code .caPem} and {@code
 * .verifyHostname=false}) the synced resets (steps 6 and 7) go through {@link
 * ActiveDirectoryWriteback} to that domain controller, checked against the policy read from the
 * domain, provided the controller answers; otherwise the demo says so and uses the simulator. The
 * DC must hold {@code cmendez} (Carlos) where the service account may reset it, and no {@code
 * dkim}.
 */
public final class RetailDemo {
  /** When the story starts (Black Friday, stores opening); the demo clock runs on from here. */
  static final Instant OPENING = Instant.parse("2025-11-28T16:00:00Z");

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private final PrintStream out;
  private final Directory directory;
  private final DirectoryWriter writer;
  private final long userCount;
  private final AuditSink auditSink;
  private final Supplier<List<AuditEvent>> auditTrail;
  private final Optional<PostgresDemoStore> postgres;
  private final SimulatedOnPremisesWriteback simulator;
  private final PasswordWriteback writeback;
  private final Optional<ActiveDirectoryConnection> activeDirectory;
  private final MyStaff myStaff;

  private RetailDemo(
      PrintStream out, Optional<ActiveDirectoryTarget> target, Optional<String> postgresAt) {
    this.out = out;
    if (postgresAt.isPresent()) {
      PostgresDemoStore store =
          PostgresDemoStore.open(postgresAt.get(), TenantJson.read(fixture()));
      out.println(
          "The directory, audit outbox, audit log and writeback journal are in "
              + store.description
              + ".");
      this.postgres = Optional.of(store);
      this.directory = store.directory;
      this.writer = store.directory;
      this.userCount = store.directory.userCount();
      this.auditSink = store.sink;
      this.auditTrail = () -> store.sink.find(AuditQuery.all());
    } else {
      InMemoryDirectory memory = InMemoryDirectory.builder().load(fixture()).build();
      InMemoryAuditLog log = new InMemoryAuditLog();
      this.postgres = Optional.empty();
      this.directory = memory;
      this.writer = memory;
      this.userCount = memory.userCount();
      this.auditSink = log;
      this.auditTrail = log::all;
    }
    // The on-premises Active Directory: its accounts are the synced users of the directory, except
    // Dana's, deleted on premises this morning (the sync has not caught up yet).
    this.simulator =
        SimulatedOnPremisesWriteback.builder()
            .knownUsers(directory)
            .unknownUser(UserId.of("dana"))
            .policy(ActiveDirectoryPasswordPolicy.defaults())
            .latency(Duration.ofMillis(300))
            .build();
    ActiveDirectoryPasswordPolicy onPremisesPolicy = ActiveDirectoryPasswordPolicy.defaults();
    Optional<ActiveDirectoryConnection> connected = Optional.empty();
    PasswordWriteback chosen = simulator;
    if (target.isPresent()) {
      ActiveDirectoryConnection c = target.get().connect();
      try {
        onPremisesPolicy =
            ActiveDirectoryPolicySource.of(c, target.get().base(), UserMapping.samAccountName())
                .domainPolicy();
        chosen =
            ActiveDirectoryWriteback.builder(c)
                .searchBase(target.get().base())
                .deadline(Duration.ofSeconds(30))
                .build();
        connected = Optional.of(c);
        out.println(
            "Synced resets go to Active Directory at "
                + target.get().host()
                + " ("
                + onPremisesPolicy
                + ").");
      } catch (ProviderFailureException e) {
        c.close();
        out.println(
            "Active Directory at "
                + target.get().host()
                + " is not available ("
                + e.getMessage()
                + "); synced resets use the simulator.");
      }
    }
    this.activeDirectory = connected;
    this.writeback = chosen;
    this.myStaff =
        MyStaff.builder()
            .directory(directory)
            .directoryWriter(writer)
            .auditSink(auditSink)
            // Relay each change's event before the call returns, so the trail printed at the end
            // reads in
            // the order things happened; a host keeps the default background relay.
            .auditRelay(Runnable::run)
            .passwordWriteback(writeback)
            .writebackJournal(
                postgres.<WritebackJournal>map(p -> p.journal).orElse(WritebackJournal.none()))
            .onPremisesPasswordPolicy(onPremisesPolicy)
            .clock(Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), OPENING)))
            .settings(MyStaffSettings.builder().defaultPhoneRegion(Optional.of("US")).build())
            .build();
  }

  public static void main(String[] args) {
    run(
        System.out,
        ActiveDirectoryTarget.fromSystemProperties(),
        Optional.ofNullable(System.getProperty("mystaff.demo.postgres")).filter(s -> !s.isBlank()));
  }

  /** Tells the whole story on {@code out}, on the simulator. */
  public static void run(PrintStream out) {
    run(out, Optional.empty());
  }

  /**
   * Tells the whole story on {@code out}, writing synced passwords back to {@code target} if it
   * answers.
   */
  public static void run(PrintStream out, Optional<ActiveDirectoryTarget> target) {
    run(out, target, Optional.empty());
  }

  /**
   * Tells the whole story on {@code out} with the organization in PostgreSQL: {@code postgres} is
   * {@code embedded} (embedded PostgreSQL started for the run) or a JDBC URL.
   */
  public static void run(
      PrintStream out, Optional<ActiveDirectoryTarget> target, Optional<String> postgres) {
    RetailDemo demo = new RetailDemo(out, target, postgres);
    try {
      demo.tell();
    } finally {
      demo.myStaff.close();
      demo.postgres.ifPresent(PostgresDemoStore::close);
      demo.simulator.close();
      if (demo.writeback instanceof ActiveDirectoryWriteback ad) {
        ad.close();
      }
      demo.activeDirectory.ifPresent(ActiveDirectoryConnection::close);
    }
  }

  /**
   * A domain controller to run the synced resets against.
   *
   * @param caPem the CA of the controller's certificate; empty: the JVM's trust store
   */
  public record ActiveDirectoryTarget(
      String host,
      int port,
      String bindDn,
      Secret password,
      String base,
      Optional<java.nio.file.Path> caPem,
      boolean verifyHostname) {

    /** From {@code -Dmystaff.demo.ad.*}, if {@code mystaff.demo.ad.host} is set. */
    public static Optional<ActiveDirectoryTarget> fromSystemProperties() {
      String host = System.getProperty("mystaff.demo.ad.host");
      if (host == null || host.isBlank()) {
        return Optional.empty();
      }
      return Optional.of(
          new ActiveDirectoryTarget(
              host,
              Integer.parseInt(System.getProperty("mystaff.demo.ad.port", "636")),
              System.getProperty("mystaff.demo.ad.bindDn", ""),
              Secret.of(System.getProperty("mystaff.demo.ad.password", "-")),
              System.getProperty("mystaff.demo.ad.base", ""),
              Optional.ofNullable(System.getProperty("mystaff.demo.ad.caPem"))
                  .map(java.nio.file.Path::of),
              Boolean.parseBoolean(System.getProperty("mystaff.demo.ad.verifyHostname", "true"))));
    }

    ActiveDirectoryConnection connect() {
      TlsTrust trust = caPem.map(TlsTrust::pemFile).orElseGet(TlsTrust::systemDefault);
      return ActiveDirectoryConnection.builder(host)
          .port(port)
          .serviceAccount(bindDn, password)
          .trust(verifyHostname ? trust : trust.withoutHostnameVerification())
          .connectTimeout(Duration.ofSeconds(5))
          .build();
    }

    @Override
    public String toString() {
      return "ActiveDirectoryTarget{" + host + ":" + port + ", " + bindDn + ", " + base + "}";
    }
  }

  private static InputStream fixture() {
    InputStream in = RetailDemo.class.getResourceAsStream("/retail.json");
    if (in == null) {
      throw new IllegalStateException("retail.json is missing from the class path");
    }
    return in;
  }

  private void tell() {
    out.println("mystaff demo: a morning at Alpine Outfitters");
    out.println(
        "Loaded retail.json: "
            + userCount
            + " users in 3 stores, a seasonal crew"
            + " (dynamic unit) and a finance office (restricted management).");

    step(1, "Sam Okafor, manager of one store, signs in");
    StaffSession sam = myStaff.signIn(SignInContext.of(UserId.of("sam"), true));
    say(
        "one location, so My Staff goes straight in: "
            + sam.singleLocation().map(Location::displayName).orElseThrow());

    step(2, "Rosa Diaz, regional manager, signs in and picks a location");
    StaffSession rosa = myStaff.signIn(SignInContext.of(UserId.of("rosa"), true));
    List<Location> locations = rosa.locations();
    say("Rosa administers " + locations.size() + " locations, so she picks one:");
    locations.forEach(l -> say("  - " + l.displayName()));
    Location seattle =
        locations.stream()
            .filter(l -> l.displayName().equals("Seattle Store"))
            .findFirst()
            .orElseThrow();
    say("She picks " + seattle.displayName() + ".");

    step(3, "Members of " + seattle.displayName());
    Page<StaffMember> page = rosa.members(seattle, PageRequest.first(4));
    int n = 0;
    while (true) {
      for (StaffMember m : page.items()) {
        say(member(m));
      }
      n++;
      if (!page.hasNext()) {
        break;
      }
      page = rosa.members(seattle, PageRequest.after(page.nextCursor().orElseThrow(), 4));
    }
    say("(" + n + " pages of at most 4; the cursor resumes exactly where a page ended)");

    step(4, "Rosa searches the whole organization for \"car\"");
    for (StaffMember m : rosa.searchUsers("car", PageRequest.first(10)).items()) {
      say(
          String.format(
              "%-14s %-30s canManage=%s",
              m.user().displayName(), unitsOf(m.user().id()), m.canManage()));
    }

    step(5, "Reset the password of a cloud user: Alice Ng");
    PasswordResetResult reset = rosa.resetPassword(UserId.of("alice"));
    if (!(reset instanceof PasswordResetResult.TemporaryPassword temporary)) {
      throw new IllegalStateException("expected a temporary password, got " + reset);
    }
    String shown = temporary.password().reveal();
    say("Temporary password for Alice (shown once): " + shown);
    try {
      temporary.password().reveal();
      say("Showing it again: allowed (unexpected)");
    } catch (IllegalStateException e) {
      say(
          "Showing it again: refused, it was revealed once and wiped. Alice must change it at next sign-in.");
    }

    step(6, "Reset the password of a synced user: Carlos Mendez, through on-premises writeback");
    Secret chosen = Secret.of("Spruce-Harbor-42!");
    WritebackResult carlos = followWriteback(rosa.resetPassword(UserId.of("carlos"), chosen));
    say(
        carlos.isSuccess()
            ? (activeDirectory.isPresent()
                ? "Active Directory accepted Carlos's new password (sAMAccountName cmendez)."
                : "The on-premises directory now holds Carlos's new password: "
                    + simulator.verifyPassword(UserId.of("carlos"), chosen))
            : "unexpected: " + carlos);

    step(7, "A writeback that fails: Dana Kim");
    WritebackResult dana = followWriteback(rosa.resetPassword(UserId.of("dana"), chosen));
    say("Reason: " + dana.failure().map(f -> f.name() + " - " + f.message()).orElse("none"));
    String chosenText = chosen.reveal();
    chosen.destroy();

    step(8, "Edit a phone: Alice's mobile, typed as a local number");
    PhoneChange phone = rosa.setPhone(UserId.of("alice"), PhoneType.MOBILE, "(206) 555-0143");
    say(
        "mobile "
            + phone.previous().map(Object::toString).orElse("(none)")
            + " -> "
            + phone.current().map(Object::toString).orElse("(none)"));

    step(9, "Outside Rosa's scope: refused with a typed reason");
    refuse(() -> rosa.resetPassword(UserId.of("hiro")), "reset Hiro Sato (Bellevue Store)");
    refuse(
        () -> rosa.setPhone(UserId.of("ivy"), PhoneType.MOBILE, "+12065550177"),
        "edit Ivy Tran's phone (also in the restricted Finance Office)");

    step(
        10,
        "The audit trail ("
            + (postgres.isPresent() ? "PostgresAuditSink" : "InMemoryAuditLog")
            + ")");
    simulator.awaitIdle(Duration.ofSeconds(10));
    myStaff.flushAudit();
    for (AuditEvent e : auditTrail.get()) {
      say(event(e));
    }
    long fromMyStaff = auditTrail.get().stream().filter(AuditEvent::isFromMyStaff).count();
    boolean secretFree =
        auditTrail.get().stream()
            .map(AuditEvent::toString)
            .noneMatch(e -> e.contains(shown) || e.contains(chosenText));
    say(
        fromMyStaff
            + " of "
            + auditTrail.get().size()
            + " events say origin="
            + AuditEvent.ORIGIN_MY_STAFF
            + "; "
            + (secretFree ? "none holds either password." : "SOME HOLD A PASSWORD (a bug)."));
    out.println();
    out.println("Demo complete.");
  }

  /** Prints a writeback's progress as it happens and returns its result. */
  private WritebackResult followWriteback(PasswordResetResult result) {
    if (!(result instanceof PasswordResetResult.WritebackPending pending)) {
      throw new IllegalStateException("expected a writeback, got " + result);
    }
    WritebackHandle handle = pending.writeback();
    handle.onStatus(status -> say("  writeback " + status));
    WritebackResult done = handle.completion().toCompletableFuture().join();
    simulator.awaitIdle(Duration.ofSeconds(10));
    return done;
  }

  private void refuse(Runnable attempt, String what) {
    try {
      attempt.run();
      say(what + ": allowed (unexpected)");
    } catch (AccessDeniedException e) {
      say(what + ": refused, " + e.reason() + " (\"" + e.reason().message() + "\")");
    }
  }

  private String member(StaffMember m) {
    String kind = m.user().source() == UserSource.CLOUD_ONLY ? "cloud" : "synced";
    String may =
        m.allowedActions().stream()
            .filter(StaffAction::isChange)
            .map(Enum::name)
            .map(s -> s.toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
            .collect(Collectors.joining(", "));
    return String.format(
        "%-14s %-7s %-8s %s",
        m.user().displayName(),
        kind,
        m.user().accountEnabled() ? "enabled" : "disabled",
        may.isEmpty() ? "view only" : "may " + may);
  }

  private String unitsOf(UserId user) {
    Set<String> names =
        directory.unitsOf(user).stream()
            .map(u -> directory.findUnit(u).orElseThrow().displayName())
            .collect(Collectors.toCollection(java.util.TreeSet::new));
    return String.join(", ", names);
  }

  private static String event(AuditEvent e) {
    String target = e.targets().stream().findFirst().flatMap(AuditTarget::displayName).orElse("-");
    String changed =
        e.targets().stream()
            .flatMap(t -> t.modifiedProperties().stream())
            .map(p -> p.displayName() + p.newValue().map(v -> "=" + v).orElse(""))
            .collect(Collectors.joining(", "));
    return String.format(
        "%s  %-30s %-9s %-30s %-14s by %-5s origin=%s%s",
        TIME.format(e.activityDateTime()),
        e.activity().displayName(),
        e.outcome(),
        e.resultReason().orElse(""),
        target,
        e.initiatedBy().id(),
        e.additionalDetails().get(AuditEvent.ORIGIN_KEY),
        changed.isEmpty() ? "" : "  [" + changed + "]");
  }

  private void step(int number, String title) {
    out.println();
    out.println(number + ". " + title);
  }

  private void say(String line) {
    out.println("   " + line);
  }

  /** Reads the fixture; for tests. */
  static String fixtureText() {
    try (InputStream in = fixture()) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
