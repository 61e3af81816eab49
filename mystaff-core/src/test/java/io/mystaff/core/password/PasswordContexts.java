package io.mystaff.core.password;

import io.mystaff.api.UserId;
import io.mystaff.api.password.PasswordContext;
import io.mystaff.api.password.PasswordHistory;
import java.util.Optional;

/** Password contexts for tests. */
final class PasswordContexts {
  private PasswordContexts() {}

  /** A user whose names are long enough to be checked but unlikely to clash with test data. */
  static PasswordContext anyUser() {
    return user("Quinn Vexley", "qvexley@contoso.com", "qvexley");
  }

  static PasswordContext user(String displayName, String upn, String samAccountName) {
    return new PasswordContext(
        UserId.of("u-1"),
        upn,
        displayName,
        Optional.ofNullable(samAccountName),
        PasswordHistory.none());
  }

  static PasswordContext withHistory(PasswordHistory history) {
    PasswordContext any = anyUser();
    return new PasswordContext(
        any.user(), any.userPrincipalName(), any.displayName(), any.samAccountName(), history);
  }
}
