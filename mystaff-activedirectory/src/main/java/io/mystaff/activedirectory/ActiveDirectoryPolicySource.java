package io.mystaff.activedirectory;

import static java.util.Objects.requireNonNull;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import io.mystaff.api.ProviderFailureException;
import io.mystaff.api.UserId;
import io.mystaff.core.password.ActiveDirectoryPasswordPolicy;
import java.util.Optional;

/**
 * Reads the password policy a synced user's new password must meet from Active Directory: the
 * domain's settings, or the fine-grained password settings object that applies to the user ({@code
 * msDS-ResultantPSO}) where there is one. Each call reads the directory; hosts that check often
 * cache the result for a few minutes. Thread-safe.
 *
 * <p>Any authenticated account can read the domain's settings; reading a password settings object
 * needs read access to {@code CN=Password Settings Container,CN=System,<domain>} (by default
 * administrators only).
 */
public final class ActiveDirectoryPolicySource {
  private static final String PROVIDER = "activedirectory";
  private static final int DOMAIN_PASSWORD_COMPLEX = 0x1;

  private final ActiveDirectoryConnection connection;
  private final String domainDn;
  private final UserMapping mapping;

  private ActiveDirectoryPolicySource(
      ActiveDirectoryConnection connection, String domainDn, UserMapping mapping) {
    this.connection = requireNonNull(connection, "connection");
    this.domainDn = requireNonNull(domainDn, "domainDn");
    this.mapping = requireNonNull(mapping, "mapping");
  }

  /**
   * A source reading the domain object {@code domainDn} (e.g. {@code DC=contoso,DC=example}) and
   * users found by {@code mapping}.
   */
  public static ActiveDirectoryPolicySource of(
      ActiveDirectoryConnection connection, String domainDn, UserMapping mapping) {
    return new ActiveDirectoryPolicySource(connection, domainDn, mapping);
  }

  /**
   * The domain's password settings.
   *
   * @throws ProviderFailureException if the domain controller cannot be read
   */
  public PasswordSettings domainSettings() {
    try {
      SearchResultEntry d =
          connection.withConnection(
              c ->
                  c.getEntry(
                      domainDn,
                      "minPwdLength",
                      "pwdHistoryLength",
                      "pwdProperties",
                      "minPwdAge",
                      "maxPwdAge"));
      if (d == null) {
        throw new ProviderFailureException(
            PROVIDER, "the domain object " + domainDn + " was not found");
      }
      return new PasswordSettings(
          d.getDN(),
          intOf(d, "minPwdLength"),
          intOf(d, "pwdHistoryLength"),
          (intOf(d, "pwdProperties") & DOMAIN_PASSWORD_COMPLEX) != 0,
          PasswordSettings.interval(longOf(d, "minPwdAge")),
          PasswordSettings.interval(longOf(d, "maxPwdAge")),
          false);
    } catch (LDAPException e) {
      throw failure("the domain password policy", e);
    }
  }

  /** {@link #domainSettings()} as a policy. */
  public ActiveDirectoryPasswordPolicy domainPolicy() {
    return domainSettings().toPolicy();
  }

  /**
   * The settings that apply to the user: those of its resultant password settings object if one
   * applies, else the domain's. A user the mapping does not find gets the domain's.
   *
   * @throws ProviderFailureException if the domain controller cannot be read, or a settings object
   *     applies that the service account may not read
   */
  public PasswordSettings settingsFor(UserId user, Optional<String> samAccountName) {
    Optional<Filter> filter =
        mapping.filterFor(
            requireNonNull(user, "user"), requireNonNull(samAccountName, "samAccountName"));
    if (filter.isEmpty()) {
      return domainSettings();
    }
    try {
      Optional<String> pso =
          connection.withConnection(
              c -> {
                SearchRequest r =
                    new SearchRequest(domainDn, SearchScope.SUB, filter.get(), "msDS-ResultantPSO");
                r.setSizeLimit(2);
                SearchResult found = c.search(r);
                return found.getEntryCount() == 1
                    ? Optional.ofNullable(
                        found.getSearchEntries().get(0).getAttributeValue("msDS-ResultantPSO"))
                    : Optional.<String>empty();
              });
      if (pso.isEmpty()) {
        return domainSettings();
      }
      SearchResultEntry p =
          connection.withConnection(
              c ->
                  c.getEntry(
                      pso.get(),
                      "msDS-MinimumPasswordLength",
                      "msDS-PasswordHistoryLength",
                      "msDS-PasswordComplexityEnabled",
                      "msDS-MinimumPasswordAge",
                      "msDS-MaximumPasswordAge"));
      if (p == null || !p.hasAttribute("msDS-MinimumPasswordLength")) {
        // AD lets only administrators read password settings objects unless granted otherwise.
        throw new ProviderFailureException(
            PROVIDER,
            "the password settings object that applies to the user"
                + " cannot be read; grant the service account read access to the Password Settings Container");
      }
      return new PasswordSettings(
          p.getDN(),
          intOf(p, "msDS-MinimumPasswordLength"),
          intOf(p, "msDS-PasswordHistoryLength"),
          Boolean.TRUE.equals(p.getAttributeValueAsBoolean("msDS-PasswordComplexityEnabled")),
          PasswordSettings.interval(longOf(p, "msDS-MinimumPasswordAge")),
          PasswordSettings.interval(longOf(p, "msDS-MaximumPasswordAge")),
          true);
    } catch (LDAPException e) {
      throw failure("the user's password policy", e);
    }
  }

  /** {@link #settingsFor} as a policy. */
  public ActiveDirectoryPasswordPolicy policyFor(UserId user, Optional<String> samAccountName) {
    return settingsFor(user, samAccountName).toPolicy();
  }

  private static int intOf(SearchResultEntry e, String attribute) {
    Integer v = e.getAttributeValueAsInteger(attribute);
    return v == null ? 0 : v;
  }

  private static long longOf(SearchResultEntry e, String attribute) {
    Long v = e.getAttributeValueAsLong(attribute);
    return v == null ? 0 : v;
  }

  private static ProviderFailureException failure(String what, LDAPException e) {
    return new ProviderFailureException(
        PROVIDER, what + " could not be read: " + Outcomes.describe(e));
  }

  @Override
  public String toString() {
    return "ActiveDirectoryPolicySource{" + domainDn + ", " + mapping + "}";
  }
}
