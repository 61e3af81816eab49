package io.mystaff.tests.authz;

import io.mystaff.api.authz.ActorFacts;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.RoleCatalog;
import io.mystaff.api.authz.RoleDefinition;
import io.mystaff.api.authz.TargetFacts;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.testkit.fixtures.Tenant;
import io.mystaff.testkit.random.AuthorizationQuery;
import io.mystaff.testkit.random.RandomTenants;
import io.mystaff.testkit.random.TenantFacts;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/** One generated case of the authorization properties: a tenant, its catalog, and questions. */
record World(Tenant tenant, RoleCatalog roles, List<AuthorizationQuery> queries) {

  static Function<Random, World> generator(RandomTenants tenants, int queriesPerTenant) {
    return r -> {
      Tenant t = tenants.apply(r);
      return new World(t, t.roleCatalog(), tenants.queries(r, t, queriesPerTenant));
    };
  }

  ActorFacts actor(AuthorizationQuery q) {
    return TenantFacts.actor(tenant, q.actor());
  }

  TargetFacts target(AuthorizationQuery q) {
    return TenantFacts.target(tenant, q.target());
  }

  /** The whole tenant, readable, for failure messages. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("World{");
    s.append("\n    users: ");
    tenant
        .users()
        .forEach(
            u ->
                s.append(u.id())
                    .append(u.isSynced() ? "(synced)" : "")
                    .append(u.groups().isEmpty() ? "" : " in " + u.groups())
                    .append(' '));
    for (AdministrativeUnit u : tenant.units()) {
      s.append("\n    unit ")
          .append(u.id())
          .append(u.restrictedManagement() ? " [restricted]" : "")
          .append(": ")
          .append(tenant.assignedMembersOf(u.id()));
    }
    for (RoleDefinition d : tenant.customRoles()) {
      s.append("\n    custom role ").append(d.id()).append(": ").append(d.allowedResourceActions());
    }
    for (RoleAssignment a : tenant.assignments()) {
      s.append("\n    ")
          .append(a.id())
          .append(": ")
          .append(a.principal())
          .append(" holds ")
          .append(roles.find(a.role()).map(RoleDefinition::displayName).orElse(a.role().value()))
          .append(" at ")
          .append(a.scope());
      a.start().ifPresent(t -> s.append(" from ").append(t));
      a.end().ifPresent(t -> s.append(" until ").append(t));
      if (a.isEligible()) {
        s.append(" (eligible)");
      }
    }
    s.append("\n    role-assignable group members: ").append(tenant.roleAssignableGroupMembers());
    return s.append("\n  }").toString();
  }
}
