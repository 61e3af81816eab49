package io.mystaff.testkit.fakes;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.directory.User;
import io.mystaff.api.password.Secret;
import io.mystaff.spi.DirectoryWriter;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A {@link DirectoryWriter} that forwards every call to another writer: subclass it and override
 * the one behaviour a test needs to change, such as interference before a write.
 */
public class ForwardingDirectoryWriter implements DirectoryWriter {
  private final DirectoryWriter delegate;

  public ForwardingDirectoryWriter(DirectoryWriter delegate) {
    this.delegate = requireNonNull(delegate, "delegate");
  }

  /** The writer every call goes to. */
  protected DirectoryWriter delegate() {
    return delegate;
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

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + delegate + "]";
  }
}
