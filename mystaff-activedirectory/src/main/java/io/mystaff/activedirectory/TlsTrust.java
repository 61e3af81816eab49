package io.mystaff.activedirectory;

import static java.util.Objects.requireNonNull;

import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLSocketVerifier;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllSSLSocketVerifier;
import com.unboundid.util.ssl.TrustAllTrustManager;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import javax.net.ssl.TrustManager;
import org.jspecify.annotations.Nullable;

/**
 * Which domain controller certificates the connection trusts. Immutable.
 *
 * <p>Hostname verification is on by default: the certificate must name the host the connection was
 * configured with. Turn it off only for a controller reached by an address its certificate does not
 * name, and only together with a trust store that holds nothing but that controller's CA.
 */
public final class TlsTrust {
  private final Kind kind;
  private final @Nullable Path file;
  private final char @Nullable [] storePassword;
  private final @Nullable String storeType;
  private final boolean verifyHostname;

  private enum Kind {
    SYSTEM,
    TRUST_STORE,
    PEM,
    ALL
  }

  private TlsTrust(
      Kind kind,
      @Nullable Path file,
      char @Nullable [] storePassword,
      @Nullable String storeType,
      boolean verifyHostname) {
    this.kind = kind;
    this.file = file;
    this.storePassword = storePassword;
    this.storeType = storeType;
    this.verifyHostname = verifyHostname;
  }

  /** The JVM's default trust store ({@code cacerts}, or {@code javax.net.ssl.trustStore}). */
  public static TlsTrust systemDefault() {
    return new TlsTrust(Kind.SYSTEM, null, null, null, true);
  }

  /** A JKS or PKCS#12 trust store; {@code password} may be null for a store without one. */
  public static TlsTrust trustStore(Path file, char @Nullable [] password, String type) {
    return new TlsTrust(
        Kind.TRUST_STORE,
        requireNonNull(file, "file"),
        password == null ? null : password.clone(),
        requireNonNull(type, "type"),
        true);
  }

  /** The CA certificates in a PEM file (for example Samba's {@code private/tls/ca.pem}). */
  public static TlsTrust pemFile(Path caCertificates) {
    return new TlsTrust(
        Kind.PEM, requireNonNull(caCertificates, "caCertificates"), null, null, true);
  }

  /**
   * Trusts every certificate and every host name: the connection is encrypted but not
   * authenticated. For tests against a throwaway controller only, never in production.
   */
  public static TlsTrust insecureTrustAllForTestsOnly() {
    return new TlsTrust(Kind.ALL, null, null, null, false);
  }

  /** This trust without hostname verification (see the class documentation). */
  public TlsTrust withoutHostnameVerification() {
    return new TlsTrust(kind, file, storePassword, storeType, false);
  }

  /** Whether the certificate must name the configured host. */
  public boolean verifiesHostname() {
    return verifyHostname;
  }

  SSLUtil sslUtil() throws GeneralSecurityException {
    TrustManager tm =
        switch (kind) {
          case SYSTEM -> null;
          case TRUST_STORE ->
              new TrustStoreTrustManager(
                  requireNonNull(file).toFile(), storePassword, storeType, true);
          case PEM -> new PEMFileTrustManager(requireNonNull(file).toFile());
          case ALL -> new TrustAllTrustManager();
        };
    return tm == null ? new SSLUtil() : new SSLUtil(tm);
  }

  SSLSocketVerifier socketVerifier() {
    return verifyHostname
        ? new HostNameSSLSocketVerifier(true)
        : TrustAllSSLSocketVerifier.getInstance();
  }

  @Override
  public String toString() {
    return "TlsTrust{"
        + kind
        + (file == null ? "" : " " + file)
        + ", verifyHostname="
        + verifyHostname
        + "}";
  }
}
