package io.mystaff.jackson;

import static io.mystaff.api.authz.BuiltInRole.AUTHENTICATION_ADMINISTRATOR;
import static io.mystaff.api.authz.BuiltInRole.HELPDESK_ADMINISTRATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.AssignmentId;
import io.mystaff.api.CorrelationId;
import io.mystaff.api.GroupId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.Page;
import io.mystaff.api.PageRequest;
import io.mystaff.api.RoleId;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.access.SignInContext;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.authz.AccessDeniedException;
import io.mystaff.api.authz.DenyReason;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.directory.User;
import io.mystaff.api.password.Secret;
import io.mystaff.api.password.WritebackFailure;
import io.mystaff.api.password.WritebackResult;
import io.mystaff.core.Location;
import io.mystaff.core.MyStaff;
import io.mystaff.core.MyStaffSettings;
import io.mystaff.core.PasswordResetResult;
import io.mystaff.core.PhoneChange;
import io.mystaff.core.RateLimit;
import io.mystaff.core.StaffMember;
import io.mystaff.core.StaffSession;
import io.mystaff.core.UnitSearchResult;
import io.mystaff.core.UserProfile;
import io.mystaff.inmemory.InMemoryAuditLog;
import io.mystaff.inmemory.InMemoryDirectory;
import io.mystaff.jackson.audit.AuditJson;
import io.mystaff.testkit.fakes.ScriptableWriteback;
import io.mystaff.testkit.fixtures.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MyStaffJacksonModuleTest {
  private static final JsonMapper MAPPER =
      JsonMapper.builder().addModule(new MyStaffJacksonModule()).build();
  private static final JsonMapper PLAIN = JsonMapper.builder().build();

  private InMemoryDirectory directory;
  private InMemoryAuditLog audit;
  private ScriptableWriteback writeback;
  private MyStaff myStaff;

  @BeforeEach
  void setUp() {
    directory =
        Fixtures.inMemoryDirectory(
            Fixtures.tenant()
                .unit("north", "North Store")
                .unit("south", "South Store")
                .cloudUser(
                    "ann",
                    u ->
                        u.in("north")
                            .phone(PhoneType.MOBILE, "+14255550155")
                            .attribute("department", "Sales"))
                .syncedUser("carl", "carl", u -> u.in("north"))
                .cloudUser("zed", u -> u.in("south"))
                .admin("nina", AUTHENTICATION_ADMINISTRATOR, "north")
                .admin("hal", HELPDESK_ADMINISTRATOR, "north")
                .build());
    audit = new InMemoryAuditLog();
    writeback = ScriptableWriteback.synchronous();
    myStaff =
        MyStaff.builder()
            .directory(directory)
            .directoryWriter(directory)
            .auditSink(audit)
            .auditRelay(Runnable::run)
            .passwordWriteback(writeback)
            .settings(
                MyStaffSettings.builder()
                    .managerChosenPasswordsForCloudUsers(true)
                    .defaultPhoneRegion(Optional.of("US"))
                    .resetLimit(RateLimit.unlimited())
                    .phoneChangeLimit(RateLimit.unlimited())
                    .build())
            .build();
  }

  @AfterEach
  void tearDown() {
    myStaff.close();
  }

  private StaffSession signIn(String manager) {
    return myStaff.signIn(SignInContext.of(UserId.of(manager), true));
  }

  private static JsonNode tree(Object value) {
    return PLAIN.readTree(MAPPER.writeValueAsString(value));
  }

  // ---- identifiers, phone numbers, paging: read and written ----

  static Stream<Arguments> ids() {
    return Stream.of(
        Arguments.of(UserId.of("0b6a3c2e-1111"), UserId.class, "user id"),
        Arguments.of(UnitId.of("north"), UnitId.class, "administrative-unit id"),
        Arguments.of(GroupId.of("g-1"), GroupId.class, "group id"),
        Arguments.of(RoleId.of("729827e3-9c14"), RoleId.class, "role-definition id"),
        Arguments.of(AssignmentId.of("a/1"), AssignmentId.class, "role-assignment id"),
        Arguments.of(CorrelationId.of("d2b6e6a0"), CorrelationId.class, "correlation id"));
  }

  @ParameterizedTest
  @MethodSource("ids")
  void id_writtenAsPlainString_readsBackEqual(Object id, Class<?> type, String field) {
    String json = MAPPER.writeValueAsString(id);
    assertThat(PLAIN.readTree(json).isString()).isTrue();
    assertThat(MAPPER.readValue(json, type)).isEqualTo(id);
  }

  @ParameterizedTest
  @MethodSource("ids")
  void id_invalidOrNotAString_typedErrorNamingFieldNotValue(
      Object id, Class<?> type, String field) {
    assertThatThrownBy(() -> MAPPER.readValue("\"SECRET\\u202Eid\"", type))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.violations())
                  .extracting(InvalidInputException.Violation::field)
                  .containsExactly(field);
              assertThat(e.getMessage()).doesNotContain("SECRET");
            });
    assertThatThrownBy(() -> MAPPER.readValue("42", type))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .containsExactly(
                        new InvalidInputException.Violation(field, "must be a JSON string")));
  }

  @Test
  void id_insideAHostRecord_roundTrips() {
    record Body(UserId user, PhoneNumber phone, PageRequest page) {}
    Body body =
        new Body(
            UserId.of("ann"), PhoneNumber.of("+14255550100", "12"), PageRequest.after("c1", 5));
    String json = MAPPER.writeValueAsString(body);
    assertThat(json)
        .isEqualTo(
            "{\"user\":\"ann\",\"phone\":\"+1 4255550100x12\",\"page\":{\"size\":5,\"cursor\":\"c1\"}}");
    assertThat(MAPPER.readValue(json, Body.class)).isEqualTo(body);
  }

  @Test
  void id_badValueInsideAHostRecord_causeIsTheTypedError() {
    record Body(UserId user) {}
    assertThatThrownBy(() -> MAPPER.readValue("{\"user\":\" \"}", Body.class))
        .isInstanceOf(JacksonException.class)
        .hasCauseInstanceOf(InvalidInputException.class);
  }

  @Test
  void phoneNumber_writtenInGraphFormat() {
    assertThat(MAPPER.writeValueAsString(PhoneNumber.of("+14255550100")))
        .isEqualTo("\"+1 4255550100\"");
    assertThat(MAPPER.writeValueAsString(PhoneNumber.of("+442071838750", "123")))
        .isEqualTo("\"+44 2071838750x123\"");
    assertThat(MAPPER.writeValueAsString(PhoneNumber.of("+6834002"))).isEqualTo("\"+683 4002\"");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"+14255550100", "+442071838750", "+6834002", "+8821612345678", "+999123456"})
  void phoneNumber_roundTrips_withAndWithoutExtension(String e164) {
    for (PhoneNumber number :
        List.of(
            PhoneNumber.of(e164), PhoneNumber.of(e164, "7"), PhoneNumber.of(e164, "1234567890"))) {
      assertThat(MAPPER.readValue(MAPPER.writeValueAsString(number), PhoneNumber.class))
          .isEqualTo(number);
    }
  }

  @Test
  void phoneNumber_readsGraphFormatAndE164() {
    assertThat(MAPPER.readValue("\"+1 4255550100\"", PhoneNumber.class))
        .isEqualTo(PhoneNumber.of("+14255550100"));
    assertThat(MAPPER.readValue("\"+14255550100x9\"", PhoneNumber.class))
        .isEqualTo(PhoneNumber.of("+14255550100", "9"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"(425) 555-0100\"",
        "\"+1  4255550100\"",
        "\"+0 123\"",
        "\"+1 425x\"",
        "\"+1 4255550100x12345678901\"",
        "\"+1234567890123456\"",
        "\"\"",
        "\"+1 42555501OO\"",
        "1"
      })
  void phoneNumber_notInGraphFormOrE164_typedErrorNamingThePhoneNumber(String json) {
    assertThatThrownBy(() -> MAPPER.readValue(json, PhoneNumber.class))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.violations())
                  .extracting(InvalidInputException.Violation::field)
                  .first()
                  .asString()
                  .startsWith("phone");
              String raw = json.replace("\"", "");
              if (raw.length() > 3) {
                assertThat(e.getMessage()).doesNotContain(raw);
              }
            });
  }

  @Test
  void pageRequest_roundTrips_cursorLeftOutWhenAbsent() {
    assertThat(MAPPER.writeValueAsString(PageRequest.first(25))).isEqualTo("{\"size\":25}");
    for (PageRequest page :
        List.of(
            PageRequest.first(1),
            PageRequest.first(PageRequest.MAX_SIZE),
            PageRequest.after("abc", 7))) {
      assertThat(MAPPER.readValue(MAPPER.writeValueAsString(page), PageRequest.class))
          .isEqualTo(page);
    }
    assertThat(MAPPER.readValue("{\"size\":3,\"cursor\":null}", PageRequest.class))
        .isEqualTo(PageRequest.first(3));
  }

  static Stream<Arguments> badPageRequests() {
    return Stream.of(
        Arguments.of("{\"size\":0}", "page size"),
        Arguments.of("{\"size\":1001}", "page size"),
        Arguments.of("{\"size\":\"25\"}", "page size"),
        Arguments.of("{\"size\":2.5}", "page size"),
        Arguments.of("{}", "page size"),
        Arguments.of("{\"size\":5,\"cursor\":\"\"}", "page cursor"),
        Arguments.of("{\"size\":5,\"cursor\":7}", "page cursor"),
        Arguments.of("{\"size\":5,\"limit\":7}", "page request"),
        Arguments.of("[5]", "page request"));
  }

  @ParameterizedTest
  @MethodSource("badPageRequests")
  void pageRequest_bad_typedErrorNamingTheField(String json, String field) {
    assertThatThrownBy(() -> MAPPER.readValue(json, PageRequest.class))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(InvalidInputException.Violation::field)
                    .containsExactly(field));
  }

  // ---- directory values ----

  @Test
  void user_profileViewWithVersion_noPhonesNoPassword() {
    User ann = directory.findUser(UserId.of("ann")).orElseThrow();
    JsonNode json = tree(ann);
    assertThat(json.get("id").stringValue()).isEqualTo("ann");
    assertThat(json.get("userPrincipalName").stringValue()).isEqualTo(ann.userPrincipalName());
    assertThat(json.get("displayName").stringValue()).isEqualTo(ann.displayName());
    assertThat(json.get("userType").stringValue()).isEqualTo("Member");
    assertThat(json.get("source").stringValue()).isEqualTo("CLOUD_ONLY");
    assertThat(json.get("accountEnabled").booleanValue()).isTrue();
    assertThat(json.get("attributes").get("department").stringValue()).isEqualTo("Sales");
    assertThat(json.get("version").longValue()).isEqualTo(ann.version());
    assertThat(json.has("phones")).isFalse();
    assertThat(json.toString())
        .doesNotContain("4255550155")
        .doesNotContainIgnoringCase("password\"");
    User carl = directory.findUser(UserId.of("carl")).orElseThrow();
    assertThat(tree(carl).get("onPremisesSamAccountName").stringValue()).isEqualTo("carl");
  }

  @Test
  void administrativeUnitAndLocation_writtenWithTheirFields() {
    AdministrativeUnit dynamic =
        new AdministrativeUnit(
            UnitId.of("d1"),
            "Sales",
            Optional.of("all of sales"),
            io.mystaff.api.directory.MembershipType.DYNAMIC,
            Optional.of("user.department -eq \"Sales\""),
            true);
    assertThat(MAPPER.writeValueAsString(dynamic))
        .isEqualTo(
            "{\"id\":\"d1\",\"displayName\":\"Sales\","
                + "\"description\":\"all of sales\",\"membershipType\":\"DYNAMIC\","
                + "\"membershipRule\":\"user.department -eq \\\"Sales\\\"\",\"restrictedManagement\":true}");
    AdministrativeUnit north = AdministrativeUnit.assigned(UnitId.of("north"), "North");
    assertThat(MAPPER.writeValueAsString(Location.of(north)))
        .isEqualTo(
            "{\"type\":\"unit\",\"displayName\":\"North\","
                + "\"unit\":{\"id\":\"north\",\"displayName\":\"North\",\"membershipType\":\"ASSIGNED\",\"restrictedManagement\":false}}");
    JsonNode whole = tree(Location.wholeOrganization());
    assertThat(whole.get("type").stringValue()).isEqualTo("wholeOrganization");
    assertThat(whole.get("displayName").stringValue())
        .isEqualTo(Location.wholeOrganization().displayName());
  }

  // ---- results of a session ----

  @Test
  void membersPage_itemsWithSummariesAndActions() {
    StaffSession nina = signIn("nina");
    Page<StaffMember> page =
        nina.members(nina.singleLocation().orElseThrow(), PageRequest.first(1));
    JsonNode json = tree(page);
    assertThat(json.get("items")).hasSize(1);
    JsonNode first = json.get("items").get(0);
    StaffMember member = page.items().get(0);
    assertThat(first.get("user").get("id").stringValue()).isEqualTo(member.user().id().value());
    assertThat(first.get("user").get("source").stringValue())
        .isEqualTo(member.user().source().name());
    assertThat(first.get("canManage").booleanValue()).isEqualTo(member.canManage());
    List<String> actions = new ArrayList<>();
    first.get("allowedActions").forEach(a -> actions.add(a.stringValue()));
    assertThat(actions)
        .containsExactlyInAnyOrderElementsOf(
            member.allowedActions().stream().map(Enum::name).toList());
    assertThat(json.get("nextCursor").stringValue()).isEqualTo(page.nextCursor().orElseThrow());
  }

  @Test
  void searchResults_carryTheDenyReasonOfEveryDeniedAction() {
    Page<StaffMember> page = signIn("nina").searchUsers("nina", PageRequest.first(10));
    JsonNode json = tree(page);
    assertThat(page.items()).isNotEmpty();
    int denied = 0;
    for (int i = 0; i < page.items().size(); i++) {
      StaffMember member = page.items().get(i);
      JsonNode reasons = json.get("items").get(i).get("denyReasons");
      for (StaffAction action : StaffAction.values()) {
        assertThat(reasons.has(action.name())).as("%s", action).isEqualTo(!member.may(action));
        if (!member.may(action)) {
          denied++;
          DenyReason reason = member.denyReason(action).orElseThrow();
          assertThat(reasons.get(action.name()).get("code").stringValue()).isEqualTo(reason.name());
          assertThat(reasons.get(action.name()).get("message").stringValue())
              .isEqualTo(reason.message());
        }
      }
    }
    assertThat(denied).as("nina cannot change herself").isPositive();
  }

  @Test
  void unitSearchResult_unitActionsAndCanManage() {
    Page<UnitSearchResult> page = signIn("nina").searchUnits("North", PageRequest.first(10));
    JsonNode json = tree(page);
    assertThat(json.has("nextCursor")).isFalse();
    JsonNode first = json.get("items").get(0);
    assertThat(first.get("unit").get("id").stringValue()).isEqualTo("north");
    assertThat(first.get("canManage").booleanValue()).isTrue();
  }

  @Test
  void profile_phonesWholeOnlyForAManagerWhoMayManagePhones() {
    UserProfile whole = signIn("nina").profile(UserId.of("ann"));
    JsonNode json = tree(whole);
    assertThat(json.get("phonesMasked").booleanValue()).isFalse();
    assertThat(json.get("phones").get("mobile").toString())
        .isEqualTo("{\"masked\":false,\"display\":\"+14255550155\",\"number\":\"+1 4255550155\"}");
    assertThat(json.get("user").get("version").longValue()).isEqualTo(whole.user().version());
    assertThat(json.get("units").get(0).get("id").stringValue()).isEqualTo("north");

    UserProfile masked = signIn("hal").profile(UserId.of("ann"));
    JsonNode maskedJson = tree(masked);
    assertThat(maskedJson.get("phonesMasked").booleanValue()).isTrue();
    assertThat(maskedJson.get("phones").get("mobile").toString())
        .isEqualTo(
            "{\"masked\":true,\"display\":\"\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u202255\"}");
    assertThat(maskedJson.toString()).doesNotContain("42555501");
  }

  @Test
  void phoneChange_previousAndCurrentInGraphFormat() {
    PhoneChange change =
        signIn("nina").setPhone(UserId.of("ann"), PhoneType.MOBILE, "(206) 555-0143");
    assertThat(MAPPER.writeValueAsString(change))
        .isEqualTo(
            "{\"user\":\"ann\",\"type\":\"mobile\","
                + "\"previous\":\"+1 4255550155\",\"current\":\"+1 2065550143\",\"correlationId\":\""
                + change.correlationId().value()
                + "\"}");
    PhoneChange removal = signIn("nina").removePhone(UserId.of("ann"), PhoneType.MOBILE);
    JsonNode json = tree(removal);
    assertThat(json.has("current")).isFalse();
    assertThat(json.get("previous").stringValue()).isEqualTo("+1 2065550143");
  }

  @Test
  void temporaryPassword_typeIdWithoutThePassword_stillRevealableOnce() {
    PasswordResetResult reset = signIn("nina").resetPassword(UserId.of("ann"));
    PasswordResetResult.TemporaryPassword temporary = (PasswordResetResult.TemporaryPassword) reset;
    String json = MAPPER.writeValueAsString(reset);
    assertThat(json)
        .isEqualTo(
            "{\"type\":\"temporaryPassword\",\"user\":\"ann\",\"correlationId\":\""
                + reset.correlationId().value()
                + "\"}");
    assertThat(temporary.password().isSpent()).isFalse();
    String password = temporary.password().reveal();
    assertThat(json).doesNotContain(password);
  }

  @Test
  void passwordSet_typeId() {
    PasswordResetResult reset =
        signIn("nina").resetPassword(UserId.of("ann"), Secret.of("Corr3ct-Horse-Battery!"));
    assertThat(tree(reset).get("type").stringValue()).isEqualTo("passwordSet");
    assertThat(MAPPER.writeValueAsString(reset)).doesNotContain("Horse");
  }

  @Test
  void writebackPending_typeIdWithProgressAndResult() {
    writeback.script(ScriptableWriteback.Outcome.fail(WritebackFailure.POLICY_VIOLATION));
    PasswordResetResult reset =
        signIn("nina").resetPassword(UserId.of("carl"), Secret.of("Corr3ct-Horse-Battery!"));
    PasswordResetResult.WritebackPending pending = (PasswordResetResult.WritebackPending) reset;
    pending.writeback().completion().toCompletableFuture().join();
    JsonNode json = tree(reset);
    assertThat(json.get("type").stringValue()).isEqualTo("writebackPending");
    assertThat(json.get("user").stringValue()).isEqualTo("carl");
    JsonNode handle = json.get("writeback");
    assertThat(handle.get("status").stringValue()).isEqualTo("FAILED");
    assertThat(handle.get("progress").toString())
        .isEqualTo("[\"SUBMITTED\",\"IN_PROGRESS\",\"FAILED\"]");
    assertThat(handle.get("result").toString())
        .isEqualTo(
            "{\"status\":\"FAILED\",\"failure\":\"POLICY_VIOLATION\",\"message\":\""
                + WritebackFailure.POLICY_VIOLATION.message()
                + "\"}");
    assertThat(json.toString()).doesNotContain("Horse");
  }

  @Test
  void writebackResult_successHasOnlyItsStatus() {
    assertThat(MAPPER.writeValueAsString(WritebackResult.succeeded()))
        .isEqualTo("{\"status\":\"SUCCEEDED\"}");
  }

  // ---- errors ----

  @Test
  void accessDenied_codeReasonAndMessage() {
    AccessDeniedException denied =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            AccessDeniedException.class, () -> signIn("nina").resetPassword(UserId.of("zed")));
    assertThat(MAPPER.writeValueAsString(denied))
        .isEqualTo(
            "{\"code\":\"ACCESS_DENIED\",\"reason\":\""
                + denied.reason().name()
                + "\",\"message\":\""
                + denied.reason().message()
                + "\"}");
  }

  @Test
  void invalidInput_codeMessageAndViolations() {
    InvalidInputException invalid =
        new InvalidInputException(
            List.of(
                new InvalidInputException.Violation("mobile", "is not a valid number"),
                new InvalidInputException.Violation("page size", "must be between 1 and 1000")));
    JsonNode json = tree(invalid);
    assertThat(json.get("code").stringValue()).isEqualTo("INVALID_INPUT");
    assertThat(json.get("message").stringValue()).isEqualTo(invalid.getMessage());
    assertThat(json.get("violations").toString())
        .isEqualTo(
            "[{\"field\":\"mobile\",\"reason\":\"is not a valid number\"},"
                + "{\"field\":\"page size\",\"reason\":\"must be between 1 and 1000\"}]");
    assertThat(json.has("stackTrace")).isFalse();
    assertThat(json.has("cause")).isFalse();
  }

  // ---- audit events ----

  @Test
  void auditEvent_sameAsTheGraphCodec_andReadsBack() {
    signIn("nina").resetPassword(UserId.of("ann"));
    List<AuditEvent> events = audit.all();
    assertThat(events).isNotEmpty();
    for (AuditEvent event : events) {
      String json = MAPPER.writeValueAsString(event);
      assertThat(json).isEqualTo(AuditJson.standard().write(event));
      assertThat(MAPPER.readValue(json, AuditEvent.class)).isEqualTo(event);
    }
  }

  @Test
  void auditEvent_malformed_typedError() {
    assertThatThrownBy(() -> MAPPER.readValue("{\"id\":\"x\"}", AuditEvent.class))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> MAPPER.readValue("[]", AuditEvent.class))
        .isInstanceOf(InvalidInputException.class);
  }

  // ---- secrets ----

  @Test
  void secret_neverSerialized_failsLoudlyWithoutTheValue() {
    Secret secret = Secret.of("Tr0ub4dor&3-SECRET");
    assertThatThrownBy(() -> MAPPER.writeValueAsString(secret))
        .isInstanceOf(JacksonException.class)
        .hasMessageContaining("Secret is never serialized")
        .message()
        .doesNotContain("Tr0ub4dor");
    record Form(UserId user, Secret password) {}
    assertThatThrownBy(() -> MAPPER.writeValueAsString(new Form(UserId.of("ann"), secret)))
        .isInstanceOf(JacksonException.class)
        .message()
        .doesNotContain("Tr0ub4dor");
    assertThat(secret.reveal()).isEqualTo("Tr0ub4dor&3-SECRET");
  }

  @Test
  void oneTimeSecret_neverSerialized_andNotSpentByTheAttempt() {
    PasswordResetResult.TemporaryPassword temporary =
        (PasswordResetResult.TemporaryPassword) signIn("nina").resetPassword(UserId.of("ann"));
    assertThatThrownBy(() -> MAPPER.writeValueAsString(temporary.password()))
        .isInstanceOf(JacksonException.class)
        .hasMessageContaining("OneTimeSecret is never serialized");
    String password = temporary.password().reveal();
    assertThatThrownBy(() -> MAPPER.writeValueAsString(List.of(temporary.password())))
        .isInstanceOf(JacksonException.class)
        .message()
        .doesNotContain(password);
  }

  /**
   * Every result of many resets, phone changes, profiles, listings and denials, as JSON, holds no
   * password the session produced or was given, nor an eight-character piece of one.
   */
  @Test
  void results_scannedForSecrets_noneFound() {
    List<String> outputs = new ArrayList<>();
    List<String> secrets = new ArrayList<>();
    StaffSession nina = signIn("nina");
    Function<Object, String> json = MAPPER::writeValueAsString;
    for (int i = 0; i < 20; i++) {
      PasswordResetResult temp = nina.resetPassword(UserId.of("ann"));
      outputs.add(json.apply(temp));
      secrets.add(((PasswordResetResult.TemporaryPassword) temp).password().reveal());
      String chosen = "Chosen-Passw0rd-" + i + "-xQ";
      secrets.add(chosen);
      outputs.add(json.apply(nina.resetPassword(UserId.of("ann"), Secret.of(chosen))));
      String synced = "Synced-Passw0rd-" + i + "-zK";
      secrets.add(synced);
      if (i % 2 == 0) {
        writeback.script(ScriptableWriteback.Outcome.fail(WritebackFailure.values()[i % 5]));
      }
      PasswordResetResult pending = nina.resetPassword(UserId.of("carl"), Secret.of(synced));
      ((PasswordResetResult.WritebackPending) pending)
          .writeback()
          .completion()
          .toCompletableFuture()
          .join();
      outputs.add(json.apply(pending));
      outputs.add(
          json.apply(
              nina.setPhone(UserId.of("ann"), PhoneType.OFFICE, "+1 206 555 01" + (10 + i))));
      outputs.add(json.apply(nina.profile(UserId.of("ann"))));
      outputs.add(
          json.apply(nina.members(nina.singleLocation().orElseThrow(), PageRequest.first(10))));
      try {
        nina.resetPassword(UserId.of("zed"), Secret.of(synced + "-denied"));
      } catch (AccessDeniedException e) {
        outputs.add(json.apply(e));
      }
      try {
        nina.resetPassword(UserId.of("ann"), Secret.of("short" + i));
      } catch (io.mystaff.api.MyStaffException e) {
        secrets.add("short" + i);
        outputs.add(json.apply(e));
      }
    }
    audit.all().forEach(e -> outputs.add(json.apply(e)));
    assertThat(outputs).hasSizeGreaterThan(150);
    for (String secret : secrets) {
      assertThat(outputs).as("a secret").noneMatch(o -> o.contains(secret));
      for (int at = 0; at + 8 <= secret.length(); at++) {
        String piece = secret.substring(at, at + 8);
        assertThat(outputs).as("a piece of a secret").noneMatch(o -> o.contains(piece));
      }
    }
  }
}
