package io.mystaff.spi;

import io.mystaff.api.password.PasswordCheck;
import io.mystaff.api.password.PasswordContext;
import io.mystaff.api.password.Secret;

/**
 * Decides whether a password may be set. Contract: thread-safe, side-effect free, deterministic for
 * equal input; never returns null; never puts the password (or part of it) into a violation, a log
 * line or an exception.
 *
 * @since 0.1.0
 */
public interface PasswordPolicy {

  /**
   * {@return a short name for diagnostics, e.g. {@code "entra-cloud"} or {@code "on-premises-ad"}}
   */
  String name();

  /**
   * Checks a candidate password against the policy.
   *
   * @param candidate the new password; not kept, logged or echoed
   * @param context what the policy may consult about the user
   * @return accepted, or rejected with every violation found
   */
  PasswordCheck check(Secret candidate, PasswordContext context);
}
