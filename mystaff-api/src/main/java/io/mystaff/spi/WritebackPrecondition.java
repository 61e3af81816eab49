package io.mystaff.spi;

/**
 * Whether a submitted writeback may still be applied: core's authorization decision, made again
 * from fresh facts. A {@link PasswordWriteback} calls {@link #holds()} once, immediately before it
 * applies the password on premises (after any queueing, retry or wait), and applies it only if the
 * answer is true; otherwise it completes the writeback with {@link
 * io.mystaff.api.password.WritebackFailure#AUTHORIZATION_REVOKED} and does not touch the user.
 *
 * <p>So a synced reset does not land after the target was made an administrator the manager may not
 * reset, or left the manager's scope, while it waited. Implementations come from core: they read
 * the directory and never block on the on-premises side; they answer false, never throw, when they
 * cannot decide (fail closed).
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface WritebackPrecondition {

  /** {@return true if the password may be applied now} */
  boolean holds();

  /** {@return a precondition that always holds, for writebacks that rest on no decision (tests)} */
  static WritebackPrecondition always() {
    return AlwaysHolds.INSTANCE;
  }
}

/** The precondition that always holds. */
enum AlwaysHolds implements WritebackPrecondition {
  INSTANCE;

  @Override
  public boolean holds() {
    return true;
  }

  @Override
  public String toString() {
    return "WritebackPrecondition.always()";
  }
}
