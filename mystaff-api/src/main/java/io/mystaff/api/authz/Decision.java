package io.mystaff.api.authz;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The engine's answer: a permit that names the granting assignment, or a deny with its reason.
 *
 * @since 0.1.0
 */
public sealed interface Decision permits Decision.Permit, Decision.Deny {

  /** {@return the action that was decided} */
  StaffAction action();

  /** {@return true for a permit, false for a deny} */
  boolean isPermit();

  /** {@return the reason, for a deny} */
  Optional<DenyReason> denyReason();

  /**
   * Allowed, and this assignment is why; granted as a deputy when {@code asDeputy} is present (the
   * assignment is then the delegator's).
   *
   * @param action the action that was decided
   * @param grantedBy the assignment that grants it
   * @param asDeputy the delegation the actor acts under, empty when the actor's own assignment
   *     grants (added in 0.2.0)
   */
  record Permit(StaffAction action, RoleAssignment grantedBy, Optional<Delegation> asDeputy)
      implements Decision {
    /**
     * Rejects a missing component.
     *
     * @param action the action that was decided
     * @param grantedBy the assignment that grants it
     * @param asDeputy the delegation the actor acts under, or empty
     * @since 0.2.0
     */
    public Permit {
      requireNonNull(action, "action");
      requireNonNull(grantedBy, "grantedBy");
      requireNonNull(asDeputy, "asDeputy");
    }

    /**
     * A permit granted by the actor's own assignment.
     *
     * @param action the action that was decided
     * @param grantedBy the assignment that grants it
     */
    public Permit(StaffAction action, RoleAssignment grantedBy) {
      this(action, grantedBy, Optional.empty());
    }

    /**
     * {@return this permit, granted as deputy under {@code delegation}}
     *
     * @param delegation the delegation the actor acts under
     * @since 0.2.0
     */
    public Permit asDeputyUnder(Delegation delegation) {
      return new Permit(action, grantedBy, Optional.of(delegation));
    }

    /**
     * {@return "as deputy of X until T" for a deputy's permit, empty otherwise}
     *
     * @since 0.2.0
     */
    public Optional<String> deputyNote() {
      return asDeputy.map(d -> "as deputy of " + d.delegator().value() + " until " + d.until());
    }

    @Override
    public boolean isPermit() {
      return true;
    }

    @Override
    public Optional<DenyReason> denyReason() {
      return Optional.empty();
    }
  }

  /** Denied, for this reason. */
  record Deny(StaffAction action, DenyReason reason) implements Decision {
    /**
     * Rejects a missing component.
     *
     * @param action the action that was decided
     * @param reason why the action is denied
     */
    public Deny {
      requireNonNull(action, "action");
      requireNonNull(reason, "reason");
    }

    @Override
    public boolean isPermit() {
      return false;
    }

    @Override
    public Optional<DenyReason> denyReason() {
      return Optional.of(reason);
    }
  }
}
