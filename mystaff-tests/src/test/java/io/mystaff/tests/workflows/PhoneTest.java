package io.mystaff.tests.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.UnknownUserException;
import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.audit.ModifiedProperty;
import io.mystaff.api.authz.AccessDeniedException;
import io.mystaff.api.authz.DenyReason;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.directory.User;
import io.mystaff.core.MyStaffSettings;
import io.mystaff.core.PhoneChange;
import io.mystaff.core.StaffSession;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneTest {
  private static final UserId ALICE = UserId.of("alice");
  private static final UserId BOB = UserId.of("bob");

  private Harness harness = Harness.storeChain();

  @AfterEach
  void close() {
    harness.close();
  }

  private AuditEvent onlyEventSince(int before) {
    List<AuditEvent> events = harness.eventsSince(before);
    assertThat(events).hasSize(1);
    return events.get(0);
  }

  private static ModifiedProperty change(AuditEvent event) {
    return event.targets().get(0).modifiedProperties().get(0);
  }

  @Test
  void setPhone_newType_addedNormalizedAndAuditedAsAdd() {
    StaffSession nina = harness.signIn("nina");
    int before = harness.log.size();

    PhoneChange change = nina.setPhone(BOB, PhoneType.OFFICE, "+1 (425) 555-0177 x12");

    assertThat(change.previous()).isEmpty();
    assertThat(change.current()).contains(PhoneNumber.of("+14255550177", "12"));
    assertThat(harness.user("bob").phone(PhoneType.OFFICE)).isEqualTo(change.current());
    AuditEvent event = onlyEventSince(before);
    assertThat(event.activity()).isEqualTo(AuditActivity.ADD_PHONE);
    assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
    assertThat(event.correlationId()).isEqualTo(change.correlationId());
    assertThat(change(event)).isEqualTo(ModifiedProperty.of("officePhoneNumber", Optional.empty(),
        Optional.of("+14255550177x12")));
  }

  @Test
  void setPhone_existingType_editedAndAuditedWithOldAndNew() {
    StaffSession nina = harness.signIn("nina");
    int before = harness.log.size();

    PhoneChange change = nina.setPhone(ALICE, PhoneType.MOBILE, "+44 20 7946 0958");

    assertThat(change.previous()).contains(PhoneNumber.of(StoreChain.ALICE_MOBILE));
    assertThat(harness.user("alice").phone(PhoneType.MOBILE)).contains(PhoneNumber.of("+442079460958"));
    AuditEvent event = onlyEventSince(before);
    assertThat(event.activity()).isEqualTo(AuditActivity.UPDATE_PHONE);
    assertThat(change(event)).isEqualTo(ModifiedProperty.of("mobilePhoneNumber",
        Optional.of(StoreChain.ALICE_MOBILE), Optional.of("+442079460958")));
  }

  @Test
  void removePhone_existing_removedAndAuditedAsDelete() {
    StaffSession nina = harness.signIn("nina");
    int before = harness.log.size();

    PhoneChange change = nina.removePhone(ALICE, PhoneType.MOBILE);

    assertThat(change.current()).isEmpty();
    assertThat(harness.user("alice").phones()).isEmpty();
    AuditEvent event = onlyEventSince(before);
    assertThat(event.activity()).isEqualTo(AuditActivity.DELETE_PHONE);
    assertThat(change(event)).isEqualTo(ModifiedProperty.of("mobilePhoneNumber",
        Optional.of(StoreChain.ALICE_MOBILE), Optional.empty()));
  }

  @Test
  void removePhone_absent_succeedsWithNothingToRemove() {
    StaffSession nina = harness.signIn("nina");
    int before = harness.log.size();
    PhoneChange change = nina.removePhone(BOB, PhoneType.ALTERNATE_MOBILE);
    assertThat(change.previous()).isEmpty();
    assertThat(change.current()).isEmpty();
    assertThat(change(onlyEventSince(before))).isEqualTo(ModifiedProperty.of("alternateMobilePhoneNumber",
        Optional.empty(), Optional.empty()));
  }

  @Test
  void setPhone_nationalNumberWithDefaultRegion_readInThatRegion() {
    harness.close();
    harness = Harness.storeChain(b -> b.settings(MyStaffSettings.builder().defaultPhoneRegion(Optional.of("US")).build()));
    PhoneChange change = harness.signIn("nina").setPhone(BOB, PhoneType.MOBILE, "(425) 555-0199");
    assertThat(change.current()).contains(PhoneNumber.of("+14255550199"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "call me maybe", "(425) 555-0199", "+1 425", "+1 425 555 0199 555 0199 555"})
  void setPhone_invalidNumber_rejectedNothingChangedNoEvent(String raw) {
    StaffSession nina = harness.signIn("nina");
    User before = harness.user("bob");
    int events = harness.log.size();

    assertThatThrownBy(() -> nina.setPhone(BOB, PhoneType.MOBILE, raw)).isInstanceOf(InvalidInputException.class);

    assertThat(harness.user("bob")).isEqualTo(before);
    assertThat(harness.log.size()).isEqualTo(events);
  }

  @Test
  void setPhone_missingArguments_rejected() {
    StaffSession nina = harness.signIn("nina");
    assertThatThrownBy(() -> nina.setPhone(null, PhoneType.MOBILE, "+14255550100")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> nina.setPhone(BOB, null, "+14255550100")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> nina.setPhone(BOB, PhoneType.MOBILE, null)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> nina.removePhone(BOB, null)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> nina.setPhone(UserId.of("ghost"), PhoneType.MOBILE, "+14255550100"))
        .isInstanceOf(UnknownUserException.class);
  }

  @Test
  void setPhone_outOfScope_deniedWithOneEventNothingChanged() {
    StaffSession nina = harness.signIn("nina");
    User before = harness.user("dora");
    int events = harness.log.size();

    assertThatThrownBy(() -> nina.setPhone(UserId.of("dora"), PhoneType.MOBILE, "+14255550100"))
        .isInstanceOfSatisfying(AccessDeniedException.class,
            e -> assertThat(e.reason()).isEqualTo(DenyReason.TARGET_OUT_OF_SCOPE));

    assertThat(harness.user("dora")).isEqualTo(before);
    AuditEvent event = onlyEventSince(events);
    assertThat(event.outcome()).isEqualTo(AuditOutcome.DENIED);
    assertThat(event.activity()).isEqualTo(AuditActivity.ADD_PHONE);
    assertThat(event.resultReason()).contains("TARGET_OUT_OF_SCOPE");
  }

  @Test
  void setPhone_roleWithoutPhonePermission_denied() {
    StaffSession hank = harness.signIn("hank");
    assertThatThrownBy(() -> hank.removePhone(UserId.of("dora"), PhoneType.MOBILE))
        .isInstanceOfSatisfying(AccessDeniedException.class,
            e -> assertThat(e.reason()).isEqualTo(DenyReason.ROLE_LACKS_PERMISSION));
  }
}
