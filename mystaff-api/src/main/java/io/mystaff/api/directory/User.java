package io.mystaff.api.directory;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.GroupId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.UserId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A user as the directory holds it: an immutable snapshot at {@link #version()}. Every write
 * through {@code DirectoryWriter} names the version it read and produces a user with a higher one.
 *
 * <p>{@code attributes} holds the further directory properties that dynamic membership rules and
 * profiles read, keyed by their Microsoft Graph name ({@code department}, {@code jobTitle}, {@code
 * city}, {@code country}, {@code companyName}, {@code employeeId}, {@code usageLocation}, ...).
 * Keys are compared case-insensitively, as Entra's rule language does. {@code userType} is not an
 * attribute but {@link #userType()}.
 *
 * <p>Ids, the user principal name and the display name reject control, zero-width and
 * bidirectional-control characters, which could make one user pass for another.
 *
 * @since 0.1.0
 */
public final class User {
  private static final Pattern UPN = Pattern.compile("[^@\\s]{1,113}@[^@\\s]{1,255}");
  private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
  private static final int MAX_ATTRIBUTE_LENGTH = 1024;
  private static final String USER_TYPE_ATTRIBUTE = "userType";

  // A loaded directory holds a million of these: the two-valued source and user type are kept as
  // booleans beside the other two, and the sAMAccountName without an Optional, which keeps a user
  // at 56 bytes instead of 64 (and a synced user's Optional, 16 more).
  private final UserId id;
  private final String userPrincipalName;
  private final String displayName;
  private final boolean synced;
  private final @Nullable String onPremisesSamAccountName;
  private final boolean accountEnabled;
  private final boolean guest;
  private final Map<String, String> attributes;
  private final Set<GroupId> groups;
  private final Map<PhoneType, PhoneNumber> phones;
  private final boolean forceChangePasswordNextSignIn;
  private final long version;

  private User(Builder b) {
    if (b.id == null) {
      throw InvalidInputException.of("user id", "is required");
    }
    this.id = b.id;
    if (b.userPrincipalName == null) {
      throw InvalidInputException.of("user principal name", "must look like alias@domain");
    }
    // a copy made with toBuilder keeps its checked principal name and attributes unless changed
    this.userPrincipalName =
        b.principalNameChecked ? b.userPrincipalName : checkUserPrincipalName(b.userPrincipalName);
    this.displayName = Users.requireText(b.displayName, "display name", 256);
    if (b.source == null) {
      throw InvalidInputException.of("source", "is required");
    }
    this.synced = b.source == UserSource.SYNCED_FROM_ON_PREMISES;
    if (b.onPremisesSamAccountName != null) {
      Users.requireText(b.onPremisesSamAccountName, "sAMAccountName", 20);
    }
    this.onPremisesSamAccountName = b.onPremisesSamAccountName;
    this.accountEnabled = b.accountEnabled;
    if (b.userType == null) {
      throw InvalidInputException.of("user type", "is required");
    }
    this.guest = b.userType == UserType.GUEST;
    this.attributes = b.checkedAttributes != null ? b.checkedAttributes : checkedAttributes(b);
    this.groups = Set.copyOf(b.groups.keySet());
    if (b.phones.isEmpty()) {
      this.phones = Collections.emptyMap(); // most users have none: no map of their own
    } else {
      EnumMap<PhoneType, PhoneNumber> p = new EnumMap<>(PhoneType.class);
      p.putAll(b.phones);
      this.phones = Collections.unmodifiableMap(p);
    }
    this.forceChangePasswordNextSignIn = b.forceChangePasswordNextSignIn;
    if (b.version < 0) {
      throw InvalidInputException.of("version", "must not be negative");
    }
    this.version = b.version;
  }

  private static Map<String, String> checkedAttributes(Builder b) {
    TreeMap<String, String> attrs = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Map.Entry<String, String> e : b.attributes.entrySet()) {
      if (!ATTRIBUTE_NAME.matcher(e.getKey()).matches()) {
        throw InvalidInputException.of(
            "attribute name", "must be an identifier of at most 64 characters");
      }
      if (e.getKey().equalsIgnoreCase(USER_TYPE_ATTRIBUTE)) {
        throw InvalidInputException.of(
            "attribute name", "must not be userType; set the user type instead");
      }
      String v = requireNonNull(e.getValue(), "attribute value");
      if (v.length() > MAX_ATTRIBUTE_LENGTH) {
        throw InvalidInputException.of(
            e.getKey(), "must be at most " + MAX_ATTRIBUTE_LENGTH + " characters");
      }
      attrs.put(e.getKey(), v);
    }
    return Attributes.of(attrs);
  }

  /**
   * {@return a builder with no id, principal name or display name yet (required), a cloud-only,
   * enabled member without attributes, groups or phones, at version 0}
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding every part of this user, for a changed copy} */
  public Builder toBuilder() {
    Builder b =
        new Builder()
            .id(id)
            .userPrincipalName(userPrincipalName)
            .displayName(displayName)
            .source(source())
            .accountEnabled(accountEnabled)
            .userType(userType())
            .attributes(attributes)
            .groups(groups)
            .phones(phones)
            .forceChangePasswordNextSignIn(forceChangePasswordNextSignIn)
            .version(version);
    b.onPremisesSamAccountName(onPremisesSamAccountName);
    b.principalNameChecked = true;
    b.checkedAttributes = attributes;
    return b;
  }

  /** {@return the user's immutable object id} */
  public UserId id() {
    return id;
  }

  /**
   * Checks the rule every user principal name follows: {@code alias@domain} (at most 113 and 255
   * characters, no whitespace, one {@code @}) without control, zero-width or bidirectional-control
   * characters. Host forms use it through {@code mystaff-validation}'s {@code @UserPrincipalName}.
   *
   * @param value the user principal name to check
   * @return {@code value}
   * @throws InvalidInputException ({@code userPrincipalName.invalid}) if it breaks the rule
   * @since 0.1.0
   */
  public static String checkUserPrincipalName(String value) {
    if (value == null || !UPN.matcher(value).matches()) {
      throw InvalidInputException.of("user principal name", "must look like alias@domain");
    }
    Users.requireVisible(value, "user principal name");
    return value;
  }

  /** {@return the user principal name, {@code alias@domain}, as the user signs in with it} */
  public String userPrincipalName() {
    return userPrincipalName;
  }

  /** {@return the name shown for the user in lists and audit events} */
  public String displayName() {
    return displayName;
  }

  /** {@return where the account is mastered: in the cloud, or on premises and synchronized} */
  public UserSource source() {
    return synced ? UserSource.SYNCED_FROM_ON_PREMISES : UserSource.CLOUD_ONLY;
  }

  /**
   * {@return true if the account is mastered on premises, so password resets go through writeback}
   */
  public boolean isSynced() {
    return synced;
  }

  /** {@return the on-premises account name of a synced user, if the directory knows it} */
  public Optional<String> onPremisesSamAccountName() {
    return Optional.ofNullable(onPremisesSamAccountName);
  }

  /** {@return false if the account is disabled; disabled managers cannot sign in to My Staff} */
  public boolean accountEnabled() {
    return accountEnabled;
  }

  /**
   * {@return whether the user is a member of the organization or a guest; guests are view-only in
   * My Staff}
   */
  public UserType userType() {
    return guest ? UserType.GUEST : UserType.MEMBER;
  }

  /** {@return true if {@link #userType()} is {@link UserType#GUEST}} */
  public boolean isGuest() {
    return guest;
  }

  /**
   * {@return further directory properties by Graph name: an immutable {@link java.util.SortedMap}
   * with case-insensitive keys ({@link String#CASE_INSENSITIVE_ORDER}), in that order}
   */
  public Map<String, String> attributes() {
    return attributes;
  }

  /**
   * Looks up one further directory property.
   *
   * @param name the Graph name of the property, compared case-insensitively
   * @return its value, or empty if the user has none
   */
  public Optional<String> attribute(String name) {
    java.util.Objects.requireNonNull(name, "name");
    return Optional.ofNullable(attributes.get(name));
  }

  /**
   * {@return the groups this user is a direct member of (used by the feature gate's "selected"
   * mode)}
   */
  public Set<GroupId> groups() {
    return groups;
  }

  /** {@return the phone methods the user has, at most one per type} */
  public Map<PhoneType, PhoneNumber> phones() {
    return phones;
  }

  /**
   * Looks up the phone method of one type.
   *
   * @param type mobile, alternate mobile or office
   * @return the number, or empty if the user has no phone of that type
   */
  public Optional<PhoneNumber> phone(PhoneType type) {
    return Optional.ofNullable(phones.get(requireNonNull(type, "type")));
  }

  /** {@return true if the user must choose a new password at the next sign-in (set by a reset)} */
  public boolean forceChangePasswordNextSignIn() {
    return forceChangePasswordNextSignIn;
  }

  /**
   * {@return the version of this snapshot: increases with every write; compare-and-set writes name
   * the version they read}
   */
  public long version() {
    return version;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof User u
        && id.equals(u.id)
        && userPrincipalName.equals(u.userPrincipalName)
        && displayName.equals(u.displayName)
        && synced == u.synced
        && java.util.Objects.equals(onPremisesSamAccountName, u.onPremisesSamAccountName)
        && accountEnabled == u.accountEnabled
        && guest == u.guest
        && attributes.equals(u.attributes)
        && groups.equals(u.groups)
        && phones.equals(u.phones)
        && forceChangePasswordNextSignIn == u.forceChangePasswordNextSignIn
        && version == u.version;
  }

  @Override
  public int hashCode() {
    return id.hashCode() * 31 + Long.hashCode(version);
  }

  @Override
  public String toString() {
    return "User{id="
        + id
        + ", upn="
        + userPrincipalName
        + ", source="
        + source()
        + ", version="
        + version
        + "}";
  }

  /**
   * Builds a {@link User}; {@code id}, {@code userPrincipalName}, {@code displayName} required.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private @Nullable UserId id;
    private @Nullable String userPrincipalName;
    private @Nullable String displayName;
    private UserSource source = UserSource.CLOUD_ONLY;
    private @Nullable String onPremisesSamAccountName;
    private boolean accountEnabled = true;
    private UserType userType = UserType.MEMBER;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final Map<GroupId, Boolean> groups = new LinkedHashMap<>();
    private final Map<PhoneType, PhoneNumber> phones = new EnumMap<>(PhoneType.class);
    private boolean forceChangePasswordNextSignIn;
    private long version;

    /**
     * True while the principal name is that of the user {@link #toBuilder} copied, and {@link
     * #checkedAttributes} that user's attributes while they are unchanged: both already checked.
     */
    private boolean principalNameChecked;

    private @Nullable Map<String, String> checkedAttributes;

    private Builder() {}

    /**
     * Sets the user's object id (required).
     *
     * @param id the id
     * @return this builder
     */
    public Builder id(UserId id) {
      this.id = id;
      return this;
    }

    /**
     * Sets the user principal name (required), {@code alias@domain}.
     *
     * @param upn the principal name
     * @return this builder
     */
    public Builder userPrincipalName(String upn) {
      this.principalNameChecked = false;
      this.userPrincipalName = upn;
      return this;
    }

    /**
     * Sets the display name (required).
     *
     * @param displayName the display name, visible text of at most 256 characters
     * @return this builder
     */
    public Builder displayName(String displayName) {
      this.displayName = displayName;
      return this;
    }

    /**
     * Sets where the account is mastered (default cloud-only).
     *
     * @param source cloud-only or synchronized from on premises
     * @return this builder
     */
    public Builder source(UserSource source) {
      this.source = source;
      return this;
    }

    /**
     * Sets the on-premises account name of a synced user.
     *
     * @param samAccountName at most 20 characters, or null for none
     * @return this builder
     */
    public Builder onPremisesSamAccountName(@Nullable String samAccountName) {
      this.onPremisesSamAccountName = samAccountName;
      return this;
    }

    /**
     * Enables or disables the account (default enabled).
     *
     * @param enabled false for a disabled account
     * @return this builder
     */
    public Builder accountEnabled(boolean enabled) {
      this.accountEnabled = enabled;
      return this;
    }

    /**
     * Sets whether the user is a member (the default) or a guest.
     *
     * @param type member or guest
     * @return this builder
     */
    public Builder userType(UserType type) {
      this.userType = type;
      return this;
    }

    /**
     * Adds or replaces one further directory property.
     *
     * @param name the Graph name, an identifier of at most 64 characters, not {@code userType}
     * @param value at most 1,024 characters
     * @return this builder
     */
    public Builder attribute(String name, String value) {
      this.checkedAttributes = null;
      this.attributes.put(requireNonNull(name, "name"), requireNonNull(value, "value"));
      return this;
    }

    /**
     * Replaces all further directory properties. Given another user's {@link User#attributes()},
     * the user built shares that immutable map instead of a copy of it (unless attributes are
     * changed after).
     *
     * @param attributes values by Graph name
     * @return this builder
     */
    public Builder attributes(Map<String, String> attributes) {
      this.checkedAttributes = null;
      this.attributes.clear();
      attributes.forEach(this::attribute);
      if (attributes instanceof Attributes checked) {
        // a user's own map: already checked and immutable, so equal users can share one
        this.checkedAttributes = checked;
      }
      return this;
    }

    /**
     * Adds a group the user is a direct member of.
     *
     * @param group the group
     * @return this builder
     */
    public Builder group(GroupId group) {
      this.groups.put(requireNonNull(group, "group"), Boolean.TRUE);
      return this;
    }

    /**
     * Replaces all groups.
     *
     * @param groups the groups the user is a direct member of
     * @return this builder
     */
    public Builder groups(Set<GroupId> groups) {
      this.groups.clear();
      groups.forEach(this::group);
      return this;
    }

    /**
     * Sets or, with an empty number, removes the phone of the given type.
     *
     * @param type mobile, alternate mobile or office
     * @param number the number, or empty to remove that phone
     * @return this builder
     */
    public Builder phone(PhoneType type, Optional<PhoneNumber> number) {
      requireNonNull(type, "type");
      if (number.isPresent()) {
        phones.put(type, number.get());
      } else {
        phones.remove(type);
      }
      return this;
    }

    /**
     * Sets the phone of the given type.
     *
     * @param type mobile, alternate mobile or office
     * @param number the number
     * @return this builder
     */
    public Builder phone(PhoneType type, PhoneNumber number) {
      return phone(type, Optional.of(number));
    }

    /**
     * Replaces all phones.
     *
     * @param phones numbers by type
     * @return this builder
     */
    public Builder phones(Map<PhoneType, PhoneNumber> phones) {
      this.phones.clear();
      this.phones.putAll(phones);
      return this;
    }

    /**
     * Sets whether the user must choose a new password at the next sign-in (default false).
     *
     * @param force true to force a change
     * @return this builder
     */
    public Builder forceChangePasswordNextSignIn(boolean force) {
      this.forceChangePasswordNextSignIn = force;
      return this;
    }

    /**
     * Sets the version of the snapshot (default 0; directories set it on every write).
     *
     * @param version not negative
     * @return this builder
     */
    public Builder version(long version) {
      this.version = version;
      return this;
    }

    /**
     * Builds the user, validating every part.
     *
     * @return the user
     * @throws InvalidInputException if a required part is missing or a part is malformed
     */
    public User build() {
      return new User(this);
    }
  }
}
