package io.mystaff.core;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.MyStaffException;
import io.mystaff.api.StaleFactsException;
import io.mystaff.api.StaleVersionException;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.ModifiedProperty;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.directory.User;
import io.mystaff.api.password.PasswordRejectedException;
import io.mystaff.api.password.PolicyViolation;
import io.mystaff.spi.CommitCondition;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One kind of change to a cloud-mastered user, as the compare-and-set loop of {@link Workflow}
 * drives it: what it needs permission for, how its audit event describes it given the user as last
 * read, and the versioned write that carries the event.
 */
interface UserChange<T> {

  /**
   * Why a permitted change cannot apply: the FAILED event's reason, its additional details (never a
   * secret), the error to throw, and the password policy's violations when that is the reason.
   */
  record Refusal(
      String reason,
      Map<String, String> details,
      MyStaffException error,
      List<PolicyViolation> violations) {
    public Refusal {
      requireNonNull(reason, "reason");
      details = Map.copyOf(details);
      requireNonNull(error, "error");
      violations = List.copyOf(violations);
    }

    Refusal(String reason, MyStaffException error) {
      this(reason, Map.of(), error, List.of());
    }

    /** The refusal of a password the policy rejected, with its violations by key as details. */
    static Refusal passwordRejected(PasswordRejectedException rejected) {
      return new Refusal(
          AuditTrail.PASSWORD_POLICY_VIOLATION,
          Workflow.violations(rejected),
          rejected,
          rejected.violations());
    }
  }

  StaffAction action();

  /**
   * Why the change, once permitted, cannot apply to {@code current} as read (a rule of the data,
   * such as Graph's phone method rules); empty when it can. A refusal ends the attempt with one
   * FAILED event. The write still goes to {@code current}'s version, so a concurrent edit that
   * changes the answer makes it stale and the rule is checked again on the user read anew.
   */
  default Optional<Refusal> refusal(User current) {
    return Optional.empty();
  }

  /** The activity the change is on {@code current} (adding and editing a phone differ). */
  AuditActivity activity(User current);

  /**
   * Additional details of the change's SUCCEEDED event besides the permitting assignment, e.g. the
   * delivery mode of a reset; never a secret. None by default.
   */
  default Map<String, String> details(User current) {
    return Map.of();
  }

  /** The properties the change touches on {@code current}, never with a secret value. */
  List<ModifiedProperty> changes(User current);

  /**
   * Writes the change to {@code current} at its version, committing {@code event} with it, if
   * {@code condition} holds at commit.
   *
   * @throws StaleVersionException if {@code current} is no longer the latest version
   * @throws StaleFactsException if a fact the decision rested on changed before the commit
   */
  T apply(User current, AuditEvent event, CommitCondition condition);
}
