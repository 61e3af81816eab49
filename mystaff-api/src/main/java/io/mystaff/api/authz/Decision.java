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

  /** Allowed, and this assignment is why. */
  record Permit(StaffAction action, RoleAssignment grantedBy) implements Decision {
    /**
     * Rejects a missing component.
     *
     * @param action the action that was decided
     * @param grantedBy the assignment that grants it
     */
    public Permit {
      requireNonNull(action, "action");
      requireNonNull(grantedBy, "grantedBy");
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
