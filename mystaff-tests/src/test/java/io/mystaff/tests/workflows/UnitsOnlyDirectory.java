package io.mystaff.tests.workflows;

import io.mystaff.api.Page;
import io.mystaff.api.PageRequest;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.RoleCatalog;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.User;
import io.mystaff.spi.Directory;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A directory that cannot list all of its users: it forwards every method to another directory
 * except {@link Directory#allUsers}, which keeps the interface's default (unsupported).
 */
final class UnitsOnlyDirectory implements Directory {
  private final Directory delegate;

  UnitsOnlyDirectory(Directory delegate) {
    this.delegate = delegate;
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
  public Page<User> members(UnitId unit, PageRequest page) {
    return delegate.members(unit, page);
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
}
