package io.mystaff.api.password;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.UserId;
import java.util.Optional;

/**
 * What a password policy may consult about the user whose password is being set.
 *
 * @since 0.1.0
 */
public record PasswordContext(
    UserId user,
    String userPrincipalName,
    String displayName,
    Optional<String> samAccountName,
    PasswordHistory history) {

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
