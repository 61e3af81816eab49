package io.mystaff.core.access;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.access.AccessVerdict;
import io.mystaff.api.access.SignInContext;
import io.mystaff.api.access.SignInRefusal;
import io.mystaff.api.authz.ActorFacts;
import io.mystaff.api.authz.RoleCatalog;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.directory.User;
import io.mystaff.core.authz.AuthorizationEngine;
import io.mystaff.spi.ConditionalAccess;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a manager may open My Staff. The checks run in this order and the first that
 * fails refuses the sign-in:
 *
 * <ol>
 *   <li>the user exists and is enabled, else {@link SignInRefusal#ACCOUNT_UNAVAILABLE};
 *   <li>the feature is available to the user, else {@link SignInRefusal#FEATURE_NOT_ENABLED};
 *   <li>the user holds an administrator role assignment active at the instant of sign-in, else
 *       {@link SignInRefusal#NO_ADMIN_ROLE};
 *   <li>one of those active assignments grants a change in My Staff (resetting passwords or
 *       managing phone methods, as {@link AuthorizationEngine#scopesFor} tells), else {@link
 *       SignInRefusal#NO_MY_STAFF_PERMISSION}: a Global Reader, Directory Readers or a custom role
 *       without those permissions does not get in. Viewing profiles alone does not count, since any
 *       active role would grant it;
 *   <li>the conditional-access hook allows it: {@link AccessVerdict.Allow} admits, {@link
 *       AccessVerdict.RequireMfa} admits only a multifactor-authenticated sign-in (else {@link
 *       SignInRefusal#MFA_REQUIRED}), {@link AccessVerdict.Block} refuses with {@link
 *       SignInRefusal#BLOCKED_BY_POLICY}. A hook that throws or answers null also refuses with
 *       {@code BLOCKED_BY_POLICY} (fail closed).
 * </ol>
 *
 * <p>The hook is consulted only when every earlier check passed, and at most once per call. Apart
 * from that hook the gate is a pure function of its arguments. Open sessions run the same gate
 * again (see {@code StaffSession}), so a manager who loses any of these grounds is refused on a
 * later call. Immutable and thread-safe if the hook is.
 */
public final class SignInGate {
  /** The refusal detail recorded when the conditional-access hook failed to answer. */
  public static final String HOOK_FAILED = "HOOK_FAILED";

  private static final Logger LOG = LoggerFactory.getLogger(SignInGate.class);

  private final FeatureAvailability availability;
  private final ConditionalAccess conditionalAccess;
  private final AuthorizationEngine engine;

  private SignInGate(
      FeatureAvailability availability,
      ConditionalAccess conditionalAccess,
      AuthorizationEngine engine) {
    this.availability = requireNonNull(availability, "availability");
    this.conditionalAccess = requireNonNull(conditionalAccess, "conditionalAccess");
    this.engine = requireNonNull(engine, "engine");
  }

  /** A gate applying {@code availability}, the engine's notion of an active role, and the hook. */
  public static SignInGate of(
      FeatureAvailability availability,
      ConditionalAccess conditionalAccess,
      AuthorizationEngine engine) {
    return new SignInGate(availability, conditionalAccess, engine);
  }

  /** The availability setting this gate applies. */
  public FeatureAvailability availability() {
    return availability;
  }

  /**
   * This gate with {@code availability} instead, the same hook and engine.
   *
   * @since 0.1.0
   */
  public SignInGate withAvailability(FeatureAvailability availability) {
    return new SignInGate(availability, conditionalAccess, engine);
  }

  /**
   * Decides one sign-in.
   *
   * @param context what the host knows about the sign-in
   * @param user the directory's user with id {@code context.user()}, or empty if there is none
   * @param actor the role assignments of {@code context.user()}, active or not
   * @param roles resolves the roles of {@code actor}'s assignments
   * @param now the instant of the sign-in, against which role activity is judged
   * @throws IllegalArgumentException if {@code user} or {@code actor} is about another user
   */
  public Admission admit(
      SignInContext context,
      Optional<User> user,
      ActorFacts actor,
      RoleCatalog roles,
      Instant now) {
    requireNonNull(context, "context");
    requireNonNull(user, "user");
    requireNonNull(actor, "actor");
    requireNonNull(roles, "roles");
    requireNonNull(now, "now");
    if (user.isPresent() && !user.get().id().equals(context.user())) {
      throw new IllegalArgumentException(
          "user " + user.get().id() + " is not the one signing in (" + context.user() + ")");
    }
    if (!actor.id().equals(context.user())) {
      throw new IllegalArgumentException(
          "actor " + actor.id() + " is not the one signing in (" + context.user() + ")");
    }

    if (user.isEmpty() || !user.get().accountEnabled()) {
      return Admission.refused(SignInRefusal.ACCOUNT_UNAVAILABLE);
    }
    if (!availability.isEnabledFor(user.get())) {
      return Admission.refused(SignInRefusal.FEATURE_NOT_ENABLED);
    }
    if (!engine.holdsActiveRole(actor, now)) {
      return Admission.refused(SignInRefusal.NO_ADMIN_ROLE);
    }
    if (!grantsChange(actor, roles, now)) {
      return Admission.refused(SignInRefusal.NO_MY_STAFF_PERMISSION);
    }
    return conditionalAccess(context);
  }

  private boolean grantsChange(ActorFacts actor, RoleCatalog roles, Instant now) {
    for (StaffAction action : StaffAction.values()) {
      if (action.isChange() && !engine.scopesFor(actor, action, roles, now).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private Admission conditionalAccess(SignInContext context) {
    AccessVerdict verdict;
    try {
      verdict = conditionalAccess.evaluate(context);
    } catch (RuntimeException e) {
      LOG.warn(
          "Conditional access hook failed; refusing the sign-in of {} (fail closed)",
          context.user(),
          e);
      return new Admission.Refused(SignInRefusal.BLOCKED_BY_POLICY, Optional.of(HOOK_FAILED));
    }
    if (verdict instanceof AccessVerdict.Allow) {
      return Admission.admitted();
    }
    if (verdict instanceof AccessVerdict.RequireMfa) {
      return context.multiFactorAuthenticated()
          ? Admission.admitted()
          : Admission.refused(SignInRefusal.MFA_REQUIRED);
    }
    if (verdict instanceof AccessVerdict.Block block) {
      return new Admission.Refused(SignInRefusal.BLOCKED_BY_POLICY, Optional.of(block.reason()));
    }
    LOG.warn(
        "Conditional access hook answered null; refusing the sign-in of {} (fail closed)",
        context.user());
    return new Admission.Refused(SignInRefusal.BLOCKED_BY_POLICY, Optional.of(HOOK_FAILED));
  }

  @Override
  public String toString() {
    return "SignInGate{availability=" + availability + "}";
  }
}
