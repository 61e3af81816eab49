package io.mystaff.tests.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.CapabilityNotSupportedException;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.Page;
import io.mystaff.api.PageRequest;
import io.mystaff.api.UnitId;
import io.mystaff.api.access.SignInRefusal;
import io.mystaff.api.access.SignInRefusedException;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.core.Location;
import io.mystaff.core.MyStaffSettings;
import io.mystaff.core.StaffMember;
import io.mystaff.core.StaffSession;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocationsTest {
  private Harness harness = Harness.storeChain();

  @AfterEach
  void close() {
    harness.close();
  }

  private Location unit(String id) {
    return Location.of(harness.directory.findUnit(UnitId.of(id)).orElseThrow());
  }

  private static List<String> names(List<Location> locations) {
    return locations.stream().map(Location::displayName).toList();
  }

  /** Every member of the location, following cursors. */
  private static List<StaffMember> all(StaffSession session, Location location, int pageSize) {
    List<StaffMember> members = new ArrayList<>();
    Page<StaffMember> page = session.members(location, PageRequest.first(pageSize));
    members.addAll(page.items());
    while (page.hasNext()) {
      page =
          session.members(location, PageRequest.after(page.nextCursor().orElseThrow(), pageSize));
      members.addAll(page.items());
    }
    return members;
  }

  @Test
  void locations_oneUnit_straightIn() {
    StaffSession nina = harness.signIn("nina");
    assertThat(names(nina.locations())).containsExactly("North Store");
    assertThat(nina.singleLocation()).contains(unit("north"));
  }

  @Test
  void locations_severalUnits_sortedAndPickOne() {
    StaffSession sam = harness.signIn("sam");
    assertThat(names(sam.locations())).containsExactly("North Store", "South Store");
    assertThat(sam.singleLocation()).isEmpty();
  }

  @Test
  void locations_tenantWideRole_wholeOrganizationThenEveryUnit() {
    StaffSession tara = harness.signIn("tara");
    assertThat(tara.locations().get(0)).isEqualTo(Location.wholeOrganization());
    assertThat(names(tara.locations().subList(1, tara.locations().size())))
        .isEqualTo(
            names(
                harness.directory.allUnits(PageRequest.first(1_000)).items().stream()
                    .map(Location::of)
                    .toList()))
        .contains("North Store", "South Store");
    assertThat(tara.singleLocation()).as("several to pick from").isEmpty();
    assertThat(tara.whyNoLocations()).isEmpty();
  }

  @Test
  void locations_roleThatChangesNoOne_notAdmitted() {
    assertThatThrownBy(() -> harness.signIn("rita"))
        .isInstanceOfSatisfying(
            SignInRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(SignInRefusal.NO_MY_STAFF_PERMISSION));
  }

  @Test
  void locations_roleExpiresDuringSession_goneAtOnce() {
    harness.clock.set(
        StoreChain.TIM_ROLE_ENDS.minusSeconds(30)); // within the session's recheck interval
    StaffSession tim = harness.signIn("tim");
    assertThat(names(tim.locations())).containsExactly("North Store");
    harness.clock.set(StoreChain.TIM_ROLE_ENDS);
    assertThat(tim.locations()).isEmpty();
  }

  @Test
  void members_unitLocation_orderedWithWhatTheManagerMayDo() {
    StaffSession nina = harness.signIn("nina");
    Map<String, Set<StaffAction>> members =
        all(nina, unit("north"), 100).stream()
            .collect(
                Collectors.toMap(
                    m -> m.user().id().value(),
                    StaffMember::allowedActions,
                    (a, b) -> a,
                    java.util.LinkedHashMap::new));

    assertThat(members.keySet()).containsExactly("alice", "bob", "carl", "erin", "pam");
    Set<StaffAction> everything = EnumSet.allOf(StaffAction.class);
    assertThat(members.get("alice"))
        .as("cloud-only: no on-premises account to unlock")
        .isEqualTo(EnumSet.complementOf(EnumSet.of(StaffAction.UNLOCK_ACCOUNT)));
    assertThat(members.get("carl")).as("synced").isEqualTo(everything);
    assertThat(members.get("erin"))
        .as("member of a restricted unit")
        .containsExactly(StaffAction.VIEW_PROFILE);
    assertThat(members.get("pam"))
        .as("holds an admin role")
        .containsExactly(StaffAction.VIEW_PROFILE);
  }

  @Test
  void members_pagedBySmallPages_sameMembersInSameOrder() {
    StaffSession nina = harness.signIn("nina");
    List<StaffMember> oneGo = all(nina, unit("north"), 100);
    List<StaffMember> byTwo = all(nina, unit("north"), 2);
    assertThat(byTwo).isEqualTo(oneGo);
    Page<StaffMember> first = nina.members(unit("north"), PageRequest.first(2));
    assertThat(first.items()).hasSize(2);
    assertThat(first.hasNext()).isTrue();
  }

  @Test
  void members_requestAboveMaxPageSize_capped() {
    harness.close();
    harness = Harness.storeChain(b -> b.settings(MyStaffSettings.builder().maxPageSize(2).build()));
    Page<StaffMember> page = harness.signIn("nina").members(unit("north"), PageRequest.first(50));
    assertThat(page.items()).hasSize(2);
    assertThat(page.hasNext()).isTrue();
  }

  @Test
  void members_locationTheManagerDoesNotAdminister_rejected() {
    StaffSession nina = harness.signIn("nina");
    assertThatThrownBy(() -> nina.members(unit("south"), PageRequest.first(10)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("location");
    assertThatThrownBy(() -> nina.members(Location.wholeOrganization(), PageRequest.first(10)))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void members_tenantWideManagerListingAUnit_allowed() {
    List<String> ids =
        all(harness.signIn("tara"), unit("south"), 10).stream()
            .map(m -> m.user().id().value())
            .toList();
    assertThat(ids).containsExactly("dora");
  }

  @Test
  void members_missingArguments_rejected() {
    StaffSession nina = harness.signIn("nina");
    assertThatThrownBy(() -> nina.members((Location) null, PageRequest.first(1)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> nina.members(unit("north"), null))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void members_wholeOrganization_everyUserWithActions() {
    StaffSession tara = harness.signIn("tara");
    List<StaffMember> members = all(tara, Location.wholeOrganization(), 5);
    Map<String, StaffMember> byId =
        members.stream().collect(Collectors.toMap(m -> m.user().id().value(), Function.identity()));
    assertThat(members)
        .extracting(m -> m.user().id().value())
        .as("every user, in directory order")
        .containsExactly(
            "alice", "bob", "carl", "dora", "erin", "eve", "hank", "nina", "pam", "rita", "sam",
            "tara", "tim", "val");
    assertThat(byId.get("dora").canManage()).isTrue();
    assertThat(byId.get("erin").canManage()).as("restricted unit").isFalse();
    assertThat(byId.get("tara").canManage()).as("self").isFalse();
    assertThat(byId.get("pam").canManage()).as("holds an admin role").isFalse();
  }

  @Test
  void members_wholeOrganization_directoryThatCannotListEveryone_capabilityErrorPassedOn() {
    harness.close();
    harness =
        Harness.storeChain(
            b ->
                b.directory(
                    new UnitsOnlyDirectory(Harness.directoryOf(StoreChain.fixture().build()))));
    StaffSession tara = harness.signIn("tara");
    assertThatThrownBy(() -> tara.members(Location.wholeOrganization(), PageRequest.first(5)))
        .isInstanceOf(CapabilityNotSupportedException.class);
    assertThat(all(tara, unit("south"), 5))
        .extracting(m -> m.user().id().value())
        .containsExactly("dora");
  }

  @Test
  void listings_notAudited() {
    StaffSession sam = harness.signIn("sam");
    int before = harness.log.size();
    sam.locations();
    all(sam, unit("south"), 1);
    assertThat(before).as("the sign-in").isEqualTo(1);
    assertThat(harness.log.size()).isEqualTo(before);
  }
}
