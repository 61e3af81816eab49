package io.mystaff.core;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.UserId;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.password.Secret;
import java.util.Optional;

/**
 * One change a {@link StaffSession} can make, as a value, for {@link StaffSession#preview}: a
 * password reset (generated, or to a password the manager chose), a phone method set or removed,
 * the user's sessions revoked, or their on-premises account unlocked. The factories reject missing
 * arguments; everything else (the number's syntax and kind, a destroyed or badly formed password,
 * whether the user may have a chosen password) is validated by the preview exactly as the change
 * itself validates it.
 *
 * <p>A request holding a password never shows it: its {@code toString} says only that there is one.
 * mystaff does not destroy that password; the caller may once the preview returns.
 *
 * @since 0.2.0
 */
public sealed interface ChangeRequest
    permits ChangeRequest.ResetPassword,
        ChangeRequest.SetPhone,
        ChangeRequest.RemovePhone,
        ChangeRequest.RevokeSessions,
        ChangeRequest.UnlockAccount {

  /** {@return the user the change is for} */
  UserId user();

  /**
   * {@link StaffSession#resetPassword(UserId)}: a generated temporary password.
   *
   * @throws InvalidInputException if {@code user} is missing
   */
  static ResetPassword resetPassword(UserId user) {
    return new ResetPassword(required(user, "target user"), Optional.empty());
  }

  /**
   * {@link StaffSession#resetPassword(UserId, Secret)}: a password the manager chose.
   *
   * @throws InvalidInputException if an argument is missing
   */
  static ResetPassword resetPassword(UserId user, Secret password) {
    return new ResetPassword(
        required(user, "target user"), Optional.of(required(password, "password")));
  }

  /**
   * {@link StaffSession#setPhone}: the user's phone method of {@code type} set to {@code
   * rawNumber}.
   *
   * @throws InvalidInputException if an argument is missing
   */
  static SetPhone setPhone(UserId user, PhoneType type, String rawNumber) {
    return new SetPhone(
        required(user, "target user"),
        required(type, "phone type"),
        required(rawNumber, type.graphName()));
  }

  /**
   * {@link StaffSession#removePhone}: the user's phone method of {@code type} removed.
   *
   * @throws InvalidInputException if an argument is missing
   */
  static RemovePhone removePhone(UserId user, PhoneType type) {
    return new RemovePhone(required(user, "target user"), required(type, "phone type"));
  }

  /**
   * {@link StaffSession#revokeSessions}: the user signed out everywhere.
   *
   * @throws InvalidInputException if {@code user} is missing
   * @since 0.2.0
   */
  static ChangeRequest revokeSessions(UserId user) {
    return new RevokeSessions(required(user, "target user"));
  }

  /**
   * {@link StaffSession#unlockAccount}: the synced user's on-premises account unlocked.
   *
   * @throws InvalidInputException if {@code user} is missing
   * @since 0.2.0
   */
  static ChangeRequest unlockAccount(UserId user) {
    return new UnlockAccount(required(user, "target user"));
  }

  /**
   * A password reset; {@code password} is the manager's choice, empty for a generated one, which
   * reaches the user in {@code delivery} ({@link MyStaffSettings#defaultDeliveryMode()} when
   * empty). Made by {@link #resetPassword(UserId)} and refined with {@link #deliveredBy}; carried
   * out by {@link StaffSession#reset(ResetPassword)}.
   *
   * @param user the user whose password is reset
   * @param password the manager's password, or empty
   * @param delivery how a generated password reaches the user; empty for the settings' default
   */
  record ResetPassword(
      UserId user,
      Optional<Secret> password,
      Optional<DeliveryMode> delivery,
      Optional<Verification> verification)
      implements ChangeRequest {
    /** Rejects a missing component. */
    public ResetPassword {
      required(user, "target user");
      required(password, "password");
      required(delivery, "delivery mode");
      required(verification, "verification");
    }

    /**
     * A reset in the settings' default delivery mode, without caller verification.
     *
     * @param user the user whose password is reset
     * @param password the manager's password, or empty
     */
    public ResetPassword(UserId user, Optional<Secret> password) {
      this(user, password, Optional.empty(), Optional.empty());
    }

    /**
     * This reset with its generated password delivered in {@code mode}.
     *
     * @param mode how the password reaches the user
     * @return the refined request
     * @throws InvalidInputException if {@code mode} is missing
     * @since 0.2.0
     */
    public ResetPassword deliveredBy(DeliveryMode mode) {
      return new ResetPassword(
          user, password, Optional.of(required(mode, "delivery mode")), verification);
    }

    /**
     * This reset with the caller's passed verification, for a change that needs one.
     *
     * @param evidence from {@link StaffSession#verify}
     * @return the refined request
     * @throws InvalidInputException if {@code evidence} is missing
     * @since 0.2.0
     */
    public ResetPassword verifiedBy(Verification evidence) {
      return new ResetPassword(
          user, password, delivery, Optional.of(required(evidence, "verification")));
    }

    @Override
    public String toString() {
      return "ResetPassword{user="
          + user
          + ", managerChosen="
          + password.isPresent()
          + ", delivery="
          + delivery.map(DeliveryMode::name).orElse("default")
          + ", verified="
          + verification.isPresent()
          + "}";
    }
  }

  /**
   * A phone method of {@code type} set to {@code rawNumber}, as typed.
   *
   * @param user the user whose phone method changes
   * @param type the phone method
   * @param rawNumber the number as typed, parsed by the preview
   */
  record SetPhone(
      UserId user, PhoneType type, String rawNumber, Optional<Verification> verification)
      implements ChangeRequest {
    /** Rejects a missing component. */
    public SetPhone {
      required(user, "target user");
      required(type, "phone type");
      required(rawNumber, "phone number");
      required(verification, "verification");
    }

    /**
     * A phone method set without caller verification.
     *
     * @param user the user whose phone method changes
     * @param type the phone method
     * @param rawNumber the number as typed
     */
    public SetPhone(UserId user, PhoneType type, String rawNumber) {
      this(user, type, rawNumber, Optional.empty());
    }

    /**
     * This change with the caller's passed verification, for a change that needs one.
     *
     * @param evidence from {@link StaffSession#verify}
     * @return the refined request
     * @throws InvalidInputException if {@code evidence} is missing
     * @since 0.2.0
     */
    public SetPhone verifiedBy(Verification evidence) {
      return new SetPhone(user, type, rawNumber, Optional.of(required(evidence, "verification")));
    }
  }

  /**
   * A phone method of {@code type} removed.
   *
   * @param user the user whose phone method is removed
   * @param type the phone method
   */
  record RemovePhone(UserId user, PhoneType type, Optional<Verification> verification)
      implements ChangeRequest {
    /** Rejects a missing component. */
    public RemovePhone {
      required(user, "target user");
      required(type, "phone type");
      required(verification, "verification");
    }

    /**
     * A phone method removed without caller verification.
     *
     * @param user the user whose phone method is removed
     * @param type the phone method
     */
    public RemovePhone(UserId user, PhoneType type) {
      this(user, type, Optional.empty());
    }

    /**
     * This change with the caller's passed verification, for a change that needs one.
     *
     * @param evidence from {@link StaffSession#verify}
     * @return the refined request
     * @throws InvalidInputException if {@code evidence} is missing
     * @since 0.2.0
     */
    public RemovePhone verifiedBy(Verification evidence) {
      return new RemovePhone(user, type, Optional.of(required(evidence, "verification")));
    }
  }

  /**
   * The user's sessions revoked.
   *
   * @param user the user to sign out everywhere
   * @since 0.2.0
   */
  record RevokeSessions(UserId user) implements ChangeRequest {
    /** Rejects a missing component. */
    public RevokeSessions {
      required(user, "target user");
    }
  }

  /**
   * The synced user's on-premises account unlocked.
   *
   * @param user the user whose account is unlocked
   * @since 0.2.0
   */
  record UnlockAccount(UserId user) implements ChangeRequest {
    /** Rejects a missing component. */
    public UnlockAccount {
      required(user, "target user");
    }
  }

  private static <T> T required(T argument, String field) {
    if (argument == null) {
      throw InvalidInputException.of(field, "is required");
    }
    return argument;
  }
}
