package io.mystaff.api.authz;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.UserId;
import java.util.List;

/**
 * What the engine knows about the manager: every role assignment whose principal is the manager,
 * active or not (the engine decides activity at the instant it is asked about).
 */
public record ActorFacts(UserId id, List<RoleAssignment> assignments) {
  public ActorFacts {
    requireNonNull(id, "id");
    assignments = List.copyOf(assignments);
    for (RoleAssignment a : assignments) {
      if (!a.principal().equals(id)) {
        throw InvalidInputException.of("actor assignments", "must all have the actor as principal");
      }
    }
  }
}
