package io.mystaff.testkit.contract;

import com.google.common.testing.EqualsTester;
import com.google.common.testing.NullPointerTester;
import io.mystaff.api.AssignmentId;
import io.mystaff.api.CorrelationId;
import io.mystaff.api.DelegationId;
import io.mystaff.api.GroupId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.PageRequest;
import io.mystaff.api.RoleId;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.access.SignInContext;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditInitiator;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.authz.ActorFacts;
import io.mystaff.api.authz.BuiltInRole;
import io.mystaff.api.authz.Delegation;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.RoleCatalog;
import io.mystaff.api.authz.RoleDefinition;
import io.mystaff.api.authz.Scope;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.authz.TargetFacts;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.User;
import io.mystaff.api.password.PasswordContext;
import io.mystaff.api.password.PasswordHistory;
import io.mystaff.api.password.Secret;
import io.mystaff.api.password.WritebackResult;
import io.mystaff.spi.SortKey;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Guava testlib's value laws, set up for mystaff's types, for hosts and SPI vendors who add values
 * of their own (and for mystaff's own tests over every public value of {@code mystaff-api}):
 *
 * <ul>
 *   <li>{@link #checkNulls(Class)} / {@link #checkNulls(Object)}: every public constructor and
 *       method rejects a null argument at once, with a {@link NullPointerException} or a typed
 *       {@link InvalidInputException} (mystaff's choice where a null is user input), never by
 *       accepting it or failing later ({@link NullPointerTester}, one method at a time).
 *   <li>{@link #checkEquality(List[])}: {@code equals}/{@code hashCode} group equal values and
 *       separate unequal ones ({@link EqualsTester}).
 *   <li>{@link #nullPointerTester()}: a {@link NullPointerTester} that knows a sample of each of
 *       mystaff's value types, to run Guava's other checks directly.
 * </ul>
 *
 * @since 0.1.0
 */
public final class ValueLaws {
  private ValueLaws() {}

  /** A {@link NullPointerTester} with a sample value for each of mystaff-api's types. */
  public static NullPointerTester nullPointerTester() {
    UserId user = UserId.of("sample-user");
    UnitId unit = UnitId.of("sample-unit");
    User sampleUser =
        User.builder()
            .id(user)
            .userPrincipalName("sample@contoso.com")
            .displayName("Sample")
            .build();
    RoleAssignment assignment =
        RoleAssignment.of(
            AssignmentId.of("sample-assignment"),
            user,
            BuiltInRole.HELPDESK_ADMINISTRATOR,
            Scope.tenant());
    return new NullPointerTester()
        .setDefault(UserId.class, user)
        .setDefault(UnitId.class, unit)
        .setDefault(GroupId.class, GroupId.of("sample-group"))
        .setDefault(RoleId.class, BuiltInRole.HELPDESK_ADMINISTRATOR.templateId())
        .setDefault(AssignmentId.class, AssignmentId.of("sample-assignment"))
        .setDefault(CorrelationId.class, CorrelationId.of("sample-correlation"))
        .setDefault(DelegationId.class, DelegationId.of("sample-delegation"))
        .setDefault(
            Delegation.class,
            new Delegation(
                DelegationId.of("sample-delegation"),
                user,
                UserId.of("sample-deputy"),
                Set.of(unit),
                Set.of(StaffAction.RESET_PASSWORD),
                Instant.EPOCH,
                Instant.EPOCH.plusSeconds(60)))
        .setDefault(PageRequest.class, PageRequest.first(10))
        .setDefault(Secret.class, Secret.of("Sample-Password-1"))
        .setDefault(User.class, sampleUser)
        .setDefault(AdministrativeUnit.class, AdministrativeUnit.assigned(unit, "Sample Unit"))
        .setDefault(Scope.class, Scope.tenant())
        .setDefault(RoleAssignment.class, assignment)
        .setDefault(RoleCatalog.class, RoleCatalog.builtIns())
        .setDefault(ActorFacts.class, new ActorFacts(user, List.of(assignment)))
        .setDefault(
            TargetFacts.class, new TargetFacts(user, Set.of(unit), Set.of(), List.of(), false))
        .setDefault(PhoneNumber.class, PhoneNumber.of("+14255550100"))
        .setDefault(SignInContext.class, SignInContext.of(user, true))
        .setDefault(
            AuditInitiator.class, new AuditInitiator(user, Optional.empty(), Optional.empty()))
        .setDefault(
            AuditEvent.class,
            AuditEvent.builder()
                .id("sample-event")
                .activityDateTime(Instant.EPOCH)
                .activity(AuditActivity.SIGN_IN)
                .outcome(AuditOutcome.SUCCEEDED)
                .correlationId(CorrelationId.of("sample-correlation"))
                .initiatedBy(new AuditInitiator(user, Optional.empty(), Optional.empty()))
                .build())
        .setDefault(WritebackResult.class, WritebackResult.succeeded())
        .setDefault(
            PasswordContext.class,
            new PasswordContext(
                user, "sample@contoso.com", "Sample", Optional.empty(), PasswordHistory.none()))
        .setDefault(SortKey.class, new SortKey("Sample", "sample-user"))
        .setDefault(RoleDefinition.class, RoleDefinition.of(BuiltInRole.HELPDESK_ADMINISTRATOR))
        .setDefault(io.mystaff.api.Principal.class, user)
        .setDefault(
            io.mystaff.api.ApprovalId.class, io.mystaff.api.ApprovalId.of("sample-approval"))
        .setDefault(
            io.mystaff.api.approval.RequestedChange.class,
            io.mystaff.api.approval.RequestedChange.generatedPasswordReset())
        .setDefault(
            io.mystaff.api.approval.ApprovalRequest.class,
            io.mystaff.api.approval.ApprovalRequest.requested(
                io.mystaff.api.ApprovalId.of("sample-approval"),
                CorrelationId.of("sample-correlation"),
                user,
                UserId.of("sample-target"),
                io.mystaff.api.approval.RequestedChange.generatedPasswordReset(),
                Instant.EPOCH,
                Instant.EPOCH.plusSeconds(3600)))
        .setDefault(Instant.class, Instant.EPOCH);
  }

  /** {@link #checkNulls(Class)} with {@link #nullPointerTester()}. */
  public static void checkNulls(Class<?> type) {
    checkNulls(nullPointerTester(), type);
  }

  /**
   * Every public constructor and public static method of {@code type} (declared there) rejects a
   * null in each parameter not annotated nullable: a {@link NullPointerException}, or an {@link
   * InvalidInputException}.
   *
   * @throws AssertionError naming the first method that accepted a null or threw something else
   */
  public static void checkNulls(NullPointerTester tester, Class<?> type) {
    for (Constructor<?> c : type.getDeclaredConstructors()) {
      if (Modifier.isPublic(c.getModifiers())) {
        accepting(() -> tester.testConstructor(c));
      }
    }
    for (Method m : type.getDeclaredMethods()) {
      if (Modifier.isPublic(m.getModifiers())
          && Modifier.isStatic(m.getModifiers())
          && !m.isSynthetic()) {
        accepting(() -> tester.testMethod(null, m));
      }
    }
  }

  /** {@link #checkNulls(Class)} for the public instance methods of {@code instance}. */
  public static void checkNulls(Object instance) {
    NullPointerTester tester = nullPointerTester();
    for (Method m : instance.getClass().getMethods()) {
      if (!Modifier.isStatic(m.getModifiers())
          && m.getDeclaringClass() != Object.class
          && !m.isSynthetic()
          && !m.getName().equals("equals")) {
        accepting(() -> tester.testMethod(instance, m));
      }
    }
  }

  /**
   * Checks {@code equals} and {@code hashCode}: values within a group are equal, values of
   * different groups are not, and no value equals null or an instance of another class.
   */
  public static void checkEquality(List<?>... groups) {
    EqualsTester tester = new EqualsTester();
    for (List<?> group : groups) {
      tester.addEqualityGroup(group.toArray());
    }
    tester.testEquals();
  }

  /** Runs a NullPointerTester check, accepting a typed InvalidInputException as a rejection. */
  private static void accepting(Runnable check) {
    try {
      check.run();
    } catch (AssertionError e) {
      if (!(e.getCause() instanceof InvalidInputException)) {
        throw e;
      }
    }
  }
}
