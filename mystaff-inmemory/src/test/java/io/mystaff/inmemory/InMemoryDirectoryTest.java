package io.mystaff.inmemory;

import static io.mystaff.inmemory.TestUsers.ids;
import static io.mystaff.inmemory.TestUsers.user;
import static io.mystaff.inmemory.TestUsers.walk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.AssignmentId;
import io.mystaff.api.GroupId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.Page;
import io.mystaff.api.PageRequest;
import io.mystaff.api.RoleId;
import io.mystaff.api.UnitId;
import io.mystaff.api.UnknownUnitException;
import io.mystaff.api.UnknownUserException;
import io.mystaff.api.UserId;
import io.mystaff.api.authz.BuiltInRole;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.RoleDefinition;
import io.mystaff.api.authz.Scope;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.User;
import io.mystaff.api.password.Secret;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InMemoryDirectoryTest {
  private static final UnitId STORE_12 = UnitId.of("store-12");
  private static final UnitId STORE_47 = UnitId.of("store-47");
  private static final UserId ALEX = UserId.of("alex");
  private static final UserId BO = UserId.of("bo");
  private static final UserId CY = UserId.of("cy");

  private InMemoryDirectory retail() {
    return InMemoryDirectory.builder()
        .unit(AdministrativeUnit.assigned(STORE_12, "Store 12 Seattle"))
        .unit(
            AdministrativeUnit.assigned(STORE_47, "Store 47 Bellevue")
                .withRestrictedManagement(true))
        .user(user("alex", "Alex Wilber"))
        .user(user("bo", "Bo Chen"))
        .user(user("cy", "Cy Adams"))
        .member(STORE_12, ALEX)
        .member(STORE_12, BO)
        .member(STORE_47, CY)
        .assignment(
            RoleAssignment.of(
                AssignmentId.of("a1"),
                ALEX,
                BuiltInRole.HELPDESK_ADMINISTRATOR,
                Scope.unit(STORE_12)))
        .roleAssignableGroupMember(CY)
        .passwordHashIterations(1)
        .build();
  }

  @Test
  void builder_seededDirectory_answersEveryRead() {
    InMemoryDirectory directory = retail();

    assertThat(directory.userCount()).isEqualTo(3);
    assertThat(directory.findUser(ALEX)).map(User::displayName).contains("Alex Wilber");
    assertThat(directory.findUser(UserId.of("nobody"))).isEmpty();
    assertThat(directory.findUnit(STORE_47))
        .map(AdministrativeUnit::restrictedManagement)
        .contains(true);
    assertThat(directory.findUnit(UnitId.of("nowhere"))).isEmpty();
    assertThat(directory.unitsOf(ALEX)).containsExactly(STORE_12);
    assertThat(directory.unitsOf(UserId.of("nobody"))).isEmpty();
    assertThat(ids(directory.members(STORE_12, PageRequest.first(10)).items()))
        .containsExactly("alex", "bo");
    assertThat(directory.assignmentsOf(ALEX))
        .extracting(RoleAssignment::id)
        .containsExactly(AssignmentId.of("a1"));
    assertThat(directory.assignmentsOf(BO)).isEmpty();
    assertThat(directory.isRoleAssignableGroupMember(CY)).isTrue();
    assertThat(directory.isRoleAssignableGroupMember(ALEX)).isFalse();
    assertThat(directory.roles().find(BuiltInRole.HELPDESK_ADMINISTRATOR.templateId())).isPresent();
  }

  @Test
  void builder_memberOfUnknownUnit_isRejected() {
    InMemoryDirectory.Builder builder =
        InMemoryDirectory.builder().user(user("alex", "Alex")).member(UnitId.of("nowhere"), ALEX);

    assertThatThrownBy(builder::build).isInstanceOf(UnknownUnitException.class);
  }

  @Test
  void putUser_newUser_isStoredAboveTheGivenVersion() {
    InMemoryDirectory directory = InMemoryDirectory.builder().build();

    User stored = directory.putUser(user("dee", "Dee Ray").toBuilder().version(41).build());

    assertThat(stored.version()).isGreaterThan(41);
    assertThat(directory.findUser(UserId.of("dee"))).contains(stored);
    assertThat(directory.userCount()).isEqualTo(1);
  }

  @Test
  void putUser_replace_keepsVersionMonotonicAndThePassword() {
    InMemoryDirectory directory = retail();
    User before = directory.findUser(ALEX).orElseThrow();
    User withPassword =
        directory.setPassword(
            ALEX,
            before.version(),
            Secret.of("Temp-1234"),
            true,
            AuditEvents.phoneEvent("e1", "mgr", "alex"));

    User replaced =
        directory.putUser(user("alex", "Alex Wilber-Smith").toBuilder().version(0).build());

    assertThat(replaced.version()).isGreaterThan(withPassword.version());
    assertThat(replaced.displayName()).isEqualTo("Alex Wilber-Smith");
    assertThat(directory.verifyPassword(ALEX, Secret.of("Temp-1234"))).isTrue();
    assertThat(directory.unitsOf(ALEX)).containsExactly(STORE_12);
  }

  @Test
  void putUser_removedThenRecreated_neverReusesAVersion() {
    InMemoryDirectory directory = retail();
    long old = directory.findUser(ALEX).orElseThrow().version();

    directory.removeUser(ALEX);
    User again = directory.putUser(user("alex", "Alex Wilber"));

    assertThat(again.version()).isGreaterThan(old);
  }

  @Test
  void putUser_principalNameOfAnotherUser_isRejectedCaseInsensitively() {
    InMemoryDirectory directory = retail();
    User clash =
        User.builder()
            .id(UserId.of("dee"))
            .userPrincipalName("ALEX@contoso.com")
            .displayName("Dee")
            .build();

    assertThatThrownBy(() -> directory.putUser(clash))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("user principal name");
    assertThat(directory.findUser(UserId.of("dee"))).isEmpty();
    assertThat(directory.searchUsers("dee", PageRequest.first(10)).items()).isEmpty();
  }

  @Test
  void putUser_ownPrincipalNameInOtherCase_isAccepted() {
    InMemoryDirectory directory = retail();

    User stored =
        directory.putUser(
            user("alex", "Alex Wilber").toBuilder().userPrincipalName("Alex@Contoso.com").build());

    assertThat(directory.findUser(ALEX)).contains(stored);
    assertThat(ids(directory.searchUsers("alex@", PageRequest.first(10)).items()))
        .containsExactly("alex");
  }

  @Test
  void putUser_maxVersion_isRejected() {
    InMemoryDirectory directory = retail();

    assertThatThrownBy(
            () -> directory.putUser(user("dee", "Dee").toBuilder().version(Long.MAX_VALUE).build()))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void putUser_rename_movesTheUserInListingsAndSearches() {
    InMemoryDirectory directory = retail();

    directory.putUser(user("alex", "Zed Alexander"));

    assertThat(ids(directory.members(STORE_12, PageRequest.first(10)).items()))
        .containsExactly("bo", "alex");
    assertThat(directory.searchUsers("wilber", PageRequest.first(10)).items()).isEmpty();
    assertThat(ids(directory.searchUsers("zed", PageRequest.first(10)).items()))
        .containsExactly("alex");
    assertThat(ids(directory.searchUsers("alexander", PageRequest.first(10)).items()))
        .containsExactly("alex");
  }

  @Test
  void removeUser_known_removesMembershipsAssignmentsAndFlags() {
    InMemoryDirectory directory = retail();

    assertThat(directory.removeUser(ALEX)).isTrue();
    assertThat(directory.removeUser(CY)).isTrue();

    assertThat(directory.findUser(ALEX)).isEmpty();
    assertThat(directory.unitsOf(ALEX)).isEmpty();
    assertThat(ids(directory.members(STORE_12, PageRequest.first(10)).items()))
        .containsExactly("bo");
    assertThat(directory.assignmentsOf(ALEX)).isEmpty();
    assertThat(directory.isRoleAssignableGroupMember(CY)).isFalse();
    assertThat(directory.searchUsers("alex", PageRequest.first(10)).items()).isEmpty();
    assertThat(directory.userCount()).isEqualTo(1);
    assertThatThrownBy(() -> directory.verifyPassword(ALEX, Secret.of("x")))
        .isInstanceOf(UnknownUserException.class);
  }

  @Test
  void removeUser_unknown_returnsFalse() {
    InMemoryDirectory directory = retail();

    assertThat(directory.removeUser(UserId.of("nobody"))).isFalse();
    assertThat(directory.userCount()).isEqualTo(3);
  }

  @Test
  void putUnit_replace_renamesInSearchAndKeepsMembers() {
    InMemoryDirectory directory = retail();

    directory.putUnit(AdministrativeUnit.assigned(STORE_12, "Flagship Seattle"));

    assertThat(directory.findUnit(STORE_12))
        .map(AdministrativeUnit::displayName)
        .contains("Flagship Seattle");
    assertThat(directory.searchUnits("store", PageRequest.first(10)).items())
        .extracting(AdministrativeUnit::id)
        .containsExactly(STORE_47);
    assertThat(directory.searchUnits("seattle", PageRequest.first(10)).items())
        .extracting(AdministrativeUnit::id)
        .containsExactly(STORE_12);
    assertThat(ids(directory.members(STORE_12, PageRequest.first(10)).items()))
        .containsExactly("alex", "bo");
  }

  @Test
  void putUnit_otherRestrictedFlag_rejectedNamingTheFieldAndChangesNothing() {
    InMemoryDirectory directory = retail();

    assertThatThrownBy(
            () ->
                directory.putUnit(
                    AdministrativeUnit.assigned(STORE_12, "Renamed")
                        .withRestrictedManagement(true)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(v -> assertThat(v.field()).isEqualTo("restrictedManagement")));
    assertThatThrownBy(
            () -> directory.putUnit(AdministrativeUnit.assigned(STORE_47, "Store 47 Bellevue")))
        .isInstanceOf(InvalidInputException.class);

    assertThat(directory.findUnit(STORE_12))
        .contains(AdministrativeUnit.assigned(STORE_12, "Store 12 Seattle"));
    assertThat(directory.findUnit(STORE_47).orElseThrow().restrictedManagement()).isTrue();
    assertThat(ids(directory.members(STORE_12, PageRequest.first(10)).items()))
        .containsExactly("alex", "bo");
  }

  @Test
  void putUnit_removedThenCreatedWithTheOtherFlag_isTheWayToChangeIt() {
    InMemoryDirectory directory = retail();

    assertThat(directory.removeUnit(STORE_12)).isTrue();
    directory.putUnit(
        AdministrativeUnit.assigned(STORE_12, "Store 12 Seattle").withRestrictedManagement(true));

    assertThat(directory.findUnit(STORE_12).orElseThrow().restrictedManagement()).isTrue();
    assertThat(directory.members(STORE_12, PageRequest.first(10)).items()).isEmpty();
  }

  @Test
  void removeUnit_known_removesMembershipsAndScopedAssignments() {
    InMemoryDirectory directory = retail();

    assertThat(directory.removeUnit(STORE_12)).isTrue();

    assertThat(directory.findUnit(STORE_12)).isEmpty();
    assertThat(directory.unitsOf(ALEX)).isEmpty();
    assertThat(directory.assignmentsOf(ALEX)).isEmpty();
    assertThat(directory.searchUnits("store", PageRequest.first(10)).items())
        .extracting(AdministrativeUnit::id)
        .containsExactly(STORE_47);
    assertThatThrownBy(() -> directory.members(STORE_12, PageRequest.first(10)))
        .isInstanceOf(UnknownUnitException.class);
    assertThat(directory.removeUnit(STORE_12)).isFalse();
  }

  @Test
  void addMember_newMember_appearsInBothDirections() {
    InMemoryDirectory directory = retail();

    assertThat(directory.addMember(STORE_47, ALEX)).isTrue();
    assertThat(directory.addMember(STORE_47, ALEX)).isFalse();

    assertThat(directory.unitsOf(ALEX)).containsExactlyInAnyOrder(STORE_12, STORE_47);
    assertThat(ids(directory.members(STORE_47, PageRequest.first(10)).items()))
        .containsExactly("alex", "cy");
  }

  @Test
  void addMember_unknownUnitOrUser_isRejected() {
    InMemoryDirectory directory = retail();

    assertThatThrownBy(() -> directory.addMember(UnitId.of("nowhere"), ALEX))
        .isInstanceOf(UnknownUnitException.class);
    assertThatThrownBy(() -> directory.addMember(STORE_47, UserId.of("nobody")))
        .isInstanceOf(UnknownUserException.class);
    assertThat(directory.unitsOf(ALEX)).containsExactly(STORE_12);
  }

  @Test
  void removeMember_member_leavesBothDirections() {
    InMemoryDirectory directory = retail();

    assertThat(directory.removeMember(STORE_12, ALEX)).isTrue();
    assertThat(directory.removeMember(STORE_12, ALEX)).isFalse();
    assertThat(directory.removeMember(STORE_12, UserId.of("nobody"))).isFalse();

    assertThat(directory.unitsOf(ALEX)).isEmpty();
    assertThat(ids(directory.members(STORE_12, PageRequest.first(10)).items()))
        .containsExactly("bo");
    assertThatThrownBy(() -> directory.removeMember(UnitId.of("nowhere"), ALEX))
        .isInstanceOf(UnknownUnitException.class);
  }

  @Test
  void addAssignment_timeBoundCustomRole_isListedForItsPrincipal() {
    InMemoryDirectory directory = retail();
    RoleDefinition resetter =
        RoleDefinition.custom(
            RoleId.of("store-resetter"),
            "Store password resetter",
            Set.of("microsoft.directory/users/password/update"));
    directory.putCustomRole(resetter);
    RoleAssignment pim =
        RoleAssignment.of(AssignmentId.of("a2"), BO, resetter.id(), Scope.unit(STORE_47))
            .during(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-02-01T00:00:00Z"));

    directory.addAssignment(pim);

    assertThat(directory.assignmentsOf(BO)).containsExactly(pim);
    assertThat(directory.roles().find(resetter.id())).contains(resetter);
    assertThat(directory.removeAssignment(AssignmentId.of("a2"))).isTrue();
    assertThat(directory.removeAssignment(AssignmentId.of("a2"))).isFalse();
    assertThat(directory.assignmentsOf(BO)).isEmpty();
  }

  @Test
  void addAssignment_badReferences_areRejectedAndChangeNothing() {
    InMemoryDirectory directory = retail();

    assertThatThrownBy(
            () ->
                directory.addAssignment(
                    RoleAssignment.of(
                        AssignmentId.of("x1"),
                        UserId.of("nobody"),
                        BuiltInRole.HELPDESK_ADMINISTRATOR,
                        Scope.tenant())))
        .isInstanceOf(UnknownUserException.class);
    assertThatThrownBy(
            () ->
                directory.addAssignment(
                    RoleAssignment.of(
                        AssignmentId.of("x2"), BO, RoleId.of("no-such-role"), Scope.tenant())))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () ->
                directory.addAssignment(
                    RoleAssignment.of(
                        AssignmentId.of("x3"),
                        BO,
                        BuiltInRole.HELPDESK_ADMINISTRATOR,
                        Scope.unit(UnitId.of("nowhere")))))
        .isInstanceOf(UnknownUnitException.class);
    assertThatThrownBy(
            () ->
                directory.addAssignment(
                    RoleAssignment.of(
                        AssignmentId.of("a1"),
                        BO,
                        BuiltInRole.HELPDESK_ADMINISTRATOR,
                        Scope.tenant())))
        .isInstanceOf(InvalidInputException.class);

    assertThat(directory.assignmentsOf(BO)).isEmpty();
  }

  @Test
  void addAssignment_toGroup_heldByItsMembersWhoBecomeRoleAssignableGroupMembers() {
    InMemoryDirectory directory = retail();
    GroupId admins = GroupId.of("global-admins");
    directory.putUser(directory.findUser(BO).orElseThrow().toBuilder().group(admins).build());
    assertThat(directory.isRoleAssignableGroupMember(BO)).as("a group without roles").isFalse();
    RoleAssignment viaGroup =
        RoleAssignment.of(
            AssignmentId.of("g1"), admins, BuiltInRole.GLOBAL_ADMINISTRATOR, Scope.tenant());
    RoleAssignment direct =
        RoleAssignment.of(
            AssignmentId.of("d1"), BO, BuiltInRole.GROUPS_ADMINISTRATOR, Scope.unit(STORE_12));

    directory.addAssignment(viaGroup);
    directory.addAssignment(direct);

    assertThat(directory.assignmentsOf(BO))
        .as("in the order added")
        .containsExactly(viaGroup, direct);
    assertThat(directory.isRoleAssignableGroupMember(BO)).isTrue();
    assertThat(directory.assignmentsOf(ALEX))
        .extracting(RoleAssignment::id)
        .containsExactly(AssignmentId.of("a1"));
    assertThat(directory.isRoleAssignableGroupMember(ALEX)).isFalse();
    assertThatThrownBy(() -> directory.assignmentsOf(BO).clear())
        .isInstanceOf(UnsupportedOperationException.class);

    directory.putUser(directory.findUser(BO).orElseThrow().toBuilder().groups(Set.of()).build());
    assertThat(directory.assignmentsOf(BO)).as("after leaving the group").containsExactly(direct);
    assertThat(directory.isRoleAssignableGroupMember(BO)).isFalse();
    assertThat(directory.removeAssignment(AssignmentId.of("g1"))).isTrue();
  }

  @Test
  void globalAdminScopedToUnitRejectedAtCreation() {
    InMemoryDirectory directory = retail();
    assertThatThrownBy(
            () ->
                directory.addAssignment(
                    RoleAssignment.of(
                        AssignmentId.of("x"),
                        BO,
                        BuiltInRole.GLOBAL_ADMINISTRATOR,
                        Scope.unit(STORE_12))))
        .isInstanceOf(InvalidInputException.class);
    RoleDefinition apps =
        RoleDefinition.custom(
            RoleId.of("apps"),
            "App registrations",
            Set.of("microsoft.directory/applications/create"));
    directory.putCustomRole(apps);
    assertThatThrownBy(
            () ->
                directory.addAssignment(
                    RoleAssignment.of(AssignmentId.of("x"), BO, apps.id(), Scope.unit(STORE_12))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("administrative-unit scope");
    directory.addAssignment(RoleAssignment.of(AssignmentId.of("x"), BO, apps.id(), Scope.tenant()));
    assertThat(directory.assignmentsOf(BO))
        .extracting(RoleAssignment::scope)
        .containsExactly(Scope.tenant());
  }

  @Test
  void putCustomRole_losingLastUserPermissionWhileAssignedAtUnit_isRejected() {
    InMemoryDirectory directory = retail();
    RoleDefinition resetter =
        RoleDefinition.custom(
            RoleId.of("resetter"), "Resetter", Set.of("microsoft.directory/users/password/update"));
    directory.putCustomRole(resetter);
    directory.addAssignment(
        RoleAssignment.of(AssignmentId.of("r1"), BO, resetter.id(), Scope.unit(STORE_12)));
    RoleDefinition stripped =
        RoleDefinition.custom(
            resetter.id(), "Resetter", Set.of("microsoft.directory/applications/create"));

    assertThatThrownBy(() -> directory.putCustomRole(stripped))
        .isInstanceOf(InvalidInputException.class);
    assertThat(directory.roles().find(resetter.id())).contains(resetter);
    directory.removeAssignment(AssignmentId.of("r1"));
    directory.putCustomRole(stripped);
    assertThat(directory.roles().find(resetter.id())).contains(stripped);
  }

  @Test
  void putCustomRole_builtIn_isRejected() {
    InMemoryDirectory directory = retail();

    assertThatThrownBy(
            () -> directory.putCustomRole(RoleDefinition.of(BuiltInRole.GLOBAL_ADMINISTRATOR)))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void setRoleAssignableGroupMember_togglesAndRejectsUnknownUsers() {
    InMemoryDirectory directory = retail();

    directory.setRoleAssignableGroupMember(ALEX, true);
    assertThat(directory.isRoleAssignableGroupMember(ALEX)).isTrue();
    directory.setRoleAssignableGroupMember(ALEX, false);
    assertThat(directory.isRoleAssignableGroupMember(ALEX)).isFalse();
    assertThatThrownBy(() -> directory.setRoleAssignableGroupMember(UserId.of("nobody"), true))
        .isInstanceOf(UnknownUserException.class);
  }

  @Test
  void members_unknownUnit_isRejected() {
    InMemoryDirectory directory = retail();

    assertThatThrownBy(() -> directory.members(UnitId.of("nowhere"), PageRequest.first(10)))
        .isInstanceOf(UnknownUnitException.class);
  }

  @Test
  void members_paged_returnsEachMemberOnceInOrderAcrossPages() {
    InMemoryDirectory directory = retail();
    directory.putUser(user("dee", "alex Able"));
    directory.addMember(STORE_12, UserId.of("dee"));

    Page<User> first = directory.members(STORE_12, PageRequest.first(2));

    assertThat(ids(first.items())).containsExactly("dee", "alex");
    assertThat(first.hasNext()).isTrue();
    assertThat(ids(walk(2, p -> directory.members(STORE_12, p))))
        .containsExactly("dee", "alex", "bo");
    assertThat(ids(walk(3, p -> directory.members(STORE_12, p))))
        .containsExactly("dee", "alex", "bo");
  }

  @Test
  void members_cursorOfAnotherListing_isRejected() {
    InMemoryDirectory directory = retail();
    String cursor = directory.members(STORE_12, PageRequest.first(1)).nextCursor().orElseThrow();

    assertThatThrownBy(() -> directory.members(STORE_47, PageRequest.after(cursor, 1)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> directory.searchUsers("a", PageRequest.after(cursor, 1)))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void members_tamperedCursor_isRejected() {
    InMemoryDirectory directory = retail();
    String cursor = directory.members(STORE_12, PageRequest.first(1)).nextCursor().orElseThrow();

    // The last character may carry unused base64 bits, so alter every other one.
    for (int i = 0; i < cursor.length() - 1; i++) {
      char c = cursor.charAt(i);
      String tampered = cursor.substring(0, i) + (c == 'A' ? 'B' : 'A') + cursor.substring(i + 1);
      assertThatThrownBy(() -> directory.members(STORE_12, PageRequest.after(tampered, 1)))
          .as("cursor altered at %s", i)
          .isInstanceOf(InvalidInputException.class);
    }
    assertThatThrownBy(() -> directory.members(STORE_12, PageRequest.after("not a cursor!", 1)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> directory.members(STORE_12, PageRequest.after(cursor.substring(2), 1)))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void searchUsers_wordPrefixAndPrincipalNamePrefix_matchCaseInsensitively() {
    InMemoryDirectory directory =
        InMemoryDirectory.builder()
            .user(user("u1", "Mary-Jane Watson"))
            .user(user("u2", "Peter Parker"))
            .user(user("u3", "Parker Lewis"))
            .user(
                User.builder()
                    .id(UserId.of("u4"))
                    .userPrincipalName("spidey@dailybugle.com")
                    .displayName("Anonymous")
                    .build())
            .build();

    assertThat(ids(directory.searchUsers("PARK", PageRequest.first(10)).items()))
        .containsExactly("u3", "u2");
    assertThat(ids(directory.searchUsers("wat", PageRequest.first(10)).items()))
        .containsExactly("u1");
    assertThat(ids(directory.searchUsers("mary-j", PageRequest.first(10)).items()))
        .containsExactly("u1");
    assertThat(directory.searchUsers("jane", PageRequest.first(10)).items()).isEmpty();
    assertThat(ids(directory.searchUsers("peter p", PageRequest.first(10)).items()))
        .containsExactly("u2");
    assertThat(directory.searchUsers("parker p", PageRequest.first(10)).items()).isEmpty();
    assertThat(ids(directory.searchUsers("Spidey@Daily", PageRequest.first(10)).items()))
        .containsExactly("u4");
    assertThat(ids(directory.searchUsers("u", PageRequest.first(10)).items()))
        .containsExactly("u1", "u3", "u2");
    assertThat(directory.searchUsers("contoso", PageRequest.first(10)).items()).isEmpty();
  }

  @Test
  void searchUsers_userMatchingSeveralTerms_isReturnedOnce() {
    InMemoryDirectory directory =
        InMemoryDirectory.builder()
            .user(
                User.builder()
                    .id(UserId.of("u1"))
                    .userPrincipalName("anna@contoso.com")
                    .displayName("Anna Annabel Ann")
                    .build())
            .build();

    assertThat(ids(directory.searchUsers("ann", PageRequest.first(10)).items()))
        .containsExactly("u1");
  }

  @Test
  void searchUsers_badQuery_isRejected() {
    InMemoryDirectory directory = retail();

    assertThatThrownBy(() -> directory.searchUsers("", PageRequest.first(10)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> directory.searchUsers("x".repeat(257), PageRequest.first(10)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> directory.searchUnits("", PageRequest.first(10)))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void searchUnits_wordPrefix_findsUnitsInOrder() {
    InMemoryDirectory directory = retail();

    assertThat(directory.searchUnits("st", PageRequest.first(10)).items())
        .extracting(AdministrativeUnit::id)
        .containsExactly(STORE_12, STORE_47);
    assertThat(directory.searchUnits("bell", PageRequest.first(10)).items())
        .extracting(AdministrativeUnit::id)
        .containsExactly(STORE_47);
    assertThat(directory.searchUnits("47", PageRequest.first(10)).items())
        .extracting(AdministrativeUnit::id)
        .containsExactly(STORE_47);
    assertThat(directory.searchUnits("store-", PageRequest.first(10)).items()).isEmpty();
  }

  @Test
  void toString_summarizesSizes() {
    assertThat(retail().toString()).isEqualTo("InMemoryDirectory{3 users, 2 units}");
  }

  @Test
  void unitsOf_returnsImmutableSnapshot() {
    InMemoryDirectory directory = retail();
    Set<UnitId> units = directory.unitsOf(ALEX);

    directory.addMember(STORE_47, ALEX);

    assertThat(units).containsExactly(STORE_12);
    assertThatThrownBy(() -> units.add(STORE_47)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(List.copyOf(directory.unitsOf(ALEX))).hasSize(2);
  }
}
