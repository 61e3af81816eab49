package io.mystaff.testkit.contract;

import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.directory.User;
import io.mystaff.api.password.Secret;
import io.mystaff.inmemory.InMemoryDirectory;
import io.mystaff.spi.CommitCondition;
import io.mystaff.spi.DirectoryWriter;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Forwards every call to an in-memory directory; broken providers override one thing. */
class ForwardingDirectory extends io.mystaff.spi.ForwardingDirectory implements DirectoryWriter {
  final InMemoryDirectory delegate;

  ForwardingDirectory(InMemoryDirectory delegate) {
    super(delegate);
    this.delegate = delegate;
  }

  @Override
  public User setPhone(
      UserId user,
      long expectedVersion,
      PhoneType type,
      Optional<PhoneNumber> number,
      AuditEvent event,
      CommitCondition condition) {
    return delegate.setPhone(user, expectedVersion, type, number, event, condition);
  }

  @Override
  public User setPassword(
      UserId user,
      long expectedVersion,
      Secret password,
      boolean forceChangeNextSignIn,
      AuditEvent event,
      CommitCondition condition) {
    return delegate.setPassword(
        user, expectedVersion, password, forceChangeNextSignIn, event, condition);
  }

  @Override
  public void appendAuditEvent(AuditEvent event) {
    delegate.appendAuditEvent(event);
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
