package io.mystaff.core;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.MyStaffException;
import io.mystaff.api.ProviderFailureException;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.ModifiedProperty;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.directory.User;
import io.mystaff.api.password.PasswordCheck;
import io.mystaff.api.password.PasswordContext;
import io.mystaff.api.password.PasswordHistory;
import io.mystaff.api.password.PasswordRejectedException;
import io.mystaff.api.password.Secret;
import io.mystaff.spi.CommitCondition;
import java.util.List;
import java.util.Optional;

/**
 * Resets a cloud-only user's password in the directory: to a generated temporary password, or to
 * the manager's choice when the settings allow it, checked against the cloud policy. The user must
 * change it at next sign-in. The audit event names the touched properties only.
 */
record CloudPasswordReset(
    Optional<Secret> managerChosen, Configuration config, CorrelationId correlationId)
    implements UserChange<PasswordResetResult> {

  /** The audit names of what a reset touches; values are never recorded. */
  static final List<ModifiedProperty> CHANGES =
      List.of(
          ModifiedProperty.of("PasswordProfile", Optional.empty(), Optional.empty()),
          ModifiedProperty.of("forceChangePasswordNextSignIn", Optional.empty(), Optional.empty()));

  CloudPasswordReset {
    requireNonNull(managerChosen, "managerChosen");
    requireNonNull(config, "config");
    requireNonNull(correlationId, "correlationId");
  }

  @Override
  public StaffAction action() {
    return StaffAction.RESET_PASSWORD;
  }

  @Override
  public AuditActivity activity(User current) {
    return AuditActivity.RESET_PASSWORD;
  }

  @Override
  public List<ModifiedProperty> changes(User current) {
    return CHANGES;
  }

  /** A manager-chosen password the cloud policy rejects: {@link #rules}. */
  @Override
  public Optional<Refusal> refusal(User current) {
    return rules(managerChosen, config, current);
  }

  /**
   * Why a permitted cloud reset of {@code current} cannot apply: a manager-chosen password the
   * cloud policy (after the manager-chosen length floor) rejects. A generated password needs no
   * check here. Shared by the reset and its preview; records nothing.
   */
  static Optional<Refusal> rules(
      Optional<Secret> managerChosen, Configuration config, User current) {
    if (managerChosen.isEmpty() || current.isSynced()) {
      return Optional.empty();
    }
    PasswordCheck check =
        PasswordResetCommand.check(
            managerChosen.get(),
            config.cloudPolicy(),
            PasswordResetCommand.contextOf(current, PasswordHistory.none()),
            config.settings().minimumManagerChosenPasswordLength());
    return check.isAccepted()
        ? Optional.empty()
        : Optional.of(Refusal.passwordRejected(new PasswordRejectedException(check.violations())));
  }

  /**
   * Writes the password that {@link #refusal} accepted for {@code current}, or a generated one.
   *
   * @throws ProviderFailureException if the generator found no password the cloud policy accepts
   */
  @Override
  public PasswordResetResult apply(User current, AuditEvent event, CommitCondition condition) {
    if (current.isSynced()) {
      throw new ProviderFailureException(
          "directory",
          "user "
              + current.id()
              + " became synchronized from on premises during the reset; reset again");
    }
    PasswordContext context = PasswordResetCommand.contextOf(current, PasswordHistory.none());
    if (managerChosen.isPresent()) {
      Secret chosen = managerChosen.get();
      config.writer().setPassword(current.id(), current.version(), chosen, true, event, condition);
      return new PasswordResetResult.PasswordSet(current.id(), correlationId);
    }
    Secret temporary = generate(context);
    try {
      config
          .writer()
          .setPassword(current.id(), current.version(), temporary, true, event, condition);
    } catch (RuntimeException e) {
      temporary.destroy();
      throw e;
    }
    return new PasswordResetResult.TemporaryPassword(
        current.id(), correlationId, new OneTimeSecret(temporary));
  }

  private Secret generate(PasswordContext context) {
    try {
      return config.generator().generate(config.cloudPolicy(), context);
    } catch (MyStaffException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ProviderFailureException(
          "password generator",
          "could not generate a temporary password"
              + " the "
              + config.cloudPolicy().name()
              + " policy accepts",
          e);
    }
  }
}
