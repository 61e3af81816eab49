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
import io.mystaff.spi.CredentialDelivery;
import io.mystaff.spi.CredentialMessage;
import io.mystaff.spi.DeliveryOutcome;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Resets a cloud-only user's password in the directory: to a generated temporary password, or to
 * the manager's choice when the settings allow it, checked against the cloud policy. The user must
 * change it at next sign-in. The audit event names the touched properties only, and for a generated
 * password the delivery mode ({@value #DELIVERY_KEY}), never the password or any part of it.
 *
 * <p>A generated password that goes to the user ({@link DeliveryMode#SEND_TO_USER}, {@link
 * DeliveryMode#SPLIT}) is generated and sent once, in the first round the engine permits, before
 * anything is written; later compare-and-set rounds write the same password. A failed delivery
 * throws {@link CredentialDeliveryException} before the write: nothing changes. One instance serves
 * one attempt.
 */
final class CloudPasswordReset implements UserChange<PasswordResetResult> {

  /** The audit names of what a reset touches; values are never recorded. */
  static final List<ModifiedProperty> CHANGES =
      List.of(
          ModifiedProperty.of("PasswordProfile", Optional.empty(), Optional.empty()),
          ModifiedProperty.of("forceChangePasswordNextSignIn", Optional.empty(), Optional.empty()));

  /** The additional detail of a generated password's reset events that names its delivery mode. */
  static final String DELIVERY_KEY = "credentialDelivery";

  /** The FAILED reason of a reset whose password could not be sent. */
  static final String DELIVERY_FAILED = "DELIVERY_FAILED";

  /** The additional detail of a DELIVERY_FAILED event that names the failure. */
  static final String DELIVERY_FAILURE_KEY = "deliveryFailure";

  private final Optional<Secret> managerChosen;
  private final Configuration config;
  private final CorrelationId correlationId;
  private final DeliveryMode mode;

  /** For a sending mode, the password generated and sent in the first round; then reused. */
  private @Nullable Secret sent;

  private @Nullable String channel;

  CloudPasswordReset(
      Optional<Secret> managerChosen,
      Configuration config,
      CorrelationId correlationId,
      DeliveryMode mode) {
    this.managerChosen = requireNonNull(managerChosen, "managerChosen");
    this.config = requireNonNull(config, "config");
    this.correlationId = requireNonNull(correlationId, "correlationId");
    this.mode = requireNonNull(mode, "mode");
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

  @Override
  public Map<String, String> details(User current) {
    return managerChosen.isPresent() ? Map.of() : Map.of(DELIVERY_KEY, mode.name());
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
   * Writes the password that {@link #refusal} accepted for {@code current}, or a generated one,
   * sent first when the mode sends.
   *
   * @throws ProviderFailureException if the generator found no password the cloud policy accepts
   * @throws CredentialDeliveryException if the password could not be sent (nothing written)
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
    if (mode.sendsToUser()) {
      return applySent(current, event, condition, context);
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

  private PasswordResetResult applySent(
      User current, AuditEvent event, CommitCondition condition, PasswordContext context) {
    Secret password = sent;
    if (password == null) {
      password = generate(context);
      channel = send(current, password);
      sent = password;
    }
    config.writer().setPassword(current.id(), current.version(), password, true, event, condition);
    Optional<OneTimeSecret> managerPart =
        mode == DeliveryMode.SPLIT
            ? Optional.of(new OneTimeSecret(firstPart(password)))
            : Optional.empty();
    String where = requireNonNull(channel, "channel is set with sent");
    discard();
    return new PasswordResetResult.Delivered(current.id(), correlationId, mode, where, managerPart);
  }

  /**
   * Wipes the password kept for later rounds; idempotent. The session calls it once the attempt
   * ended, whatever its end.
   */
  void discard() {
    Secret s = sent;
    sent = null;
    if (s != null) {
      s.destroy();
    }
  }

  /** Sends the whole password or its second part; returns the channel it went to. */
  private String send(User current, Secret password) {
    Secret part =
        mode == DeliveryMode.SPLIT ? secondPart(password) : Secret.of(password.toCharArray());
    CredentialDelivery delivery =
        config
            .delivery()
            .orElseThrow(() -> new IllegalStateException("a sending mode needs a delivery"));
    DeliveryOutcome outcome;
    try {
      outcome =
          delivery.deliver(
              new CredentialMessage(
                  current.id(),
                  mode == DeliveryMode.SPLIT
                      ? CredentialMessage.Kind.TEMPORARY_PASSWORD_SECOND_PART
                      : CredentialMessage.Kind.TEMPORARY_PASSWORD,
                  part,
                  correlationId));
    } catch (RuntimeException e) {
      outcome = new DeliveryOutcome.Failed(DeliveryOutcome.Failure.UNAVAILABLE);
    } finally {
      part.destroy();
    }
    if (outcome instanceof DeliveryOutcome.Failed failed) {
      password.destroy();
      throw new CredentialDeliveryException(current.id(), mode, failed.reason());
    }
    return ((DeliveryOutcome.Delivered) outcome).channel();
  }

  /** The characters of the first part of a split password: the first half, rounded up. */
  static Secret firstPart(Secret password) {
    return slice(password, 0, (password.length() + 1) / 2);
  }

  /** The characters of the second part: the rest. */
  static Secret secondPart(Secret password) {
    return slice(password, (password.length() + 1) / 2, password.length());
  }

  private static Secret slice(Secret password, int from, int to) {
    char[] all = password.toCharArray();
    char[] part = Arrays.copyOfRange(all, from, to);
    Arrays.fill(all, '\0');
    try {
      return Secret.of(part);
    } finally {
      Arrays.fill(part, '\0');
    }
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
