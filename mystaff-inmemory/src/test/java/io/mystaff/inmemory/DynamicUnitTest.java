package io.mystaff.inmemory;

import static io.mystaff.inmemory.TestUsers.ids;
import static io.mystaff.inmemory.TestUsers.user;
import static io.mystaff.inmemory.TestUsers.walk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.PageRequest;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.directory.User;
import io.mystaff.membership.MembershipRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class DynamicUnitTest {
  private static final UnitId SALES = UnitId.of("sales");
  private static final UnitId SEATTLE = UnitId.of("seattle");

  private static User inDepartment(String id, String name, String department) {
    return user(id, name).toBuilder().attribute("department", department).build();
  }

  private InMemoryDirectory directory() {
    return InMemoryDirectory.builder()
        .unit(AdministrativeUnit.dynamic(SALES, "All Sales", "user.department -eq \"Sales\""))
        .user(inDepartment("ann", "Ann Lee", "Sales"))
        .user(inDepartment("ben", "Ben Ode", "Finance"))
        .user(user("cat", "Cat Ng"))
        .build();
  }

  @Test
  void putUnit_dynamic_membersAreTheUsersItsRuleMatches() {
    InMemoryDirectory directory = directory();

    assertThat(ids(directory.members(SALES, PageRequest.first(10)).items())).containsExactly("ann");
    assertThat(directory.unitsOf(UserId.of("ann"))).containsExactly(SALES);
    assertThat(directory.unitsOf(UserId.of("ben"))).isEmpty();
  }

  @Test
  void putUser_attributeChange_movesTheUserInAndOut() {
    InMemoryDirectory directory = directory();

    directory.putUser(inDepartment("ben", "Ben Ode", "sales"));
    directory.putUser(inDepartment("ann", "Ann Lee", "Marketing"));

    assertThat(ids(directory.members(SALES, PageRequest.first(10)).items())).containsExactly("ben");
    assertThat(directory.unitsOf(UserId.of("ann"))).isEmpty();
    assertThat(directory.unitsOf(UserId.of("ben"))).containsExactly(SALES);
  }

  @Test
  void putUser_newMatchingUser_joins() {
    InMemoryDirectory directory = directory();

    directory.putUser(inDepartment("abe", "Abe Zed", "Sales"));

    assertThat(ids(directory.members(SALES, PageRequest.first(10)).items()))
        .containsExactly("abe", "ann");
  }

  @Test
  void removeUser_member_leavesTheDynamicUnit() {
    InMemoryDirectory directory = directory();

    directory.removeUser(UserId.of("ann"));

    assertThat(directory.members(SALES, PageRequest.first(10)).items()).isEmpty();
  }

  @Test
  void putUnit_ruleOnDisplayName_followsRenames() {
    InMemoryDirectory directory = directory();
    directory.putUnit(
        AdministrativeUnit.dynamic(SEATTLE, "Temps", "user.displayName -startsWith \"Temp\""));

    directory.putUser(user("cat", "Temp Cat"));

    assertThat(ids(directory.members(SEATTLE, PageRequest.first(10)).items()))
        .containsExactly("cat");
    directory.putUser(user("cat", "Cat Ng"));
    assertThat(directory.members(SEATTLE, PageRequest.first(10)).items()).isEmpty();
  }

  @Test
  void putUnit_changedRule_reevaluatesEveryUser() {
    InMemoryDirectory directory = directory();

    directory.putUnit(
        AdministrativeUnit.dynamic(
            SALES, "All Sales", "user.department -in [\"Sales\", \"Finance\"]"));

    assertThat(ids(directory.members(SALES, PageRequest.first(10)).items()))
        .containsExactly("ann", "ben");
  }

  @Test
  void putUnit_dynamicToAssigned_keepsMembersWhichThenStayPut() {
    InMemoryDirectory directory = directory();

    directory.putUnit(AdministrativeUnit.assigned(SALES, "All Sales"));
    directory.putUser(inDepartment("ann", "Ann Lee", "Marketing"));
    directory.addMember(SALES, UserId.of("cat"));

    assertThat(ids(directory.members(SALES, PageRequest.first(10)).items()))
        .containsExactly("ann", "cat");
  }

  @Test
  void putUnit_assignedToDynamic_replacesMembersByTheRule() {
    InMemoryDirectory directory = directory();
    directory.putUnit(AdministrativeUnit.assigned(SEATTLE, "Seattle"));
    directory.addMember(SEATTLE, UserId.of("cat"));

    directory.putUnit(
        AdministrativeUnit.dynamic(SEATTLE, "Seattle", "user.department -eq \"Finance\""));

    assertThat(ids(directory.members(SEATTLE, PageRequest.first(10)).items()))
        .containsExactly("ben");
    assertThat(directory.unitsOf(UserId.of("cat"))).isEmpty();
  }

  @Test
  void putUnit_invalidRule_isRejectedAndChangesNothing() {
    InMemoryDirectory directory = directory();

    assertThatThrownBy(
            () ->
                directory.putUnit(
                    AdministrativeUnit.dynamic(SALES, "Renamed", "user.department -eq")))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () ->
                directory.putUnit(
                    AdministrativeUnit.dynamic(SEATTLE, "Seattle", "user.nope -eq 1")))
        .isInstanceOf(InvalidInputException.class);

    assertThat(directory.findUnit(SALES))
        .map(AdministrativeUnit::displayName)
        .contains("All Sales");
    assertThat(directory.findUnit(SEATTLE)).isEmpty();
    assertThat(ids(directory.members(SALES, PageRequest.first(10)).items())).containsExactly("ann");
  }

  @Test
  void addMemberAndRemoveMember_dynamicUnit_areRejected() {
    InMemoryDirectory directory = directory();

    assertThatThrownBy(() -> directory.addMember(SALES, UserId.of("cat")))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> directory.removeMember(SALES, UserId.of("ann")))
        .isInstanceOf(InvalidInputException.class);
    assertThat(ids(directory.members(SALES, PageRequest.first(10)).items())).containsExactly("ann");
  }

  @Test
  void setPhone_member_staysAMember() {
    InMemoryDirectory directory = directory();
    User ann = directory.findUser(UserId.of("ann")).orElseThrow();

    directory.setPhone(
        ann.id(),
        ann.version(),
        PhoneType.MOBILE,
        Optional.of(PhoneNumber.of("+14255550100")),
        AuditEvents.phoneEvent("e1", "mgr", "ann"));

    assertThat(directory.members(SALES, PageRequest.first(10)).items())
        .singleElement()
        .satisfies(u -> assertThat(u.phone(PhoneType.MOBILE)).isPresent());
  }

  @Test
  void dynamicUnits_randomChanges_membersAlwaysEqualTheRuleModel() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    List<String> departments = List.of("Sales", "Finance", "Stores", "HR");
    List<String> cities = List.of("Seattle", "Redmond", "Bellevue");
    Map<UnitId, String> rules = new HashMap<>();
    rules.put(UnitId.of("d1"), "user.department -eq \"Sales\"");
    rules.put(
        UnitId.of("d2"),
        "(user.city -in [\"Seattle\", \"Redmond\"]) -and (user.department -ne \"HR\")");
    rules.put(
        UnitId.of("d3"), "user.displayName -startsWith \"a\" -or user.accountEnabled -eq false");
    rules.put(UnitId.of("d4"), "user.jobTitle -eq null");
    InMemoryDirectory directory = InMemoryDirectory.builder().build();
    rules.forEach(
        (id, rule) -> directory.putUnit(AdministrativeUnit.dynamic(id, "Unit " + id, rule)));
    Map<UserId, User> model = new HashMap<>();
    for (int step = 0; step < 400; step++) {
      String why = "seed " + seed + ", step " + step;
      UserId id = UserId.of("u" + random.nextInt(30));
      switch (random.nextInt(6)) {
        case 0 -> {
          directory.removeUser(id);
          model.remove(id);
        }
        case 1 -> {
          UnitId unit = UnitId.of("d" + (1 + random.nextInt(4)));
          String rule =
              List.of(
                      "user.department -eq \"Finance\"",
                      "user.city -eq \"Bellevue\"",
                      "user.displayName -contains \"e\"")
                  .get(random.nextInt(3));
          rules.put(unit, rule);
          directory.putUnit(AdministrativeUnit.dynamic(unit, "Unit " + unit, rule));
        }
        default -> {
          User.Builder b =
              user(id.value(), (random.nextBoolean() ? "a" : "B") + random.nextInt(100) + " Name")
                  .toBuilder()
                  .accountEnabled(random.nextInt(5) != 0)
                  .attribute("department", departments.get(random.nextInt(departments.size())));
          if (random.nextBoolean()) {
            b.attribute("city", cities.get(random.nextInt(cities.size())));
          }
          if (random.nextBoolean()) {
            b.attribute("jobTitle", "Clerk");
          }
          model.put(id, directory.putUser(b.build()));
        }
      }
      for (Map.Entry<UnitId, String> e : rules.entrySet()) {
        MembershipRule rule = MembershipRule.parse(e.getValue());
        List<String> expected =
            model.values().stream()
                .filter(rule::matches)
                .sorted(TestUsers.ORDER)
                .map(u -> u.id().value())
                .toList();
        assertThat(ids(walk(7, p -> directory.members(e.getKey(), p))))
            .as(why)
            .containsExactlyElementsOf(expected);
      }
      for (UserId u : model.keySet()) {
        Set<UnitId> expected = new TreeSet<>();
        rules.forEach(
            (unit, rule) -> {
              if (MembershipRule.parse(rule).matches(model.get(u))) {
                expected.add(unit);
              }
            });
        assertThat(new TreeSet<>(directory.unitsOf(u)))
            .as(why + ", units of " + u)
            .isEqualTo(expected);
      }
    }
    assertThat(new ArrayList<>(model.keySet())).as("seed " + seed).isNotEmpty();
  }
}
