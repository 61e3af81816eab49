package io.mystaff.api.authz;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.AssignmentId;
import io.mystaff.api.GroupId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.Principal;
import io.mystaff.api.RoleId;
import io.mystaff.api.UnitId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

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
 * <p>A value class, immutable: two assignments are equal when all seven components are. It holds
 * its scope's unit and its window's bounds in fields of its own besides the components, so that the
 * authorization check, which reads the assignments of facts picked from anywhere in a large
 * directory, reads one object per assignment ({@link #isActiveAt}, {@link #isUnitScoped}, {@link
 * #covers}) rather than a chain of them.
 *
 * @since 0.1.0
 */
public final class RoleAssignment {
  /** Up to this many units, {@link #covers} scans them rather than hashing into the set. */
  private static final int SCAN_LIMIT = 4;

  private final AssignmentId id;
  private final Principal principal;
  private final RoleId role;
  private final Scope scope;
  private final AssignmentKind kind;

  /** The scope's unit; null for the tenant. */
  private final @Nullable UnitId unit;

  /** The hash of {@link #unit}, or 0: compared before the unit itself is read. */
  private final int unitHash;

  /** The window's bounds; null where unbounded. */
  private final @Nullable Instant start;

  private final @Nullable Instant end;

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
  public RoleAssignment(
      AssignmentId id,
      Principal principal,
      RoleId role,
      Scope scope,
      Optional<Instant> start,
      Optional<Instant> end,
      AssignmentKind kind) {
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
    this.id = id;
    this.principal = principal;
    this.role = role;
    this.scope = scope;
    this.kind = kind;
    this.unit = scope instanceof Scope.Unit u ? u.unit() : null;
    this.unitHash = unit != null ? unit.hashCode() : 0;
    this.start = start.orElse(null);
    this.end = end.orElse(null);
  }

  /** A copy of {@code a}, made where the caller allocates (see {@link #copiesOf}). */
  private RoleAssignment(RoleAssignment a) {
    this.id = a.id;
    this.principal = a.principal;
    this.role = a.role;
    this.scope = a.scope;
    this.kind = a.kind;
    this.unit = a.unit;
    this.unitHash = a.unitHash;
    this.start = a.start;
    this.end = a.end;
  }

  /**
   * An immutable list of copies of {@code assignments}, equal to them, in the same order. The facts
   * ({@link ActorFacts}, {@link TargetFacts}) hold copies made when they are made, next to them in
   * memory: a session decides many times on one actor's facts, and the assignments a host looked up
   * one by one from a large directory would otherwise each sit somewhere else on the heap, a cache
   * miss per assignment per check.
   *
   * @throws NullPointerException if the list or an element is null
   */
  static List<RoleAssignment> copiesOf(List<RoleAssignment> assignments) {
    if (assignments.isEmpty()) {
      return List.of(); // most users hold no role
    }
    RoleAssignment[] copies = new RoleAssignment[assignments.size()];
    for (int i = 0; i < copies.length; i++) {
      copies[i] = new RoleAssignment(requireNonNull(assignments.get(i), "assignment"));
    }
    return List.of(copies);
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
    return new RoleAssignment(id, principal, role, scope, start(), end(), AssignmentKind.ELIGIBLE);
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
        && (start == null || !now.isBefore(start))
        && (end == null || now.isBefore(end));
  }

  /**
   * True when the window is over at {@code now} ({@code end <= now}). An assignment that has not
   * ended is active, scheduled (not started yet) or eligible, and protects its holder.
   *
   * @param now the instant to test
   * @return true if the window has closed at {@code now}
   */
  public boolean hasEndedAt(Instant now) {
    return end != null && !now.isBefore(end);
  }

  /** {@return the assignment's id} */
  public AssignmentId id() {
    return id;
  }

  /** {@return the user or group that holds the role} */
  public Principal principal() {
    return principal;
  }

  /** {@return the role's id (a built-in role's template id or a custom role's id)} */
  public RoleId role() {
    return role;
  }

  /** {@return the tenant or one administrative unit} */
  public Scope scope() {
    return scope;
  }

  /** {@return when the window opens (inclusive), or empty for "always"} */
  public Optional<Instant> start() {
    return Optional.ofNullable(start);
  }

  /** {@return when the window closes (exclusive), or empty for "never"} */
  public Optional<Instant> end() {
    return Optional.ofNullable(end);
  }

  /** {@return active or eligible} */
  public AssignmentKind kind() {
    return kind;
  }

  /** {@return true if the scope is one administrative unit, false if it is the tenant} */
  public boolean isUnitScoped() {
    return unit != null;
  }

  /**
   * Whether the scope covers a user in {@code units}: always for the tenant, and for a unit when it
   * is one of them. The same as {@code scope().covers(units)}.
   *
   * @param units the administrative units a user belongs to
   * @return true if the scope covers them
   */
  public boolean covers(Set<UnitId> units) {
    UnitId u = unit;
    if (u == null) {
      return true;
    }
    if (units.size() > SCAN_LIMIT) {
      return units.contains(u);
    }
    // A user is in one or two units: compare their hashes with this one's before reading the unit
    // (one object less to load for every unit that is not it).
    for (UnitId member : units) {
      if (member != null && member.hashCode() == unitHash && member.equals(u)) {
        return true;
      }
    }
    return false;
  }

  /** {@return a hash of every component} */
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
        && Objects.equals(start, a.start)
        && Objects.equals(end, a.end)
        && kind == a.kind;
  }

  @Override
  public String toString() {
    return "RoleAssignment[id="
        + id
        + ", principal="
        + principal
        + ", role="
        + role
        + ", scope="
        + scope
        + ", start="
        + start()
        + ", end="
        + end()
        + ", kind="
        + kind
        + "]";
  }
}
