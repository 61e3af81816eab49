package io.mystaff.jackson.audit;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditOutcome;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes {@link AuditEvent}s as JSON in the shape of Microsoft Graph's {@code
 * directoryAudit} resource, so that tools built for Entra's audit log can read mystaff's.
 *
 * <p>An event is written as one object with Graph's fields: {@code id}, {@code category}, {@code
 * correlationId}, {@code result}, {@code resultReason}, {@code activityDisplayName}, {@code
 * activityDateTime} (ISO-8601, UTC), {@code loggedByService}, {@code operationType}, {@code
 * initiatedBy} ({@code user} with {@code id}, {@code displayName}, {@code userPrincipalName},
 * {@code ipAddress}; {@code app}), {@code targetResources} (with {@code modifiedProperties}) and
 * {@code additionalDetails} as a key/value list. Absent optional values are JSON {@code null}.
 * Graph's {@code result} cannot tell a denial from a failure, so the exact {@link AuditOutcome} is
 * kept as the last {@code additionalDetails} entry with key {@value #OUTCOME_KEY}; an event's own
 * detail of that name is written before it and survives the round trip.
 *
 * <p>Laws: {@code read(write(e)).equals(e)} and {@code readAll(writeAll(list)).equals(list)} for
 * every event. Reading rejects anything else with an {@link InvalidInputException} that names the
 * JSON path of the problem (e.g. {@code targetResources[0].id}) and never the value found there.
 * Unknown fields (such as {@code @odata.type}) are ignored.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class AuditJson {
  /** The {@code additionalDetails} key under which the exact {@link AuditOutcome} is written. */
  public static final String OUTCOME_KEY = "outcome";

  /** The field name errors about the document as a whole carry. */
  static final String DOCUMENT = "audit JSON";

  private static final String LIST_VALUE = "value";

  private static final AuditJson STANDARD =
      new AuditJson(
          JsonMapper.builder()
              .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
              .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
              // Jackson 3 escapes '/' by default; the format written since 0.1 does not.
              .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
              .build());

  private final ObjectMapper mapper;

  private AuditJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * The codec: compact output, strict input (duplicate object keys and trailing content are
   * errors). Returns a shared instance.
   */
  public static AuditJson standard() {
    return STANDARD;
  }

  /** The event as one {@code directoryAudit} JSON object. */
  public String write(AuditEvent event) {
    requireNonNull(event, "event");
    return serialize(DirectoryAuditShape.write(event, mapper.getNodeFactory()));
  }

  /**
   * The event as a {@code directoryAudit} tree, the same {@link #write} serializes; for embedding
   * the event in a larger document (as {@code MyStaffJacksonModule} does).
   */
  public ObjectNode toTree(AuditEvent event) {
    requireNonNull(event, "event");
    return DirectoryAuditShape.write(event, mapper.getNodeFactory());
  }

  /**
   * The event a {@link #toTree} tree holds.
   *
   * @throws InvalidInputException as {@link #read}
   */
  public AuditEvent fromTree(JsonNode tree) {
    if (tree == null || tree.isMissingNode() || tree.isNull()) {
      throw InvalidInputException.of(DOCUMENT, "must not be empty");
    }
    if (!tree.isObject()) {
      throw InvalidInputException.of(DOCUMENT, "must be a JSON object");
    }
    return DirectoryAuditShape.read(tree, "");
  }

  /**
   * The events, in order, as a Graph list response: {@code {"value":[...]}}.
   *
   * @throws NullPointerException if the list or any event is null
   */
  public String writeAll(List<AuditEvent> events) {
    requireNonNull(events, "events");
    ObjectNode list = mapper.createObjectNode();
    ArrayNode value = list.putArray(LIST_VALUE);
    for (AuditEvent event : events) {
      value.add(DirectoryAuditShape.write(requireNonNull(event, "event"), mapper.getNodeFactory()));
    }
    return serialize(list);
  }

  /**
   * The event a {@link #write} produced.
   *
   * @throws InvalidInputException if {@code json} is null, not well-formed JSON, not an object,
   *     lacks a field {@link #write} produces (only the fields that can be {@code null} may be
   *     absent), has a field of the wrong JSON type, or holds a value the event cannot (unknown
   *     activity or outcome, malformed instant or identifier, duplicate detail key)
   */
  public AuditEvent read(String json) {
    return DirectoryAuditShape.read(parse(json), "");
  }

  /**
   * The events a {@link #writeAll} produced, in order.
   *
   * @throws InvalidInputException as {@link #read}, for the list object or any of its events
   */
  public List<AuditEvent> readAll(String json) {
    DirectoryAuditShape.Located list = new DirectoryAuditShape.Located(parse(json), "");
    List<AuditEvent> events = new ArrayList<>();
    for (DirectoryAuditShape.Located element : list.field(LIST_VALUE).elements()) {
      events.add(DirectoryAuditShape.read(element.node(), element.path()));
    }
    return List.copyOf(events);
  }

  private JsonNode parse(String json) {
    if (json == null) {
      throw InvalidInputException.of(DOCUMENT, "must not be null");
    }
    JsonNode tree;
    try {
      tree = mapper.readTree(json);
    } catch (JacksonException e) {
      // Jackson's message quotes the input; it must not reach ours.
      throw InvalidInputException.of(
          DOCUMENT, "is not well-formed JSON (or exceeds parser limits)");
    }
    if (tree == null || tree.isMissingNode()) {
      throw InvalidInputException.of(DOCUMENT, "must not be empty");
    }
    if (!tree.isObject()) {
      throw InvalidInputException.of(DOCUMENT, "must be a JSON object");
    }
    return tree;
  }

  private String serialize(JsonNode tree) {
    // Writing a shallow tree to a String performs no I/O; Jackson 3's exceptions are unchecked.
    return mapper.writeValueAsString(tree);
  }
}
