package io.mystaff.api.authz;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.UserId;
import java.util.List;

/**
 * What the engine knows about the manager: the manager's effective role assignments, active or not
 * (the engine decides activity at the instant it is asked about): those whose principal is the
 * manager, and those held through role-assignable groups the manager is a member of (whose
 * principal is the group; membership is the provider's to know, and is not checked here).
 *
 * @param id the manager
 * @param assignments the manager's effective role assignments, direct and group-held
 * @since 0.1.0
 */
public record ActorFacts(UserId id, List<RoleAssignment> assignments) {
  /**
   * Copies the collections and rejects a malformed component.
   *
   * @param id the manager
   * @param assignments the manager's effective role assignments, direct and group-held
   * @throws InvalidInputException if a component is malformed
   */
  public ActorFacts {
    requireNonNull(id, "id");
    assignments = RoleAssignment.copiesOf(assignments);
    for (RoleAssignment a : assignments) {
      if (!a.isHeldThroughGroup() && !a.principal().equals(id)) {
        throw InvalidInputException.of(
            "actor assignments", "must all have the actor or a group as principal");
      }
    }
  }

  /** {@return a hash of the id and assignments} Written out, as {@link RoleAssignment}'s. */
  @Override
  public int hashCode() {
    return 31 * id.hashCode() + assignments.hashCode();
  }

  /** {@return true if {@code o} is an {@code ActorFacts} with equal components} */
  @Override
  public boolean equals(Object o) {
    return o instanceof ActorFacts f && id.equals(f.id) && assignments.equals(f.assignments);
  }
}
