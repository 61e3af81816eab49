package io.mystaff.api.access;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.UserId;
import java.util.Optional;

/**
 * What the host knows about the manager's sign-in when opening My Staff: who it is, whether the
 * session satisfied multifactor authentication, and where the request came from.
 */
public record SignInContext(UserId user, boolean multiFactorAuthenticated, Optional<String> clientIp) {
  public SignInContext {
    requireNonNull(user, "user");
    requireNonNull(clientIp, "clientIp");
  }

  public static SignInContext of(UserId user, boolean multiFactorAuthenticated) {
    return new SignInContext(user, multiFactorAuthenticated, Optional.empty());
  }
}
