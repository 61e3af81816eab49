package io.mystaff.core;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.ModifiedProperty;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.directory.User;
import io.mystaff.spi.CommitCondition;
import io.mystaff.spi.SessionRevoker;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Signs a user out everywhere: moves their "sessions valid from" instant to {@code validFrom}. The
 * audit event names Graph's property {@code signInSessionsValidFromDateTime} with its old and new
 * values (ISO-8601 instants).
 */
record SessionRevoke(SessionRevoker revoker, Instant validFrom, CorrelationId correlationId)
    implements UserChange<SessionRevocation> {

  /** The property the audit event names, as Graph calls it. */
  static final String PROPERTY = "signInSessionsValidFromDateTime";

  SessionRevoke {
    requireNonNull(revoker, "revoker");
    requireNonNull(validFrom, "validFrom");
    requireNonNull(correlationId, "correlationId");
  }

  @Override
  public StaffAction action() {
    return StaffAction.REVOKE_SESSIONS;
  }

  @Override
  public AuditActivity activity(User current) {
    return AuditActivity.REVOKE_SESSIONS;
  }

  @Override
  public List<ModifiedProperty> changes(User current) {
    Optional<Instant> before = revoker.sessionsValidFrom(current.id());
    Instant after = before.filter(b -> b.isAfter(validFrom)).orElse(validFrom);
    return List.of(
        ModifiedProperty.of(
            PROPERTY, before.map(Instant::toString), Optional.of(after.toString())));
  }

  @Override
  public SessionRevocation apply(User current, AuditEvent event, CommitCondition condition) {
    revoker.revokeSessions(current.id(), current.version(), validFrom, event, condition);
    Instant stored = revoker.sessionsValidFrom(current.id()).orElse(validFrom);
    return new SessionRevocation(current.id(), stored, correlationId);
  }
}
