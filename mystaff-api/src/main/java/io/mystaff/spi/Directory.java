package io.mystaff.spi;

import io.mystaff.api.CapabilityNotSupportedException;
import io.mystaff.api.Page;
import io.mystaff.api.PageRequest;
import io.mystaff.api.UnitId;
import io.mystaff.api.UnknownUnitException;
import io.mystaff.api.UserId;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.RoleCatalog;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.User;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Read access to the organization's directory: users, administrative units (with dynamic
 * membership already evaluated), role definitions and role assignments.
 *
 * <p>Contract for implementations: thread-safe; never returns null (absent is {@link
 * Optional#empty()} or an empty collection); returned collections are immutable snapshots; reads
 * reflect every write a {@link DirectoryWriter} of the same provider has completed before the read
 * began. Failures to reach the backing store throw {@link io.mystaff.api.ProviderFailureException}.
 * Core never passes null arguments.
 */
public interface Directory {

  /** The user with this id, if any. */
  Optional<User> findUser(UserId id);

  /** The administrative unit with this id, if any. */
  Optional<AdministrativeUnit> findUnit(UnitId id);

  /**
   * The units the user is a member of, assigned or dynamic; empty for an unknown user or a user
   * in no unit.
   */
  Set<UnitId> unitsOf(UserId user);

  /**
   * The dynamic units whose membership rule could not be decided for the user (its evaluation
   * spent its step budget), and which are therefore not among {@link #unitsOf}: the user is not
   * listed as their member and no administrator's scope on them covers the user. Core treats the
   * user as a member of those that are restricted-management units, so an undecidable rule never
   * lifts a restricted unit's protection. Empty for an unknown user, a user whose rules all decided,
   * or a directory without dynamic units.
   *
   * <p>Additive: the default returns an empty set, which is right for directories whose rule
   * evaluation always decides. A provider that evaluates rules under a budget must override it.
   */
  default Set<UnitId> undecidedUnitsOf(UserId user) {
    return Set.of();
  }

  /**
   * The members of a unit, ordered by display name (case-insensitive), then id.
   *
   * @throws UnknownUnitException if there is no such unit
   */
  Page<User> members(UnitId unit, PageRequest page);

  /**
   * Every user of the organization, ordered by display name (case-insensitive), then id: the
   * members of the "whole organization" location that a tenant-wide administrator sees.
   *
   * <p>Additive since the first cut of this interface: the default throws {@link
   * CapabilityNotSupportedException}, which core passes on to the host unchanged. Providers that
   * can list their users override it.
   *
   * @throws CapabilityNotSupportedException if this directory cannot list all of its users
   */
  default Page<User> allUsers(PageRequest page) {
    throw new CapabilityNotSupportedException(
        "organization-wide user listing",
        "This directory cannot list all of its users; search the organization instead.");
  }

  /**
   * Users across the whole organization whose display name, any word of it, or user principal
   * name starts with {@code query}, case-insensitively; ordered by display name, then id. The
   * query is 1 to 256 characters, already trimmed by core.
   */
  Page<User> searchUsers(String query, PageRequest page);

  /**
   * Units across the whole organization whose display name or any word of it starts with {@code
   * query}, case-insensitively; ordered by display name, then id.
   */
  Page<AdministrativeUnit> searchUnits(String query, PageRequest page);

  /**
   * The user's effective role assignments, active, scheduled, eligible or expired: the direct ones
   * (principal the user) and those held through the role-assignable groups the user is a member of
   * (principal the group, reported once per assignment); empty if none. Core treats a
   * group-derived assignment exactly like a direct one, for managers and for targets, so a
   * directory that leaves them out lets lower administrators reach group-held Global
   * Administrators. Assignments of a role Entra does not allow at administrative-unit scope
   * should never be scoped to a unit; if one is, it grants nothing.
   */
  List<RoleAssignment> assignmentsOf(UserId principal);

  /** The built-in roles and the tenant's custom roles. */
  RoleCatalog roles();

  /**
   * Whether the user is a member or owner of a role-assignable group (such users are protected
   * from most password administrators, and from every administrator scoped to a unit). True in
   * particular for every member of a group that holds a role assignment. A directory without
   * role-assignable groups returns false.
   */
  boolean isRoleAssignableGroupMember(UserId user);
}
