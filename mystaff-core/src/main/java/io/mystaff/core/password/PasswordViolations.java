package io.mystaff.core.password;

/**
 * The stable message keys of every {@link io.mystaff.api.password.PolicyViolation} that the
 * policies in this package report, with the arguments each key carries. A host renders its own text
 * for a key (the arguments fill placeholders); it never parses them.
 *
 * <p>Arguments are facts about the policy (a limit, a required count) or, for {@link #BANNED}, the
 * candidate's score. They never contain the password, a normalized form of it, the position of a
 * match within it, or the banned term or name that matched.
 */
public final class PasswordViolations {

  /** Shorter than the policy allows. Argument {@code minLength}: the minimum, in characters. */
  public static final String TOO_SHORT = "password.tooShort";

  /** Longer than the policy allows. Argument {@code maxLength}: the maximum, in characters. */
  public static final String TOO_LONG = "password.tooLong";

  /**
   * Contains a character the policy does not allow (Entra: anything outside printable ASCII, that
   * is outside A–Z, a–z, 0–9, the ASCII symbols and the blank space). No arguments.
   */
  public static final String DISALLOWED_CHARACTER = "password.disallowedCharacter";

  /**
   * Uses characters from too few categories. Arguments: {@code categoriesRequired} (e.g. {@code 3})
   * and {@code categories}, the comma-separated names of the categories the policy counts, drawn
   * from {@code uppercase}, {@code lowercase}, {@code digit}, {@code symbol} and {@code
   * otherLetter} (a letter that is neither upper- nor lowercase, e.g. from Asian scripts).
   */
  public static final String TOO_FEW_CATEGORIES = "password.tooFewCategories";

  /**
   * Contains one of the user's names: for Entra a token of at least four characters from the
   * display name or the user principal name's local part. No arguments.
   */
  public static final String CONTAINS_USER_NAME = "password.containsUserName";

  /** Contains a token of at least four characters from the tenant's name (Entra). No arguments. */
  public static final String CONTAINS_TENANT_NAME = "password.containsTenantName";

  /**
   * Contains the user's on-premises account name (sAMAccountName), ignoring case (Active Directory
   * complexity). No arguments.
   */
  public static final String CONTAINS_ACCOUNT_NAME = "password.containsAccountName";

  /**
   * Contains a token of at least three characters of the user's display name, ignoring case (Active
   * Directory complexity). No arguments.
   */
  public static final String CONTAINS_DISPLAY_NAME = "password.containsDisplayName";

  /**
   * Built too much from banned terms (Entra Password Protection). Arguments: {@code score}, the
   * points the candidate earned, and {@code requiredScore}, the points needed ({@code 5}).
   */
  public static final String BANNED = "password.banned";

  /** Equals a password in the user's history. No arguments. */
  public static final String RECENTLY_USED = "password.recentlyUsed";

  private PasswordViolations() {}
}
