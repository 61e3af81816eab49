package io.mystaff.core;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.PageRequest;
import io.mystaff.api.directory.PhoneNumberKind;
import io.mystaff.core.access.FeatureAvailability;
import io.mystaff.spi.VerificationLevel;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The tenant's My Staff settings. Immutable; {@link #defaults()} or {@link #builder()} to create.
 *
 * @param availability who may open My Staff at all (default {@link FeatureAvailability#all()}:
 *     every user who also holds an administrator role active now)
 * @param managerChosenPasswordsForCloudUsers whether a manager may type the new password of a
 *     cloud-only user instead of having one generated (default false, as in Entra)
 * @param temporaryPasswordLength the length of generated temporary passwords, 16 to 256 (default
 *     16)
 * @param defaultPhoneRegion the ISO 3166-1 alpha-2 region (e.g. {@code US}) that national phone
 *     numbers without a leading {@code +} are read in; empty means numbers must be international
 * @param maxPageSize the largest page a listing or search returns, 1 to {@link
 *     PageRequest#MAX_SIZE} (default 100); larger requests are served this many items
 * @param sessionRecheckInterval how long a session's sign-in checks (account enabled, feature
 *     availability, an active role granting a My Staff action, conditional access) hold before a
 *     call runs them again; zero runs them on every call; 0 to {@code sessionLifetime} (default 60
 *     seconds)
 * @param sessionLifetime how long after sign-in a session refuses every call ({@code
 *     SESSION_EXPIRED}), however active it is; more than zero, at most {@link
 *     #MAX_SESSION_LIFETIME} (default 8 hours)
 * @param writebackDeadline how long a synced user's password writeback may take, positive (default
 *     5 minutes, Entra's "several minutes"); one still unfinished then ends FAILED with {@link
 *     io.mystaff.api.password.WritebackFailure#UNREACHABLE} and its final event, and its
 *     precondition no longer holds, so a writeback that wakes up later applies nothing
 * @param allowedPhoneNumberKinds the kinds of number a manager may set as a phone method, not empty
 *     (default {@link #DEFAULT_PHONE_NUMBER_KINDS}: mobile, fixed line, fixed line or mobile); a
 *     number of another kind, e.g. premium-rate, shared-cost or satellite, is refused with an
 *     {@link InvalidInputException} naming the phone type and the number's kind
 * @param minimumManagerChosenPasswordLength the fewest characters a password a manager types
 *     (synced users, and cloud users when {@code managerChosenPasswordsForCloudUsers}) may have,
 *     whatever the password policy says: {@link #MIN_MANAGER_CHOSEN_PASSWORD_LENGTH} (8) to {@link
 *     #MAX_TEMPORARY_PASSWORD_LENGTH} (default 8). A policy can demand more but never less: a
 *     shorter password is rejected ({@code password.tooShort}) before the policy is asked. Eight is
 *     Entra's own minimum, OWASP ASVS 5.0 requirement 6.2.1 (user-set passwords of at least 8
 *     characters) and the least NIST SP 800-63B-4 allows for a password used only with a second
 *     factor; NIST asks for 15 when the password is the only factor, so a host whose staff sign in
 *     with the password alone should raise this setting
 * @param resetLimit how many password resets one manager may attempt in a short time (default
 *     {@link #DEFAULT_RESET_LIMIT}: 10 at once, then one per minute); {@link RateLimit#unlimited()}
 *     turns it off. See {@link StaffSession} for what takes a token
 * @param phoneChangeLimit how many phone method changes (adds, updates, removals) one manager may
 *     attempt in a short time (default {@link #DEFAULT_PHONE_CHANGE_LIMIT}: 20 at once, then one
 *     every 30 seconds); {@link RateLimit#unlimited()} turns it off
 * @param accountActionLimit how many session revocations, and separately how many on-premises
 *     account unlocks, one manager may attempt in a short time (one bucket per kind, default {@link
 *     #DEFAULT_ACCOUNT_ACTION_LIMIT}: 10 at once, then one per minute, like resets); {@link
 *     RateLimit#unlimited()} turns them off
 * @param allowedDeliveryModes how generated temporary passwords of cloud-only users may reach the
 *     user, not empty (default {@link DeliveryMode#SHOW_ONCE} alone); modes that send need a {@link
 *     io.mystaff.spi.CredentialDelivery} ({@code MyStaff.Builder#credentialDelivery})
 * @param defaultDeliveryMode the mode of a reset that names none, one of {@code
 *     allowedDeliveryModes} (default {@link DeliveryMode#SHOW_ONCE})
 * @param verificationLevel the caller verification a password reset or phone change needs (default
 *     {@link VerificationLevel#NONE}); above {@code NONE} it needs a {@link
 *     io.mystaff.spi.VerificationGate}
 * @param elevatedVerificationLevel the caller verification a reset or phone change needs for a
 *     privileged-adjacent user (holding any role assignment, member of a role-assignable group, or
 *     in a restricted management unit) or a user whose registered channel changed within {@code
 *     recentChannelChange}; at least {@code verificationLevel} (default {@link
 *     VerificationLevel#NONE})
 * @param recentChannelChange how recent a change of the user's registered channel makes the user
 *     need {@code elevatedVerificationLevel}; zero or positive (default {@link
 *     #DEFAULT_RECENT_CHANNEL_CHANGE}, 7 days)
 * @param verificationLimit how many verifications (starts and answers) one manager may attempt in a
 *     short time (default {@link #DEFAULT_VERIFICATION_LIMIT}: 10 at once, then one per minute)
 * @param maxBatchSize the most users one bulk call takes, 1 to {@link #MAX_BATCH_SIZE} (default
 *     {@link #DEFAULT_BATCH_SIZE}, 50)
 */
public record MyStaffSettings(
    FeatureAvailability availability,
    boolean managerChosenPasswordsForCloudUsers,
    int temporaryPasswordLength,
    Optional<String> defaultPhoneRegion,
    int maxPageSize,
    Duration sessionRecheckInterval,
    Duration sessionLifetime,
    Duration writebackDeadline,
    Set<PhoneNumberKind> allowedPhoneNumberKinds,
    int minimumManagerChosenPasswordLength,
    RateLimit resetLimit,
    RateLimit phoneChangeLimit,
    RateLimit accountActionLimit,
    Set<DeliveryMode> allowedDeliveryModes,
    DeliveryMode defaultDeliveryMode,
    VerificationLevel verificationLevel,
    VerificationLevel elevatedVerificationLevel,
    Duration recentChannelChange,
    RateLimit verificationLimit,
    int maxBatchSize) {

  /** The shortest temporary password mystaff generates. */
  public static final int MIN_TEMPORARY_PASSWORD_LENGTH = 16;

  /** The longest password Entra accepts. */
  public static final int MAX_TEMPORARY_PASSWORD_LENGTH = 256;

  /** The default {@link #writebackDeadline()}. */
  public static final Duration DEFAULT_WRITEBACK_DEADLINE = Duration.ofMinutes(5);

  /**
   * The default {@link #accountActionLimit()}: 10 revocations (or unlocks) at once, then one per
   * minute.
   *
   * @since 0.2.0
   */
  public static final RateLimit DEFAULT_ACCOUNT_ACTION_LIMIT =
      RateLimit.of(10, Duration.ofMinutes(1));

  /** The default {@link #resetLimit()}: 10 resets at once, then one per minute. */
  public static final RateLimit DEFAULT_RESET_LIMIT = RateLimit.of(10, Duration.ofMinutes(1));

  /**
   * The default {@link #phoneChangeLimit()}: 20 phone changes at once, then one every 30 seconds.
   */
  public static final RateLimit DEFAULT_PHONE_CHANGE_LIMIT =
      RateLimit.of(20, Duration.ofSeconds(30));

  /** The default {@link #sessionRecheckInterval()}. */
  public static final Duration DEFAULT_SESSION_RECHECK_INTERVAL = Duration.ofSeconds(60);

  /** The default {@link #sessionLifetime()}. */
  public static final Duration DEFAULT_SESSION_LIFETIME = Duration.ofHours(8);

  /** The longest {@link #sessionLifetime()}. */
  public static final Duration MAX_SESSION_LIFETIME = Duration.ofDays(7);

  /** The default {@link #allowedPhoneNumberKinds()}: mobile, fixed line, fixed line or mobile. */
  public static final Set<PhoneNumberKind> DEFAULT_PHONE_NUMBER_KINDS =
      Collections.unmodifiableSet(
          EnumSet.of(
              PhoneNumberKind.MOBILE,
              PhoneNumberKind.FIXED_LINE,
              PhoneNumberKind.FIXED_LINE_OR_MOBILE));

  /**
   * The floor of {@link #minimumManagerChosenPasswordLength()} that no setting or policy lowers: 8,
   * Entra's minimum and OWASP ASVS 5.0 requirement 6.2.1.
   */
  public static final int MIN_MANAGER_CHOSEN_PASSWORD_LENGTH = 8;

  /** The default {@link #recentChannelChange()}: 7 days. */
  public static final Duration DEFAULT_RECENT_CHANNEL_CHANGE = Duration.ofDays(7);

  /** The default {@link #verificationLimit()}: 10 verifications at once, then one per minute. */
  public static final RateLimit DEFAULT_VERIFICATION_LIMIT =
      RateLimit.of(10, Duration.ofMinutes(1));

  /** The default {@link #maxBatchSize()}. */
  public static final int DEFAULT_BATCH_SIZE = 50;

  /** The largest {@link #maxBatchSize()}. */
  public static final int MAX_BATCH_SIZE = 1_000;

  private static final Pattern REGION = Pattern.compile("[A-Z]{2}");
  private static final MyStaffSettings DEFAULTS = builder().build();

  /**
   * @throws InvalidInputException if a value is out of its documented range
   */
  public MyStaffSettings {
    requireNonNull(availability, "availability");
    requireNonNull(defaultPhoneRegion, "defaultPhoneRegion");
    if (temporaryPasswordLength < MIN_TEMPORARY_PASSWORD_LENGTH
        || temporaryPasswordLength > MAX_TEMPORARY_PASSWORD_LENGTH) {
      throw InvalidInputException.of(
          "temporary password length",
          "must be between "
              + MIN_TEMPORARY_PASSWORD_LENGTH
              + " and "
              + MAX_TEMPORARY_PASSWORD_LENGTH,
          "settings.invalid");
    }
    if (defaultPhoneRegion.isPresent() && !REGION.matcher(defaultPhoneRegion.get()).matches()) {
      throw InvalidInputException.of(
          "default phone region", "must be two upper-case letters, e.g. US", "settings.invalid");
    }
    if (maxPageSize < 1 || maxPageSize > PageRequest.MAX_SIZE) {
      throw InvalidInputException.of(
          "max page size", "must be between 1 and " + PageRequest.MAX_SIZE, "settings.invalid");
    }
    requireNonNull(writebackDeadline, "writebackDeadline");
    if (writebackDeadline.isNegative() || writebackDeadline.isZero()) {
      throw InvalidInputException.of("writeback deadline", "must be positive", "settings.invalid");
    }
    requireNonNull(resetLimit, "resetLimit");
    requireNonNull(phoneChangeLimit, "phoneChangeLimit");
    requireNonNull(accountActionLimit, "accountActionLimit");
    requireNonNull(sessionRecheckInterval, "sessionRecheckInterval");
    requireNonNull(sessionLifetime, "sessionLifetime");
    if (sessionLifetime.isNegative()
        || sessionLifetime.isZero()
        || sessionLifetime.compareTo(MAX_SESSION_LIFETIME) > 0) {
      throw InvalidInputException.of(
          "session lifetime", "must be more than zero and at most 7 days", "settings.invalid");
    }
    if (sessionRecheckInterval.isNegative()
        || sessionRecheckInterval.compareTo(sessionLifetime) > 0) {
      throw InvalidInputException.of(
          "session recheck interval",
          "must be between zero and the session lifetime",
          "settings.invalid");
    }
    requireNonNull(allowedPhoneNumberKinds, "allowedPhoneNumberKinds");
    if (allowedPhoneNumberKinds.isEmpty()
        || allowedPhoneNumberKinds.stream().anyMatch(Objects::isNull)) {
      throw InvalidInputException.of(
          "allowed phone number kinds", "must name at least one kind", "settings.invalid");
    }
    allowedPhoneNumberKinds = Collections.unmodifiableSet(EnumSet.copyOf(allowedPhoneNumberKinds));
    if (minimumManagerChosenPasswordLength < MIN_MANAGER_CHOSEN_PASSWORD_LENGTH
        || minimumManagerChosenPasswordLength > MAX_TEMPORARY_PASSWORD_LENGTH) {
      throw InvalidInputException.of(
          "minimum manager-chosen password length",
          "must be between "
              + MIN_MANAGER_CHOSEN_PASSWORD_LENGTH
              + " and "
              + MAX_TEMPORARY_PASSWORD_LENGTH,
          "settings.invalid");
    }
    requireNonNull(allowedDeliveryModes, "allowedDeliveryModes");
    if (allowedDeliveryModes.isEmpty() || allowedDeliveryModes.stream().anyMatch(Objects::isNull)) {
      throw InvalidInputException.of(
          "allowed delivery modes", "must name at least one mode", "settings.invalid");
    }
    allowedDeliveryModes = Collections.unmodifiableSet(EnumSet.copyOf(allowedDeliveryModes));
    requireNonNull(defaultDeliveryMode, "defaultDeliveryMode");
    if (!allowedDeliveryModes.contains(defaultDeliveryMode)) {
      throw InvalidInputException.of(
          "default delivery mode", "must be one of the allowed delivery modes", "settings.invalid");
    }
    requireNonNull(verificationLevel, "verificationLevel");
    requireNonNull(elevatedVerificationLevel, "elevatedVerificationLevel");
    if (!elevatedVerificationLevel.satisfies(verificationLevel)) {
      throw InvalidInputException.of(
          "elevated verification level",
          "must be at least the verification level",
          "settings.invalid");
    }
    requireNonNull(recentChannelChange, "recentChannelChange");
    if (recentChannelChange.isNegative()) {
      throw InvalidInputException.of(
          "recent channel change", "must not be negative", "settings.invalid");
    }
    requireNonNull(verificationLimit, "verificationLimit");
    if (maxBatchSize < 1 || maxBatchSize > MAX_BATCH_SIZE) {
      throw InvalidInputException.of(
          "max batch size", "must be between 1 and " + MAX_BATCH_SIZE, "settings.invalid");
    }
  }

  /** Every setting at its default. */
  public static MyStaffSettings defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings, to derive changed ones. */
  public Builder toBuilder() {
    return new Builder()
        .availability(availability)
        .managerChosenPasswordsForCloudUsers(managerChosenPasswordsForCloudUsers)
        .temporaryPasswordLength(temporaryPasswordLength)
        .defaultPhoneRegion(defaultPhoneRegion)
        .maxPageSize(maxPageSize)
        .sessionRecheckInterval(sessionRecheckInterval)
        .sessionLifetime(sessionLifetime)
        .writebackDeadline(writebackDeadline)
        .allowedPhoneNumberKinds(allowedPhoneNumberKinds)
        .minimumManagerChosenPasswordLength(minimumManagerChosenPasswordLength)
        .resetLimit(resetLimit)
        .phoneChangeLimit(phoneChangeLimit)
        .accountActionLimit(accountActionLimit)
        .allowedDeliveryModes(allowedDeliveryModes)
        .defaultDeliveryMode(defaultDeliveryMode)
        .verificationLevel(verificationLevel)
        .elevatedVerificationLevel(elevatedVerificationLevel)
        .recentChannelChange(recentChannelChange)
        .verificationLimit(verificationLimit)
        .maxBatchSize(maxBatchSize);
  }

  /** {@code requested} capped at {@link #maxPageSize()}, keeping its cursor. */
  PageRequest cap(PageRequest requested) {
    return requested.size() <= maxPageSize
        ? requested
        : new PageRequest(maxPageSize, requested.cursor());
  }

  /** Collects settings; unset ones keep their defaults. {@link #build()} validates. */
  public static final class Builder {
    private FeatureAvailability availability = FeatureAvailability.all();
    private boolean managerChosenPasswordsForCloudUsers;
    private int temporaryPasswordLength = MIN_TEMPORARY_PASSWORD_LENGTH;
    private Optional<String> defaultPhoneRegion = Optional.empty();
    private int maxPageSize = 100;
    private Duration sessionRecheckInterval = DEFAULT_SESSION_RECHECK_INTERVAL;
    private Duration sessionLifetime = DEFAULT_SESSION_LIFETIME;
    private Duration writebackDeadline = DEFAULT_WRITEBACK_DEADLINE;
    private Set<PhoneNumberKind> allowedPhoneNumberKinds = DEFAULT_PHONE_NUMBER_KINDS;
    private int minimumManagerChosenPasswordLength = MIN_MANAGER_CHOSEN_PASSWORD_LENGTH;
    private RateLimit resetLimit = DEFAULT_RESET_LIMIT;
    private RateLimit phoneChangeLimit = DEFAULT_PHONE_CHANGE_LIMIT;
    private RateLimit accountActionLimit = DEFAULT_ACCOUNT_ACTION_LIMIT;
    private Set<DeliveryMode> allowedDeliveryModes = EnumSet.of(DeliveryMode.SHOW_ONCE);
    private DeliveryMode defaultDeliveryMode = DeliveryMode.SHOW_ONCE;
    private VerificationLevel verificationLevel = VerificationLevel.NONE;
    private VerificationLevel elevatedVerificationLevel = VerificationLevel.NONE;
    private Duration recentChannelChange = DEFAULT_RECENT_CHANNEL_CHANGE;
    private RateLimit verificationLimit = DEFAULT_VERIFICATION_LIMIT;
    private int maxBatchSize = DEFAULT_BATCH_SIZE;

    private Builder() {}

    /** Who may open My Staff; see {@link MyStaffSettings#availability()}. */
    public Builder availability(FeatureAvailability availability) {
      this.availability = requireNonNull(availability, "availability");
      return this;
    }

    /** Whether managers may choose cloud-only users' passwords. */
    public Builder managerChosenPasswordsForCloudUsers(boolean allowed) {
      this.managerChosenPasswordsForCloudUsers = allowed;
      return this;
    }

    /** The length of generated temporary passwords, 16 to 256; checked by {@link #build()}. */
    public Builder temporaryPasswordLength(int length) {
      this.temporaryPasswordLength = length;
      return this;
    }

    /**
     * The region national phone numbers are read in (e.g. {@code US}); checked by {@link #build()}.
     */
    public Builder defaultPhoneRegion(Optional<String> region) {
      this.defaultPhoneRegion = requireNonNull(region, "region");
      return this;
    }

    /**
     * The largest page a listing returns, 1 to {@link PageRequest#MAX_SIZE}; checked by {@link
     * #build()}.
     */
    public Builder maxPageSize(int size) {
      this.maxPageSize = size;
      return this;
    }

    /**
     * How long a session's sign-in checks hold before a call runs them again, zero for every call;
     * checked by {@link #build()}.
     */
    public Builder sessionRecheckInterval(Duration interval) {
      this.sessionRecheckInterval = requireNonNull(interval, "interval");
      return this;
    }

    /** How long a session lasts after sign-in; checked by {@link #build()}. */
    public Builder sessionLifetime(Duration lifetime) {
      this.sessionLifetime = requireNonNull(lifetime, "lifetime");
      return this;
    }

    /**
     * How long a password writeback may take before it ends FAILED with {@code UNREACHABLE};
     * positive; checked by {@link #build()}.
     *
     * @since 0.1.0
     */
    public Builder writebackDeadline(Duration deadline) {
      this.writebackDeadline = requireNonNull(deadline, "deadline");
      return this;
    }

    /**
     * The kinds of number managers may set, not empty; see {@link
     * MyStaffSettings#allowedPhoneNumberKinds()}. Checked by {@link #build()}.
     *
     * @since 0.1.0
     */
    public Builder allowedPhoneNumberKinds(Set<PhoneNumberKind> kinds) {
      this.allowedPhoneNumberKinds = requireNonNull(kinds, "kinds");
      return this;
    }

    /**
     * How many password resets one manager may attempt in a short time; {@link
     * RateLimit#unlimited()} for no limit.
     *
     * @since 0.1.0
     */
    public Builder resetLimit(RateLimit limit) {
      this.resetLimit = requireNonNull(limit, "limit");
      return this;
    }

    /**
     * The fewest characters of a manager-chosen password, 8 to 256; see {@link
     * MyStaffSettings#minimumManagerChosenPasswordLength()}. Checked by {@link #build()}.
     *
     * @since 0.1.0
     */
    public Builder minimumManagerChosenPasswordLength(int length) {
      this.minimumManagerChosenPasswordLength = length;
      return this;
    }

    /**
     * How many phone method changes one manager may attempt in a short time; {@link
     * RateLimit#unlimited()} for no limit.
     *
     * @since 0.1.0
     */
    public Builder phoneChangeLimit(RateLimit limit) {
      this.phoneChangeLimit = requireNonNull(limit, "limit");
      return this;
    }

    /**
     * How many session revocations, and separately how many account unlocks, one manager may
     * attempt in a short time; {@link RateLimit#unlimited()} for no limit.
     *
     * @since 0.2.0
     */
    public Builder accountActionLimit(RateLimit limit) {
      this.accountActionLimit = requireNonNull(limit, "limit");
      return this;
    }

    /**
     * How generated temporary passwords may reach cloud-only users, not empty; see {@link
     * MyStaffSettings#allowedDeliveryModes()}. Checked by {@link #build()}.
     *
     * @since 0.2.0
     */
    public Builder allowedDeliveryModes(Set<DeliveryMode> modes) {
      this.allowedDeliveryModes = requireNonNull(modes, "modes");
      return this;
    }

    /**
     * The delivery mode of a reset that names none; one of the allowed modes, checked by {@link
     * #build()}.
     *
     * @since 0.2.0
     */
    public Builder defaultDeliveryMode(DeliveryMode mode) {
      this.defaultDeliveryMode = requireNonNull(mode, "mode");
      return this;
    }

    /**
     * The caller verification resets and phone changes need; see {@link
     * MyStaffSettings#verificationLevel()}.
     *
     * @since 0.2.0
     */
    public Builder verificationLevel(VerificationLevel level) {
      this.verificationLevel = requireNonNull(level, "level");
      return this;
    }

    /**
     * The caller verification privileged-adjacent users and users with a recently changed channel
     * need; at least {@link #verificationLevel}, checked by {@link #build()}.
     *
     * @since 0.2.0
     */
    public Builder elevatedVerificationLevel(VerificationLevel level) {
      this.elevatedVerificationLevel = requireNonNull(level, "level");
      return this;
    }

    /**
     * How recent a change of the user's channel makes the user need the elevated level; checked by
     * {@link #build()}.
     *
     * @since 0.2.0
     */
    public Builder recentChannelChange(Duration window) {
      this.recentChannelChange = requireNonNull(window, "window");
      return this;
    }

    /**
     * How many verifications one manager may attempt in a short time; {@link RateLimit#unlimited()}
     * for no limit.
     *
     * @since 0.2.0
     */
    public Builder verificationLimit(RateLimit limit) {
      this.verificationLimit = requireNonNull(limit, "limit");
      return this;
    }

    /**
     * The most users one bulk call takes, 1 to {@link MyStaffSettings#MAX_BATCH_SIZE}; checked by
     * {@link #build()}.
     *
     * @since 0.2.0
     */
    public Builder maxBatchSize(int size) {
      this.maxBatchSize = size;
      return this;
    }

    /**
     * Builds the settings from the values given and the defaults of the others.
     *
     * @return the settings
     * @throws InvalidInputException if a value is out of its documented range
     */
    public MyStaffSettings build() {
      return new MyStaffSettings(
          availability,
          managerChosenPasswordsForCloudUsers,
          temporaryPasswordLength,
          defaultPhoneRegion,
          maxPageSize,
          sessionRecheckInterval,
          sessionLifetime,
          writebackDeadline,
          allowedPhoneNumberKinds,
          minimumManagerChosenPasswordLength,
          resetLimit,
          phoneChangeLimit,
          accountActionLimit,
          allowedDeliveryModes,
          defaultDeliveryMode,
          verificationLevel,
          elevatedVerificationLevel,
          recentChannelChange,
          verificationLimit,
          maxBatchSize);
    }
  }
}
