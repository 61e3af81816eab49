package io.mystaff.api.approval;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.PhoneType;

/**
 * The change an approval request asks for, without its target. It never holds a password: the
 * changes that can wait for approval are a generated password reset of a cloud-only user (the
 * password is generated when the change is executed), and setting or removing a phone method (a
 * phone number is not a secret).
 *
 * @since 0.2.0
 */
public sealed interface RequestedChange
    permits RequestedChange.GeneratedPasswordReset,
        RequestedChange.SetPhone,
        RequestedChange.RemovePhone {

  /** {@return the action the change needs} */
  StaffAction action();

  /**
   * A cloud-only user's password reset to a temporary password generated at execution.
   *
   * @return the change
   */
  static RequestedChange generatedPasswordReset() {
    return GeneratedPasswordReset.INSTANCE;
  }

  /**
   * A password reset to a temporary password generated at execution, shown once to the approver who
   * executes it.
   *
   * @since 0.2.0
   */
  enum GeneratedPasswordReset implements RequestedChange {
    /** The one instance. */
    INSTANCE;

    @Override
    public StaffAction action() {
      return StaffAction.RESET_PASSWORD;
    }
  }

  /**
   * The phone method of {@code type} set to {@code number}.
   *
   * @param type the phone method
   * @param number the number, parsed and validated when the change was requested, and checked again
   *     at execution
   * @since 0.2.0
   */
  record SetPhone(PhoneType type, PhoneNumber number) implements RequestedChange {
    /** Rejects a missing component. */
    public SetPhone {
      requireNonNull(type, "type");
      requireNonNull(number, "number");
    }

    @Override
    public StaffAction action() {
      return StaffAction.MANAGE_PHONES;
    }
  }

  /**
   * The phone method of {@code type} removed.
   *
   * @param type the phone method
   * @since 0.2.0
   */
  record RemovePhone(PhoneType type) implements RequestedChange {
    /** Rejects a missing component. */
    public RemovePhone {
      requireNonNull(type, "type");
    }

    @Override
    public StaffAction action() {
      return StaffAction.MANAGE_PHONES;
    }
  }
}
