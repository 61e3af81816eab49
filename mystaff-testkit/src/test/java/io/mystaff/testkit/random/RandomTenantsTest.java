package io.mystaff.testkit.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.Scope;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.User;
import io.mystaff.testkit.fixtures.Tenant;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RandomTenantsTest {
  private final RandomTenants tenants = RandomTenants.small();

  @Test
  void apply_sameSeed_sameTenantAndQueries() {
    Tenant a = tenants.apply(new Random(3));
    Tenant b = tenants.apply(new Random(3));
    assertThat(a).isEqualTo(b);
    assertThat(tenants.queries(new Random(4), a, 30))
        .isEqualTo(tenants.queries(new Random(4), b, 30));
  }

  @Test
  void apply_manySeeds_everyKindOfFactAppears() {
    int synced = 0,
        restricted = 0,
        dynamic = 0,
        custom = 0,
        unitScoped = 0,
        tenantScoped = 0,
        startOnly = 0,
        endOnly = 0,
        bounded = 0,
        permanent = 0,
        groupMembers = 0,
        selfQueries = 0;
    Random r = new Random(11);
    for (int i = 0; i < 300; i++) {
      Tenant t = tenants.apply(r);
      assertThat(t.users()).hasSizeBetween(2, 8);
      assertThat(t.units()).hasSizeLessThanOrEqualTo(4);
      assertThat(t.assignments()).hasSizeLessThanOrEqualTo(14);
      for (User u : t.users()) {
        synced += u.isSynced() ? 1 : 0;
      }
      for (AdministrativeUnit u : t.units()) {
        restricted += u.restrictedManagement() ? 1 : 0;
        dynamic += u.isDynamic() ? 1 : 0;
      }
      custom += t.customRoles().size();
      for (RoleAssignment a : t.assignments()) {
        if (a.scope() instanceof Scope.Unit) {
          unitScoped++;
        } else {
          tenantScoped++;
        }
        if (a.start().isPresent() && a.end().isPresent()) {
          bounded++;
        } else if (a.start().isPresent()) {
          startOnly++;
        } else if (a.end().isPresent()) {
          endOnly++;
        } else {
          permanent++;
        }
      }
      groupMembers += t.roleAssignableGroupMembers().size();
      for (AuthorizationQuery q : tenants.queries(r, t, 10)) {
        selfQueries += q.actor().equals(q.target()) ? 1 : 0;
      }
    }
    assertThat(dynamic).isZero();
    assertThat(
            Map.ofEntries(
                Map.entry("synced users", synced),
                Map.entry("restricted units", restricted),
                Map.entry("custom roles", custom),
                Map.entry("unit scopes", unitScoped),
                Map.entry("tenant scopes", tenantScoped),
                Map.entry("start only", startOnly),
                Map.entry("end only", endOnly),
                Map.entry("bounded", bounded),
                Map.entry("permanent", permanent),
                Map.entry("group members", groupMembers),
                Map.entry("self queries", selfQueries)))
        .allSatisfy((kind, n) -> assertThat(n).as(kind).isGreaterThan(20));
  }

  @Test
  void assignment_forPrincipal_refersToTheTenant() {
    Random r = new Random(5);
    for (int i = 0; i < 100; i++) {
      Tenant t = tenants.apply(r);
      RoleAssignment extra = tenants.assignment(r, t, "extra", t.users().get(0).id());
      Tenant grown = t.toBuilder().assignment(extra).build();
      assertThat(grown.assignmentsOf(t.users().get(0).id())).contains(extra);
    }
  }

  @Test
  void of_tooFewUsers_invalidInput() {
    assertThatThrownBy(() -> RandomTenants.of(1, 0, 0)).isInstanceOf(InvalidInputException.class);
  }
}
