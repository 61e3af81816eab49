package io.mystaff.validation;

import io.mystaff.api.AssignmentId;
import io.mystaff.api.CorrelationId;
import io.mystaff.api.GroupId;
import io.mystaff.api.RoleId;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;

/**
 * The typed ids of {@code mystaff-api} that {@link MyStaffId} checks, each by its own factory.
 *
 * @since 0.1.0
 */
public enum IdType {
  /** {@link UserId}. */
  USER,
  /** {@link UnitId}. */
  UNIT,
  /** {@link GroupId}. */
  GROUP,
  /** {@link RoleId}. */
  ROLE,
  /** {@link AssignmentId}. */
  ASSIGNMENT,
  /** {@link CorrelationId}. */
  CORRELATION;

  /** Builds the id, throwing {@code InvalidInputException} if the value breaks its rule. */
  void check(String value) {
    switch (this) {
      case USER -> UserId.of(value);
      case UNIT -> UnitId.of(value);
      case GROUP -> GroupId.of(value);
      case ROLE -> RoleId.of(value);
      case ASSIGNMENT -> AssignmentId.of(value);
      case CORRELATION -> CorrelationId.of(value);
    }
  }
}
