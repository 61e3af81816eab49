package io.mystaff.api.authz;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The engine's answer: a permit that names the granting assignment, or a deny with its reason.
 *
 * @since 0.1.0
 */
public sealed interface Decision permits Decision.Permit, Decision.Deny {

  StaffAction action();

  boolean isPermit();

  /** {@return the reason, for a deny} */
  Optional<DenyReason> denyReason();

  /** Allowed, and this assignment is why. */
  record Permit(StaffAction action, RoleAssignment grantedBy) implements Decision {
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
