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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Read access to the organization's directory: users, administrative units (with dynamic membership
 * already evaluated), role definitions and role assignments.
 *
 * <p>Contract for implementations: thread-safe; never returns null (absent is {@link
 * Optional#empty()} or an empty collection); returned collections are immutable snapshots; reads
 * reflect every write a {@link DirectoryWriter} of the same provider has completed before the read
 * began. Failures to reach the backing store throw {@link io.mystaff.api.ProviderFailureException}.
 * Core never passes null arguments.
 *
 * <p><b>Fidelity.</b> A user, unit or assignment reads back with every field it was stored with:
 * attributes, groups, phones with their extensions, user type, flags and version; description, rule
 * and restriction of a unit; kind, scope and window (to the microsecond) of an assignment.
 *
 * <p><b>Order.</b> Every listing ({@link #members}, {@link #allUsers}, {@link #searchUsers}, {@link
 * #searchMembers}, {@link #searchUnits}, {@link #allUnits}) is in {@link DirectoryOrder}: display
 * name ignoring case, compared code point by code point (not by UTF-16 units), then id, by code
 * points and case-sensitively. Equal names (also equal ignoring case) are told apart by id.
 *
 * <p><b>Paging.</b> A page holds at most {@link PageRequest#size()} items; only the last page has
 * no cursor; an empty listing is one empty page. A cursor is at most {@link
 * PageRequest#MAX_CURSOR_LENGTH} characters for any name and id, and continues its listing exactly
 * after the item it was issued for, even if entries were added or removed in between (no item
 * skipped, none repeated unless renamed across the cursor). A cursor of another listing (another
 * unit's members, another query, another kind of listing), an altered one or a made-up one is
 * rejected with {@link io.mystaff.api.InvalidInputException}. {@link CursorCodec} does all of this.
 *
 * <p><b>Dynamic membership.</b> The members of a dynamic unit are exactly the users its rule
 * ({@code io.mystaff.membership.MembershipRule} in module {@code mystaff-membership}) evaluates to
 * {@code MATCH} for; a user whose evaluation is undecided is not a member and is reported by {@link
 * #undecidedUnitsOf}.
 *
 * <p>The contract suite {@code DirectoryTestSuiteBuilder} (module {@code mystaff-testkit}) checks
 * these promises, and compares random operation sequences with the in-memory reference.
 *
 * @since 0.1.0
 */
public interface Directory {

  /**
   * Looks up a user.
   *
   * @param id the user's id
   * @return the user with this id, or empty if there is none
   */
  Optional<User> findUser(UserId id);

  /**
   * Looks up an administrative unit.
   *
   * @param id the unit's id
   * @return the unit with this id, or empty if there is none
   */
  Optional<AdministrativeUnit> findUnit(UnitId id);

  /**
   * The units the user is a member of, assigned or dynamic; empty for an unknown user or a user in
   * no unit.
   *
   * @param user the user
   * @return the ids of the units; never null
   */
  Set<UnitId> unitsOf(UserId user);

  /**
   * The dynamic units whose membership rule could not be decided for the user (its evaluation spent
   * its step budget), and which are therefore not among {@link #unitsOf}: the user is not listed as
   * their member and no administrator's scope on them covers the user. Core treats the user as a
   * member of those that are restricted-management units, so an undecidable rule never lifts a
   * restricted unit's protection. Empty for an unknown user, a user whose rules all decided, or a
   * directory without dynamic units.
   *
   * <p>Additive: the default returns an empty set, which is right for directories whose rule
   * evaluation always decides. A provider that evaluates rules under a budget must override it.
   *
   * @param user the user
   * @return the restricted-management units whose rule could not decide for this user
   */
  default Set<UnitId> undecidedUnitsOf(UserId user) {
    return Set.of();
  }

  /**
   * {@link #unitsOf}, {@link #undecidedUnitsOf}, {@link #assignmentsOf} and {@link
   * #isRoleAssignableGroupMember} of many users at once: core reads the facts of a whole page of
   * members or search results with one call, so a page costs a fixed number of provider calls
   * whatever its size. The map has an entry for every requested user ({@link UserFacts#NONE} for an
   * unknown one); its iteration order is not significant.
   *
   * <p>Additive: the default asks the four single reads for each user. Providers backed by a remote
   * store override it with a few bulk queries.
   *
   * @param users the users whose facts are read
   * @return the facts of every requested user, by id
   * @since 0.1.0
   */
  default Map<UserId, UserFacts> userFactsOf(Collection<UserId> users) {
    Map<UserId, UserFacts> facts = new HashMap<>();
    for (UserId user : users) {
      facts.computeIfAbsent(
          user,
          u ->
              new UserFacts(
                  unitsOf(u),
                  undecidedUnitsOf(u),
                  assignmentsOf(u),
                  isRoleAssignableGroupMember(u)));
    }
    return Map.copyOf(facts);
  }

  /**
   * {@link #findUnit} of many units at once: the units that exist among {@code ids}, by id (absent
   * ids have no entry); its iteration order is not significant.
   *
   * <p>Additive: the default asks {@link #findUnit} for each id.
   *
   * @param ids the ids of the units to read
   * @return the units that exist, by id
   * @since 0.1.0
   */
  default Map<UnitId, AdministrativeUnit> findUnits(Collection<UnitId> ids) {
    Map<UnitId, AdministrativeUnit> found = new HashMap<>();
    for (UnitId id : ids) {
      if (!found.containsKey(id)) {
        findUnit(id).ifPresent(unit -> found.put(id, unit));
      }
    }
    return Map.copyOf(found);
  }

  /**
   * The members of a unit, ordered by display name (case-insensitive), then id.
   *
   * @param unit the unit
   * @param page the page size and the cursor of the previous page
   * @return one page of members, with the cursor of the next page
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
   * @param page the page size and the cursor of the previous page
   * @return one page of users, with the cursor of the next page
   * @throws CapabilityNotSupportedException if this directory cannot list all of its users
   */
  default Page<User> allUsers(PageRequest page) {
    throw new CapabilityNotSupportedException(
        "organization-wide user listing",
        "This directory cannot list all of its users; search the organization instead.");
  }

  /**
   * Users across the whole organization whose display name, any word of it, or user principal name
   * starts with {@code query}, case-insensitively; ordered by display name, then id. The query is 1
   * to 256 characters, already trimmed by core.
   *
   * @param query the prefix to look for
   * @param page the page size and the cursor of the previous page
   * @return one page of matching users, with the cursor of the next page
   */
  Page<User> searchUsers(String query, PageRequest page);

  /**
   * Units across the whole organization whose display name or any word of it starts with {@code
   * query}, case-insensitively; ordered by display name, then id.
   *
   * @param query the prefix to look for
   * @param page the page size and the cursor of the previous page
   * @return one page of matching units, with the cursor of the next page
   */
  Page<AdministrativeUnit> searchUnits(String query, PageRequest page);

  /**
   * The members of {@code unit} whose display name, any word of it, or user principal name starts
   * with {@code query}, case-insensitively; ordered by display name, then id. The query is 1 to 256
   * characters, already trimmed by core.
   *
   * <p>Additive: the default walks {@link #members} page by page and keeps the matches, so a page
   * may cost as many member reads as the unit has members (a query matching no one reads them all).
   * Providers with a search index override it. The default's cursors are those of {@link #members}.
   *
   * @param unit the unit to search in
   * @param query the prefix to look for
   * @param page the page size and the cursor of the previous page
   * @return one page of matching members, with the cursor of the next page
   * @throws UnknownUnitException if there is no such unit
   * @since 0.1.0
   */
  default Page<User> searchMembers(UnitId unit, String query, PageRequest page) {
    List<User> found = new ArrayList<>(page.size());
    PageRequest next = page;
    while (true) {
      Page<User> members =
          members(unit, new PageRequest(page.size() - found.size(), next.cursor()));
      for (User u : members.items()) {
        if (matchesPrefix(u, query)) {
          found.add(u);
        }
      }
      if (members.nextCursor().isEmpty() || found.size() >= page.size()) {
        return new Page<>(found, members.nextCursor());
      }
      next = PageRequest.after(members.nextCursor().get(), page.size());
    }
  }

  /**
   * Every administrative unit of the organization, ordered by display name (case-insensitive), then
   * id: the locations a tenant-wide manager may pick besides the whole organization.
   *
   * <p>Additive: the default throws {@link CapabilityNotSupportedException}; core then lists only
   * the whole organization for tenant-wide managers.
   *
   * @param page the page size and the cursor of the previous page
   * @return one page of units, with the cursor of the next page
   * @throws CapabilityNotSupportedException if this directory cannot list its units
   * @since 0.1.0
   */
  default Page<AdministrativeUnit> allUnits(PageRequest page) {
    throw new CapabilityNotSupportedException(
        "organization-wide unit listing",
        "This directory cannot list all of its units; search them instead.");
  }

  /**
   * The user's effective role assignments, active, scheduled, eligible or expired: the direct ones
   * (principal the user) and those held through the role-assignable groups the user is a member of
   * (principal the group, reported once per assignment); empty if none. Core treats a group-derived
   * assignment exactly like a direct one, for managers and for targets, so a directory that leaves
   * them out lets lower administrators reach group-held Global Administrators. Assignments of a
   * role Entra does not allow at administrative-unit scope should never be scoped to a unit; if one
   * is, it grants nothing.
   *
   * @param principal the user
   * @return the assignments, direct and group-held
   */
  List<RoleAssignment> assignmentsOf(UserId principal);

  /** {@return the built-in roles and the tenant's custom roles} */
  RoleCatalog roles();

  /**
   * Whether the user is a member or owner of a role-assignable group (such users are protected from
   * most password administrators, and from every administrator scoped to a unit). True in
   * particular for every member of a group that holds a role assignment. A directory without
   * role-assignable groups returns false.
   *
   * @param user the user
   * @return true if the user is a member or owner of a role-assignable group
   */
  boolean isRoleAssignableGroupMember(UserId user);

  /**
   * The search rule of {@link #searchUsers} for one user, for default implementations: the display
   * name, one of its whitespace-separated words (the query within that word), or the user principal
   * name starts with {@code query}, ignoring case as {@link String#regionMatches(boolean, int,
   * String, int, int)} does.
   *
   * @param user the user to test
   * @param query the prefix, 1 to 256 characters
   * @return true if the user matches
   * @since 0.1.0
   */
  static boolean matchesPrefix(User user, String query) {
    String name = user.displayName();
    if (user.userPrincipalName().regionMatches(true, 0, query, 0, query.length())
        || name.regionMatches(true, 0, query, 0, query.length())) {
      return true;
    }
    for (int i = 1; i < name.length(); i++) {
      if (Character.isWhitespace(name.charAt(i)) || !Character.isWhitespace(name.charAt(i - 1))) {
        continue;
      }
      int end = i;
      while (end < name.length() && !Character.isWhitespace(name.charAt(end))) {
        end++;
      }
      if (end - i >= query.length() && name.regionMatches(true, i, query, 0, query.length())) {
        return true;
      }
      i = end;
    }
    return false;
  }
}
