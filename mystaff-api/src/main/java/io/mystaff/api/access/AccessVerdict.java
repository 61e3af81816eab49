package io.mystaff.api.access;

import static java.util.Objects.requireNonNull;

/**
 * A conditional-access policy's answer for one sign-in.
 *
 * @since 0.1.0
 */
public sealed interface AccessVerdict permits AccessVerdict.Allow, AccessVerdict.RequireMfa, AccessVerdict.Block {

  static AccessVerdict allow() {
    return Allow.INSTANCE;
  }

  static AccessVerdict requireMfa() {
    return RequireMfa.INSTANCE;
  }

  static AccessVerdict block(String reason) {
    return new Block(reason);
  }

  /** Proceed. */
  enum Allow implements AccessVerdict { INSTANCE }

  /** Proceed only if the sign-in satisfied multifactor authentication. */
  enum RequireMfa implements AccessVerdict { INSTANCE }

  /** Refuse, with a reason code from the policy (shown to the manager, so no secrets). */
  record Block(String reason) implements AccessVerdict {
    public Block {
      requireNonNull(reason, "reason");
    }
  }
}
