package io.mystaff.api.password;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.UserId;
import java.util.Optional;

/**
 * What a password policy may consult about the user whose password is being set.
 *
 * @param user the user whose password is being set
 * @param userPrincipalName the user's principal name, which a password must not contain
 * @param displayName the user's display name, whose parts a password must not contain
 * @param samAccountName the on-premises account name, if known
 * @param history the user's recent passwords, as far as known
 * @since 0.1.0
 */
public record PasswordContext(
    UserId user,
    String userPrincipalName,
    String displayName,
    Optional<String> samAccountName,
    PasswordHistory history) {

  /**
   * Rejects a missing component.
   *
   * @param user the user whose password is being set
   * @param userPrincipalName the user's principal name, which a password must not contain
   * @param displayName the user's display name, whose parts a password must not contain
   * @param samAccountName the on-premises account name, if known
   * @param history the user's recent passwords, as far as known
   */
  public PasswordContext {
    requireNonNull(user, "user");
    requireNonNull(userPrincipalName, "userPrincipalName");
    requireNonNull(displayName, "displayName");
    requireNonNull(samAccountName, "samAccountName");
    requireNonNull(history, "history");
  }

  @Override
  public String toString() {
    return "PasswordContext{user=" + user + "}";
  }
}
