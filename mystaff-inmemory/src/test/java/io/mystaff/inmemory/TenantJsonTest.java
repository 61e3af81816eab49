package io.mystaff.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.AssignmentId;
import io.mystaff.api.GroupId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.InvalidInputException.Violation;
import io.mystaff.api.PageRequest;
import io.mystaff.api.RoleId;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.authz.BuiltInRole;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.Scope;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.directory.User;
import io.mystaff.api.directory.UserType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TenantJsonTest {
  private static String document() {
    try (InputStream in = TenantJsonTest.class.getResourceAsStream("tenant.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InMemoryDirectory load(String json) {
    return InMemoryDirectory.builder()
        .passwordHashIterations(1)
        .load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)))
        .build();
  }

  private static List<Violation> violations(String json) {
    try {
      TenantJson.parse(json);
    } catch (InvalidInputException e) {
      return e.violations();
    }
    throw new AssertionError("accepted: " + json);
  }

  /** A minimal valid document with {@code extra} spliced in at the top level. */
  private static String doc(String extra) {
    return "{\"formatVersion\": 1" + (extra.isEmpty() ? "" : ", " + extra) + "}";
  }

  private static final String ANA =
      "{\"id\": \"ana\", \"userPrincipalName\": \"ana@shop.example\","
          + " \"displayName\": \"Ana\"}";

  @Test
  void load_everyFeature_directoryHoldsWhatTheDocumentSays() {
    InMemoryDirectory d = load(document());

    User ana = d.findUser(UserId.of("ana")).orElseThrow();
    assertThat(ana.isSynced()).isFalse();
    assertThat(ana.attribute("jobTitle")).contains("Cashier");
    assertThat(ana.phone(PhoneType.MOBILE)).contains(PhoneNumber.of("+14255550101"));
    assertThat(ana.phone(PhoneType.OFFICE)).contains(PhoneNumber.of("+14255550199", "12"));
    assertThat(ana.groups()).containsExactly(GroupId.of("g-pilot"));
    User ben = d.findUser(UserId.of("ben")).orElseThrow();
    assertThat(ben.isSynced()).isTrue();
    assertThat(ben.onPremisesSamAccountName()).contains("bng");
    User cy = d.findUser(UserId.of("cy")).orElseThrow();
    assertThat(cy.accountEnabled()).isFalse();
    assertThat(cy.forceChangePasswordNextSignIn()).isTrue();

    assertThat(d.findUnit(UnitId.of("store-12")).orElseThrow().description()).contains("Downtown");
    assertThat(d.findUnit(UnitId.of("office")).orElseThrow().restrictedManagement()).isTrue();
    assertThat(d.members(UnitId.of("store-12"), PageRequest.first(10)).items())
        .extracting(u -> u.id().value())
        .containsExactly("ana", "ben");
    assertThat(d.members(UnitId.of("dept-12"), PageRequest.first(10)).items())
        .as("dynamic unit: the rule decides")
        .extracting(u -> u.id().value())
        .containsExactly("ana", "ben");

    assertThat(d.assignmentsOf(UserId.of("mia")))
        .containsExactly(
            RoleAssignment.of(
                AssignmentId.of("a1"),
                UserId.of("mia"),
                BuiltInRole.AUTHENTICATION_ADMINISTRATOR,
                Scope.unit(UnitId.of("store-12"))),
            RoleAssignment.of(
                    AssignmentId.of("assignment-2"),
                    UserId.of("mia"),
                    BuiltInRole.PASSWORD_ADMINISTRATOR,
                    Scope.unit(UnitId.of("dept-12")))
                .during(
                    Instant.parse("2025-03-01T00:00:00Z"), Instant.parse("2025-04-01T00:00:00Z")));
    assertThat(d.assignmentsOf(UserId.of("gus")))
        .singleElement()
        .satisfies(
            a -> assertThat(a.role()).isEqualTo(BuiltInRole.HELPDESK_ADMINISTRATOR.templateId()))
        .satisfies(a -> assertThat(a.scope()).isEqualTo(Scope.tenant()));
    assertThat(d.roles().find(RoleId.of("phone-helper")).orElseThrow().allowedResourceActions())
        .containsExactly("microsoft.directory/users/authenticationMethods/basic/update");
    assertThat(d.assignmentsOf(UserId.of("ana")))
        .singleElement()
        .satisfies(a -> assertThat(a.role()).isEqualTo(RoleId.of("phone-helper")));
    assertThat(d.isRoleAssignableGroupMember(UserId.of("gus"))).isTrue();
    assertThat(d.isRoleAssignableGroupMember(UserId.of("mia"))).isFalse();
  }

  @Test
  void load_fromAFile_sameAsFromAStream(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("tenant.json");
    Files.writeString(file, document());
    InMemoryDirectory fromFile = InMemoryDirectory.builder().load(file).build();
    InMemoryDirectory fromStream = load(document());
    assertThat(fromFile.allUsers(PageRequest.first(100)).items())
        .extracting(User::id)
        .isEqualTo(
            fromStream.allUsers(PageRequest.first(100)).items().stream().map(User::id).toList());
  }

  @Test
  void load_missingFile_typedErrorNamingTheFile(@TempDir Path dir) {
    Path missing = dir.resolve("nope.json");
    assertThatThrownBy(() -> InMemoryDirectory.builder().load(missing))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(v -> assertThat(v.reason()).contains("nope.json")));
  }

  @Test
  void roundTrip_readWriteRead_equalValueAndStableText() {
    TenantJson first = TenantJson.parse(document());
    String written = first.toJson();
    TenantJson second = TenantJson.parse(written);

    assertThat(second).isEqualTo(first);
    assertThat(second.toJson()).isEqualTo(written);
    assertThat(written)
        .contains("\"role\" : \"Password Administrator\"")
        .doesNotContain("accountEnabled\" : true");
  }

  @Test
  void roundTrip_builtFromValues_readsBackEqual() {
    User user =
        User.builder()
            .id(UserId.of("zed"))
            .userPrincipalName("zed@shop.example")
            .displayName("Zed")
            .attribute("city", "Oslo")
            .phone(PhoneType.ALTERNATE_MOBILE, PhoneNumber.of("+4791234567"))
            .build();
    AdministrativeUnit unit =
        AdministrativeUnit.dynamic(UnitId.of("oslo"), "Oslo", "user.city -eq \"Oslo\"")
            .withRestrictedManagement(true);
    TenantJson tenant =
        new TenantJson(
            List.of(user),
            List.of(unit),
            Map.of(),
            List.of(),
            List.of(
                RoleAssignment.of(
                    AssignmentId.of("x"), user.id(), BuiltInRole.GLOBAL_READER, Scope.tenant())),
            Set.of());
    assertThat(TenantJson.parse(tenant.toJson())).isEqualTo(tenant);
  }

  @Test
  void load_groupAndEligibleAssignments_effectiveForMembers() {
    String json =
        doc(
            "\"users\": ["
                + ANA.replace("\"Ana\"}", "\"Ana\", \"groups\": [\"g-admins\"]}")
                + ", "
                + ANA.replace("ana", "bo").replace("\"Ana\"", "\"Bo\"")
                + "],"
                + " \"roleAssignments\": ["
                + "{\"id\": \"g1\", \"principalId\": \"g-admins\", \"principalType\": \"group\","
                + " \"role\": \"Global Administrator\", \"directoryScopeId\": \"/\"},"
                + "{\"id\": \"e1\", \"principalId\": \"bo\", \"role\": \"Privileged Role Administrator\","
                + " \"directoryScopeId\": \"/\", \"kind\": \"eligible\"}]");
    InMemoryDirectory d = load(json);
    RoleAssignment viaGroup =
        RoleAssignment.of(
            AssignmentId.of("g1"),
            GroupId.of("g-admins"),
            BuiltInRole.GLOBAL_ADMINISTRATOR,
            Scope.tenant());
    assertThat(d.assignmentsOf(UserId.of("ana"))).containsExactly(viaGroup);
    assertThat(d.isRoleAssignableGroupMember(UserId.of("ana"))).isTrue();
    assertThat(d.assignmentsOf(UserId.of("bo")))
        .singleElement()
        .satisfies(a -> assertThat(a.isEligible()).isTrue());
    assertThat(d.isRoleAssignableGroupMember(UserId.of("bo"))).isFalse();

    TenantJson read = TenantJson.parse(json);
    String written = read.toJson();
    assertThat(written)
        .contains("\"principalType\" : \"group\"")
        .contains("\"kind\" : \"eligible\"");
    assertThat(TenantJson.parse(written)).isEqualTo(read);
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("not JSON", "{\"formatVersion\": 1,", "$", "well-formed"),
        Arguments.of("trailing content", doc("") + " {}", "$", "well-formed"),
        Arguments.of(
            "repeated field", "{\"formatVersion\": 1, \"formatVersion\": 1}", "$", "repeats"),
        Arguments.of("array at the root", "[]", "$", "object"),
        Arguments.of("empty document", "", "$", "empty"),
        Arguments.of("no version", "{}", "$.formatVersion", "required"),
        Arguments.of("future version", "{\"formatVersion\": 2}", "$.formatVersion", "must be 1"),
        Arguments.of("unknown top-level field", doc("\"tenants\": []"), "$.tenants", "not a field"),
        Arguments.of("users not an array", doc("\"users\": {}"), "$.users", "array"),
        Arguments.of("user not an object", doc("\"users\": [1]"), "$.users[0]", "object"),
        Arguments.of(
            "user without id",
            doc("\"users\": [{\"userPrincipalName\": \"a@b.c\", \"displayName\": \"A\"}]"),
            "$.users[0].id",
            "required"),
        Arguments.of(
            "blank display name",
            doc(
                "\"users\": [{\"id\": \"a\", \"userPrincipalName\": \"a@b.c\","
                    + " \"displayName\": \" \"}]"),
            "$.users[0].displayName",
            "blank"),
        Arguments.of(
            "bad principal name",
            doc(
                "\"users\": [{\"id\": \"a\", \"userPrincipalName\": \"nobody\","
                    + " \"displayName\": \"A\"}]"),
            "$.users[0].userPrincipalName",
            "alias@domain"),
        Arguments.of(
            "id with a space",
            doc(
                "\"users\": [{\"id\": \"a b\", \"userPrincipalName\": \"a@b.c\","
                    + " \"displayName\": \"A\"}]"),
            "$.users[0].id",
            "whitespace"),
        Arguments.of(
            "boolean as string",
            doc(
                "\"users\": [{\"id\": \"a\", \"userPrincipalName\": \"a@b.c\","
                    + " \"displayName\": \"A\", \"accountEnabled\": \"yes\"}]"),
            "$.users[0].accountEnabled",
            "true or false"),
        Arguments.of(
            "bad phone",
            doc(
                "\"users\": [{\"id\": \"a\", \"userPrincipalName\": \"a@b.c\","
                    + " \"displayName\": \"A\", \"phones\": {\"mobile\": \"555-0100\"}}]"),
            "$.users[0].phones.mobile",
            "E.164"),
        Arguments.of(
            "unknown phone type",
            doc(
                "\"users\": [{\"id\": \"a\", \"userPrincipalName\": \"a@b.c\","
                    + " \"displayName\": \"A\", \"phones\": {\"pager\": \"+14255550100\"}}]"),
            "$.users[0].phones.pager",
            "phone type"),
        Arguments.of(
            "attribute not a string",
            doc(
                "\"users\": [{\"id\": \"a\", \"userPrincipalName\": \"a@b.c\","
                    + " \"displayName\": \"A\", \"attributes\": {\"department\": 12}}]"),
            "$.users[0].attributes.department",
            "string"),
        Arguments.of(
            "duplicate user id",
            doc("\"users\": [" + ANA + ", " + ANA.replace("ana@", "ana2@") + "]"),
            "$.users[1].id",
            "repeats"),
        Arguments.of(
            "duplicate principal name ignoring case",
            doc(
                "\"users\": ["
                    + ANA
                    + ", "
                    + ANA.replace("\"ana\"", "\"other\"").replace("ana@", "ANA@")
                    + "]"),
            "$.users[1].userPrincipalName",
            "already used"),
        Arguments.of(
            "unknown member",
            doc(
                "\"units\": [{\"id\": \"s\", \"displayName\": \"S\","
                    + " \"members\": [\"ghost\"]}]"),
            "$.units[0].members[0]",
            "unknown user ghost"),
        Arguments.of(
            "members of a dynamic unit",
            doc(
                "\"users\": ["
                    + ANA
                    + "], \"units\": [{\"id\": \"s\","
                    + " \"displayName\": \"S\", \"membershipType\": \"dynamic\", \"membershipRule\": \"user.city -eq 'X'\","
                    + " \"members\": [\"ana\"]}]"),
            "$.units[0].members",
            "dynamic"),
        Arguments.of(
            "dynamic unit without rule",
            doc(
                "\"units\": [{\"id\": \"s\", \"displayName\": \"S\","
                    + " \"membershipType\": \"dynamic\"}]"),
            "$.units[0].membershipRule",
            "required"),
        Arguments.of(
            "rule without dynamic",
            doc(
                "\"units\": [{\"id\": \"s\", \"displayName\": \"S\","
                    + " \"membershipRule\": \"user.city -eq 'X'\"}]"),
            "$.units[0].membershipType",
            "dynamic"),
        Arguments.of(
            "invalid rule",
            doc(
                "\"units\": [{\"id\": \"s\", \"displayName\": \"S\","
                    + " \"membershipType\": \"dynamic\", \"membershipRule\": \"user.city -equals\"}]"),
            "$.units[0].membershipRule",
            ""),
        Arguments.of(
            "unknown membership type",
            doc(
                "\"units\": [{\"id\": \"s\", \"displayName\": \"S\","
                    + " \"membershipType\": \"static\"}]"),
            "$.units[0].membershipType",
            "assigned or dynamic"),
        Arguments.of(
            "unknown role",
            doc(
                "\"users\": ["
                    + ANA
                    + "], \"roleAssignments\": [{\"principalId\": \"ana\","
                    + " \"role\": \"Store Boss\", \"directoryScopeId\": \"/\"}]"),
            "$.roleAssignments[0].role",
            "neither"),
        Arguments.of(
            "unknown principal",
            doc(
                "\"roleAssignments\": [{\"principalId\": \"ghost\","
                    + " \"role\": \"Helpdesk Administrator\", \"directoryScopeId\": \"/\"}]"),
            "$.roleAssignments[0].principalId",
            "unknown user ghost"),
        Arguments.of(
            "scope missing",
            doc(
                "\"users\": ["
                    + ANA
                    + "], \"roleAssignments\": [{\"principalId\": \"ana\","
                    + " \"role\": \"Helpdesk Administrator\"}]"),
            "$.roleAssignments[0].directoryScopeId",
            "required"),
        Arguments.of(
            "scope malformed",
            doc(
                "\"users\": ["
                    + ANA
                    + "], \"roleAssignments\": [{\"principalId\": \"ana\","
                    + " \"role\": \"Helpdesk Administrator\", \"directoryScopeId\": \"/units/s\"}]"),
            "$.roleAssignments[0].directoryScopeId",
            "administrativeUnits"),
        Arguments.of(
            "scope unit unknown",
            doc(
                "\"users\": ["
                    + ANA
                    + "], \"roleAssignments\": [{\"principalId\":"
                    + " \"ana\", \"role\": \"Helpdesk Administrator\", \"directoryScopeId\": \"/administrativeUnits/s\"}]"),
            "$.roleAssignments[0].directoryScopeId",
            "unknown unit s"),
        Arguments.of(
            "end before start",
            doc(
                "\"users\": ["
                    + ANA
                    + "], \"roleAssignments\": [{\"principalId\": \"ana\","
                    + " \"role\": \"Helpdesk Administrator\", \"directoryScopeId\": \"/\", \"start\": \"2025-02-01T00:00:00Z\","
                    + " \"end\": \"2025-01-01T00:00:00Z\"}]"),
            "$.roleAssignments[0].end",
            "after start"),
        Arguments.of(
            "bad instant",
            doc(
                "\"users\": ["
                    + ANA
                    + "], \"roleAssignments\": [{\"principalId\": \"ana\","
                    + " \"role\": \"Helpdesk Administrator\", \"directoryScopeId\": \"/\", \"start\": \"yesterday\"}]"),
            "$.roleAssignments[0].start",
            "ISO-8601"),
        Arguments.of(
            "custom role reusing a built-in name",
            doc(
                "\"customRoles\": [{\"id\": \"r\","
                    + " \"displayName\": \"helpdesk administrator\", \"allowedResourceActions\": []}]"),
            "$.customRoles[0].displayName",
            "another role"),
        Arguments.of(
            "custom role with a built-in template id",
            doc(
                "\"customRoles\": [{\"id\":"
                    + " \"729827e3-9c14-49f7-bb1b-9608f156bbb8\", \"displayName\": \"Mine\"}]"),
            "$.customRoles[0].id",
            "built-in"),
        Arguments.of(
            "unknown role-assignable member",
            doc("\"roleAssignableGroupMembers\": [\"ghost\"]"),
            "$.roleAssignableGroupMembers[0]",
            "unknown user ghost"),
        Arguments.of(
            "globalAdminScopedToUnitRejected",
            doc(
                "\"users\": ["
                    + ANA
                    + "], \"units\": [{\"id\": \"s\","
                    + " \"displayName\": \"S\"}], \"roleAssignments\": [{\"principalId\": \"ana\","
                    + " \"role\": \"Global Administrator\", \"directoryScopeId\": \"/administrativeUnits/s\"}]"),
            "$.roleAssignments[0].directoryScopeId",
            "not allow this role at administrative-unit scope"),
        Arguments.of(
            "custom role without user permission scoped to unit",
            doc(
                "\"users\": ["
                    + ANA
                    + "],"
                    + " \"units\": [{\"id\": \"s\", \"displayName\": \"S\"}], \"customRoles\": [{\"id\": \"apps\","
                    + " \"displayName\": \"Apps\", \"allowedResourceActions\": [\"microsoft.directory/applications/create\"]}],"
                    + " \"roleAssignments\": [{\"principalId\": \"ana\", \"role\": \"apps\","
                    + " \"directoryScopeId\": \"/administrativeUnits/s\"}]"),
            "$.roleAssignments[0].directoryScopeId",
            "not allow this role at administrative-unit scope"),
        Arguments.of(
            "unknown principal type",
            doc(
                "\"users\": ["
                    + ANA
                    + "], \"roleAssignments\": [{\"principalId\":"
                    + " \"ana\", \"principalType\": \"servicePrincipal\", \"role\": \"Helpdesk Administrator\","
                    + " \"directoryScopeId\": \"/\"}]"),
            "$.roleAssignments[0].principalType",
            "\"user\" or \"group\""),
        Arguments.of(
            "unknown assignment kind",
            doc(
                "\"users\": ["
                    + ANA
                    + "], \"roleAssignments\": [{\"principalId\":"
                    + " \"ana\", \"kind\": \"permanent\", \"role\": \"Helpdesk Administrator\","
                    + " \"directoryScopeId\": \"/\"}]"),
            "$.roleAssignments[0].kind",
            "\"active\" or \"eligible\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void parse_malformedDocument_typedErrorNamingThePath(
      String why, String json, String path, String reason) {
    List<Violation> violations = violations(json);
    assertThat(violations)
        .as(why)
        .anySatisfy(
            v -> {
              assertThat(v.field()).isEqualTo(path);
              assertThat(v.reason()).contains(reason);
            });
  }

  @Test
  void parse_malformedOrRepeatedField_positionReportedWithoutTheDocument() {
    assertThat(violations("{\"formatVersion\": 1,\n  \"users\": [}"))
        .containsExactly(new Violation("$", "is not well-formed JSON (line 2, column 13)"));
    assertThat(violations("{\"formatVersion\": 1,\n \"formatVersion\": 1}"))
        .containsExactly(new Violation("$", "repeats a field name (line 2, column 17)"));
  }

  @Test
  void read_streamFailsMidway_providerFailureNotInvalidInput() {
    InputStream failing =
        new InputStream() {
          private int served;

          @Override
          public int read() throws IOException {
            if (served < 5) {
              return "{\"a\":".charAt(served++);
            }
            throw new IOException("disk gone");
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
              return 0;
            }
            int c = read();
            if (c < 0) {
              return -1;
            }
            b[off] = (byte) c;
            return 1;
          }
        };
    assertThatThrownBy(() -> TenantJson.read(failing))
        .isInstanceOf(io.mystaff.api.ProviderFailureException.class)
        .hasRootCauseMessage("disk gone");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void load_malformedDocument_builderUnchanged(
      String why, String json, String path, String reason) {
    InMemoryDirectory.Builder builder = InMemoryDirectory.builder();
    assertThatThrownBy(
            () -> builder.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(InvalidInputException.class);
    assertThat(builder.build().userCount()).as(why).isZero();
  }

  @Test
  void parse_userType_guestReadAndWrittenBack() {
    String json =
        doc(
            "\"users\": [{\"id\": \"g\", \"userPrincipalName\": \"g@b.c\", \"displayName\": \"G\","
                + " \"userType\": \"Guest\"}, {\"id\": \"m\", \"userPrincipalName\": \"m@b.c\", \"displayName\": \"M\","
                + " \"userType\": \"member\"}, {\"id\": \"d\", \"userPrincipalName\": \"d@b.c\", \"displayName\": \"D\"}]");
    TenantJson tenant = TenantJson.parse(json);
    assertThat(tenant.users())
        .extracting(User::userType)
        .containsExactly(UserType.GUEST, UserType.MEMBER, UserType.MEMBER);
    String written = tenant.toJson();
    assertThat(written).contains("\"userType\" : \"Guest\"").doesNotContain("\"Member\"");
    assertThat(TenantJson.parse(written)).isEqualTo(tenant);
  }

  @Test
  void parse_unknownUserTypeOrUserTypeAttribute_rejectedWithPath() {
    assertThat(
            violations(
                doc(
                    "\"users\": [{\"id\": \"g\", \"userPrincipalName\": \"g@b.c\", \"displayName\": \"G\","
                        + " \"userType\": \"Robot\"}]")))
        .extracting(Violation::field)
        .containsExactly("$.users[0].userType");
    assertThat(
            violations(
                doc(
                    "\"users\": [{\"id\": \"g\", \"userPrincipalName\": \"g@b.c\", \"displayName\": \"G\","
                        + " \"userType\": true}]")))
        .extracting(Violation::field)
        .containsExactly("$.users[0].userType");
    assertThat(
            violations(
                doc(
                    "\"users\": [{\"id\": \"g\", \"userPrincipalName\": \"g@b.c\", \"displayName\": \"G\","
                        + " \"attributes\": {\"userType\": \"Guest\"}}]")))
        .extracting(Violation::field)
        .containsExactly("$.users[0].attributes");
  }

  @Test
  void parse_bidiOverrideInId_rejectedWithPathAndWithoutTheValue() {
    String json =
        doc(
            "\"users\": [{\"id\": \"ad\\u202Emin\", \"userPrincipalName\": \"g@b.c\", \"displayName\": \"G\"}]");
    assertThatThrownBy(() -> TenantJson.parse(json))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.violations())
                  .extracting(Violation::field)
                  .containsExactly("$.users[0].id");
              assertThat(e.getMessage()).doesNotContain("min");
            });
  }

  @Test
  void parse_manyProblems_allReportedAtOnce() {
    String json =
        doc(
            "\"users\": [{\"id\": \"a\"}, {\"id\": \"b\", \"userPrincipalName\": \"b@c.d\","
                + " \"displayName\": \"B\", \"phones\": {\"mobile\": \"0\"}}], \"units\": [{\"displayName\": \"U\"}]");
    assertThat(violations(json))
        .extracting(Violation::field)
        .containsExactly(
            "$.users[0].userPrincipalName",
            "$.users[0].displayName",
            "$.users[1].phones.mobile",
            "$.units[0].id");
  }

  /** docs/fixtures.md: all the problems found, of every kind, in one exception. */
  @Test
  void parse_badIdDuplicateAndUnknownReference_allReportedAtOnce() {
    String json =
        doc(
            "\"users\": ["
                + "{\"id\": \"ok\", \"userPrincipalName\": \"ok@c.d\", \"displayName\": \"Ok\"},"
                + "{\"id\": \"bad id\", \"userPrincipalName\": \"x@c.d\", \"displayName\": \"X\"},"
                + "{\"id\": \"ok\", \"userPrincipalName\": \"ok2@c.d\", \"displayName\": \"Ok 2\"},"
                + "{\"id\": \"half\", \"userPrincipalName\": \"h@c.d\"}],"
                + " \"units\": [{\"id\": \"u1\", \"displayName\": \"U\", \"members\": [\"ok\", \"ghost\", \"half\"]}],"
                + " \"roleAssignments\": ["
                + "{\"principalId\": \"ok\", \"role\": \"Helpdesk Administrator\", \"directoryScopeId\": \"/administrativeUnits/nowhere\"},"
                + "{\"principalId\": \"half\", \"role\": \"Helpdesk Administrator\", \"directoryScopeId\": \"/\"}]");
    assertThat(violations(json))
        .extracting(Violation::field)
        .containsExactly(
            "$.users[1].id",
            "$.users[3].displayName",
            "$.users[2].id",
            "$.units[0].members[1]",
            "$.roleAssignments[0].directoryScopeId");
  }

  @Test
  void parse_passwordField_rejectedWithoutRepeatingTheValue() {
    String secret = "Correct-Horse-Battery-9";
    String json =
        doc(
            "\"users\": [{\"id\": \"a\", \"userPrincipalName\": \"a@b.c\", \"displayName\": \"A\","
                + " \"password\": \""
                + secret
                + "\"}]");
    assertThatThrownBy(() -> TenantJson.parse(json))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.violations())
                  .extracting(Violation::field)
                  .containsExactly("$.users[0].password");
              assertThat(e.getMessage()).doesNotContain(secret);
            });
  }

  @Test
  void parse_secretInsideBrokenJson_neverRepeated() {
    String secret = "Tr0ub4dor&3xyz";
    for (String json :
        List.of(
            doc("\"users\": [{\"password\": " + secret + "}]"),
            doc("\"users\": [{\"password\": \"" + secret + "\" \"x\": 1}]"),
            doc("\"description\": \"" + secret + "\n\""),
            doc("\"" + secret + "\": 1, \"" + secret + "\": 2"))) {
      assertThatThrownBy(() -> TenantJson.parse(json))
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e -> {
                assertThat(e.getMessage()).doesNotContain(secret).doesNotContain("Tr0ub");
                assertThat(e.getCause()).isNull();
              });
    }
  }

  @Test
  void parse_valuesFromTheDocument_notRepeatedInErrors() {
    String json =
        doc(
            "\"users\": [{\"id\": \"a\", \"userPrincipalName\": \"not-a-principal-Xq7\","
                + " \"displayName\": \"A\", \"phones\": {\"mobile\": \"+1-secretish-Xq7\"}}]");
    assertThatThrownBy(() -> TenantJson.parse(json))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.getMessage()).doesNotContain("Xq7"));
  }

  @Test
  void constructor_inconsistentValues_rejectedByPath() {
    User ana =
        User.builder()
            .id(UserId.of("ana"))
            .userPrincipalName("ana@shop.example")
            .displayName("Ana")
            .build();
    assertThatThrownBy(
            () ->
                new TenantJson(
                    List.of(ana),
                    List.of(),
                    Map.of(UnitId.of("nowhere"), Set.of(ana.id())),
                    List.of(),
                    List.of(),
                    Set.of()))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations()).extracting(Violation::field).containsExactly("$.units"));
  }

  @Test
  void toString_summarizes() {
    assertThat(TenantJson.parse(document()).toString())
        .isEqualTo("TenantJson{5 users, 3 units, 4 assignments}");
  }
}
