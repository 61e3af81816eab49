package io.mystaff.spring.boot;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code mystaff.*} properties: settings of the {@link io.mystaff.core.MyStaff} the starter
 * builds, the embedded in-memory provider, and the web API and page.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("mystaff")
public class MyStaffProperties {
  /**
   * Region (ISO 3166 alpha-2, like "US") used to read phone numbers written without a country code.
   * Unset: numbers must start with "+".
   */
  private @Nullable String defaultPhoneRegion;

  /** Largest page of members or search results a manager can ask for. Unset: mystaff's default. */
  private @Nullable Integer maxPageSize;

  /** How long a manager's session lasts from sign-in. Unset: mystaff's default (8 hours). */
  private @Nullable Duration sessionLifetime;

  /**
   * How long a synced user's password writeback may take before it ends FAILED (UNREACHABLE).
   * Unset: mystaff's default (5 minutes).
   */
  private @Nullable Duration writebackDeadline;

  /** Whether managers may choose the password of a cloud-only user instead of a generated one. */
  private boolean managerChosenPasswordsForCloudUsers;

  private final InMemory inMemory = new InMemory();
  private final Web web = new Web();

  /**
   * The default phone region.
   *
   * @return the region, or null when unset
   */
  public @Nullable String getDefaultPhoneRegion() {
    return defaultPhoneRegion;
  }

  /**
   * Sets the default phone region.
   *
   * @param defaultPhoneRegion an ISO 3166 alpha-2 code, or null
   */
  public void setDefaultPhoneRegion(@Nullable String defaultPhoneRegion) {
    this.defaultPhoneRegion = defaultPhoneRegion;
  }

  /**
   * The largest page size.
   *
   * @return the size, or null when unset
   */
  public @Nullable Integer getMaxPageSize() {
    return maxPageSize;
  }

  /**
   * Sets the largest page size.
   *
   * @param maxPageSize the size, or null for mystaff's default
   */
  public void setMaxPageSize(@Nullable Integer maxPageSize) {
    this.maxPageSize = maxPageSize;
  }

  /**
   * The session lifetime.
   *
   * @return the lifetime, or null when unset
   */
  public @Nullable Duration getSessionLifetime() {
    return sessionLifetime;
  }

  /**
   * Sets the session lifetime.
   *
   * @param sessionLifetime the lifetime, or null for mystaff's default
   */
  public void setSessionLifetime(@Nullable Duration sessionLifetime) {
    this.sessionLifetime = sessionLifetime;
  }

  /**
   * The writeback deadline.
   *
   * @return the deadline, or null when unset
   */
  public @Nullable Duration getWritebackDeadline() {
    return writebackDeadline;
  }

  /**
   * Sets the writeback deadline.
   *
   * @param writebackDeadline the deadline, or null for mystaff's default
   */
  public void setWritebackDeadline(@Nullable Duration writebackDeadline) {
    this.writebackDeadline = writebackDeadline;
  }

  /**
   * Whether managers choose cloud users' passwords.
   *
   * @return true if they may
   */
  public boolean isManagerChosenPasswordsForCloudUsers() {
    return managerChosenPasswordsForCloudUsers;
  }

  /**
   * Sets whether managers choose cloud users' passwords.
   *
   * @param allowed true to let them
   */
  public void setManagerChosenPasswordsForCloudUsers(boolean allowed) {
    this.managerChosenPasswordsForCloudUsers = allowed;
  }

  /**
   * The embedded in-memory provider's properties.
   *
   * @return {@code mystaff.in-memory.*}
   */
  public InMemory getInMemory() {
    return inMemory;
  }

  /**
   * The web API's and page's properties.
   *
   * @return {@code mystaff.web.*}
   */
  public Web getWeb() {
    return web;
  }

  /**
   * {@code mystaff.in-memory.*}: the embedded provider used when the host declares no {@code
   * Directory} bean.
   *
   * @since 0.1.0
   */
  public static class InMemory {
    /**
     * Whether to run on the in-memory provider (mystaff-inmemory on the class path) when the host
     * declares no Directory bean. Off by default: a host must opt in to a directory that forgets
     * every change on restart.
     */
    private boolean enabled;

    /**
     * The tenant fixture (mystaff's JSON format, docs/fixtures.md) to load, as a Spring resource
     * location such as "classpath:tenant.json". Unset: an empty directory.
     */
    private @Nullable String fixture;

    /**
     * Whether the in-memory provider is allowed.
     *
     * @return true if allowed
     */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Allows or forbids the in-memory provider.
     *
     * @param enabled true to allow it
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /**
     * The fixture location.
     *
     * @return the location, or null for an empty directory
     */
    public @Nullable String getFixture() {
      return fixture;
    }

    /**
     * Sets the fixture location.
     *
     * @param fixture a Spring resource location, or null
     */
    public void setFixture(@Nullable String fixture) {
      this.fixture = fixture;
    }
  }

  /**
   * {@code mystaff.web.*}: the REST API and the My Staff page.
   *
   * @since 0.1.0
   */
  public static class Web {
    /** Whether to serve the REST API (and so the page). */
    private boolean enabled = true;

    /** The path under which the REST API is served. */
    private String apiPath = "/mystaff/api";

    /** Whether to serve the My Staff page. */
    private boolean pageEnabled = true;

    /** The path of the My Staff page. */
    private String pagePath = "/mystaff";

    /**
     * The granted authority that tells the manager signed in with multifactor authentication (for
     * example "MFA" or "amr_mfa"). Unset: no principal counts as MFA-authenticated, so a
     * conditional access hook that requires MFA refuses every manager.
     */
    private @Nullable String mfaAuthority;

    /** How many of each manager's own recent audit events the API keeps to show them. */
    private int recentAuditEvents = 100;

    /**
     * How often a writeback's event stream sends a comment line while nothing else happens, so a
     * client that went away is noticed (and its stream ended) by the failed write.
     */
    private Duration streamHeartbeat = Duration.ofSeconds(15);

    /**
     * Whether the REST API is served.
     *
     * @return true if served
     */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Turns the REST API on or off.
     *
     * @param enabled true to serve it
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /**
     * The REST API's path.
     *
     * @return a path starting with "/"
     */
    public String getApiPath() {
      return apiPath;
    }

    /**
     * Sets the REST API's path.
     *
     * @param apiPath a path starting with "/"
     */
    public void setApiPath(String apiPath) {
      this.apiPath = apiPath;
    }

    /**
     * Whether the page is served.
     *
     * @return true if served
     */
    public boolean isPageEnabled() {
      return pageEnabled;
    }

    /**
     * Turns the page on or off.
     *
     * @param pageEnabled true to serve it
     */
    public void setPageEnabled(boolean pageEnabled) {
      this.pageEnabled = pageEnabled;
    }

    /**
     * The page's path.
     *
     * @return a path starting with "/"
     */
    public String getPagePath() {
      return pagePath;
    }

    /**
     * Sets the page's path.
     *
     * @param pagePath a path starting with "/"
     */
    public void setPagePath(String pagePath) {
      this.pagePath = pagePath;
    }

    /**
     * The authority meaning MFA.
     *
     * @return the authority, or null
     */
    public @Nullable String getMfaAuthority() {
      return mfaAuthority;
    }

    /**
     * Sets the authority meaning MFA.
     *
     * @param mfaAuthority the authority, or null
     */
    public void setMfaAuthority(@Nullable String mfaAuthority) {
      this.mfaAuthority = mfaAuthority;
    }

    /**
     * How many recent events per manager are kept.
     *
     * @return at least 0
     */
    public int getRecentAuditEvents() {
      return recentAuditEvents;
    }

    /**
     * Sets how many recent events per manager are kept.
     *
     * @param recentAuditEvents at least 0
     */
    public void setRecentAuditEvents(int recentAuditEvents) {
      this.recentAuditEvents = recentAuditEvents;
    }

    /**
     * The heartbeat interval of writeback event streams.
     *
     * @return a positive duration
     */
    public Duration getStreamHeartbeat() {
      return streamHeartbeat;
    }

    /**
     * Sets the heartbeat interval of writeback event streams.
     *
     * @param streamHeartbeat a positive duration
     */
    public void setStreamHeartbeat(Duration streamHeartbeat) {
      this.streamHeartbeat = streamHeartbeat;
    }
  }
}
