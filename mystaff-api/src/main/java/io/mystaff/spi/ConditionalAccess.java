package io.mystaff.spi;

import io.mystaff.api.access.AccessVerdict;
import io.mystaff.api.access.SignInContext;

/**
 * The host's conditional-access hook, asked once per sign-in to My Staff. Thread-safe; never
 * returns null; an exception counts as a block (fail closed).
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ConditionalAccess {
  /**
   * Decides whether a sign-in may open My Staff.
   *
   * @param context the sign-in
   * @return allow, require multifactor authentication, or block; never null
   */
  AccessVerdict evaluate(SignInContext context);

  /** {@return a policy that allows every sign-in} */
  static ConditionalAccess allowAll() {
    return context -> io.mystaff.api.access.AccessVerdict.allow();
  }

  /** {@return a policy that requires multifactor authentication for every sign-in} */
  static ConditionalAccess requireMfa() {
    return context -> io.mystaff.api.access.AccessVerdict.requireMfa();
  }
}
