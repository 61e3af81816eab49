package io.mystaff.activedirectory;

import static java.util.Objects.requireNonNull;

import com.unboundid.ldap.sdk.GetEntryLDAPConnectionPoolHealthCheck;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import io.mystaff.api.password.Secret;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A health-checked pool of encrypted connections to one Active Directory domain controller, bound
 * as the writeback's service account. Shared by {@link ActiveDirectoryWriteback} and {@link
 * ActiveDirectoryPolicySource}; close it when the host shuts down. Thread-safe.
 *
 * <p>The service account should hold only the "Reset Password" extended right (and write access to
 * {@code pwdLastSet}) on the organizational units whose users mystaff manages: never a domain
 * administrator. Building never fails because the controller is down: connections are made when
 * needed, and {@link #isAvailable()} reports what the last operation or background health check
 * saw.
 */
public final class ActiveDirectoryConnection implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ActiveDirectoryConnection.class);

  private final String host;
  private final int port;
  private final Transport transport;
  private final String bindDn;
  private final Duration responseTimeout;
  private final Duration connectTimeout;
  private final TlsTrust trust;
  private final LDAPConnectionPool pool;
  private final ScheduledExecutorService health;
  private volatile boolean available = true;

  private ActiveDirectoryConnection(Builder b) throws GeneralSecurityException, LDAPException {
    this.host = b.host;
    this.transport = b.transport;
    this.port = b.port > 0 ? b.port : b.transport.defaultPort();
    this.bindDn = requireNonNull(b.bindDn, "bindDn"); // build() checked it
    this.responseTimeout = b.responseTimeout;
    this.connectTimeout = b.connectTimeout;
    this.trust = b.trust;
    LDAPConnectionOptions options = new LDAPConnectionOptions();
    options.setConnectTimeoutMillis(Math.toIntExact(b.connectTimeout.toMillis()));
    options.setResponseTimeoutMillis(b.responseTimeout.toMillis());
    options.setSSLSocketVerifier(b.trust.socketVerifier());
    options.setAbandonOnTimeout(true);
    SocketFactory sockets =
        transport == Transport.LDAPS
            ? b.trust.sslUtil().createSSLSocketFactory()
            : SocketFactory.getDefault();
    SingleServerSet servers = new SingleServerSet(host, port, sockets, options);
    byte[] password =
        requireNonNull(b.password, "password")
            .reveal()
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    SimpleBindRequest bind = new SimpleBindRequest(bindDn, password);
    GetEntryLDAPConnectionPoolHealthCheck check =
        new GetEntryLDAPConnectionPoolHealthCheck(
            "", b.responseTimeout.toMillis(), false, false, false, true, true);
    this.pool =
        new LDAPConnectionPool(
            servers,
            bind,
            0,
            b.maxConnections,
            1,
            transport == Transport.START_TLS
                ? new StartTLSPostConnectProcessor(b.trust.sslUtil().createSSLContext())
                : null,
            false,
            check);
    pool.setConnectionPoolName("mystaff-activedirectory");
    pool.setRetryFailedOperationsDueToInvalidConnections(true);
    pool.setHealthCheckIntervalMillis(b.healthCheckInterval.toMillis());
    pool.setMaxWaitTimeMillis(b.connectTimeout.toMillis());
    this.health =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "mystaff-activedirectory-health");
              t.setDaemon(true);
              return t;
            });
    long every = b.healthCheckInterval.toMillis();
    // probe() catches its failures, so the periodic task never ends with an exception to observe;
    // it stops when close() shuts the executor down.
    ScheduledFuture<?> unused =
        health.scheduleWithFixedDelay(this::probe, 0, every, TimeUnit.MILLISECONDS);
  }

  public static Builder builder(String host) {
    return new Builder(host);
  }

  /**
   * What the last operation or health check saw: false after the controller could not be reached.
   * Never blocks.
   */
  public boolean isAvailable() {
    return available;
  }

  /** Runs {@code op} on a pooled connection, recording whether the controller answered. */
  <T> T withConnection(LdapOperation<T> op) throws LDAPException {
    LDAPConnection c;
    try {
      c = pool.getConnection();
    } catch (LDAPException e) {
      observe(e.getResultCode());
      throw e;
    }
    boolean healthy = false;
    try {
      T result = op.run(c);
      healthy = true;
      available = true;
      return result;
    } catch (LDAPException e) {
      observe(e.getResultCode());
      // A request that timed out on this side is still outstanding on the controller: its late
      // answer would arrive on this connection, so it is not handed out again but closed.
      healthy =
          e.getResultCode().isConnectionUsable()
              && !ResultCode.TIMEOUT.equals(e.getResultCode())
              && !(e.getCause() instanceof LDAPException cause
                  && ResultCode.TIMEOUT.equals(cause.getResultCode()));
      throw e;
    } finally {
      if (healthy) {
        pool.releaseConnection(c);
      } else {
        pool.releaseDefunctConnection(c);
      }
    }
  }

  private void observe(ResultCode code) {
    available = !Outcomes.isUnreachable(code);
  }

  private void probe() {
    try {
      withConnection(c -> c.getRootDSE());
    } catch (LDAPException e) {
      log.debug(
          "Active Directory health check on {}:{} failed: result {}",
          host,
          port,
          e.getResultCode().intValue());
    } catch (RuntimeException e) {
      log.debug(
          "Active Directory health check on {}:{} failed: {}",
          host,
          port,
          e.getClass().getSimpleName());
    }
  }

  Duration responseTimeout() {
    return responseTimeout;
  }

  /**
   * Closes the pool, after letting a health check in flight finish (at most the connect and
   * response timeouts): closing the pool under a connection being made would leak its socket.
   */
  @Override
  public void close() {
    health.shutdown();
    try {
      health.awaitTermination(
          connectTimeout.plus(responseTimeout).toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      health.shutdownNow();
      pool.close();
    }
  }

  @Override
  public String toString() {
    return "ActiveDirectoryConnection{"
        + transport
        + " "
        + host
        + ":"
        + port
        + ", as "
        + bindDn
        + ", "
        + trust
        + "}";
  }

  /** An LDAP operation on one connection. */
  @FunctionalInterface
  interface LdapOperation<T> {
    T run(LDAPConnection connection) throws LDAPException;
  }

  /** Configures an {@link ActiveDirectoryConnection}. Not thread-safe. */
  public static final class Builder {
    private final String host;
    private int port;
    private Transport transport = Transport.LDAPS;
    private @Nullable String bindDn;
    private @Nullable Secret password;
    private TlsTrust trust = TlsTrust.systemDefault();
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration responseTimeout = Duration.ofSeconds(30);
    private Duration healthCheckInterval = Duration.ofSeconds(30);
    private int maxConnections = 4;

    private Builder(String host) {
      this.host = requireNonNull(host, "host");
      if (host.isBlank()) {
        throw new IllegalArgumentException("host must not be blank");
      }
    }

    /** The port; default 636 for {@link Transport#LDAPS}, 389 for {@link Transport#START_TLS}. */
    public Builder port(int port) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port must be 1..65535, was " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * LDAPS (default) or StartTLS; there is no unencrypted option, since AD refuses passwords
     * without TLS.
     */
    public Builder transport(Transport transport) {
      this.transport = requireNonNull(transport, "transport");
      return this;
    }

    /**
     * The service account's distinguished name (or {@code user@domain}) and password. The password
     * is kept only inside the pool's bind request and never appears in {@code toString} or logs.
     */
    public Builder serviceAccount(String bindDn, Secret password) {
      this.bindDn = requireNonNull(bindDn, "bindDn");
      this.password = requireNonNull(password, "password");
      return this;
    }

    /**
     * Which certificates to trust; default {@link TlsTrust#systemDefault()} with hostname
     * verification.
     */
    public Builder trust(TlsTrust trust) {
      this.trust = requireNonNull(trust, "trust");
      return this;
    }

    /** How long to wait for a connection (TCP, TLS and bind); default 10 s. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /** How long to wait for one operation's answer; default 30 s. */
    public Builder responseTimeout(Duration timeout) {
      this.responseTimeout = positive(timeout, "responseTimeout");
      return this;
    }

    /** How often idle connections and the controller are checked; default 30 s. */
    public Builder healthCheckInterval(Duration interval) {
      this.healthCheckInterval = positive(interval, "healthCheckInterval");
      return this;
    }

    /** The most connections held at once; default 4. */
    public Builder maxConnections(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxConnections must be positive, was " + max);
      }
      this.maxConnections = max;
      return this;
    }

    /**
     * A connection pool with this configuration; no connection is made yet.
     *
     * @throws IllegalStateException if no service account was given or the trust material cannot be
     *     read
     */
    public ActiveDirectoryConnection build() {
      if (bindDn == null) {
        throw new IllegalStateException("serviceAccount(...) is required");
      }
      try {
        return new ActiveDirectoryConnection(this);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(
            "the TLS trust material cannot be used: " + e.getClass().getSimpleName(), e);
      } catch (LDAPException e) {
        throw new IllegalStateException(
            "the connection pool cannot be created: result " + e.getResultCode().intValue(), e);
      }
    }

    private static Duration positive(Duration d, String name) {
      if (requireNonNull(d, name).isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + d);
      }
      return d;
    }
  }
}
