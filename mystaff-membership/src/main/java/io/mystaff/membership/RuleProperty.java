package io.mystaff.membership;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.directory.User;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A user property that a membership rule may read, written {@code user.<name>} in a rule. Names are
 * case-insensitive; {@link #name()} is always the canonical Microsoft Graph spelling (e.g. {@code
 * jobTitle}), so two properties are equal exactly when they read the same value.
 *
 * <p>The supported properties are those Entra lists for user rules that a {@link User} can hold:
 *
 * <ul>
 *   <li>booleans {@code accountEnabled} ({@link User#accountEnabled()}) and {@code dirSyncEnabled}
 *       ({@link User#isSynced()});
 *   <li>strings {@code userPrincipalName}, {@code displayName}, {@code objectId} ({@link
 *       User#id()}) and {@code userType} ({@link User#userType()}: {@code Member} or {@code
 *       Guest}), which every user has;
 *   <li>strings read through {@link User#attribute(String)}, absent when the user lacks them:
 *       {@code city}, {@code companyName}, {@code country}, {@code department}, {@code employeeId},
 *       {@code facsimileTelephoneNumber}, {@code givenName}, {@code jobTitle}, {@code mail}, {@code
 *       mailNickname}, {@code mobile}, {@code onPremisesDistinguishedName}, {@code
 *       onPremisesSecurityIdentifier}, {@code passwordPolicies}, {@code
 *       physicalDeliveryOfficeName}, {@code postalCode}, {@code preferredLanguage}, {@code
 *       sipProxyAddress}, {@code state}, {@code streetAddress}, {@code surname}, {@code
 *       telephoneNumber}, {@code usageLocation}, {@code extensionAttribute1} to {@code
 *       extensionAttribute15}, and custom extension properties {@code extension_<32 letters or
 *       digits>_<attribute>} (canonically lower-case).
 * </ul>
 *
 * Multi-valued properties ({@code otherMails}, {@code proxyAddresses}, {@code assignedPlans},
 * {@code memberOf}) and the date {@code employeeHireDate} are not supported.
 *
 * @param name the canonical spelling, without the {@code user.} prefix
 */
public record RuleProperty(String name) {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_]+");
  private static final Pattern CUSTOM_EXTENSION =
      Pattern.compile("extension_[0-9a-z]{32}_[0-9a-z_]+");

  /** Canonical spellings of the fixed properties, keyed by their lower-case form. */
  private static final Map<String, String> FIXED = fixedProperties();

  /** The kind of value a property holds, which decides the operators it can be compared with. */
  public enum Type {
    /** Compared with {@code true} or {@code false} by {@code -eq} and {@code -ne} only. */
    BOOLEAN,
    /** Compared case-insensitively by every operator; may be absent ({@code null}). */
    STRING
  }

  /**
   * @throws InvalidInputException (field {@code membership rule}) if {@code name} is not a
   *     supported user property
   */
  public RuleProperty {
    requireNonNull(name, "name");
    // ASCII only: a Unicode case mapping (the Kelvin sign to "k", say) must not reach a property.
    String lower = IDENTIFIER.matcher(name).matches() ? name.toLowerCase(Locale.ROOT) : "";
    String fixed = FIXED.get(lower);
    if (fixed != null) {
      name = fixed;
    } else if (CUSTOM_EXTENSION.matcher(lower).matches()) {
      name = lower;
    } else {
      throw InvalidInputException.of(
          MembershipRule.FIELD,
          "\"user." + abbreviate(name) + "\" is not a supported user property");
    }
  }

  /** The property called {@code name} (case-insensitive, without the {@code user.} prefix). */
  public static RuleProperty of(String name) {
    return new RuleProperty(name);
  }

  /** Whether this property is a boolean or a string. */
  public Type type() {
    return name.equals("accountEnabled") || name.equals("dirSyncEnabled")
        ? Type.BOOLEAN
        : Type.STRING;
  }

  /** This property as a rule spells it: {@code user.<name>}. */
  @Override
  public String toString() {
    return "user." + name;
  }

  /** The value of a {@link Type#STRING} property of {@code user}, empty when absent. */
  Optional<String> readString(User user) {
    return switch (name) {
      case "userPrincipalName" -> Optional.of(user.userPrincipalName());
      case "displayName" -> Optional.of(user.displayName());
      case "objectId" -> Optional.of(user.id().value());
      case "userType" -> Optional.of(user.userType().graphName());
      default -> user.attribute(name);
    };
  }

  /** The value of a {@link Type#BOOLEAN} property of {@code user}. */
  boolean readBoolean(User user) {
    return name.equals("accountEnabled") ? user.accountEnabled() : user.isSynced();
  }

  static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }

  private static Map<String, String> fixedProperties() {
    Map<String, String> names = new HashMap<>();
    for (String name :
        new String[] {
          "accountEnabled",
          "dirSyncEnabled",
          "city",
          "companyName",
          "country",
          "department",
          "displayName",
          "employeeId",
          "facsimileTelephoneNumber",
          "givenName",
          "jobTitle",
          "mail",
          "mailNickname",
          "mobile",
          "objectId",
          "onPremisesDistinguishedName",
          "onPremisesSecurityIdentifier",
          "passwordPolicies",
          "physicalDeliveryOfficeName",
          "postalCode",
          "preferredLanguage",
          "sipProxyAddress",
          "state",
          "streetAddress",
          "surname",
          "telephoneNumber",
          "usageLocation",
          "userPrincipalName",
          "userType"
        }) {
      names.put(name.toLowerCase(Locale.ROOT), name);
    }
    for (int i = 1; i <= 15; i++) {
      names.put("extensionattribute" + i, "extensionAttribute" + i);
    }
    return Map.copyOf(names);
  }
}
