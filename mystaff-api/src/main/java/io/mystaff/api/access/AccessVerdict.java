package io.mystaff.api.access;

import static java.util.Objects.requireNonNull;

/**
 * A conditional-access policy's answer for one sign-in.
 *
 * @since 0.1.0
 */
public sealed interface AccessVerdict
    permits AccessVerdict.Allow, AccessVerdict.RequireMfa, AccessVerdict.Block {

  /** {@return the verdict that lets the sign-in proceed} */
  static AccessVerdict allow() {
    return Allow.INSTANCE;
  }

  /** {@return the verdict that lets the sign-in proceed only with multifactor authentication} */
  static AccessVerdict requireMfa() {
    return RequireMfa.INSTANCE;
  }

  /**
   * A verdict that refuses the sign-in.
   *
   * @param reason the policy's reason code, shown to the manager (no secrets)
   * @return the verdict
   */
  static AccessVerdict block(String reason) {
    return new Block(reason);
  }

  /** The one {@link Allow} verdict. */
  enum Allow implements AccessVerdict {
    /** The only instance. */
    INSTANCE
  }

  /** The one {@link RequireMfa} verdict. */
  enum RequireMfa implements AccessVerdict {
    /** The only instance. */
    INSTANCE
  }

  /** Refuse, with a reason code from the policy (shown to the manager, so no secrets). */
  record Block(String reason) implements AccessVerdict {
    /**
     * Rejects a missing reason.
     *
     * @param reason the policy's reason code
     */
    public Block {
      requireNonNull(reason, "reason");
    }
  }
}
