package io.mystaff.core.password;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.password.PasswordCheck;
import io.mystaff.api.password.PasswordContext;
import io.mystaff.api.password.PolicyViolation;
import io.mystaff.api.password.Secret;
import io.mystaff.spi.PasswordPolicy;
import java.time.Duration;
import java.util.List;

/**
 * An on-premises Active Directory domain password policy, for users whose password is written back
 * to Active Directory. Each failure is reported as one {@link PolicyViolation} keyed by a {@link
 * PasswordViolations} constant, in this order:
 *
 * <ol>
 *   <li>"Minimum password length": at least {@link #minimumLength()} characters ({@link
 *       PasswordViolations#TOO_SHORT}), and at most {@link #maximumLength()} ({@link
 *       PasswordViolations#TOO_LONG}; Active Directory stores up to 256). Lengths count UTF-16 code
 *       units, as Windows does.
 *   <li>"Password must meet complexity requirements", when {@linkplain #complexityEnabled()
 *       enabled}:
 *       <ul>
 *         <li>characters from three of five categories ({@link
 *             PasswordViolations#TOO_FEW_CATEGORIES}): uppercase letters and lowercase letters of
 *             any script ({@link Character#isUpperCase(int)}, {@link Character#isLowerCase(int)}:
 *             A–Z, diacritics, Greek, Cyrillic...); the base-10 digits 0–9; the non-alphanumeric
 *             characters {@code ~!@#$%^&*_-+=`|\(){}[]:;"'<>,.?/} (currency symbols and the space
 *             do not count); and alphabetic characters that are neither upper- nor lowercase, such
 *             as those of Asian scripts;
 *         <li>not containing the sAMAccountName, ignoring case, unless it is shorter than three
 *             characters ({@link PasswordViolations#CONTAINS_ACCOUNT_NAME});
 *         <li>not containing any token of the display name, ignoring case, where the display name
 *             is split at commas, periods, hyphens, underscores, number signs, spaces and tabs and
 *             tokens shorter than three characters are ignored: "Erin M. Hagens" forbids "erin" and
 *             "hagens" ({@link PasswordViolations#CONTAINS_DISPLAY_NAME}).
 *       </ul>
 *   <li>"Enforce password history", when {@linkplain #enforcesHistory() enforced}: not in the
 *       user's {@link PasswordContext#history() history} ({@link
 *       PasswordViolations#RECENTLY_USED}). How many passwords are remembered is the history's
 *       business.
 * </ol>
 *
 * <p><b>Ages.</b> The policy also carries the domain's "Minimum password age" ({@link
 * #minimumPasswordAge()}, default 1 day) and "Maximum password age" ({@link #maximumPasswordAge()},
 * default 42 days; zero means passwords never expire). They are data, not checks: {@link #check}
 * cannot see when a password was last set, so, as DOMAIN decision 14 says, the directory enforces
 * minimum age itself and its refusal becomes {@code POLICY_VIOLATION} (the in-memory {@code
 * SimulatedOnPremisesWriteback} enforces it). Whether an administrator's reset is forced to be
 * changed at next sign-in depends on the user's own "password never expires" flag, not on this
 * policy.
 *
 * <p>Immutable and thread-safe. {@link #check} reads the candidate into arrays it wipes before
 * returning and never turns it into a {@code String}.
 */
public final class ActiveDirectoryPasswordPolicy implements PasswordPolicy {
  /** The minimum length of the Default Domain Policy. */
  public static final int DEFAULT_MINIMUM_LENGTH = 7;

  /** The longest password Active Directory stores. */
  public static final int DEFAULT_MAXIMUM_LENGTH = 256;

  /** The "Minimum password age" of the Default Domain Policy. */
  public static final Duration DEFAULT_MINIMUM_PASSWORD_AGE = Duration.ofDays(1);

  /** The "Maximum password age" of the Default Domain Policy. */
  public static final Duration DEFAULT_MAXIMUM_PASSWORD_AGE = Duration.ofDays(42);

  /** How many of the five character categories a complex password must use. */
  public static final int REQUIRED_CATEGORIES = 3;

  /** Name parts shorter than this are not looked for. */
  static final int MIN_NAME_LENGTH = 3;

  private static final String SYMBOLS = "~!@#$%^&*_-+=`|\\(){}[]:;\"'<>,.?/";
  private static final String CATEGORIES = "uppercase,lowercase,digit,symbol,otherLetter";
  private static final int UPPERCASE = 1;
  private static final int LOWERCASE = 2;
  private static final int DIGIT = 4;
  private static final int SYMBOL = 8;
  private static final int OTHER_LETTER = 16;

  private static final ActiveDirectoryPasswordPolicy DEFAULTS = new Builder().build();

  private final int minimumLength;
  private final int maximumLength;
  private final boolean complexityEnabled;
  private final boolean enforcesHistory;
  private final Duration minimumPasswordAge;
  private final Duration maximumPasswordAge;

  private ActiveDirectoryPasswordPolicy(Builder builder) {
    this.minimumLength = builder.minimumLength;
    this.maximumLength = builder.maximumLength;
    this.complexityEnabled = builder.complexityEnabled;
    this.enforcesHistory = builder.enforceHistory;
    this.minimumPasswordAge = builder.minimumPasswordAge;
    this.maximumPasswordAge = builder.maximumPasswordAge;
  }

  /**
   * The Default Domain Policy: minimum length 7, complexity requirements enabled, history enforced
   * (through {@link PasswordContext#history()}), maximum length 256.
   */
  public static ActiveDirectoryPasswordPolicy defaults() {
    return DEFAULTS;
  }

  /** A builder that starts from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from this policy's settings. */
  public Builder toBuilder() {
    return new Builder()
        .minimumLength(minimumLength)
        .maximumLength(maximumLength)
        .complexityEnabled(complexityEnabled)
        .enforceHistory(enforcesHistory)
        .minimumPasswordAge(minimumPasswordAge)
        .maximumPasswordAge(maximumPasswordAge);
  }

  /** Returns {@code "on-premises-ad"}. */
  @Override
  public String name() {
    return "on-premises-ad";
  }

  /**
   * Checks {@code candidate} against every rule in the class description and reports each rule it
   * breaks, in that order.
   *
   * @throws IllegalStateException if {@code candidate} was destroyed
   */
  @Override
  public PasswordCheck check(Secret candidate, PasswordContext context) {
    requireNonNull(candidate, "candidate");
    requireNonNull(context, "context");
    char[] chars = candidate.toCharArray();
    char[] folded = null;
    try {
      ViolationCollector violations = new ViolationCollector();
      violations.checkLength(chars.length, minimumLength, maximumLength);
      if (complexityEnabled) {
        violations.checkCategories(categories(chars), REQUIRED_CATEGORIES, CATEGORIES);
        folded = CharFolding.IGNORE_CASE.fold(chars);
        violations.reportIf(
            accountName(context).occursIn(folded), PasswordViolations.CONTAINS_ACCOUNT_NAME);
        violations.reportIf(
            displayName(context).occursIn(folded), PasswordViolations.CONTAINS_DISPLAY_NAME);
      }
      violations.reportIf(
          enforcesHistory && context.history().contains(candidate),
          PasswordViolations.RECENTLY_USED);
      return violations.toCheck();
    } finally {
      CharFolding.wipe(chars);
      CharFolding.wipe(folded);
    }
  }

  /** The fewest characters a password may have ({@code 0} means no minimum). */
  public int minimumLength() {
    return minimumLength;
  }

  /** The most characters a password may have. */
  public int maximumLength() {
    return maximumLength;
  }

  /** True if "Password must meet complexity requirements" is enabled. */
  public boolean complexityEnabled() {
    return complexityEnabled;
  }

  /** True if a password in the user's history is rejected. */
  public boolean enforcesHistory() {
    return enforcesHistory;
  }

  /**
   * How long a password must be kept before the user may change it again ("Minimum password age");
   * zero for none. Enforced by the directory, not by {@link #check}.
   *
   * @since 0.1.0
   */
  public Duration minimumPasswordAge() {
    return minimumPasswordAge;
  }

  /**
   * How long a password may be used before it expires ("Maximum password age"); zero means
   * passwords never expire.
   *
   * @since 0.1.0
   */
  public Duration maximumPasswordAge() {
    return maximumPasswordAge;
  }

  /**
   * True if passwords under this policy never expire (a maximum age of zero).
   *
   * @since 0.1.0
   */
  public boolean passwordsNeverExpire() {
    return maximumPasswordAge.isZero();
  }

  @Override
  public String toString() {
    return "ActiveDirectoryPasswordPolicy[minimumLength="
        + minimumLength
        + ", maximumLength="
        + maximumLength
        + ", complexityEnabled="
        + complexityEnabled
        + ", enforcesHistory="
        + enforcesHistory
        + ", minimumPasswordAge="
        + minimumPasswordAge
        + ", maximumPasswordAge="
        + maximumPasswordAge
        + "]";
  }

  /** The category bits of the characters, read by code point. */
  private static int categories(char[] chars) {
    int categories = 0;
    for (int i = 0; i < chars.length; ) {
      int cp = Character.codePointAt(chars, i);
      i += Character.charCount(cp);
      if (Character.isUpperCase(cp)) {
        categories |= UPPERCASE;
      } else if (Character.isLowerCase(cp)) {
        categories |= LOWERCASE;
      } else if (cp >= '0' && cp <= '9') {
        categories |= DIGIT;
      } else if (cp < 128 && SYMBOLS.indexOf(cp) >= 0) {
        categories |= SYMBOL;
      } else if (Character.isAlphabetic(cp)) {
        categories |= OTHER_LETTER;
      }
    }
    return categories;
  }

  private static ForbiddenSubstrings accountName(PasswordContext context) {
    List<String> name =
        context
            .samAccountName()
            .filter(sam -> sam.codePointCount(0, sam.length()) >= MIN_NAME_LENGTH)
            .map(List::of)
            .orElse(List.of());
    return ForbiddenSubstrings.of(name, CharFolding.IGNORE_CASE);
  }

  private static ForbiddenSubstrings displayName(PasswordContext context) {
    return ForbiddenSubstrings.of(
        ForbiddenSubstrings.tokens(context.displayName(), MIN_NAME_LENGTH),
        CharFolding.IGNORE_CASE);
  }

  /**
   * Configures an {@link ActiveDirectoryPasswordPolicy}, starting from {@link #defaults()}. Setters
   * reject out-of-range values with {@link InvalidInputException} and leave the builder unchanged.
   * Not thread-safe; the policies it builds are.
   */
  public static final class Builder {
    private int minimumLength = DEFAULT_MINIMUM_LENGTH;
    private int maximumLength = DEFAULT_MAXIMUM_LENGTH;
    private boolean complexityEnabled = true;
    private boolean enforceHistory = true;
    private Duration minimumPasswordAge = DEFAULT_MINIMUM_PASSWORD_AGE;
    private Duration maximumPasswordAge = DEFAULT_MAXIMUM_PASSWORD_AGE;

    private Builder() {}

    /**
     * The "Minimum password length", from {@code 0} (none) to {@link Secret#MAX_LENGTH}.
     *
     * @throws InvalidInputException if out of range
     */
    public Builder minimumLength(int length) {
      if (length < 0 || length > Secret.MAX_LENGTH) {
        throw InvalidInputException.of(
            "minimumLength", "must be between 0 and " + Secret.MAX_LENGTH);
      }
      this.minimumLength = length;
      return this;
    }

    /**
     * The longest password accepted, from {@code 1} to {@link Secret#MAX_LENGTH}; default 256.
     *
     * @throws InvalidInputException if out of range
     */
    public Builder maximumLength(int length) {
      if (length < 1 || length > Secret.MAX_LENGTH) {
        throw InvalidInputException.of(
            "maximumLength", "must be between 1 and " + Secret.MAX_LENGTH);
      }
      this.maximumLength = length;
      return this;
    }

    /** Whether "Password must meet complexity requirements" is enabled; default {@code true}. */
    public Builder complexityEnabled(boolean enabled) {
      this.complexityEnabled = enabled;
      return this;
    }

    /** Whether passwords in the user's history are rejected; default {@code true}. */
    public Builder enforceHistory(boolean enforce) {
      this.enforceHistory = enforce;
      return this;
    }

    /**
     * The "Minimum password age", zero (none) to 998 days as in Active Directory; default 1 day.
     *
     * @throws InvalidInputException if out of range
     * @since 0.1.0
     */
    public Builder minimumPasswordAge(Duration age) {
      this.minimumPasswordAge = requireAge(age, "minimumPasswordAge");
      return this;
    }

    /**
     * The "Maximum password age", zero (passwords never expire) to 999 days as in Active Directory;
     * default 42 days.
     *
     * @throws InvalidInputException if out of range
     * @since 0.1.0
     */
    public Builder maximumPasswordAge(Duration age) {
      this.maximumPasswordAge = requireAge(age, "maximumPasswordAge");
      return this;
    }

    private static Duration requireAge(Duration age, String field) {
      if (age == null || age.isNegative() || age.compareTo(Duration.ofDays(999)) > 0) {
        throw InvalidInputException.of(field, "must be between 0 and 999 days");
      }
      return age;
    }

    /**
     * A policy with the configuration so far.
     *
     * @throws InvalidInputException if the minimum length exceeds the maximum length, or the
     *     minimum age is not below a maximum age that is set
     */
    public ActiveDirectoryPasswordPolicy build() {
      if (minimumLength > maximumLength) {
        throw InvalidInputException.of(
            "minimumLength", "must not exceed maximumLength (" + maximumLength + ")");
      }
      if (!maximumPasswordAge.isZero() && minimumPasswordAge.compareTo(maximumPasswordAge) >= 0) {
        throw InvalidInputException.of(
            "minimumPasswordAge", "must be less than maximumPasswordAge");
      }
      return new ActiveDirectoryPasswordPolicy(this);
    }
  }
}
