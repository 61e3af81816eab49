package io.mystaff.spi;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.Page;
import io.mystaff.api.PageRequest;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.RoleCatalog;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.User;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link Directory} that forwards every call, {@link Directory#allUsers} included, to another
 * directory: subclass it and override the one behaviour a test needs to change (Guava's {@code
 * ForwardingObject} pattern). Decorators of providers (caching, metrics, fault injection) start
 * here too; a method added to the interface later is forwarded here as well.
 *
 * @since 0.1.0
 */
public class ForwardingDirectory implements Directory {
  private final Directory delegate;

  /**
   * Forwards to {@code delegate}.
   *
   * @param delegate the directory every call goes to
   */
  public ForwardingDirectory(Directory delegate) {
    this.delegate = requireNonNull(delegate, "delegate");
  }

  /**
   * The directory every call goes to.
   *
   * @return the delegate
   */
  protected Directory delegate() {
    return delegate;
  }

  @Override
  public Optional<User> findUser(UserId id) {
    return delegate.findUser(id);
  }

  @Override
  public Optional<AdministrativeUnit> findUnit(UnitId id) {
    return delegate.findUnit(id);
  }

  @Override
  public Set<UnitId> unitsOf(UserId user) {
    return delegate.unitsOf(user);
  }

  @Override
  public Set<UnitId> undecidedUnitsOf(UserId user) {
    return delegate.undecidedUnitsOf(user);
  }

  @Override
  public Map<UserId, UserFacts> userFactsOf(Collection<UserId> users) {
    return delegate.userFactsOf(users);
  }

  @Override
  public Map<UnitId, AdministrativeUnit> findUnits(Collection<UnitId> ids) {
    return delegate.findUnits(ids);
  }

  @Override
  public Page<User> members(UnitId unit, PageRequest page) {
    return delegate.members(unit, page);
  }

  @Override
  public Page<User> allUsers(PageRequest page) {
    return delegate.allUsers(page);
  }

  @Override
  public Page<User> searchUsers(String query, PageRequest page) {
    return delegate.searchUsers(query, page);
  }

  @Override
  public Page<AdministrativeUnit> searchUnits(String query, PageRequest page) {
    return delegate.searchUnits(query, page);
  }

  @Override
  public Page<User> searchMembers(UnitId unit, String query, PageRequest page) {
    return delegate.searchMembers(unit, query, page);
  }

  @Override
  public Page<AdministrativeUnit> allUnits(PageRequest page) {
    return delegate.allUnits(page);
  }

  @Override
  public List<RoleAssignment> assignmentsOf(UserId principal) {
    return delegate.assignmentsOf(principal);
  }

  @Override
  public RoleCatalog roles() {
    return delegate.roles();
  }

  @Override
  public boolean isRoleAssignableGroupMember(UserId user) {
    return delegate.isRoleAssignableGroupMember(user);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + delegate + "]";
  }
}
