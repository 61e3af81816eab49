package io.mystaff.tests.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.Page;
import io.mystaff.api.PageRequest;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.core.StaffMember;
import io.mystaff.core.StaffSession;
import io.mystaff.core.UnitSearchResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SearchTest {
  private final Harness harness = Harness.storeChain();

  @AfterEach
  void close() {
    harness.close();
  }

  private static Map<String, StaffMember> byId(Page<StaffMember> page) {
    return page.items().stream()
        .collect(Collectors.toMap(m -> m.user().id().value(), Function.identity()));
  }

  private static Map<String, UnitSearchResult> unitsById(Page<UnitSearchResult> page) {
    return page.items().stream()
        .collect(Collectors.toMap(u -> u.unit().id().value(), Function.identity()));
  }

  @Test
  void searchUsers_wholeOrganization_saysWhomTheManagerMayChange() {
    Map<String, StaffMember> found =
        byId(harness.signIn("nina").searchUsers("d", PageRequest.first(50)));
    assertThat(found).containsOnlyKeys("dora");
    assertThat(found.get("dora").canManage()).isFalse();
    assertThat(found.get("dora").allowedActions()).containsExactly(StaffAction.VIEW_PROFILE);

    Map<String, StaffMember> forSam =
        byId(harness.signIn("sam").searchUsers("dora", PageRequest.first(50)));
    assertThat(forSam.get("dora").canManage()).isTrue();
  }

  @Test
  void searchUsers_byPrincipalName_found() {
    assertThat(byId(harness.signIn("nina").searchUsers("alice@contoso", PageRequest.first(5))))
        .containsOnlyKeys("alice");
  }

  @Test
  void searchUsers_surroundingWhitespace_trimmed() {
    Map<String, StaffMember> found =
        byId(harness.signIn("nina").searchUsers("  ali \t", PageRequest.first(5)));
    assertThat(found).containsOnlyKeys("alice");
    assertThat(found.get("alice").canManage()).isTrue();
  }

  @Test
  void searchUsers_helpdeskAdministrator_mayResetButNotManagePhones() {
    StaffMember dora =
        byId(harness.signIn("hank").searchUsers("dora", PageRequest.first(5))).get("dora");
    assertThat(dora.may(StaffAction.RESET_PASSWORD)).isTrue();
    assertThat(dora.may(StaffAction.MANAGE_PHONES)).isFalse();
    assertThat(dora.canManage()).isTrue();
  }

  @Test
  void searchUsers_pagedWithCursor_everyMatchOnce() {
    StaffSession tara = harness.signIn("tara");
    List<String> ids = new ArrayList<>();
    Page<StaffMember> page = tara.searchUsers("t", PageRequest.first(1));
    ids.addAll(byIdOrdered(page));
    while (page.hasNext()) {
      page = tara.searchUsers("t", PageRequest.after(page.nextCursor().orElseThrow(), 1));
      ids.addAll(byIdOrdered(page));
    }
    assertThat(ids).containsExactly("tara", "tim");
  }

  private static List<String> byIdOrdered(Page<StaffMember> page) {
    return page.items().stream().map(m -> m.user().id().value()).toList();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\t"})
  void searchUsers_blankQuery_rejected(String query) {
    StaffSession nina = harness.signIn("nina");
    assertThatThrownBy(() -> nina.searchUsers(query, PageRequest.first(5)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> nina.searchUnits(query, PageRequest.first(5)))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void searchUsers_queryOver256Characters_rejected() {
    StaffSession nina = harness.signIn("nina");
    assertThatThrownBy(() -> nina.searchUsers("a".repeat(257), PageRequest.first(5)))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void searchUnits_unitManager_canManageOnlyTheirOwn() {
    Map<String, UnitSearchResult> found =
        unitsById(harness.signIn("nina").searchUnits("store", PageRequest.first(10)));
    assertThat(found).containsOnlyKeys("north", "south", "west");
    assertThat(found.get("north").canManage()).isTrue();
    assertThat(found.get("south").canManage()).isFalse();
    assertThat(found.get("south").allowedActions()).containsExactly(StaffAction.VIEW_PROFILE);
  }

  @Test
  void searchUnits_restrictedUnit_onlyItsOwnManagerMayChange() {
    assertThat(
            unitsById(harness.signIn("tara").searchUnits("vault", PageRequest.first(5)))
                .get("vault")
                .canManage())
        .as("tenant-wide manager")
        .isFalse();
    assertThat(
            unitsById(harness.signIn("val").searchUnits("vault", PageRequest.first(5)))
                .get("vault")
                .canManage())
        .as("manager assigned at the restricted unit")
        .isTrue();
  }

  @Test
  void searchUnits_tenantWideManager_canManageOrdinaryUnits() {
    Map<String, UnitSearchResult> found =
        unitsById(harness.signIn("tara").searchUnits("west", PageRequest.first(5)));
    assertThat(found.get("west").canManage()).isTrue();
    assertThat(found.get("west").location().displayName()).isEqualTo("West Store");
  }

  @Test
  void searches_notAudited() {
    StaffSession nina = harness.signIn("nina");
    nina.searchUsers("a", PageRequest.first(5));
    nina.searchUnits("s", PageRequest.first(5));
    assertThat(harness.log.size()).isEqualTo(1);
  }
}
