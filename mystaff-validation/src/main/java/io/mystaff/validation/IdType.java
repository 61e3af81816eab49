package io.mystaff.validation;

import io.mystaff.api.AssignmentId;
import io.mystaff.api.CorrelationId;
import io.mystaff.api.GroupId;
import io.mystaff.api.RoleId;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import java.util.function.Consumer;

/**
 * The typed ids of {@code mystaff-api} that {@link MyStaffId} checks, each by its own factory.
 *
 * @since 0.1.0
 */
public enum IdType {
  /** {@link UserId}. */
  USER(UserId::of),
  /** {@link UnitId}. */
  UNIT(UnitId::of),
  /** {@link GroupId}. */
  GROUP(GroupId::of),
  /** {@link RoleId}. */
  ROLE(RoleId::of),
  /** {@link AssignmentId}. */
  ASSIGNMENT(AssignmentId::of),
  /** {@link CorrelationId}. */
  CORRELATION(CorrelationId::of);

  private final Consumer<String> factory;

  IdType(Consumer<String> factory) {
    this.factory = factory;
  }

  /** Builds the id, throwing {@code InvalidInputException} if the value breaks its rule. */
  void check(String value) {
    factory.accept(value);
  }
}
