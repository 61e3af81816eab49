package io.mystaff.core;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.UserId;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.PhoneType;
import java.util.Optional;

/**
 * A phone method change that took effect: the user's {@code type} phone went from {@code previous}
 * to {@code current} (either may be absent). {@code correlationId} is the one its audit event
 * carries.
 */
public record PhoneChange(
    UserId user,
    PhoneType type,
    Optional<PhoneNumber> previous,
    Optional<PhoneNumber> current,
    CorrelationId correlationId) {

  public PhoneChange {
    requireNonNull(user, "user");
    requireNonNull(type, "type");
    requireNonNull(previous, "previous");
    requireNonNull(current, "current");
    requireNonNull(correlationId, "correlationId");
  }
}
