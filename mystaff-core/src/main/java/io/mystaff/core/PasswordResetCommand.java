package io.mystaff.core;

import io.mystaff.api.CapabilityNotSupportedException;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.UserId;
import io.mystaff.api.directory.User;
import io.mystaff.api.password.PasswordContext;
import io.mystaff.api.password.PasswordHistory;
import io.mystaff.api.password.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A manager's request to reset a user's password, with the password the manager chose, if any.
 * Its {@code toString} never shows the password.
 */
record PasswordResetCommand(UserId target, Optional<Secret> managerChosen) {

  /**
   * @throws InvalidInputException if the target is missing or the chosen password is missing or
   *     was destroyed
   */
  static PasswordResetCommand of(UserId target, Optional<Secret> managerChosen) {
    List<InvalidInputException.Violation> violations = new ArrayList<>(2);
    if (target == null) {
      violations.add(new InvalidInputException.Violation("target user", "is required"));
    }
    if (managerChosen == null) {
      violations.add(new InvalidInputException.Violation("password", "is required"));
    } else if (managerChosen.isPresent() && managerChosen.get().isDestroyed()) {
      violations.add(new InvalidInputException.Violation("password", "was destroyed before use"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    return new PasswordResetCommand(target, managerChosen);
  }

  /**
   * Checks that this command fits {@code user}: a synced user's password is chosen by the manager
   * and needs a writeback; a cloud-only user's is generated unless the settings let managers
   * choose it.
   *
   * @throws CapabilityNotSupportedException if the user is synced and no writeback is configured
   * @throws InvalidInputException if a password is missing or not allowed
   */
  void checkApplicable(User user, MyStaffSettings settings, boolean writebackConfigured) {
    if (user.isSynced()) {
      if (!writebackConfigured) {
        throw new CapabilityNotSupportedException("password writeback", "User " + user.id()
            + " is synchronized from on premises and no password writeback is configured");
      }
      if (managerChosen.isEmpty()) {
        throw InvalidInputException.of("password", "is required: a synced user's new password is chosen "
            + "by the manager and written back to the on-premises directory");
      }
    } else if (managerChosen.isPresent() && !settings.managerChosenPasswordsForCloudUsers()) {
      throw InvalidInputException.of("password", "cannot be chosen for a cloud-only user: "
          + "the settings require a generated temporary password");
    }
  }

  /** What a password policy may consult about {@code user}, with the history known for them. */
  static PasswordContext contextOf(User user, PasswordHistory history) {
    return new PasswordContext(user.id(), user.userPrincipalName(), user.displayName(),
        user.onPremisesSamAccountName(), history);
  }

  @Override
  public String toString() {
    return "PasswordResetCommand{target=" + target + ", managerChosen=" + managerChosen.isPresent() + "}";
  }
}
