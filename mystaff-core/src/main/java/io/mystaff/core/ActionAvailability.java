package io.mystaff.core;

import io.mystaff.api.CapabilityNotSupportedException;
import io.mystaff.api.authz.Decision;
import io.mystaff.api.authz.DenyReason;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.directory.AccountNotSyncedException;
import io.mystaff.api.directory.User;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Whether an action can be performed at all, before the engine is asked: the configured providers
 * must have the capability ({@link io.mystaff.spi.DirectoryWriter#sessionRevoker()}, {@link
 * io.mystaff.spi.PasswordWriteback#accountUnlocker()}), and an on-premises unlock needs a synced
 * user. Listings show the answer as the action's decision; the action itself refuses with the
 * matching exception before its attempt begins, recording nothing.
 */
final class ActionAvailability {
  private ActionAvailability() {}

  /** Whether the configured providers can perform {@code action} at all. */
  static boolean supported(Configuration config, StaffAction action) {
    return switch (action) {
      case REVOKE_SESSIONS -> config.sessionRevoker().isPresent();
      case UNLOCK_ACCOUNT -> config.accountUnlocker().isPresent();
      default -> true;
    };
  }

  /** Why {@code action} cannot be performed on {@code target} at all; empty if it can. */
  static Optional<DenyReason> unavailable(Configuration config, StaffAction action, User target) {
    if (!supported(config, action)) {
      return Optional.of(DenyReason.ACTION_NOT_SUPPORTED);
    }
    if (action == StaffAction.UNLOCK_ACCOUNT && !target.isSynced()) {
      return Optional.of(DenyReason.ACCOUNT_NOT_SYNCED);
    }
    return Optional.empty();
  }

  /**
   * The engine's {@code decision}, or a deny for the reason the action cannot be performed on
   * {@code target} at all, which comes first.
   */
  static Decision decision(Configuration config, User target, Decision decision) {
    Optional<DenyReason> unavailable = unavailable(config, decision.action(), target);
    return unavailable.isPresent()
        ? new Decision.Deny(decision.action(), unavailable.get())
        : decision;
  }

  /** {@code allowed} without the actions that cannot be performed on {@code target}. */
  static Set<StaffAction> filter(Configuration config, User target, Set<StaffAction> allowed) {
    Set<StaffAction> kept = EnumSet.noneOf(StaffAction.class);
    for (StaffAction a : allowed) {
      if (unavailable(config, a, target).isEmpty()) {
        kept.add(a);
      }
    }
    return kept;
  }

  /**
   * Refuses an action that cannot be performed on {@code target} at all.
   *
   * @throws CapabilityNotSupportedException if the providers lack the capability
   * @throws AccountNotSyncedException if the action needs a synced user and {@code target} is not
   */
  static void require(Configuration config, StaffAction action, User target) {
    Optional<DenyReason> unavailable = unavailable(config, action, target);
    if (unavailable.isEmpty()) {
      return;
    }
    if (unavailable.get() == DenyReason.ACCOUNT_NOT_SYNCED) {
      throw new AccountNotSyncedException(target.id(), action);
    }
    throw action == StaffAction.REVOKE_SESSIONS
        ? new CapabilityNotSupportedException(
            "session revocation",
            "The directory writer cannot revoke sessions; configure one whose sessionRevoker() is"
                + " present")
        : new CapabilityNotSupportedException(
            "account unlock",
            "No password writeback that can unlock on-premises accounts is configured; configure"
                + " one whose accountUnlocker() is present");
  }
}
