package io.mystaff.tests.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.PageRequest;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.User;
import io.mystaff.inmemory.InMemoryDirectory;
import io.mystaff.inmemory.TenantJson;
import io.mystaff.testkit.fixtures.Tenant;
import io.mystaff.testkit.random.Property;
import io.mystaff.testkit.random.RandomTenants;
import io.mystaff.testkit.random.Seeds;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Random tenants survive the JSON fixture format: written and read back they are equal, and a
 * directory loaded from the text answers every question as one built from the values does.
 */
class TenantJsonRoundTripTest {

  private static TenantJson json(Tenant t) {
    return new TenantJson(
        t.users(),
        t.units(),
        t.assignedMembers(),
        t.customRoles(),
        t.assignments(),
        t.roleAssignableGroupMembers());
  }

  private static InMemoryDirectory direct(Tenant t) {
    InMemoryDirectory.Builder b = InMemoryDirectory.builder().passwordHashIterations(1);
    t.customRoles().forEach(b::customRole);
    t.units().forEach(b::unit);
    t.users().forEach(b::user);
    t.assignedMembers().forEach((unit, ids) -> ids.forEach(id -> b.member(unit, id)));
    t.assignments().forEach(b::assignment);
    t.roleAssignableGroupMembers().forEach(b::roleAssignableGroupMember);
    return b.build();
  }

  @Test
  void randomTenant_writtenAndRead_equalAndSameDirectory() {
    Property.forAll(
        Seeds.forTest("tenantJson.roundTrip"),
        300,
        RandomTenants.of(12, 5, 16),
        tenant -> {
          TenantJson value = json(tenant);
          String text = value.toJson();
          TenantJson read = TenantJson.parse(text);
          assertThat(read).isEqualTo(value);
          assertThat(read.toJson()).isEqualTo(text);

          InMemoryDirectory expected = direct(tenant);
          InMemoryDirectory loaded =
              InMemoryDirectory.builder().passwordHashIterations(1).load(read).build();
          for (User u : tenant.users()) {
            UserId id = u.id();
            assertThat(loaded.findUser(id).map(x -> x.toBuilder().version(0).build()))
                .isEqualTo(expected.findUser(id).map(x -> x.toBuilder().version(0).build()));
            assertThat(loaded.unitsOf(id)).as("units of %s", id).isEqualTo(expected.unitsOf(id));
            assertThat(Set.copyOf(loaded.assignmentsOf(id)))
                .isEqualTo(Set.copyOf(expected.assignmentsOf(id)));
            assertThat(loaded.isRoleAssignableGroupMember(id))
                .isEqualTo(expected.isRoleAssignableGroupMember(id));
          }
          for (AdministrativeUnit unit : tenant.units()) {
            UnitId id = unit.id();
            assertThat(loaded.findUnit(id)).isEqualTo(expected.findUnit(id));
            assertThat(loaded.members(id, PageRequest.first(1000)).items())
                .extracting(User::id)
                .isEqualTo(
                    expected.members(id, PageRequest.first(1000)).items().stream()
                        .map(User::id)
                        .toList());
          }
          Map<Object, String> roles =
              loaded.roles().all().stream()
                  .collect(
                      Collectors.toMap(
                          r -> r.id(), r -> r.displayName() + r.allowedResourceActions()));
          assertThat(roles)
              .isEqualTo(
                  expected.roles().all().stream()
                      .collect(
                          Collectors.toMap(
                              r -> r.id(), r -> r.displayName() + r.allowedResourceActions())));
        });
  }
}
