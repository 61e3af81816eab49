package io.mystaff.api.authz;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.AssignmentId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.RoleId;
import io.mystaff.api.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * A role granted to a user at a scope, optionally bounded in time (as Privileged Identity
 * Management schedules are): active from {@code start} inclusive until {@code end} exclusive.
 */
public record RoleAssignment(
    AssignmentId id,
    UserId principal,
    RoleId role,
    Scope scope,
    Optional<Instant> start,
    Optional<Instant> end) {

  public RoleAssignment {
    requireNonNull(id, "id");
    requireNonNull(principal, "principal");
    requireNonNull(role, "role");
    requireNonNull(scope, "scope");
    requireNonNull(start, "start");
    requireNonNull(end, "end");
    if (start.isPresent() && end.isPresent() && !end.get().isAfter(start.get())) {
      throw InvalidInputException.of("assignment end", "must be after its start");
    }
  }

  /** A permanent assignment. */
  public static RoleAssignment of(AssignmentId id, UserId principal, RoleId role, Scope scope) {
    return new RoleAssignment(id, principal, role, scope, Optional.empty(), Optional.empty());
  }

  /** A permanent assignment of a built-in role. */
  public static RoleAssignment of(AssignmentId id, UserId principal, BuiltInRole role, Scope scope) {
    return of(id, principal, role.templateId(), scope);
  }

  /** This assignment limited to {@code [start, end)}. */
  public RoleAssignment during(Instant start, Instant end) {
    return new RoleAssignment(id, principal, role, scope, Optional.of(start), Optional.of(end));
  }

  /** True when {@code start <= now < end}, an absent bound being unbounded. */
  public boolean isActiveAt(Instant now) {
    return (start.isEmpty() || !now.isBefore(start.get()))
        && (end.isEmpty() || now.isBefore(end.get()));
  }
}
