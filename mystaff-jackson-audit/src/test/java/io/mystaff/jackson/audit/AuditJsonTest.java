package io.mystaff.jackson.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.ErrorCode;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditInitiator;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.audit.AuditTarget;
import io.mystaff.api.audit.ModifiedProperty;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

class AuditJsonTest {
  private static final String SECRET = "S3CRET-VALUE";

  private final AuditJson json = AuditJson.standard();
  private final ObjectMapper plain = new ObjectMapper();

  static AuditEvent phoneUpdated() {
    return AuditEvent.builder()
        .id("4f2b1c9e-5d8a-4e6b-9c1d-2a3b4c5d6e7f")
        .activityDateTime(Instant.parse("2024-03-15T09:30:12.345Z"))
        .activity(AuditActivity.UPDATE_PHONE)
        .outcome(AuditOutcome.SUCCEEDED)
        .correlationId(CorrelationId.of("d2b6e6a0-1c7f-4c11-9f55-8a1a2b3c4d5e"))
        .initiatedBy(
            new AuditInitiator(
                UserId.of("0b6a3c2e-1111-4000-8000-00000000000a"),
                Optional.of("manager@contoso.com"),
                Optional.of("203.0.113.7")))
        .target(
            new AuditTarget(
                "0b6a3c2e-2222-4000-8000-00000000000b",
                "User",
                Optional.of("Adele Vance"),
                Optional.of("adele@contoso.com"),
                List.of(
                    ModifiedProperty.of(
                        "mobile", Optional.of("+1 4255550100"), Optional.of("+1 4255550199")))))
        .additionalDetail(AuditEvent.ORIGIN_KEY, AuditEvent.ORIGIN_MY_STAFF)
        .additionalDetail("phoneType", "mobile")
        .build();
  }

  static AuditEvent resetDenied() {
    return AuditEvent.builder()
        .id("event-2")
        .activityDateTime(Instant.parse("2024-03-15T09:31:00Z"))
        .activity(AuditActivity.RESET_PASSWORD)
        .outcome(AuditOutcome.DENIED)
        .resultReason("TARGET_OUT_OF_SCOPE")
        .correlationId(CorrelationId.of("corr-2"))
        .initiatedBy(new AuditInitiator(UserId.of("manager-1"), Optional.empty(), Optional.empty()))
        .target(new AuditTarget("user-9", "User", Optional.empty(), Optional.empty(), List.of()))
        .additionalDetail(AuditEvent.ORIGIN_KEY, AuditEvent.ORIGIN_MY_STAFF)
        .build();
  }

  /** An event with only the required parts, at the epoch, from user "u". */
  static AuditEvent.Builder minimal(AuditActivity activity, AuditOutcome outcome) {
    return AuditEvent.builder()
        .id("e")
        .activityDateTime(Instant.EPOCH)
        .activity(activity)
        .outcome(outcome)
        .correlationId(CorrelationId.of("c"))
        .initiatedBy(new AuditInitiator(UserId.of("u"), Optional.empty(), Optional.empty()));
  }

  static String resource(String name) {
    try (InputStream in = AuditJsonTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void write_sampleEvent_matchesGoldenJson() throws IOException {
    assertThat(plain.readTree(json.write(phoneUpdated())))
        .isEqualTo(plain.readTree(resource("phone-updated.json")));
  }

  @Test
  void writeAll_twoEvents_matchesGoldenGraphListResponse() throws IOException {
    assertThat(plain.readTree(json.writeAll(List.of(phoneUpdated(), resetDenied()))))
        .isEqualTo(plain.readTree(resource("two-events.json")));
  }

  @Test
  void writeAll_noEvents_emptyValueArray() {
    assertThat(json.writeAll(List.of())).isEqualTo("{\"value\":[]}");
    assertThat(json.readAll("{\"value\":[]}")).isEmpty();
  }

  @Test
  void read_goldenJson_returnsSampleEvents() {
    assertThat(json.read(resource("phone-updated.json"))).isEqualTo(phoneUpdated());
    assertThat(json.readAll(resource("two-events.json")))
        .containsExactly(phoneUpdated(), resetDenied());
  }

  @Test
  void write_isCompactAndEscapesControlCharacters() {
    AuditEvent event =
        minimal(AuditActivity.SIGN_IN, AuditOutcome.SUCCEEDED)
            .id("line\nbreak \"quoted\" \u0000")
            .build();

    String written = json.write(event);

    assertThat(written)
        .startsWith("{\"id\":\"line\\nbreak \\\"quoted\\\" \\u0000\",")
        .contains("\"activityDateTime\":\"1970-01-01T00:00:00Z\"")
        .doesNotContain("\n");
    assertThat(json.read(written)).isEqualTo(event);
  }

  @Test
  void read_graphExtrasAndAbsentOptionals_acceptedAsEmpty() throws IOException {
    ObjectNode tree = golden();
    tree.put("@odata.type", "#microsoft.graph.directoryAudit");
    tree.remove("resultReason");
    // A user with only an id (no displayName, userPrincipalName, ipAddress) and no app.
    tree.putObject("initiatedBy")
        .putObject("user")
        .put("id", "0b6a3c2e-1111-4000-8000-00000000000a");
    ObjectNode target = (ObjectNode) tree.get("targetResources").get(0);
    target.remove(List.of("displayName", "userPrincipalName"));
    target.put("groupType", "unifiedGroups");
    ((ObjectNode) target.get("modifiedProperties").get(0)).remove(List.of("oldValue", "newValue"));

    AuditEvent read = json.read(tree.toString());

    assertThat(read.resultReason()).isEmpty();
    assertThat(read.initiatedBy())
        .isEqualTo(
            new AuditInitiator(
                UserId.of("0b6a3c2e-1111-4000-8000-00000000000a"),
                Optional.empty(),
                Optional.empty()));
    assertThat(read.targets().get(0).displayName()).isEmpty();
    assertThat(read.targets().get(0).userPrincipalName()).isEmpty();
    assertThat(read.targets().get(0).modifiedProperties())
        .containsExactly(ModifiedProperty.of("mobile", Optional.empty(), Optional.empty()));
  }

  @Test
  void readWrite_detailNamedLikeOutcomeKey_survivesRoundTrip() {
    AuditEvent event =
        minimal(AuditActivity.DELETE_PHONE, AuditOutcome.FAILED)
            .additionalDetail(AuditJson.OUTCOME_KEY, "SUCCEEDED")
            .build();

    assertThat(json.read(json.write(event))).isEqualTo(event);
  }

  @Test
  void read_emptyStringsInOptionals_stayPresent() {
    AuditEvent event =
        minimal(AuditActivity.VIEW_PROFILE, AuditOutcome.PENDING)
            .id("")
            .activityDateTime(Instant.MAX)
            .resultReason("")
            .initiatedBy(new AuditInitiator(UserId.of("u"), Optional.of(""), Optional.of("")))
            .loggedByService("")
            .build();

    AuditEvent read = json.read(json.write(event));

    assertThat(read).isEqualTo(event);
    assertThat(read.resultReason()).contains("");
  }

  /** Removing, or nulling, any field a reader needs names that field's path. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "id",
        "category",
        "correlationId",
        "result",
        "activityDisplayName",
        "activityDateTime",
        "loggedByService",
        "operationType",
        "initiatedBy",
        "initiatedBy.user",
        "initiatedBy.user.id",
        "targetResources",
        "targetResources[0].id",
        "targetResources[0].type",
        "targetResources[0].modifiedProperties",
        "targetResources[0].modifiedProperties[0].displayName",
        "additionalDetails",
        "additionalDetails[0].key",
        "additionalDetails[0].value"
      })
  void read_requiredFieldMissingOrNull_throwsTypedErrorNamingPath(String path) throws IOException {
    ObjectNode removed = golden();
    parent(removed, path).remove(last(path));
    ObjectNode nulled = golden();
    parent(nulled, path).putNull(last(path));

    assertRejected(removed.toString(), path, "is required");
    assertRejected(nulled.toString(), path, "is required");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "id|must be a string",
        "resultReason|must be a string",
        "activityDateTime|must be a string",
        "initiatedBy|must be an object",
        "initiatedBy.user|must be an object",
        "initiatedBy.user.userPrincipalName|must be a string",
        "initiatedBy.user.ipAddress|must be a string",
        "targetResources|must be an array",
        "targetResources[0].displayName|must be a string",
        "targetResources[0].userPrincipalName|must be a string",
        "targetResources[0].modifiedProperties|must be an array",
        "targetResources[0].modifiedProperties[0].oldValue|must be a string",
        "targetResources[0].modifiedProperties[0].newValue|must be a string",
        "additionalDetails|must be an array",
        "additionalDetails[1].value|must be a string",
      })
  void read_fieldOfWrongJsonType_throwsTypedErrorNamingPath(String path, String reason)
      throws IOException {
    ObjectNode tree = golden();
    parent(tree, path).set(last(path), IntNode.valueOf(42));

    assertRejected(tree.toString(), path, reason);
  }

  @Test
  void read_arrayElementNotAnObject_throwsTypedErrorNamingElement() throws IOException {
    ObjectNode tree = golden();
    ((ArrayNode) tree.get("targetResources")).set(0, StringNode.valueOf(SECRET));

    assertRejected(tree.toString(), "targetResources[0]", "must be an object");
  }

  /** Values the event cannot hold are rejected at their path, and never quoted back. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "activityDateTime|S3CRET-VALUE|must be an ISO-8601 instant",
        "activityDateTime|2024-03-15 09:30:12 S3CRET-VALUE|must be an ISO-8601 instant",
        "activityDisplayName|S3CRET-VALUE|is not a known activity",
        "correlationId|S3CRET-VALUE with spaces|is not a valid correlation id",
        "correlationId|''|is not a valid correlation id",
        "initiatedBy.user.id|S3CRET-VALUE with spaces|is not a valid user id",
        "additionalDetails[2].value|S3CRET-VALUE|is not a known outcome",
        "additionalDetails[2].value|succeeded|is not a known outcome",
      })
  void read_valueEventCannotHold_throwsTypedErrorWithoutEchoingIt(
      String path, String value, String reason) throws IOException {
    ObjectNode tree = golden();
    parent(tree, path).put(last(path), value);

    assertRejected(tree.toString(), path, reason);
  }

  @Test
  void read_instantWithOffset_normalizedToUtc() throws IOException {
    ObjectNode tree = golden();
    tree.put("activityDateTime", "2024-03-15T11:30:12.345+02:00");

    assertThat(json.read(tree.toString()).activityDateTime())
        .isEqualTo(Instant.parse("2024-03-15T09:30:12.345Z"));
  }

  @Test
  void read_noOutcomeDetail_throwsTypedError() throws IOException {
    ObjectNode tree = golden();
    ((ArrayNode) tree.get("additionalDetails")).remove(2);

    assertRejected(tree.toString(), "additionalDetails", "must hold the outcome detail");
  }

  @Test
  void read_duplicateDetailKey_throwsTypedError() throws IOException {
    ObjectNode tree = golden();
    ((ObjectNode) tree.get("additionalDetails").get(1)).put("key", "origin");

    assertRejected(tree.toString(), "additionalDetails[1].key", "is a duplicate key");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "   ",
        "{",
        "{\"id\":",
        "nul",
        "{} {}",
        "{}]",
        "'single'",
        "{\"id\":\"a\",\"id\":\"b\"}"
      })
  void read_malformedDocument_throwsTypedError(String document) {
    InvalidInputException e =
        catchThrowableOfType(InvalidInputException.class, () -> json.read(document));

    assertThat(e).as("for %s", document).isNotNull();
    assertThat(e.violations())
        .extracting(InvalidInputException.Violation::field)
        .containsExactly("audit JSON");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "null", "42", "\"S3CRET-VALUE\"", "true"})
  void read_documentNotAnObject_throwsTypedError(String document) {
    InvalidInputException e =
        catchThrowableOfType(InvalidInputException.class, () -> json.read(document));

    assertThat(e).as("for %s", document).isNotNull();
    assertThat(e.violations())
        .extracting(InvalidInputException.Violation::field)
        .containsExactly("audit JSON");
    assertThat(e.getMessage()).doesNotContain(SECRET);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\n\t"})
  void read_noContent_rejectedAsEmpty(String document) {
    assertRejected(document, "audit JSON", "must not be empty");
  }

  @Test
  void readAndReadAll_jsonArray_rejectedAsNotAnObject() {
    assertRejected("[]", "audit JSON", "must be a JSON object");
    InvalidInputException e =
        catchThrowableOfType(InvalidInputException.class, () -> json.readAll("[{}]"));
    assertThat(e).isNotNull();
    assertThat(e.violations())
        .containsExactly(
            new InvalidInputException.Violation("audit JSON", "must be a JSON object"));
  }

  @Test
  void read_truncatedDocument_neverQuotesInput() {
    String document = json.write(phoneUpdated()).replace("Adele Vance", SECRET);

    for (int end = 0; end < document.length(); end++) {
      String truncated = document.substring(0, end);
      InvalidInputException e =
          catchThrowableOfType(InvalidInputException.class, () -> json.read(truncated));
      assertThat(e).as("truncated at %d", end).isNotNull();
      assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain("S3CR");
    }
  }

  @Test
  void readAll_eventError_pathIncludesListIndex() throws IOException {
    ObjectNode list = (ObjectNode) plain.readTree(resource("two-events.json"));
    ((ObjectNode) list.get("value").get(1).get("targetResources").get(0)).remove("type");

    InvalidInputException e =
        catchThrowableOfType(InvalidInputException.class, () -> json.readAll(list.toString()));

    assertThat(e).isNotNull();
    assertThat(e.violations())
        .containsExactly(
            new InvalidInputException.Violation("value[1].targetResources[0].type", "is required"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", "{\"value\":null}", "{\"value\":{}}", "[]"})
  void readAll_notAListResponse_throwsTypedError(String document) {
    assertThat(catchThrowableOfType(InvalidInputException.class, () -> json.readAll(document)))
        .isNotNull();
  }

  @Test
  void toTree_sameAsWrite_fromTreeReadsItBack() throws IOException {
    AuditEvent event = phoneUpdated();
    ObjectNode tree = json.toTree(event);
    assertThat(plain.writeValueAsString(tree)).isEqualTo(json.write(event));
    assertThat(json.fromTree(tree)).isEqualTo(event);
    assertThat(json.fromTree(golden())).isEqualTo(event);
  }

  @Test
  void fromTree_absentNullOrNotAnObject_throwsTypedErrorForTheDocument() {
    for (JsonNode tree :
        new JsonNode[] {
          null,
          plain.missingNode(),
          plain.nullNode(),
          plain.createArrayNode(),
          StringNode.valueOf(SECRET)
        }) {
      InvalidInputException e =
          catchThrowableOfType(InvalidInputException.class, () -> json.fromTree(tree));
      assertThat(e).as("%s", tree).isNotNull();
      assertThat(e.violations())
          .extracting(InvalidInputException.Violation::field)
          .containsExactly("audit JSON");
      assertThat(e.getMessage()).doesNotContain(SECRET);
    }
    assertThat(
            catchThrowableOfType(InvalidInputException.class, () -> json.fromTree(plain.nullNode()))
                .violations())
        .containsExactly(new InvalidInputException.Violation("audit JSON", "must not be empty"));
    assertThat(
            catchThrowableOfType(
                    InvalidInputException.class, () -> json.fromTree(plain.createArrayNode()))
                .violations())
        .containsExactly(
            new InvalidInputException.Violation("audit JSON", "must be a JSON object"));
  }

  @Test
  void toTree_null_throwsNullPointerException() {
    assertThat(catchThrowableOfType(NullPointerException.class, () -> json.toTree(null)))
        .isNotNull();
  }

  @Test
  void standard_sharedInstance() {
    assertThat(AuditJson.standard()).isSameAs(json);
  }

  private void assertRejected(String document, String path, String reason) {
    InvalidInputException e =
        catchThrowableOfType(InvalidInputException.class, () -> json.read(document));

    assertThat(e).as("reading with a bad %s", path).isNotNull();
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
    assertThat(e.violations()).containsExactly(new InvalidInputException.Violation(path, reason));
    assertThat(e.getMessage()).doesNotContain(SECRET);
  }

  private ObjectNode golden() throws IOException {
    return (ObjectNode) plain.readTree(resource("phone-updated.json"));
  }

  /** The object holding the last segment of a path like {@code targetResources[0].id}. */
  private static ObjectNode parent(ObjectNode root, String path) {
    JsonNode node = root;
    String[] segments = path.split("\\.", -1);
    for (int i = 0; i < segments.length - 1; i++) {
      String segment = segments[i];
      int bracket = segment.indexOf('[');
      if (bracket < 0) {
        node = node.get(segment);
      } else {
        node =
            node.get(segment.substring(0, bracket))
                .get(Integer.parseInt(segment.substring(bracket + 1, segment.length() - 1)));
      }
    }
    return (ObjectNode) node;
  }

  private static String last(String path) {
    return path.substring(path.lastIndexOf('.') + 1);
  }
}
