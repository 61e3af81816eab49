package io.mystaff.jackson;

import io.mystaff.api.AssignmentId;
import io.mystaff.api.CorrelationId;
import io.mystaff.api.GroupId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.MyStaffException;
import io.mystaff.api.Page;
import io.mystaff.api.PageRequest;
import io.mystaff.api.RoleId;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.access.SignInRefusedException;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.authz.AccessDeniedException;
import io.mystaff.api.authz.DenyReason;
import io.mystaff.api.authz.StaffAction;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.User;
import io.mystaff.api.password.Secret;
import io.mystaff.api.password.WritebackResult;
import io.mystaff.api.password.WritebackStatus;
import io.mystaff.core.Location;
import io.mystaff.core.OneTimeSecret;
import io.mystaff.core.PasswordResetResult;
import io.mystaff.core.PhoneChange;
import io.mystaff.core.PhoneView;
import io.mystaff.core.StaffMember;
import io.mystaff.core.UnitSearchResult;
import io.mystaff.core.UserProfile;
import io.mystaff.core.UserSummary;
import io.mystaff.core.WritebackHandle;
import io.mystaff.jackson.audit.AuditJson;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.Version;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * A Jackson 3 module for the values and results a host puts in a JSON API:
 *
 * <pre>
 * JsonMapper mapper = JsonMapper.builder().addModule(new MyStaffJacksonModule()).build();
 * </pre>
 *
 * <p>Shapes, written and (where a value is input-shaped) read:
 *
 * <ul>
 *   <li>Identifiers ({@link UserId}, {@link UnitId}, {@link GroupId}, {@link RoleId}, {@link
 *       AssignmentId}, {@link CorrelationId}) are plain strings, read and written.
 *   <li>{@link PhoneNumber} is a string in Microsoft Graph's format, {@code "+1 4255550100"} or
 *       {@code "+1 4255550100x123"} (E.164 when libphonenumber does not know the country code).
 *       Reading accepts that format or E.164, with an optional {@code x} and extension; it checks
 *       the form, not whether the number is valid for its country (that is {@code
 *       PhoneNumberParser}'s job for free-form input).
 *   <li>{@link PageRequest} is {@code {"size": 50, "cursor": "..."}}, read and written; {@link
 *       Page} is {@code {"items": [...], "nextCursor": "..."}}.
 *   <li>{@link User} is a profile view: id, names, {@code userType}, {@code source}, {@code
 *       onPremisesSamAccountName}, {@code accountEnabled}, {@code forceChangePasswordNextSignIn},
 *       {@code attributes}, {@code groups} and {@code version} (for a later compare-and-set). It
 *       has no password, and its phone methods are left out: reading them is privileged, so they
 *       are written only through {@link UserProfile}, whose {@link PhoneView}s are masked unless
 *       the manager may manage phones.
 *   <li>{@link AdministrativeUnit}, {@link Location} ({@code "type": "wholeOrganization"} or {@code
 *       "unit"}), {@link UserSummary}, {@link StaffMember}, {@link UserProfile}, {@link PhoneView},
 *       {@link UnitSearchResult}, {@link PhoneChange}, {@link WritebackResult} and {@link
 *       WritebackHandle} as objects of their accessors.
 *   <li>{@link PasswordResetResult} with a type id: {@code "type": "temporaryPassword"}, {@code
 *       "passwordSet"} or {@code "writebackPending"}. A temporary password is never written: a web
 *       layer reveals it to the manager explicitly, once, through {@link OneTimeSecret#reveal()}.
 *   <li>Errors ({@link MyStaffException} and subclasses) as {@code {"code", "message"}}; a denial
 *       ({@link AccessDeniedException}, {@link SignInRefusedException}) adds {@code "reason"} (the
 *       reason code, its message being {@code "message"}), an {@link InvalidInputException} adds
 *       {@code "violations"} of {@code {"field", "reason"}}. No stack trace, no cause.
 *   <li>{@link AuditEvent} in Microsoft Graph's {@code directoryAudit} shape, read and written by
 *       {@link AuditJson}.
 * </ul>
 *
 * <p>Enums are written by name ({@code "RESET_PASSWORD"}, {@code "TARGET_OUT_OF_SCOPE"}), except
 * phone and user types, which use their Graph names ({@code "mobile"}, {@code "Guest"}). Absent
 * optional values are left out.
 *
 * <p><b>Secrets are never serialized.</b> Writing a {@link Secret} or a {@link OneTimeSecret} fails
 * with a {@link JacksonException} that names the type and not the value; the one-time secret stays
 * unrevealed. So a host that puts a secret in a response by mistake learns it at once, instead of
 * shipping the password or an empty field.
 *
 * <p>Reading a value the API refuses throws the API's {@link InvalidInputException} (naming the
 * field, never the value) when the value is the document's root; Jackson reports a problem inside a
 * host's own type as a {@code DatabindException} whose cause is that exception, unless the mapper
 * disables {@code DeserializationFeature.WRAP_EXCEPTIONS}.
 *
 * <p>Hosts on Jackson 2 use {@code io.mystaff.jackson2.MyStaffJackson2Module} (mystaff-jackson2),
 * which writes and reads the same JSON.
 */
public final class MyStaffJacksonModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  /** A module with every serializer and deserializer of this class. */
  public MyStaffJacksonModule() {
    super("mystaff", Version.unknownVersion());
    ids();
    addSerializer(
        PhoneNumber.class,
        new Writer<>(PhoneNumber.class, (n, g, c) -> g.writeString(Phones.toGraph(n))));
    addDeserializer(
        PhoneNumber.class,
        new StringReader<>(PhoneNumber.class, "phone number", Phones::fromGraph));
    pages();
    directory();
    results();
    errors();
    audit();
    secrets();
  }

  private void ids() {
    id(UserId.class, UserId::value, UserId::of, "user id");
    id(UnitId.class, UnitId::value, UnitId::of, "administrative-unit id");
    id(GroupId.class, GroupId::value, GroupId::of, "group id");
    id(RoleId.class, RoleId::value, RoleId::of, "role-definition id");
    id(AssignmentId.class, AssignmentId::value, AssignmentId::of, "role-assignment id");
    id(CorrelationId.class, CorrelationId::value, CorrelationId::of, "correlation id");
  }

  private <T> void id(
      Class<T> type, Function<T, String> value, Function<String, T> parse, String field) {
    addSerializer(type, new Writer<>(type, (id, g, c) -> g.writeString(value.apply(id))));
    addDeserializer(type, new StringReader<>(type, field, parse));
  }

  private void pages() {
    addSerializer(
        PageRequest.class,
        new Writer<>(
            PageRequest.class,
            (r, g, c) -> {
              g.writeStartObject();
              g.writeNumberProperty("size", r.size());
              optional(g, "cursor", r.cursor());
              g.writeEndObject();
            }));
    addDeserializer(PageRequest.class, new PageRequestReader());
    @SuppressWarnings({"rawtypes", "unchecked"})
    Class<Page<?>> page = (Class) Page.class;
    addSerializer(
        page,
        new Writer<>(
            page,
            (p, g, c) -> {
              g.writeStartObject();
              g.writeName("items");
              g.writeStartArray();
              for (Object item : p.items()) {
                c.writeValue(g, item);
              }
              g.writeEndArray();
              optional(g, "nextCursor", p.nextCursor());
              g.writeEndObject();
            }));
  }

  private void directory() {
    addSerializer(
        User.class,
        new Writer<>(
            User.class,
            (u, g, c) -> {
              g.writeStartObject();
              g.writeStringProperty("id", u.id().value());
              g.writeStringProperty("userPrincipalName", u.userPrincipalName());
              g.writeStringProperty("displayName", u.displayName());
              g.writeStringProperty("userType", u.userType().graphName());
              g.writeStringProperty("source", u.source().name());
              optional(g, "onPremisesSamAccountName", u.onPremisesSamAccountName());
              g.writeBooleanProperty("accountEnabled", u.accountEnabled());
              g.writeBooleanProperty(
                  "forceChangePasswordNextSignIn", u.forceChangePasswordNextSignIn());
              g.writeObjectPropertyStart("attributes");
              for (Map.Entry<String, String> attribute : u.attributes().entrySet()) {
                g.writeStringProperty(attribute.getKey(), attribute.getValue());
              }
              g.writeEndObject();
              g.writeArrayPropertyStart("groups");
              for (GroupId group : u.groups()) {
                g.writeString(group.value());
              }
              g.writeEndArray();
              g.writeNumberProperty("version", u.version());
              g.writeEndObject();
            }));
    addSerializer(
        AdministrativeUnit.class,
        new Writer<>(
            AdministrativeUnit.class,
            (u, g, c) -> {
              g.writeStartObject();
              unitFields(u, g);
              g.writeEndObject();
            }));
    addSerializer(
        Location.class,
        new Writer<>(
            Location.class,
            (l, g, c) -> {
              g.writeStartObject();
              if (l instanceof Location.Unit unit) {
                g.writeStringProperty("type", "unit");
                g.writeStringProperty("displayName", l.displayName());
                g.writeName("unit");
                c.writeValue(g, unit.unit());
              } else {
                g.writeStringProperty("type", "wholeOrganization");
                g.writeStringProperty("displayName", l.displayName());
              }
              g.writeEndObject();
            }));
    addSerializer(
        UserSummary.class,
        new Writer<>(
            UserSummary.class,
            (s, g, c) -> {
              g.writeStartObject();
              g.writeStringProperty("id", s.id().value());
              g.writeStringProperty("displayName", s.displayName());
              g.writeStringProperty("userPrincipalName", s.userPrincipalName());
              g.writeStringProperty("source", s.source().name());
              g.writeBooleanProperty("accountEnabled", s.accountEnabled());
              g.writeEndObject();
            }));
    addSerializer(
        PhoneView.class,
        new Writer<>(
            PhoneView.class,
            (v, g, c) -> {
              g.writeStartObject();
              g.writeBooleanProperty("masked", v.masked());
              g.writeStringProperty("display", v.display());
              if (v.number().isPresent()) {
                g.writeStringProperty("number", Phones.toGraph(v.number().get()));
              }
              g.writeEndObject();
            }));
  }

  private static void unitFields(AdministrativeUnit u, JsonGenerator g) {
    g.writeStringProperty("id", u.id().value());
    g.writeStringProperty("displayName", u.displayName());
    optional(g, "description", u.description());
    g.writeStringProperty("membershipType", u.membershipType().name());
    optional(g, "membershipRule", u.membershipRule());
    g.writeBooleanProperty("restrictedManagement", u.restrictedManagement());
  }

  private void results() {
    addSerializer(
        StaffMember.class,
        new Writer<>(
            StaffMember.class,
            (m, g, c) -> {
              g.writeStartObject();
              g.writeName("user");
              c.writeValue(g, m.user());
              actions(g, m.allowedActions());
              g.writeName("denyReasons");
              g.writeStartObject();
              for (StaffAction action : StaffAction.values()) {
                Optional<DenyReason> reason = m.denyReason(action);
                if (reason.isPresent()) {
                  g.writeName(action.name());
                  g.writeStartObject();
                  g.writeStringProperty("code", reason.get().name());
                  g.writeStringProperty("message", reason.get().message());
                  g.writeEndObject();
                }
              }
              g.writeEndObject();
              g.writeBooleanProperty("canManage", m.canManage());
              g.writeEndObject();
            }));
    addSerializer(
        UnitSearchResult.class,
        new Writer<>(
            UnitSearchResult.class,
            (r, g, c) -> {
              g.writeStartObject();
              g.writeName("unit");
              c.writeValue(g, r.unit());
              actions(g, r.allowedActions());
              g.writeBooleanProperty("canManage", r.canManage());
              g.writeEndObject();
            }));
    addSerializer(
        UserProfile.class,
        new Writer<>(
            UserProfile.class,
            (p, g, c) -> {
              g.writeStartObject();
              g.writeName("user");
              c.writeValue(g, p.user());
              g.writeArrayPropertyStart("units");
              for (AdministrativeUnit unit : p.units()) {
                c.writeValue(g, unit);
              }
              g.writeEndArray();
              actions(g, p.allowedActions());
              g.writeBooleanProperty("phonesMasked", p.phonesMasked());
              g.writeObjectPropertyStart("phones");
              for (Map.Entry<io.mystaff.api.directory.PhoneType, PhoneView> phone :
                  p.phones().entrySet()) {
                g.writeName(phone.getKey().graphName());
                c.writeValue(g, phone.getValue());
              }
              g.writeEndObject();
              g.writeEndObject();
            }));
    addSerializer(
        PhoneChange.class,
        new Writer<>(
            PhoneChange.class,
            (p, g, c) -> {
              g.writeStartObject();
              g.writeStringProperty("user", p.user().value());
              g.writeStringProperty("type", p.type().graphName());
              if (p.previous().isPresent()) {
                g.writeStringProperty("previous", Phones.toGraph(p.previous().get()));
              }
              if (p.current().isPresent()) {
                g.writeStringProperty("current", Phones.toGraph(p.current().get()));
              }
              g.writeStringProperty("correlationId", p.correlationId().value());
              g.writeEndObject();
            }));
    addSerializer(
        PasswordResetResult.class,
        new Writer<>(
            PasswordResetResult.class,
            (r, g, c) -> {
              g.writeStartObject();
              if (r instanceof PasswordResetResult.TemporaryPassword) {
                // The password itself is never written; OneTimeSecret.reveal() hands it over once.
                g.writeStringProperty("type", "temporaryPassword");
              } else if (r instanceof PasswordResetResult.PasswordSet) {
                g.writeStringProperty("type", "passwordSet");
              } else {
                g.writeStringProperty("type", "writebackPending");
              }
              g.writeStringProperty("user", r.user().value());
              g.writeStringProperty("correlationId", r.correlationId().value());
              if (r instanceof PasswordResetResult.WritebackPending pending) {
                g.writeName("writeback");
                c.writeValue(g, pending.writeback());
              }
              g.writeEndObject();
            }));
    addSerializer(
        WritebackHandle.class,
        new Writer<>(
            WritebackHandle.class,
            (h, g, c) -> {
              g.writeStartObject();
              g.writeStringProperty("user", h.user().value());
              g.writeStringProperty("correlationId", h.correlationId().value());
              g.writeStringProperty("status", h.status().name());
              g.writeArrayPropertyStart("progress");
              for (WritebackStatus status : h.progress()) {
                g.writeString(status.name());
              }
              g.writeEndArray();
              if (h.result().isPresent()) {
                g.writeName("result");
                c.writeValue(g, h.result().get());
              }
              g.writeEndObject();
            }));
    addSerializer(
        WritebackResult.class,
        new Writer<>(
            WritebackResult.class,
            (r, g, c) -> {
              g.writeStartObject();
              g.writeStringProperty("status", r.status().name());
              if (r.failure().isPresent()) {
                g.writeStringProperty("failure", r.failure().get().name());
                g.writeStringProperty("message", r.failure().get().message());
              }
              g.writeEndObject();
            }));
  }

  private static void actions(JsonGenerator g, Set<StaffAction> actions) {
    g.writeArrayPropertyStart("allowedActions");
    for (StaffAction action : StaffAction.values()) {
      if (actions.contains(action)) {
        g.writeString(action.name());
      }
    }
    g.writeEndArray();
  }

  private void errors() {
    addSerializer(
        MyStaffException.class,
        new Writer<>(
            MyStaffException.class,
            (e, g, c) -> {
              g.writeStartObject();
              g.writeStringProperty("code", e.code().name());
              if (e instanceof AccessDeniedException denied) {
                g.writeStringProperty("reason", denied.reason().name());
                g.writeStringProperty("message", denied.reason().message());
              } else if (e instanceof SignInRefusedException refused) {
                g.writeStringProperty("reason", refused.reason().name());
                g.writeStringProperty("message", refused.reason().message());
              } else {
                g.writeStringProperty("message", e.getMessage());
              }
              if (e instanceof InvalidInputException invalid) {
                g.writeArrayPropertyStart("violations");
                for (InvalidInputException.Violation v : invalid.violations()) {
                  g.writeStartObject();
                  g.writeStringProperty("field", v.field());
                  g.writeStringProperty("reason", v.reason());
                  g.writeEndObject();
                }
                g.writeEndArray();
              }
              g.writeEndObject();
            }));
  }

  private void audit() {
    addSerializer(
        AuditEvent.class,
        new Writer<>(AuditEvent.class, (e, g, c) -> g.writeTree(AuditJson.standard().toTree(e))));
    addDeserializer(
        AuditEvent.class,
        new StdDeserializer<AuditEvent>(AuditEvent.class) {
          @Override
          public AuditEvent deserialize(JsonParser p, DeserializationContext ctxt) {
            JsonNode tree = ctxt.readTree(p);
            return AuditJson.standard().fromTree(tree);
          }
        });
  }

  private void secrets() {
    addSerializer(Secret.class, new Refusing<>(Secret.class));
    addSerializer(OneTimeSecret.class, new Refusing<>(OneTimeSecret.class));
  }

  private static void optional(JsonGenerator g, String name, Optional<String> value) {
    if (value.isPresent()) {
      g.writeStringProperty(name, value.get());
    }
  }

  /** Writes one value; the body of a serializer. */
  @FunctionalInterface
  private interface Body<T> {
    void write(T value, JsonGenerator g, SerializationContext c);
  }

  private static final class Writer<T> extends StdSerializer<T> {
    private final Body<T> body;

    Writer(Class<T> type, Body<T> body) {
      super(type);
      this.body = body;
    }

    @Override
    public void serialize(T value, JsonGenerator g, SerializationContext c) {
      body.write(value, g, c);
    }
  }

  /** Fails loudly instead of writing a secret; the message names the type only. */
  private static final class Refusing<T> extends StdSerializer<T> {
    Refusing(Class<T> type) {
      super(type);
    }

    @Override
    public void serialize(T value, JsonGenerator g, SerializationContext c) {
      c.reportBadDefinition(
          handledType(),
          handledType().getSimpleName()
              + " is never serialized; reveal it explicitly where it is shown");
    }
  }

  /** Reads a JSON string into a value whose factory throws {@link InvalidInputException}. */
  private static final class StringReader<T> extends StdDeserializer<T> {
    private final String field;
    private final Function<String, T> parse;

    StringReader(Class<T> type, String field, Function<String, T> parse) {
      super(type);
      this.field = field;
      this.parse = parse;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) {
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        throw InvalidInputException.of(field, "must be a JSON string");
      }
      return parse.apply(p.getString());
    }
  }

  private static final class PageRequestReader extends StdDeserializer<PageRequest> {
    private static final Set<String> FIELDS = Set.of("size", "cursor");

    PageRequestReader() {
      super(PageRequest.class);
    }

    @Override
    public PageRequest deserialize(JsonParser p, DeserializationContext ctxt) {
      JsonNode tree = ctxt.readTree(p);
      if (!tree.isObject()) {
        throw InvalidInputException.of("page request", "must be a JSON object");
      }
      for (String name : tree.propertyNames()) {
        if (!FIELDS.contains(name)) {
          throw InvalidInputException.of("page request", "has a field other than size and cursor");
        }
      }
      JsonNode size = tree.get("size");
      if (size == null || !size.isInt()) {
        throw InvalidInputException.of("page size", "must be a whole number");
      }
      JsonNode cursor = tree.get("cursor");
      if (cursor == null || cursor.isNull()) {
        return new PageRequest(size.intValue(), Optional.empty());
      }
      if (!cursor.isString()) {
        throw InvalidInputException.of("page cursor", "must be a JSON string");
      }
      return new PageRequest(size.intValue(), Optional.of(cursor.stringValue()));
    }
  }

  /** Graph's phone format without libphonenumber's validity check, so every number round-trips. */
  static final class Phones {
    private static final io.mystaff.core.phone.PhoneNumberParser GRAPH =
        io.mystaff.core.phone.PhoneNumberParser.international();
    private static final Pattern FORM =
        Pattern.compile("\\+([1-9][0-9]{0,2}) ?([0-9]+)(?:x([0-9]+))?");

    private Phones() {}

    static String toGraph(PhoneNumber number) {
      return GRAPH.toGraphFormatOrE164(number);
    }

    static PhoneNumber fromGraph(String text) {
      Matcher m = FORM.matcher(text);
      if (text.length() > 64 || !m.matches()) {
        throw InvalidInputException.of(
            "phone number",
            "must be in Graph's format (+, country code, space, number, optionally x and an extension) or E.164");
      }
      String e164 = "+" + m.group(1) + m.group(2);
      return m.group(3) == null ? PhoneNumber.of(e164) : PhoneNumber.of(e164, m.group(3));
    }
  }
}
