package io.mystaff.core;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.authz.Decision;
import io.mystaff.api.authz.DenyReason;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.password.PolicyViolation;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a change would do if the manager made it now, from {@link StaffSession#preview}: the
 * decision with its reason, the password policy's violations, and the side effects. Computed by the
 * very steps the change itself runs (rate limit, engine decision, then the change's own rules),
 * without writing, submitting or recording anything.
 *
 * <ul>
 *   <li>{@link #isAllowed()}: the change would go ahead; {@link #sideEffects()} says what it would
 *       touch besides the credential itself.
 *   <li>Allowed, but {@link #requiresApproval()}: the approval policy covers the change, which
 *       would throw {@link io.mystaff.api.approval.ApprovalRequiredException} after storing an
 *       approval request; the other side effects happen when another manager approves it.
 *   <li>Denied: {@link #decision()} is a {@link Decision.Deny}; the change would throw {@link
 *       io.mystaff.api.authz.AccessDeniedException} with {@link #denyReason()} (the engine's
 *       reason, or {@link DenyReason#RATE_LIMITED} when the manager's bucket is empty now).
 *   <li>Refused: permitted, but the change would end FAILED with {@link #failure()} as its audit
 *       reason, e.g. {@code PASSWORD_POLICY_VIOLATION} with {@link #policyViolations()}, {@code
 *       PHONE_METHOD_NOT_FOUND}, {@code ALTERNATE_MOBILE_REQUIRES_MOBILE}, {@code
 *       MOBILE_REQUIRED_BY_ALTERNATE_MOBILE} or {@code WRITEBACK_UNREACHABLE}.
 * </ul>
 *
 * <p>A preview is an answer about one instant: the change is decided again when it is made. It
 * never holds a password or any part of one (violations hold keys and arguments only).
 *
 * @param user the user the change is for
 * @param activity the audit activity the change would be ({@code RESET_PASSWORD}, {@code
 *     ADD_PHONE}, {@code UPDATE_PHONE}, {@code DELETE_PHONE}, {@code REVOKE_SESSIONS}, {@code
 *     UNLOCK_ACCOUNT})
 * @param decision the engine's decision, or a deny with {@link DenyReason#RATE_LIMITED}
 * @param failure for a permitted change that would still fail, the FAILED event's reason
 * @param policyViolations the password policy's violations of a manager-chosen password; empty
 *     unless {@code failure} is {@code PASSWORD_POLICY_VIOLATION}
 * @param sideEffects what an allowed change would also do; empty unless allowed
 * @param phoneMethod the phone method an allowed phone change would change
 * @since 0.2.0
 */
public record ChangePreview(
    UserId user,
    AuditActivity activity,
    Decision decision,
    Optional<String> failure,
    List<PolicyViolation> policyViolations,
    Set<SideEffect> sideEffects,
    Optional<PhoneType> phoneMethod) {

  /** What an allowed change does besides setting the credential. */
  public enum SideEffect {
    /** The user must choose a new password at next sign-in. */
    FORCE_CHANGE_AT_NEXT_SIGN_IN,
    /**
     * The password is written back to the on-premises directory asynchronously (the reset's result
     * is a pending writeback).
     */
    WRITEBACK_TO_ON_PREMISES,
    /** A temporary password is generated and shown to the manager once. */
    TEMPORARY_PASSWORD_SHOWN_ONCE,
    /** The phone method {@link ChangePreview#phoneMethod()} is added, replaced or removed. */
    PHONE_METHOD_CHANGED,
    /**
     * The change is not made at once: the approval policy covers it, so it becomes an approval
     * request that another manager approves (and so executes) or rejects; the other side effects
     * happen at execution.
     *
     * @since 0.2.0
     */
    APPROVAL_REQUIRED,
    /**
     * Every session and refresh token of the user stops working: they must sign in again
     * everywhere.
     *
     * @since 0.2.0
     */
    SESSIONS_REVOKED,
    /**
     * The user's on-premises account is unlocked through the writeback, synchronously.
     *
     * @since 0.2.0
     */
    ON_PREMISES_ACCOUNT_UNLOCKED
  }

  /**
   * Checks that the parts agree: a deny has no failure, violations or side effects; a failure has
   * no side effects; violations only come with a failure.
   */
  public ChangePreview {
    requireNonNull(user, "user");
    requireNonNull(activity, "activity");
    requireNonNull(decision, "decision");
    requireNonNull(failure, "failure");
    policyViolations = List.copyOf(policyViolations);
    EnumSet<SideEffect> effects = EnumSet.noneOf(SideEffect.class);
    effects.addAll(sideEffects);
    sideEffects = Collections.unmodifiableSet(effects);
    requireNonNull(phoneMethod, "phoneMethod");
    if (!decision.isPermit() && failure.isPresent()) {
      throw new IllegalArgumentException("a denied change cannot also fail");
    }
    if ((!decision.isPermit() || failure.isPresent()) && !sideEffects.isEmpty()) {
      throw new IllegalArgumentException("only an allowed change has side effects");
    }
    if (failure.isEmpty() && !policyViolations.isEmpty()) {
      throw new IllegalArgumentException("policy violations come with a failure");
    }
    if (phoneMethod.isPresent() != sideEffects.contains(SideEffect.PHONE_METHOD_CHANGED)) {
      throw new IllegalArgumentException("a phone method comes with PHONE_METHOD_CHANGED");
    }
  }

  /**
   * {@return true if the change would become an approval request instead of being made at once}
   *
   * @since 0.2.0
   */
  public boolean requiresApproval() {
    return sideEffects.contains(SideEffect.APPROVAL_REQUIRED);
  }

  /** {@return true if the change would go ahead now} */
  public boolean isAllowed() {
    return decision.isPermit() && failure.isEmpty();
  }

  /** {@return why the change would be denied, if it would} */
  public Optional<DenyReason> denyReason() {
    return decision.denyReason();
  }

  /**
   * {@return the reason code the change's DENIED or FAILED audit event would carry; empty if
   * allowed}
   */
  public Optional<String> reasonCode() {
    return decision.denyReason().map(DenyReason::name).or(() -> failure);
  }

  /** A change that would go ahead. */
  static ChangePreview allowed(
      UserId user,
      AuditActivity activity,
      Decision.Permit permit,
      Set<SideEffect> sideEffects,
      Optional<PhoneType> phoneMethod) {
    return new ChangePreview(
        user, activity, permit, Optional.empty(), List.of(), sideEffects, phoneMethod);
  }

  /** A change that would be denied. */
  static ChangePreview denied(UserId user, AuditActivity activity, Decision.Deny deny) {
    return new ChangePreview(
        user, activity, deny, Optional.empty(), List.of(), Set.of(), Optional.empty());
  }

  /** A permitted change that would fail. */
  static ChangePreview refused(
      UserId user, AuditActivity activity, Decision.Permit permit, UserChange.Refusal refusal) {
    return new ChangePreview(
        user,
        activity,
        permit,
        Optional.of(refusal.reason()),
        refusal.violations(),
        Set.of(),
        Optional.empty());
  }
}
