package io.mystaff.api.authz;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.AssignmentId;
import io.mystaff.api.GroupId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.Principal;
import io.mystaff.api.RoleId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A role given to a principal at a scope, optionally bounded in time (as Privileged Identity
 * Management schedules are): in force from {@code start} inclusive until {@code end} exclusive.
 *
 * <p>The principal is a user, or a role-assignable group whose members hold the role through it
 * ({@link #isHeldThroughGroup()}). The {@link AssignmentKind kind} says whether the role is held
 * ({@link AssignmentKind#ACTIVE}) or only claimable ({@link AssignmentKind#ELIGIBLE}); only an
 * active assignment inside its window grants anything ({@link #isActiveAt}), while every assignment
 * that has not ended yet, scheduled or eligible included, protects its holder ({@link
 * #hasEndedAt}).
 *
 * @param id the assignment's id
 * @param principal the user or group that holds the role
 * @param role the role's id (a built-in role's template id or a custom role's id)
 * @param scope the tenant or one administrative unit
 * @param start when the window opens (inclusive), or empty for "always"
 * @param end when the window closes (exclusive), or empty for "never"
 * @param kind active or eligible
 * @since 0.1.0
 */
public record RoleAssignment(
    AssignmentId id,
    Principal principal,
    RoleId role,
    Scope scope,
    Optional<Instant> start,
    Optional<Instant> end,
    AssignmentKind kind) {

  /**
   * Validates the assignment.
   *
   * @param id the assignment's id
   * @param principal the user or group that holds the role
   * @param role the role's id (a built-in role's template id or a custom role's id)
   * @param scope the tenant or one administrative unit
   * @param start when the window opens (inclusive), or empty for "always"
   * @param end when the window closes (exclusive), or empty for "never"
   * @param kind active or eligible
   * @throws InvalidInputException if the window is empty, or a built-in role that Entra does not
   *     allow at administrative-unit scope ({@link BuiltInRole#isAssignableAtUnitScope()}) is
   *     scoped to a unit
   */
  public RoleAssignment {
    requireNonNull(id, "id");
    requireNonNull(principal, "principal");
    requireNonNull(role, "role");
    requireNonNull(scope, "scope");
    requireNonNull(start, "start");
    requireNonNull(end, "end");
    requireNonNull(kind, "kind");
    if (start.isPresent() && end.isPresent() && !end.get().isAfter(start.get())) {
      throw InvalidInputException.of("assignment end", "must be after its start");
    }
    if (scope instanceof Scope.Unit
        && BuiltInRole.byTemplateId(role).map(r -> !r.isAssignableAtUnitScope()).orElse(false)) {
      throw InvalidInputException.of(
          "assignment scope", "this built-in role cannot be assigned at administrative-unit scope");
    }
  }

  /**
   * An {@link AssignmentKind#ACTIVE active} assignment with the given window.
   *
   * @param id the assignment's id
   * @param principal the user or group that holds the role
   * @param role the role's id
   * @param scope the tenant or one administrative unit
   * @param start when the window opens (inclusive), or empty for "always"
   * @param end when the window closes (exclusive), or empty for "never"
   */
  public RoleAssignment(
      AssignmentId id,
      Principal principal,
      RoleId role,
      Scope scope,
      Optional<Instant> start,
      Optional<Instant> end) {
    this(id, principal, role, scope, start, end, AssignmentKind.ACTIVE);
  }

  /**
   * A permanent, active assignment.
   *
   * @param id the assignment's id
   * @param principal the user or group that holds the role
   * @param role the role's id
   * @param scope the tenant or one administrative unit
   * @return the assignment
   */
  public static RoleAssignment of(AssignmentId id, Principal principal, RoleId role, Scope scope) {
    return new RoleAssignment(id, principal, role, scope, Optional.empty(), Optional.empty());
  }

  /**
   * A permanent, active assignment of a built-in role.
   *
   * @param id the assignment's id
   * @param principal the user or group that holds the role
   * @param role the built-in role, by its template id
   * @param scope the tenant or one administrative unit; a unit only for roles assignable there
   * @return the assignment
   */
  public static RoleAssignment of(
      AssignmentId id, Principal principal, BuiltInRole role, Scope scope) {
    return of(id, principal, role.templateId(), scope);
  }

  /**
   * This assignment limited to {@code [start, end)}, of the same kind.
   *
   * @param start the first instant of the window
   * @param end the first instant after the window, after {@code start}
   * @return a new assignment
   */
  public RoleAssignment during(Instant start, Instant end) {
    return new RoleAssignment(
        id, principal, role, scope, Optional.of(start), Optional.of(end), kind);
  }

  /**
   * {@return this assignment as an {@link AssignmentKind#ELIGIBLE eligible} one, with the same
   * window}
   */
  public RoleAssignment eligible() {
    return new RoleAssignment(id, principal, role, scope, start, end, AssignmentKind.ELIGIBLE);
  }

  /** {@return true for an {@link AssignmentKind#ELIGIBLE eligible} assignment} */
  public boolean isEligible() {
    return kind == AssignmentKind.ELIGIBLE;
  }

  /** {@return true when the principal is a group, whose members hold the role through it} */
  public boolean isHeldThroughGroup() {
    return principal instanceof GroupId;
  }

  /**
   * True when the role is held at {@code now}: the assignment is {@link AssignmentKind#ACTIVE} and
   * {@code start <= now < end}, an absent bound being unbounded. Eligible assignments are never
   * active.
   *
   * @param now the instant to test
   * @return true if the assignment grants its role at {@code now}
   */
  public boolean isActiveAt(Instant now) {
    return kind == AssignmentKind.ACTIVE
        && (start.isEmpty() || !now.isBefore(start.get()))
        && (end.isEmpty() || now.isBefore(end.get()));
  }

  /**
   * True when the window is over at {@code now} ({@code end <= now}). An assignment that has not
   * ended is active, scheduled (not started yet) or eligible, and protects its holder.
   *
   * @param now the instant to test
   * @return true if the window has closed at {@code now}
   */
  public boolean hasEndedAt(Instant now) {
    return end.isPresent() && !now.isBefore(end.get());
  }

  /**
   * {@return a hash of every component} Written out, like {@link #equals}: a record's generated
   * methods go through method handles that the JIT does not always inline, and a change compares
   * its facts, assignments included, again at commit.
   */
  @Override
  public int hashCode() {
    return Objects.hash(id, principal, role, scope, start, end, kind);
  }

  /** {@return true if {@code o} is a {@code RoleAssignment} with equal components} */
  @Override
  public boolean equals(Object o) {
    return o instanceof RoleAssignment a
        && id.equals(a.id)
        && principal.equals(a.principal)
        && role.equals(a.role)
        && scope.equals(a.scope)
        && start.equals(a.start)
        && end.equals(a.end)
        && kind == a.kind;
  }
}
