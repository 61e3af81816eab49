package io.mystaff.testkit.random;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.UserId;
import io.mystaff.api.authz.StaffAction;
import java.time.Instant;

/**
 * One question to put to an authorization engine: may {@code actor} do {@code action} to {@code
 * target} at {@code now}?
 */
public record AuthorizationQuery(UserId actor, StaffAction action, UserId target, Instant now) {
  public AuthorizationQuery {
    requireNonNull(actor, "actor");
    requireNonNull(action, "action");
    requireNonNull(target, "target");
    requireNonNull(now, "now");
  }

  @Override
  public String toString() {
    return actor + " " + action + " " + target + " at " + now;
  }
}
