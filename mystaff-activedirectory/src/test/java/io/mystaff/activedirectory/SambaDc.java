package io.mystaff.activedirectory;

import io.mystaff.api.password.Secret;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * A Samba 4.17 Active Directory domain controller provisioned for the tests in a temporary
 * directory by {@code src/test/resources/samba/*.sh}: LDAPS on 127.0.0.1:636 (Samba's port is
 * fixed, so one per machine and one per JVM; only {@link SambaDomainControllerTest} uses it).
 *
 * <p>Without Samba the tests that need it are reported as skipped, naming the install command; with
 * {@value #FLAG}=true (system property) or {@value #ENV}=true (environment), as in CI, a missing
 * Samba fails them instead.
 */
@SuppressWarnings("try") // close() waits for the samba process to stop
final class SambaDc implements AutoCloseable {
  static final String FLAG = "mystaff.requireSamba";
  static final String ENV = "MYSTAFF_REQUIRE_SAMBA";
  static final String INSTALL =
      "DEBIAN_FRONTEND=noninteractive apt-get install -y -q samba samba-ad-dc samba-ad-provision winbind";
  static final String BASE = "DC=contoso,DC=example";
  static final String ADMIN_PASSWORD = "Adm1n!Passw0rd";
  static final String SERVICE_DN = "CN=svc-writeback,CN=Users," + BASE;
  static final String SERVICE_PASSWORD = "Service-Passw0rd!";
  static final String INITIAL_PASSWORD = "Initial-Passw0rd!";

  private final Path root;
  private final Path dc;
  private boolean stopped;

  private SambaDc(Path root) {
    this.root = root;
    this.dc = root.resolve("dc");
  }

  /**
   * Whether Samba must be present (CI): then its absence fails the tests instead of skipping them.
   */
  static boolean required() {
    return Boolean.parseBoolean(System.getProperty(FLAG, "false"))
        || Boolean.parseBoolean(System.getenv(ENV));
  }

  /**
   * Provisions, starts and seeds a DC; skips (or, when {@linkplain #required() required}, fails)
   * without Samba.
   */
  static SambaDc start() throws Exception {
    requirePresent(SambaDc::onPath, required());
    SambaDc d = new SambaDc(Files.createTempDirectory("mystaff-samba-"));
    try {
      d.run("start.sh", Duration.ofMinutes(3));
      d.run("seed.sh", Duration.ofMinutes(3));
    } catch (Exception | Error e) {
      d.close();
      throw e;
    }
    return d;
  }

  /**
   * Returns if Samba's tools are there; else aborts (skips) the test, or fails it when {@code
   * required}.
   */
  static void requirePresent(java.util.function.Predicate<String> onPath, boolean required) {
    List<String> missing =
        List.of("samba-tool", "samba").stream().filter(t -> !onPath.test(t)).toList();
    if (!missing.isEmpty()) {
      String reason =
          "Samba AD DC tests need "
              + missing
              + " on the PATH, which is missing. Install it with: "
              + INSTALL;
      if (required) {
        throw new AssertionError(reason + " (" + FLAG + "=true makes this a failure)");
      }
      Assumptions.abort(
          reason + " (set -D" + FLAG + "=true or " + ENV + "=true to make this a failure)");
    }
  }

  private static boolean onPath(String tool) {
    for (String dir :
        System.getenv().getOrDefault("PATH", "").split(Pattern.quote(File.pathSeparator), -1)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return Files.isExecutable(Path.of("/usr/sbin", tool))
        || Files.isExecutable(Path.of("/usr/bin", tool));
  }

  private void run(String script, Duration timeout)
      throws IOException, InterruptedException, URISyntaxException {
    Path file = Path.of(SambaDc.class.getResource("/samba/" + script).toURI());
    ProcessBuilder pb =
        new ProcessBuilder("bash", file.toString(), dc.toString())
            .redirectErrorStream(true)
            .redirectOutput(root.resolve(script + ".log").toFile());
    pb.environment().put("ADMIN_PASSWORD", ADMIN_PASSWORD);
    pb.environment().put("SERVICE_PASSWORD", SERVICE_PASSWORD);
    pb.environment().put("PATH", pb.environment().getOrDefault("PATH", "") + ":/usr/sbin:/usr/bin");
    Process p = pb.start();
    if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(script + " did not finish within " + timeout);
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException(
          script
              + " failed ("
              + p.exitValue()
              + "):\n"
              + Files.readString(root.resolve(script + ".log")));
    }
  }

  /** The CA certificate of the DC's LDAPS certificate. */
  Path caPem() {
    return dc.resolve("ca.pem");
  }

  /**
   * A connection as the delegated service account, trusting the DC's CA (its certificate names DC1,
   * not 127.0.0.1).
   */
  ActiveDirectoryConnection.Builder connection() {
    return ActiveDirectoryConnection.builder("127.0.0.1")
        .serviceAccount(SERVICE_DN, Secret.of(SERVICE_PASSWORD))
        .trust(TlsTrust.pemFile(caPem()).withoutHostnameVerification())
        .connectTimeout(Duration.ofSeconds(5))
        .responseTimeout(Duration.ofSeconds(20));
  }

  /** Stops the DC (the directory stays until {@link #close()}). */
  void stop() throws Exception {
    if (!stopped) {
      stopped = true;
      run("stop.sh", Duration.ofMinutes(1));
    }
  }

  @Override
  public void close() throws Exception {
    try {
      stop();
    } finally {
      try (var files = Files.walk(root)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }
}
