package io.mystaff.benchmarks;

import io.mystaff.api.UnitId;
import io.mystaff.api.authz.BuiltInRole;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.Scope;
import io.mystaff.api.authz.StaffAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.casbin.jcasbin.main.Enforcer;
import org.casbin.jcasbin.model.Model;

/**
 * The peer: jCasbin's RBAC with domains, loaded with the same workload. A domain is a unit id or
 * {@code tenant}; {@code g, user, role, domain} is a role assignment (only those active at {@link
 * Workload#NOW}, since Casbin has no notion of time-bound assignments); {@code p, role, action}
 * says which role grants which action, transcribed from Entra's role model. A target is allowed
 * when the actor holds a granting role in the tenant domain or in any unit the target belongs to.
 *
 * <p>This is the scope-and-role core of the rules. Protected targets, restricted-management units
 * and self-denial have no counterpart here, so the workload's targets hold no roles, no unit is
 * restricted and no query targets its actor; {@link AgreementGate} checks that the two engines then
 * agree on every sampled decision before anything is measured.
 */
final class CasbinPeer {
  static final String MODEL =
      """
      [request_definition]
      r = sub, dom, act
      [policy_definition]
      p = sub, act
      [role_definition]
      g = _, _, _
      [policy_effect]
      e = some(where (p.eft == allow))
      [matchers]
      m = g(r.sub, p.sub, r.dom) && r.act == p.act\
      """;

  private static final String TENANT = "tenant";

  private static final Map<String, List<StaffAction>> GRANTS =
      Map.of(
          BuiltInRole.HELPDESK_ADMINISTRATOR.templateId().value(),
              List.of(StaffAction.RESET_PASSWORD),
          BuiltInRole.PASSWORD_ADMINISTRATOR.templateId().value(),
              List.of(StaffAction.RESET_PASSWORD),
          BuiltInRole.USER_ADMINISTRATOR.templateId().value(), List.of(StaffAction.RESET_PASSWORD),
          BuiltInRole.AUTHENTICATION_ADMINISTRATOR.templateId().value(),
              List.of(StaffAction.RESET_PASSWORD, StaffAction.MANAGE_PHONES),
          BuiltInRole.PRIVILEGED_AUTHENTICATION_ADMINISTRATOR.templateId().value(),
              List.of(StaffAction.RESET_PASSWORD, StaffAction.MANAGE_PHONES),
          BuiltInRole.GLOBAL_ADMINISTRATOR.templateId().value(),
              List.of(StaffAction.RESET_PASSWORD, StaffAction.MANAGE_PHONES),
          Workload.CUSTOM_RESET_ROLE.value(), List.of(StaffAction.RESET_PASSWORD));

  private final Enforcer enforcer;

  CasbinPeer(Workload workload) {
    Model model = new Model();
    model.loadModelFromText(MODEL);
    enforcer = new Enforcer(model);
    enforcer.enableLog(false);
    enforcer.enableAutoBuildRoleLinks(false);
    List<List<String>> policies = new ArrayList<>();
    GRANTS.forEach((role, actions) -> actions.forEach(a -> policies.add(List.of(role, a.name()))));
    enforcer.addPolicies(policies);
    List<List<String>> groupings = new ArrayList<>();
    workload.assignmentsByManager.forEach(
        (manager, assignments) -> {
          for (RoleAssignment a : assignments) {
            if (a.isActiveAt(Workload.NOW)) {
              String domain = a.scope() instanceof Scope.Unit u ? u.unit().value() : TENANT;
              groupings.add(List.of(a.principal().value(), a.role().value(), domain));
            }
          }
        });
    enforcer.addGroupingPolicies(groupings);
    enforcer.buildRoleLinks();
  }

  boolean allows(Workload.Query q) {
    String sub = q.actorFacts().id().value();
    String act = q.action().name();
    if (enforcer.enforce(sub, TENANT, act)) {
      return true;
    }
    for (UnitId unit : q.targetFacts().units()) {
      if (enforcer.enforce(sub, unit.value(), act)) {
        return true;
      }
    }
    return false;
  }
}
