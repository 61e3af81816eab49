package io.mystaff.core;

import static java.util.Objects.requireNonNull;

import io.mystaff.core.access.SignInGate;
import io.mystaff.core.authz.AuthorizationEngine;
import io.mystaff.core.password.TemporaryPasswordGenerator;
import io.mystaff.core.phone.PhoneNumberParser;
import io.mystaff.spi.AccountUnlocker;
import io.mystaff.spi.CredentialDelivery;
import io.mystaff.spi.DelegationStore;
import io.mystaff.spi.Directory;
import io.mystaff.spi.DirectoryWriter;
import io.mystaff.spi.PasswordPolicy;
import io.mystaff.spi.PasswordWriteback;
import io.mystaff.spi.SessionRevoker;
import io.mystaff.spi.VerificationGate;
import io.mystaff.spi.WritebackJournal;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The providers, policies and settings one {@link MyStaff} was built with, shared by its sessions;
 * the sign-in gate is replaced when the feature availability changes at run time.
 */
record Configuration(
    Directory directory,
    DirectoryWriter writer,
    AuditTrail trail,
    AuthorizationEngine engine,
    AtomicReference<SignInGate> gate,
    PasswordPolicy cloudPolicy,
    PasswordPolicy onPremisesPolicy,
    Optional<PasswordWriteback> writeback,
    TemporaryPasswordGenerator generator,
    PhoneNumberParser phoneParser,
    Clock clock,
    MyStaffSettings settings,
    AtomicBoolean closed,
    ChangeLimiter resetLimiter,
    ChangeLimiter phoneLimiter,
    Notifications notifications,
    WritebackJournal journal,
    Approvals approvals,
    ChangeLimiter revokeLimiter,
    ChangeLimiter unlockLimiter,
    Optional<CredentialDelivery> delivery,
    Optional<VerificationGate> verificationGate,
    ChangeLimiter verificationLimiter,
    Optional<DelegationStore> delegations) {

  Configuration {
    requireNonNull(directory, "directory");
    requireNonNull(writer, "writer");
    requireNonNull(trail, "trail");
    requireNonNull(engine, "engine");
    requireNonNull(gate, "gate");
    requireNonNull(cloudPolicy, "cloudPolicy");
    requireNonNull(onPremisesPolicy, "onPremisesPolicy");
    requireNonNull(writeback, "writeback");
    requireNonNull(generator, "generator");
    requireNonNull(phoneParser, "phoneParser");
    requireNonNull(clock, "clock");
    requireNonNull(settings, "settings");
    requireNonNull(closed, "closed");
    requireNonNull(resetLimiter, "resetLimiter");
    requireNonNull(phoneLimiter, "phoneLimiter");
    requireNonNull(notifications, "notifications");
    requireNonNull(journal, "journal");
    requireNonNull(approvals, "approvals");
    requireNonNull(revokeLimiter, "revokeLimiter");
    requireNonNull(unlockLimiter, "unlockLimiter");
    requireNonNull(delivery, "delivery");
    requireNonNull(verificationGate, "verificationGate");
    requireNonNull(verificationLimiter, "verificationLimiter");
    requireNonNull(delegations, "delegations");
  }

  /**
   * @throws IllegalStateException if the {@link MyStaff} these belong to was closed
   */
  void ensureOpen() {
    if (closed.get()) {
      throw new IllegalStateException("MyStaff was closed");
    }
  }

  /** The writer's session revoker, if it has one. */
  Optional<SessionRevoker> sessionRevoker() {
    return writer.sessionRevoker();
  }

  /** The writeback's account unlocker, if there is a writeback and it has one. */
  Optional<AccountUnlocker> accountUnlocker() {
    return writeback.flatMap(PasswordWriteback::accountUnlocker);
  }
}
