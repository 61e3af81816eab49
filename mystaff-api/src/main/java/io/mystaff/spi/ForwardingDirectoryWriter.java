package io.mystaff.spi;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.directory.User;
import io.mystaff.api.password.Secret;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A {@link DirectoryWriter} that forwards every call to another writer: subclass it and override
 * the one behaviour a test or a decorator needs to change, such as interference before a write.
 *
 * @since 0.1.0
 */
public class ForwardingDirectoryWriter implements DirectoryWriter {
  private final DirectoryWriter delegate;

  /**
   * Forwards to {@code delegate}.
   *
   * @param delegate the writer every call goes to
   */
  public ForwardingDirectoryWriter(DirectoryWriter delegate) {
    this.delegate = requireNonNull(delegate, "delegate");
  }

  /**
   * The writer every call goes to.
   *
   * @return the delegate
   */
  protected DirectoryWriter delegate() {
    return delegate;
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

  /**
   * Final, so that a subclass overrides the method core calls, the one with a {@link
   * CommitCondition}: this one forwards to it with {@link CommitCondition#none()}.
   */
  @Override
  public final User setPhone(
      UserId user,
      long expectedVersion,
      PhoneType type,
      Optional<PhoneNumber> number,
      AuditEvent event) {
    return setPhone(user, expectedVersion, type, number, event, CommitCondition.none());
  }

  /**
   * Final, so that a subclass overrides the method core calls, the one with a {@link
   * CommitCondition}: this one forwards to it with {@link CommitCondition#none()}.
   */
  @Override
  public final User setPassword(
      UserId user,
      long expectedVersion,
      Secret password,
      boolean forceChangeNextSignIn,
      AuditEvent event) {
    return setPassword(
        user, expectedVersion, password, forceChangeNextSignIn, event, CommitCondition.none());
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

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + delegate + "]";
  }

  /**
   * The delegate's revoker: revocations go to the delegate's capability directly, not through this
   * writer's other methods.
   *
   * @since 0.2.0
   */
  @Override
  public Optional<SessionRevoker> sessionRevoker() {
    return delegate.sessionRevoker();
  }
}
