package io.mystaff.testkit.contract;

import io.mystaff.api.Page;
import io.mystaff.api.PageRequest;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.RoleCatalog;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.directory.User;
import io.mystaff.api.password.Secret;
import io.mystaff.inmemory.InMemoryDirectory;
import io.mystaff.spi.Directory;
import io.mystaff.spi.DirectoryWriter;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Forwards every call to an in-memory directory; broken providers override one thing. */
class ForwardingDirectory implements Directory, DirectoryWriter {
  final InMemoryDirectory delegate;

  ForwardingDirectory(InMemoryDirectory delegate) {
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
  public User setPhone(UserId user, long expectedVersion, PhoneType type, Optional<PhoneNumber> number,
      AuditEvent event) {
    return delegate.setPhone(user, expectedVersion, type, number, event);
  }

  @Override
  public User setPassword(UserId user, long expectedVersion, Secret password, boolean forceChangeNextSignIn,
      AuditEvent event) {
    return delegate.setPassword(user, expectedVersion, password, forceChangeNextSignIn, event);
  }

  @Override
  public List<AuditEvent> pendingAuditEvents(int max) {
    return delegate.pendingAuditEvents(max);
  }

  @Override
  public void acknowledgeAuditEvents(Collection<String> eventIds) {
    delegate.acknowledgeAuditEvents(eventIds);
  }
}
