package io.mystaff.tests.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.ErrorCode;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.UnknownUserException;
import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.audit.ModifiedProperty;
import io.mystaff.api.authz.AccessDeniedException;
import io.mystaff.api.authz.DenyReason;
import io.mystaff.api.directory.PhoneMethodNotFoundException;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.PhoneNumberKind;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.directory.User;
import io.mystaff.core.MyStaffSettings;
import io.mystaff.core.PhoneChange;
import io.mystaff.core.StaffSession;
import io.mystaff.inmemory.InMemoryDirectory;
import io.mystaff.spi.CommitCondition;
import io.mystaff.spi.ForwardingDirectoryWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
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
    assertThat(change(event))
        .isEqualTo(
            ModifiedProperty.of(
                "officePhoneNumber", Optional.empty(), Optional.of("+1 4255550177x12")));
  }

  @Test
  void setPhone_existingType_editedAndAuditedWithOldAndNew() {
    StaffSession nina = harness.signIn("nina");
    int before = harness.log.size();

    PhoneChange change = nina.setPhone(ALICE, PhoneType.MOBILE, "+44 20 7946 0958");

    assertThat(change.previous()).contains(PhoneNumber.of(StoreChain.ALICE_MOBILE));
    assertThat(harness.user("alice").phone(PhoneType.MOBILE))
        .contains(PhoneNumber.of("+442079460958"));
    AuditEvent event = onlyEventSince(before);
    assertThat(event.activity()).isEqualTo(AuditActivity.UPDATE_PHONE);
    assertThat(change(event))
        .isEqualTo(
            ModifiedProperty.of(
                "mobilePhoneNumber", Optional.of("+1 4255550101"), Optional.of("+44 2079460958")));
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
    assertThat(change(event))
        .isEqualTo(
            ModifiedProperty.of(
                "mobilePhoneNumber", Optional.of("+1 4255550101"), Optional.empty()));
  }

  @ParameterizedTest
  @EnumSource(PhoneType.class)
  void removingMissingPhone_notFound_noDeletedEvent(PhoneType type) {
    StaffSession nina = harness.signIn("nina");
    User before = harness.user("bob");
    int events = harness.log.size();

    assertThatThrownBy(() -> nina.removePhone(BOB, type))
        .isInstanceOfSatisfying(
            PhoneMethodNotFoundException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.PHONE_METHOD_NOT_FOUND);
              assertThat(e.type()).isEqualTo(type);
              assertThat(e.userId()).isEqualTo(BOB);
            });

    assertThat(harness.user("bob")).isEqualTo(before);
    assertThat(harness.directory.pendingAuditEvents(10)).isEmpty();
    AuditEvent event = onlyEventSince(events);
    assertThat(event.outcome()).isEqualTo(AuditOutcome.FAILED);
    assertThat(event.activity()).isEqualTo(AuditActivity.DELETE_PHONE);
    assertThat(event.resultReason()).contains("PHONE_METHOD_NOT_FOUND");
    assertThat(event.targets().get(0).modifiedProperties()).isEmpty();
  }

  @Test
  void removingMissingPhone_deniedManager_learnsNothingAboutThePhones() {
    StaffSession hank = harness.signIn("hank");
    assertThatThrownBy(() -> hank.removePhone(UserId.of("dora"), PhoneType.ALTERNATE_MOBILE))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.reason()).isEqualTo(DenyReason.ROLE_LACKS_PERMISSION));
  }

  @Test
  void alternateWithoutMobile_rejectedNamingAlternateMobile() {
    StaffSession nina = harness.signIn("nina");
    User before = harness.user("bob");
    int events = harness.log.size();

    assertThatThrownBy(() -> nina.setPhone(BOB, PhoneType.ALTERNATE_MOBILE, "+1 425 555 0123"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(InvalidInputException.Violation::field)
                    .containsExactly("alternateMobile"));

    assertThat(harness.user("bob")).isEqualTo(before);
    AuditEvent event = onlyEventSince(events);
    assertThat(event.outcome()).isEqualTo(AuditOutcome.FAILED);
    assertThat(event.activity()).isEqualTo(AuditActivity.ADD_PHONE);
    assertThat(event.resultReason()).contains("ALTERNATE_MOBILE_REQUIRES_MOBILE");
  }

  @Test
  void mobileRemovedWhileAlternateExists_rejectedNamingMobile_thenAllowedOnceAlternateIsGone() {
    StaffSession nina = harness.signIn("nina");
    nina.setPhone(ALICE, PhoneType.ALTERNATE_MOBILE, "+1 425 555 0124");
    User before = harness.user("alice");
    int events = harness.log.size();

    assertThatThrownBy(() -> nina.removePhone(ALICE, PhoneType.MOBILE))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(InvalidInputException.Violation::field)
                    .containsExactly("mobile"));

    assertThat(harness.user("alice")).isEqualTo(before);
    AuditEvent event = onlyEventSince(events);
    assertThat(event.outcome()).isEqualTo(AuditOutcome.FAILED);
    assertThat(event.activity()).isEqualTo(AuditActivity.DELETE_PHONE);
    assertThat(event.resultReason()).contains("MOBILE_REQUIRED_BY_ALTERNATE_MOBILE");

    // Graph's way out: move the alternate's number to the mobile, then delete the alternate.
    nina.setPhone(ALICE, PhoneType.MOBILE, "+1 425 555 0124");
    nina.removePhone(ALICE, PhoneType.ALTERNATE_MOBILE);
    assertThat(harness.user("alice").phones()).containsOnlyKeys(PhoneType.MOBILE);
    nina.removePhone(ALICE, PhoneType.MOBILE);
    assertThat(harness.user("alice").phones()).isEmpty();
  }

  @Test
  void alternateAddedWhileConcurrentEditRemovesMobile_ruleCheckedAgainOnTheUserReadAnew() {
    // The directory removes alice's mobile between core's read and its write: the write is stale,
    // core reads alice again and the alternate is refused because the mobile is gone.
    harness.close();
    InMemoryDirectory directory = Harness.directoryOf(StoreChain.fixture().build());
    AtomicBoolean raced = new AtomicBoolean();
    ForwardingDirectoryWriter racing =
        new ForwardingDirectoryWriter(directory) {
          @Override
          public User setPhone(
              UserId user,
              long expectedVersion,
              PhoneType type,
              Optional<PhoneNumber> number,
              AuditEvent event,
              CommitCondition condition) {
            if (raced.compareAndSet(false, true)) {
              User current = directory.findUser(user).orElseThrow();
              directory.putUser(
                  current.toBuilder().phone(PhoneType.MOBILE, Optional.empty()).build());
            }
            return super.setPhone(user, expectedVersion, type, number, event, condition);
          }
        };
    harness = Harness.storeChain(b -> b.directory(directory).directoryWriter(racing));
    StaffSession nina = harness.signIn("nina");

    assertThatThrownBy(() -> nina.setPhone(ALICE, PhoneType.ALTERNATE_MOBILE, "+1 425 555 0125"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(InvalidInputException.Violation::field)
                    .containsExactly("alternateMobile"));
    assertThat(directory.findUser(ALICE).orElseThrow().phones()).isEmpty();
    assertThat(raced).isTrue();
    assertThat(harness.events())
        .last()
        .satisfies(
            e -> {
              assertThat(e.outcome()).isEqualTo(AuditOutcome.FAILED);
              assertThat(e.activity()).isEqualTo(AuditActivity.ADD_PHONE);
              assertThat(e.resultReason()).contains("ALTERNATE_MOBILE_REQUIRES_MOBILE");
            });
  }

  @ParameterizedTest
  @EnumSource(PhoneType.class)
  void invalidNumber_errorNamesThePhoneTypeField(PhoneType type) {
    StaffSession nina = harness.signIn("nina");
    int events = harness.log.size();
    assertThatThrownBy(() -> nina.setPhone(ALICE, type, "+1 425"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(InvalidInputException.Violation::field)
                    .containsExactly(type.graphName()));
    assertThat(harness.log.size()).isEqualTo(events);
  }

  @Test
  void niueSevenDigitNumber_accepted() {
    PhoneChange change = harness.signIn("nina").setPhone(ALICE, PhoneType.OFFICE, "+683 4002");
    assertThat(change.current()).contains(PhoneNumber.of("+6834002"));
    assertThat(change(harness.events(change.correlationId()).get(0)))
        .isEqualTo(
            ModifiedProperty.of("officePhoneNumber", Optional.empty(), Optional.of("+683 4002")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"+1 900 234 5678", "+41 840 123 456", "+870 301 234 567"})
  void premiumRateNumber_refused(String raw) {
    StaffSession nina = harness.signIn("nina");
    User before = harness.user("alice");
    int events = harness.log.size();
    assertThatThrownBy(() -> nina.setPhone(ALICE, PhoneType.OFFICE, raw))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.violations())
                  .extracting(InvalidInputException.Violation::field)
                  .containsExactly("office");
              assertThat(e.violations().get(0).reason())
                  .matches("is a (premium-rate|shared-cost|satellite phone) number, .*");
            });
    assertThat(harness.user("alice")).isEqualTo(before);
    assertThat(harness.log.size()).isEqualTo(events);
  }

  @Test
  void premiumRateNumber_acceptedWhenTheSettingsAllowIt() {
    harness.close();
    harness =
        Harness.storeChain(
            b ->
                b.settings(
                    MyStaffSettings.builder()
                        .allowedPhoneNumberKinds(
                            EnumSet.of(PhoneNumberKind.PREMIUM_RATE, PhoneNumberKind.MOBILE))
                        .build()));
    assertThat(harness.signIn("nina").setPhone(BOB, PhoneType.OFFICE, "+1 900 234 5678").current())
        .contains(PhoneNumber.of("+19002345678"));
  }

  @Test
  void setPhone_nationalNumberWithDefaultRegion_readInThatRegion() {
    harness.close();
    harness =
        Harness.storeChain(
            b ->
                b.settings(
                    MyStaffSettings.builder().defaultPhoneRegion(Optional.of("US")).build()));
    PhoneChange change = harness.signIn("nina").setPhone(BOB, PhoneType.MOBILE, "(425) 555-0199");
    assertThat(change.current()).contains(PhoneNumber.of("+14255550199"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "call me maybe",
        "(425) 555-0199",
        "+1 425",
        "+1 425 555 0199 555 0199 555"
      })
  void setPhone_invalidNumber_rejectedNothingChangedNoEvent(String raw) {
    StaffSession nina = harness.signIn("nina");
    User before = harness.user("bob");
    int events = harness.log.size();

    assertThatThrownBy(() -> nina.setPhone(BOB, PhoneType.MOBILE, raw))
        .isInstanceOf(InvalidInputException.class);

    assertThat(harness.user("bob")).isEqualTo(before);
    assertThat(harness.log.size()).isEqualTo(events);
  }

  @Test
  void setPhone_missingArguments_rejected() {
    StaffSession nina = harness.signIn("nina");
    assertThatThrownBy(() -> nina.setPhone(null, PhoneType.MOBILE, "+14255550100"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> nina.setPhone(BOB, null, "+14255550100"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> nina.setPhone(BOB, PhoneType.MOBILE, null))
        .isInstanceOf(InvalidInputException.class);
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
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
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
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> assertThat(e.reason()).isEqualTo(DenyReason.ROLE_LACKS_PERMISSION));
  }
}
