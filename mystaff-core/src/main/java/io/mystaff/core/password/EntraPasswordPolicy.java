package io.mystaff.core.password;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.password.PasswordCheck;
import io.mystaff.api.password.PasswordContext;
import io.mystaff.api.password.PolicyViolation;
import io.mystaff.api.password.Secret;
import io.mystaff.spi.PasswordPolicy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The password policy Microsoft Entra ID applies to cloud-only users, including Microsoft Entra
 * Password Protection. A candidate is accepted when all of the following hold; each failure is
 * reported as one {@link PolicyViolation} keyed by a {@link PasswordViolations} constant:
 *
 * <ol>
 *   <li>8 to 256 characters ({@link PasswordViolations#TOO_SHORT}, {@link
 *       PasswordViolations#TOO_LONG});
 *   <li>only the allowed characters: A–Z, a–z, 0–9, the ASCII symbols {@code @ # $ % ^ & * - _ ! +
 *       = [ ] { } | \ : ' , . ? / ` ~ " ( ) ; < >} and the blank space; no other Unicode characters
 *       ({@link PasswordViolations#DISALLOWED_CHARACTER});
 *   <li>characters from at least three of four categories: uppercase, lowercase, digits, symbols
 *       (the blank space counts as a symbol) ({@link PasswordViolations#TOO_FEW_CATEGORIES});
 *   <li>after normalization (lower case, then {@code 0→o}, {@code 1→l}, {@code $→s}, {@code @→a}),
 *       it contains none of the user's names, meaning tokens of at least four characters from the
 *       display name and from the local part of the user principal name ({@link
 *       PasswordViolations#CONTAINS_USER_NAME}), and no such token of the tenant's name ({@link
 *       PasswordViolations#CONTAINS_TENANT_NAME}). Microsoft documents this substring matching for
 *       first and last name and tenant name; its example ("poll23fb" for a user named Poll) is
 *       rejected although it would score five points, so a name match rejects outright here.
 *       Checking the user principal name too is mystaff's addition;
 *   <li>it earns at least five points against the global and custom banned password lists ({@link
 *       PasswordViolations#BANNED}, with arguments {@code score} and {@code requiredScore}): after
 *       normalization, every match of a banned term at edit distance one earns one point and every
 *       other character earns one point; the score is the fewest points over all ways to read the
 *       password (see Microsoft's "How are passwords evaluated"). A candidate that is already too
 *       long is not scored, which bounds the work per check;
 *   <li>it is not in the user's {@link PasswordContext#history() history} ({@link
 *       PasswordViolations#RECENTLY_USED}); Entra compares with the current password.
 * </ol>
 *
 * <p>{@link #standard()} uses the bundled global list only. The {@link #builder()} adds a custom
 * banned list (up to 1000 terms of 4 to 16 characters, as in Entra), the tenant's name, or a
 * replacement global list. The bundled list is mystaff's own compilation of common weak passwords
 * and base words: Microsoft does not publish Entra's.
 *
 * <p>Immutable and thread-safe. {@link #check} reads the candidate into arrays it wipes before
 * returning and never turns it into a {@code String}.
 */
public final class EntraPasswordPolicy implements PasswordPolicy {
  /** The fewest characters a password may have. */
  public static final int MIN_LENGTH = 8;

  /** The most characters a password may have. */
  public static final int MAX_LENGTH = 256;

  /** How many of the four character categories a password must use. */
  public static final int REQUIRED_CATEGORIES = 3;

  /** The points a password must earn against the banned lists. */
  public static final int REQUIRED_SCORE = 5;

  /** The most terms a custom banned password list may have. */
  public static final int MAX_CUSTOM_BANNED_PASSWORDS = 1000;

  /** The fewest characters of a custom banned password. */
  public static final int MIN_CUSTOM_BANNED_PASSWORD_LENGTH = 4;

  /** The most characters of a custom banned password. */
  public static final int MAX_CUSTOM_BANNED_PASSWORD_LENGTH = 16;

  /** The fewest characters of a term in a replacement global list. */
  public static final int MIN_GLOBAL_BANNED_PASSWORD_LENGTH = 4;

  /** The most characters of a term in a replacement global list. */
  public static final int MAX_GLOBAL_BANNED_PASSWORD_LENGTH = 32;

  /** Names shorter than this are not looked for (Microsoft: "at least four characters long"). */
  static final int MIN_NAME_LENGTH = 4;

  private static final String RESOURCE = "global-banned-passwords.txt";
  private static final String CATEGORIES = "uppercase,lowercase,digit,symbol";
  private static final int UPPERCASE = 1;
  private static final int LOWERCASE = 2;
  private static final int DIGIT = 4;
  private static final int SYMBOL = 8;

  private final BannedTerms bannedTerms;
  private final int customTermCount;
  private final ForbiddenSubstrings tenantName;

  private EntraPasswordPolicy(
      BannedTerms bannedTerms, int customTermCount, ForbiddenSubstrings tenantName) {
    this.bannedTerms = bannedTerms;
    this.customTermCount = customTermCount;
    this.tenantName = tenantName;
  }

  /** The cloud policy with the bundled global banned list, no custom list and no tenant name. */
  public static EntraPasswordPolicy standard() {
    return Standard.INSTANCE;
  }

  /** A builder that starts from {@link #standard()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns {@code "entra-cloud"}. */
  @Override
  public String name() {
    return "entra-cloud";
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
    char[] normalized = null;
    try {
      ViolationCollector violations = new ViolationCollector();
      violations.checkLength(chars.length, MIN_LENGTH, MAX_LENGTH);
      int categories = 0;
      boolean disallowed = false;
      for (char c : chars) {
        int category = categoryOf(c);
        disallowed |= category == 0;
        categories |= category;
      }
      violations.reportIf(disallowed, PasswordViolations.DISALLOWED_CHARACTER);
      violations.checkCategories(categories, REQUIRED_CATEGORIES, CATEGORIES);
      normalized = CharFolding.ENTRA_NORMALIZATION.fold(chars);
      violations.reportIf(
          userNames(context).occursIn(normalized), PasswordViolations.CONTAINS_USER_NAME);
      violations.reportIf(tenantName.occursIn(normalized), PasswordViolations.CONTAINS_TENANT_NAME);
      int score = chars.length > MAX_LENGTH ? MAX_LENGTH : bannedTerms.score(normalized);
      if (score < REQUIRED_SCORE && score < normalized.length) {
        violations.report(
            new PolicyViolation(
                PasswordViolations.BANNED,
                Map.of(
                    "score", String.valueOf(score),
                    "requiredScore", String.valueOf(REQUIRED_SCORE))));
      }
      violations.reportIf(context.history().contains(candidate), PasswordViolations.RECENTLY_USED);
      return violations.toCheck();
    } finally {
      CharFolding.wipe(chars);
      CharFolding.wipe(normalized);
    }
  }

  /** The number of distinct banned terms, global and custom, after normalization. */
  public int bannedTermCount() {
    return bannedTerms.size();
  }

  /** The number of terms on the custom banned list, as given to the builder. */
  public int customBannedPasswordCount() {
    return customTermCount;
  }

  /** True if a tenant name with at least one token of four or more characters is checked. */
  public boolean checksTenantName() {
    return !tenantName.isEmpty();
  }

  @Override
  public String toString() {
    return "EntraPasswordPolicy[bannedTerms="
        + bannedTerms.size()
        + ", customBannedPasswords="
        + customTermCount
        + ", tenantName="
        + (checksTenantName() ? "checked" : "none")
        + "]";
  }

  /** A category bit for an allowed character, or 0 for a disallowed one. */
  private static int categoryOf(char c) {
    if (c >= 'A' && c <= 'Z') {
      return UPPERCASE;
    }
    if (c >= 'a' && c <= 'z') {
      return LOWERCASE;
    }
    if (c >= '0' && c <= '9') {
      return DIGIT;
    }
    if (c >= ' ' && c <= '~') {
      return SYMBOL;
    }
    return 0;
  }

  private static ForbiddenSubstrings userNames(PasswordContext context) {
    List<String> names =
        new ArrayList<>(ForbiddenSubstrings.tokens(context.displayName(), MIN_NAME_LENGTH));
    String upn = context.userPrincipalName();
    int at = upn.indexOf('@');
    names.addAll(ForbiddenSubstrings.tokens(at < 0 ? upn : upn.substring(0, at), MIN_NAME_LENGTH));
    return ForbiddenSubstrings.of(names, CharFolding.ENTRA_NORMALIZATION);
  }

  /** The bundled global banned list, read from the jar; fails if the resource is missing. */
  static List<String> bundledGlobalList() {
    InputStream in = EntraPasswordPolicy.class.getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException("mystaff-core is missing its resource " + RESOURCE);
    }
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return termLines(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /**
   * The terms of a banned-list file: one per line, surrounding white space stripped; blank lines
   * and lines starting with {@code #} skipped.
   */
  static List<String> termLines(BufferedReader reader) throws IOException {
    List<String> terms = new ArrayList<>();
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      String term = line.strip();
      if (!term.isEmpty() && !term.startsWith("#")) {
        terms.add(term);
      }
    }
    return terms;
  }

  /** Loads the bundled list once, on first use. */
  private static final class BundledList {
    static final BannedTerms TERMS =
        BannedTerms.of(
            validated(
                "bundled global banned password list",
                bundledGlobalList(),
                Integer.MAX_VALUE,
                MIN_GLOBAL_BANNED_PASSWORD_LENGTH,
                MAX_GLOBAL_BANNED_PASSWORD_LENGTH));
  }

  private static final class Standard {
    static final EntraPasswordPolicy INSTANCE = new Builder().build();
  }

  /**
   * The terms, checked against Entra's rules for banned password lists, as an immutable list.
   *
   * @throws InvalidInputException naming each offending entry by index (never by value)
   */
  private static List<String> validated(
      String field, Collection<String> terms, int maxTerms, int minLength, int maxLength) {
    requireNonNull(terms, field);
    List<InvalidInputException.Violation> problems = new ArrayList<>();
    if (terms.size() > maxTerms) {
      problems.add(
          new InvalidInputException.Violation(field, "must have at most " + maxTerms + " terms"));
    }
    List<String> copy = new ArrayList<>(terms.size());
    int index = 0;
    for (String term : terms) {
      String entry = field + "[" + index++ + "]";
      if (term == null) {
        problems.add(new InvalidInputException.Violation(entry, "must not be null"));
        continue;
      }
      int length = term.codePointCount(0, term.length());
      if (length < minLength || length > maxLength) {
        problems.add(
            new InvalidInputException.Violation(
                entry, "must have " + minLength + " to " + maxLength + " characters"));
      } else if (term.isBlank() || term.chars().anyMatch(Character::isISOControl)) {
        problems.add(
            new InvalidInputException.Violation(
                entry, "must not be blank or contain control characters"));
      }
      copy.add(term);
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return List.copyOf(copy);
  }

  /**
   * Configures an {@link EntraPasswordPolicy}. Each setter validates its argument and replaces the
   * previous value; an invalid argument throws {@link InvalidInputException} and leaves the builder
   * unchanged. Not thread-safe; the policies it builds are.
   */
  public static final class Builder {
    private @Nullable BannedTerms global;
    private BannedTerms custom = BannedTerms.none();
    private int customTermCount;
    private Optional<String> tenantName = Optional.empty();

    private Builder() {}

    /**
     * The organization's custom banned passwords: at most {@value #MAX_CUSTOM_BANNED_PASSWORDS}
     * terms of {@value #MIN_CUSTOM_BANNED_PASSWORD_LENGTH} to {@value
     * #MAX_CUSTOM_BANNED_PASSWORD_LENGTH} characters. Matching ignores case and the common
     * substitutions, so list base terms ("contoso"), not their variants ("C0ntoso!").
     *
     * @throws InvalidInputException if there are too many terms, or a term is null, too short, too
     *     long, blank or contains control characters
     */
    public Builder customBannedPasswords(Collection<String> terms) {
      List<String> valid =
          validated(
              "customBannedPasswords",
              terms,
              MAX_CUSTOM_BANNED_PASSWORDS,
              MIN_CUSTOM_BANNED_PASSWORD_LENGTH,
              MAX_CUSTOM_BANNED_PASSWORD_LENGTH);
      this.custom = BannedTerms.of(valid);
      this.customTermCount = valid.size();
      return this;
    }

    /**
     * Replaces the bundled global list, for hosts that maintain their own. Terms have {@value
     * #MIN_GLOBAL_BANNED_PASSWORD_LENGTH} to {@value #MAX_GLOBAL_BANNED_PASSWORD_LENGTH}
     * characters; an empty collection means no global list.
     *
     * @throws InvalidInputException if a term is null, too short, too long, blank or contains
     *     control characters
     */
    public Builder globalBannedPasswords(Collection<String> terms) {
      this.global =
          BannedTerms.of(
              validated(
                  "globalBannedPasswords",
                  terms,
                  Integer.MAX_VALUE,
                  MIN_GLOBAL_BANNED_PASSWORD_LENGTH,
                  MAX_GLOBAL_BANNED_PASSWORD_LENGTH));
      return this;
    }

    /**
     * The tenant's name, e.g. {@code "Contoso"}. Passwords containing any of its tokens of four or
     * more characters (after normalization) are rejected; shorter tokens are ignored.
     *
     * @throws InvalidInputException if {@code name} is null or blank
     */
    public Builder tenantName(String name) {
      if (name == null || name.isBlank()) {
        throw InvalidInputException.of("tenantName", "must not be blank");
      }
      this.tenantName = Optional.of(name);
      return this;
    }

    /** A policy with the configuration so far. */
    public EntraPasswordPolicy build() {
      BannedTerms globalTerms = global == null ? BundledList.TERMS : global;
      List<String> tenantTokens =
          tenantName
              .map(name -> ForbiddenSubstrings.tokens(name, MIN_NAME_LENGTH))
              .orElse(List.of());
      return new EntraPasswordPolicy(
          globalTerms.plus(custom),
          customTermCount,
          ForbiddenSubstrings.of(tenantTokens, CharFolding.ENTRA_NORMALIZATION));
    }
  }
}
