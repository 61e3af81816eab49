package io.mystaff.activedirectory;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.SelfSignedCertificateGenerator;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.util.ObjectPair;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import io.mystaff.api.password.Secret;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An UnboundID in-memory directory over LDAPS that stands in for a domain controller in unit tests.
 * It has no AD semantics, so an interceptor plays AD's answers: a password shorter than 10
 * characters is refused with 19 / {@code 0000052D}, writes to users under {@code OU=Protected} with
 * 50, to users under {@code OU=Vanishing} with 32, and writes to users under {@code OU=Slow} wait
 * until {@link #release()}.
 */
final class InMemoryAd implements AutoCloseable {
  static final String BASE = "DC=contoso,DC=example";
  static final String SERVICE_DN = "CN=svc-writeback,CN=Users," + BASE;
  static final String SERVICE_PASSWORD = "Service-Passw0rd!";

  final InMemoryDirectoryServer server;
  final File keyStore;
  final char[] keyStorePin;

  /** Every successful password write: DN and the modifications. */
  final List<Write> writes = new CopyOnWriteArrayList<>();

  final AtomicInteger refused = new AtomicInteger();
  final Map<String, String> passwords = new ConcurrentHashMap<>();
  private final CountDownLatch slow = new CountDownLatch(1);
  private int port;

  record Write(String dn, List<Modification> modifications) {
    boolean setsPwdLastSetZero() {
      return modifications.stream()
          .anyMatch(
              m ->
                  m.getAttributeName().equalsIgnoreCase("pwdLastSet")
                      && m.getValues().length == 1
                      && m.getValues()[0].equals("0"));
    }
  }

  InMemoryAd() throws Exception {
    ObjectPair<File, char[]> cert =
        SelfSignedCertificateGenerator.generateTemporarySelfSignedCertificate(
            "mystaff-test", "PKCS12");
    keyStore = cert.getFirst();
    keyStorePin = cert.getSecond();
    SSLUtil serverSsl =
        new SSLUtil(
            new KeyStoreKeyManager(keyStore, keyStorePin, "PKCS12", null),
            new TrustAllTrustManager());
    InMemoryDirectoryServerConfig cfg = new InMemoryDirectoryServerConfig(BASE);
    cfg.setSchema(null);
    cfg.setListenerConfigs(
        InMemoryListenerConfig.createLDAPSConfig(
            "ldaps",
            java.net.InetAddress.getLoopbackAddress(),
            freePort(),
            serverSsl.createSSLServerSocketFactory(),
            new SSLUtil(new TrustAllTrustManager()).createSSLSocketFactory()));
    cfg.addInMemoryOperationInterceptor(
        new InMemoryOperationInterceptor() {
          @Override
          public void processModifyRequest(InMemoryInterceptedModifyRequest r)
              throws LDAPException {
            String dn = r.getRequest().getDN();
            List<Modification> mods = r.getRequest().getModifications();
            Modification pwd =
                mods.stream()
                    .filter(m -> m.getAttributeName().equalsIgnoreCase("unicodePwd"))
                    .findFirst()
                    .orElse(null);
            if (pwd == null) {
              return;
            }
            String upper = dn.toUpperCase(java.util.Locale.ROOT);
            if (upper.contains("OU=SLOW")) {
              try {
                slow.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
            if (upper.contains("OU=PROTECTED")) {
              refused.incrementAndGet();
              throw new LDAPException(
                  ResultCode.INSUFFICIENT_ACCESS_RIGHTS,
                  "00002098: SecErr: DSID-03150F94, problem 4003 (INSUFF_ACCESS_RIGHTS), data 0");
            }
            if (upper.contains("OU=VANISHING")) {
              refused.incrementAndGet();
              throw new LDAPException(
                  ResultCode.NO_SUCH_OBJECT,
                  "0000208D: NameErr: DSID-03100241, problem 2001 (NO_OBJECT)");
            }
            byte[] v = pwd.getValueByteArrays()[0];
            String quoted = new String(v, StandardCharsets.UTF_16LE);
            if (!quoted.startsWith("\"") || !quoted.endsWith("\"")) {
              throw new LDAPException(
                  ResultCode.UNWILLING_TO_PERFORM,
                  "0000001F: SvcErr: DSID-031A12D2, problem 5003 (WILL_NOT_PERFORM)");
            }
            String password = quoted.substring(1, quoted.length() - 1);
            if (password.length() < 10) {
              refused.incrementAndGet();
              throw new LDAPException(
                  ResultCode.CONSTRAINT_VIOLATION,
                  "0000052D: Constraint violation - check_password_restrictions: the password is too short.");
            }
            passwords.put(dn.toLowerCase(java.util.Locale.ROOT), password);
            writes.add(new Write(dn, List.copyOf(mods)));
          }
        });
    server = new InMemoryDirectoryServer(cfg);
    server.add(
        new Entry(
            BASE,
            new Attribute("objectClass", "top", "domain"),
            new Attribute("dc", "contoso"),
            new Attribute("minPwdLength", "10"),
            new Attribute("pwdHistoryLength", "5"),
            new Attribute("pwdProperties", "1"),
            new Attribute("minPwdAge", "-864000000000"),
            new Attribute("maxPwdAge", "-36288000000000")));
    for (String ou : List.of("Users", "Sales", "Protected", "Vanishing", "Slow")) {
      String dn = (ou.equals("Users") ? "CN=" : "OU=") + ou + "," + BASE;
      server.add(
          new Entry(
              dn,
              new Attribute(
                  "objectClass", "top", ou.equals("Users") ? "container" : "organizationalUnit")));
    }
    server.add(
        new Entry(
            SERVICE_DN,
            new Attribute("objectClass", "top", "person"),
            new Attribute("userPassword", SERVICE_PASSWORD)));
    server.startListening();
    port = server.getListenPort();
  }

  private static int freePort() throws java.io.IOException {
    try (java.net.ServerSocket s =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Adds a user {@code CN=<cn>,OU=<ou>} with that sAMAccountName, returning its DN. */
  String user(String ou, String cn, String sam, int userAccountControl, UUID guid)
      throws LDAPException {
    String dn = "CN=" + cn + "," + (ou.equals("Users") ? "CN=" : "OU=") + ou + "," + BASE;
    server.add(
        new Entry(
            dn,
            new Attribute("objectClass", "top", "person", "organizationalPerson", "user"),
            new Attribute("cn", cn),
            new Attribute("sAMAccountName", sam),
            new Attribute("userPrincipalName", sam + "@contoso.example"),
            new Attribute("userAccountControl", Integer.toString(userAccountControl)),
            new Attribute("objectGUID", UserMapping.guidBytes(guid))));
    return dn;
  }

  String user(String ou, String sam) throws LDAPException {
    return user(ou, sam, sam, 512, UUID.randomUUID());
  }

  int port() {
    return port;
  }

  Path keyStorePath() {
    return keyStore.toPath();
  }

  /** Lets writes to {@code OU=Slow} finish. */
  void release() {
    slow.countDown();
  }

  ActiveDirectoryConnection.Builder connection() {
    return ActiveDirectoryConnection.builder("127.0.0.1")
        .port(port)
        .serviceAccount(SERVICE_DN, Secret.of(SERVICE_PASSWORD))
        .trust(TlsTrust.insecureTrustAllForTestsOnly())
        .connectTimeout(java.time.Duration.ofSeconds(5))
        .responseTimeout(java.time.Duration.ofSeconds(10));
  }

  /** Stops listening and drops every connection. */
  void stop() {
    shutDownOrFail();
  }

  /** Listens again on the same port. */
  void restart() throws LDAPException {
    server.startListening();
  }

  @Override
  public void close() {
    release();
    try {
      shutDownOrFail();
    } finally {
      keyStore.delete();
    }
  }

  /**
   * Shuts the server down, failing the test if a client left a TLS connection open: the JDK then
   * reads until the client's end of stream, which never comes (that is how a socket leaked by
   * closing the pool under a health check in flight showed up). A daemon thread keeps such a leak
   * from hanging the run.
   */
  private void shutDownOrFail() {
    Thread closer = new Thread(() -> server.shutDown(true), "in-memory-ad-shutdown");
    closer.setDaemon(true);
    closer.start();
    try {
      closer.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (closer.isAlive()) {
      throw new AssertionError(
          "the in-memory server could not close a connection a client left open (socket leak)");
    }
  }
}
