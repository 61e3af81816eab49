package io.mystaff.jackson.audit;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditInitiator;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.audit.AuditTarget;
import io.mystaff.api.audit.ModifiedProperty;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The mapping between {@link AuditEvent} and a JSON tree in Microsoft Graph's {@code
 * directoryAudit} shape, in both directions. Field names live here once, so the reader and the
 * writer cannot drift apart.
 *
 * <p>Derived fields ({@code category}, {@code operationType}, {@code result}) are written from the
 * activity and outcome; on reading they must be present as strings but the activity ({@code
 * activityDisplayName}) and the exact outcome (the {@value AuditJson#OUTCOME_KEY} detail) are what
 * count. Reading errors name the JSON path of the offending field and a reason, never the value
 * found there.
 */
final class DirectoryAuditShape {
  private static final String ID = "id";
  private static final String CATEGORY = "category";
  private static final String CORRELATION_ID = "correlationId";
  private static final String RESULT = "result";
  private static final String RESULT_REASON = "resultReason";
  private static final String ACTIVITY_DISPLAY_NAME = "activityDisplayName";
  private static final String ACTIVITY_DATE_TIME = "activityDateTime";
  private static final String LOGGED_BY_SERVICE = "loggedByService";
  private static final String OPERATION_TYPE = "operationType";
  private static final String INITIATED_BY = "initiatedBy";
  private static final String USER = "user";
  private static final String APP = "app";
  private static final String DISPLAY_NAME = "displayName";
  private static final String USER_PRINCIPAL_NAME = "userPrincipalName";
  private static final String IP_ADDRESS = "ipAddress";
  private static final String TARGET_RESOURCES = "targetResources";
  private static final String TYPE = "type";
  private static final String MODIFIED_PROPERTIES = "modifiedProperties";
  private static final String OLD_VALUE = "oldValue";
  private static final String NEW_VALUE = "newValue";
  private static final String ADDITIONAL_DETAILS = "additionalDetails";
  private static final String KEY = "key";
  private static final String VALUE = "value";

  private DirectoryAuditShape() {}

  /** The event as a {@code directoryAudit} object; absent optionals are JSON {@code null}. */
  static ObjectNode write(AuditEvent event, JsonNodeFactory nodes) {
    ObjectNode audit = nodes.objectNode();
    audit.put(ID, event.id());
    audit.put(CATEGORY, event.activity().category());
    audit.put(CORRELATION_ID, event.correlationId().value());
    audit.put(RESULT, event.outcome().graphResult());
    audit.put(RESULT_REASON, event.resultReason().orElse(null));
    audit.put(ACTIVITY_DISPLAY_NAME, event.activity().displayName());
    audit.put(ACTIVITY_DATE_TIME, DateTimeFormatter.ISO_INSTANT.format(event.activityDateTime()));
    audit.put(LOGGED_BY_SERVICE, event.loggedByService());
    audit.put(OPERATION_TYPE, event.activity().operationType());

    ObjectNode initiatedBy = audit.putObject(INITIATED_BY);
    AuditInitiator initiator = event.initiatedBy();
    initiatedBy
        .putObject(USER)
        .put(ID, initiator.id().value())
        .put(DISPLAY_NAME, initiator.displayName().orElse(null))
        .put(USER_PRINCIPAL_NAME, initiator.userPrincipalName().orElse(null))
        .put(IP_ADDRESS, initiator.ipAddress().orElse(null));
    initiatedBy.putNull(APP);

    ArrayNode targets = audit.putArray(TARGET_RESOURCES);
    for (AuditTarget target : event.targets()) {
      ObjectNode resource =
          targets
              .addObject()
              .put(ID, target.id())
              .put(DISPLAY_NAME, target.displayName().orElse(null))
              .put(TYPE, target.type())
              .put(USER_PRINCIPAL_NAME, target.userPrincipalName().orElse(null));
      ArrayNode properties = resource.putArray(MODIFIED_PROPERTIES);
      for (ModifiedProperty property : target.modifiedProperties()) {
        properties
            .addObject()
            .put(DISPLAY_NAME, property.displayName())
            .put(OLD_VALUE, property.oldValue().orElse(null))
            .put(NEW_VALUE, property.newValue().orElse(null));
      }
    }

    ArrayNode details = audit.putArray(ADDITIONAL_DETAILS);
    event
        .additionalDetails()
        .forEach(
            (key, value) ->
                details
                    .addObject()
                    .put(KEY, requireNonNull(key, "additionalDetails key"))
                    .put(VALUE, requireNonNull(value, "additionalDetails value")));
    // Last, so that a detail of the same name written by someone else stays distinguishable.
    details.addObject().put(KEY, AuditJson.OUTCOME_KEY).put(VALUE, event.outcome().name());
    return audit;
  }

  /** Reads a {@code directoryAudit} object found at {@code path} ("" for the document root). */
  static AuditEvent read(JsonNode node, String path) {
    Located audit = new Located(node, path).object();
    // Derived from activity and outcome: required for the shape, not consulted.
    audit.field(CATEGORY).text();
    audit.field(OPERATION_TYPE).text();
    audit.field(RESULT).text();

    List<Located> detailEntries = audit.field(ADDITIONAL_DETAILS).elements();
    int outcomeAt = -1;
    for (int i = 0; i < detailEntries.size(); i++) {
      if (AuditJson.OUTCOME_KEY.equals(detailEntries.get(i).object().field(KEY).text())) {
        outcomeAt = i;
      }
    }
    if (outcomeAt < 0) {
      throw audit.field(ADDITIONAL_DETAILS).invalid("must hold the outcome detail");
    }
    AuditOutcome outcome =
        detailEntries
            .get(outcomeAt)
            .field(VALUE)
            .parse(AuditOutcome::valueOf, "is not a known outcome");
    Map<String, String> details = new LinkedHashMap<>();
    for (int i = 0; i < detailEntries.size(); i++) {
      if (i != outcomeAt) {
        Located entry = detailEntries.get(i);
        if (details.put(entry.field(KEY).text(), entry.field(VALUE).text()) != null) {
          throw entry.field(KEY).invalid("is a duplicate key");
        }
      }
    }

    return new AuditEvent(
        audit.field(ID).text(),
        audit.field(ACTIVITY_DATE_TIME).parse(Instant::parse, "must be an ISO-8601 instant"),
        audit
            .field(ACTIVITY_DISPLAY_NAME)
            .parse(DirectoryAuditShape::activity, "is not a known activity"),
        outcome,
        audit.field(RESULT_REASON).optionalText(),
        audit.field(CORRELATION_ID).parse(CorrelationId::of, "is not a valid correlation id"),
        initiator(audit.field(INITIATED_BY).object().field(USER).object()),
        targets(audit.field(TARGET_RESOURCES).elements()),
        details,
        audit.field(LOGGED_BY_SERVICE).text());
  }

  private static AuditInitiator initiator(Located user) {
    return new AuditInitiator(
        user.field(ID).parse(UserId::of, "is not a valid user id"),
        user.field(DISPLAY_NAME).optionalText(),
        user.field(USER_PRINCIPAL_NAME).optionalText(),
        user.field(IP_ADDRESS).optionalText());
  }

  private static List<AuditTarget> targets(List<Located> resources) {
    List<AuditTarget> targets = new ArrayList<>(resources.size());
    for (Located element : resources) {
      Located resource = element.object();
      List<ModifiedProperty> properties = new ArrayList<>();
      for (Located property : resource.field(MODIFIED_PROPERTIES).elements()) {
        Located p = property.object();
        properties.add(
            new ModifiedProperty(
                p.field(DISPLAY_NAME).text(),
                p.field(OLD_VALUE).optionalText(),
                p.field(NEW_VALUE).optionalText()));
      }
      targets.add(
          new AuditTarget(
              resource.field(ID).text(),
              resource.field(TYPE).text(),
              resource.field(DISPLAY_NAME).optionalText(),
              resource.field(USER_PRINCIPAL_NAME).optionalText(),
              properties));
    }
    return targets;
  }

  private static AuditActivity activity(String displayName) {
    for (AuditActivity activity : AuditActivity.values()) {
      if (activity.displayName().equals(displayName)) {
        return activity;
      }
    }
    throw new IllegalArgumentException("unknown activity");
  }

  /**
   * A node (possibly missing) and the JSON path it was found at, e.g. {@code
   * value[2].targetResources[0].id}; the reading vocabulary of this shape.
   */
  record Located(JsonNode node, String path) {
    /** The member {@code name} of this object; its node is null if absent. */
    Located field(String name) {
      return new Located(node.get(name), path.isEmpty() ? name : path + "." + name);
    }

    Located object() {
      if (isAbsent()) {
        throw invalid("is required");
      }
      if (!node.isObject()) {
        throw invalid("must be an object");
      }
      return this;
    }

    List<Located> elements() {
      if (isAbsent()) {
        throw invalid("is required");
      }
      if (!node.isArray()) {
        throw invalid("must be an array");
      }
      List<Located> elements = new ArrayList<>(node.size());
      for (int i = 0; i < node.size(); i++) {
        elements.add(new Located(node.get(i), path + "[" + i + "]"));
      }
      return elements;
    }

    String text() {
      if (isAbsent()) {
        throw invalid("is required");
      }
      if (!node.isString()) {
        throw invalid("must be a string");
      }
      return node.stringValue();
    }

    /** Absent or {@code null} is empty; anything but a string is an error. */
    Optional<String> optionalText() {
      return isAbsent() ? Optional.empty() : Optional.of(text());
    }

    /**
     * The string here converted by {@code parser}; a parser failure ({@link
     * IllegalArgumentException}, {@link DateTimeException}, or the {@link InvalidInputException} of
     * an API value constructor) becomes {@code reason} at this path.
     */
    <T> T parse(Function<String, T> parser, String reason) {
      String text = text();
      try {
        return parser.apply(text);
      } catch (IllegalArgumentException | DateTimeException | InvalidInputException e) {
        throw invalid(reason);
      }
    }

    InvalidInputException invalid(String reason) {
      return InvalidInputException.of(path.isEmpty() ? AuditJson.DOCUMENT : path, reason);
    }

    private boolean isAbsent() {
      return node == null || node.isNull() || node.isMissingNode();
    }
  }
}
