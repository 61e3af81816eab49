package io.mystaff.jackson2;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
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
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Jackson 2 twin of {@code io.mystaff.jackson.MyStaffJacksonModule}, for hosts still on Jackson
 * 2 ({@code com.fasterxml.jackson}, e.g. Spring Boot 3): the same JSON shapes, the same readers and
 * the same refusal to serialize secrets, checked by the same round-trip tests.
 *
 * <pre>
 * ObjectMapper mapper = JsonMapper.builder().addModule(new MyStaffJackson2Module()).build();
 * </pre>
 *
 * <p>See {@code MyStaffJacksonModule} for the shapes. Two differences follow from Jackson 2: a
 * failure is a {@link JsonMappingException} (checked), and an {@link AuditEvent} is written as raw
 * JSON by the Graph codec {@link AuditJson}, which is on Jackson 3 (so a pretty-printing mapper
 * does not indent it).
 */
public final class MyStaffJackson2Module extends SimpleModule {
  private static final long serialVersionUID = 1L;

  /** A module with every serializer and deserializer of this class. */
  public MyStaffJackson2Module() {
    super("mystaff-jackson2", Version.unknownVersion());
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
              g.writeNumberField("size", r.size());
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
              g.writeFieldName("items");
              g.writeStartArray();
              for (Object item : p.items()) {
                c.defaultSerializeValue(item, g);
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
              g.writeStringField("id", u.id().value());
              g.writeStringField("userPrincipalName", u.userPrincipalName());
              g.writeStringField("displayName", u.displayName());
              g.writeStringField("userType", u.userType().graphName());
              g.writeStringField("source", u.source().name());
              optional(g, "onPremisesSamAccountName", u.onPremisesSamAccountName());
              g.writeBooleanField("accountEnabled", u.accountEnabled());
              g.writeBooleanField(
                  "forceChangePasswordNextSignIn", u.forceChangePasswordNextSignIn());
              g.writeObjectFieldStart("attributes");
              for (Map.Entry<String, String> attribute : u.attributes().entrySet()) {
                g.writeStringField(attribute.getKey(), attribute.getValue());
              }
              g.writeEndObject();
              g.writeArrayFieldStart("groups");
              for (GroupId group : u.groups()) {
                g.writeString(group.value());
              }
              g.writeEndArray();
              g.writeNumberField("version", u.version());
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
                g.writeStringField("type", "unit");
                g.writeStringField("displayName", l.displayName());
                g.writeFieldName("unit");
                c.defaultSerializeValue(unit.unit(), g);
              } else {
                g.writeStringField("type", "wholeOrganization");
                g.writeStringField("displayName", l.displayName());
              }
              g.writeEndObject();
            }));
    addSerializer(
        UserSummary.class,
        new Writer<>(
            UserSummary.class,
            (s, g, c) -> {
              g.writeStartObject();
              g.writeStringField("id", s.id().value());
              g.writeStringField("displayName", s.displayName());
              g.writeStringField("userPrincipalName", s.userPrincipalName());
              g.writeStringField("source", s.source().name());
              g.writeBooleanField("accountEnabled", s.accountEnabled());
              g.writeEndObject();
            }));
    addSerializer(
        PhoneView.class,
        new Writer<>(
            PhoneView.class,
            (v, g, c) -> {
              g.writeStartObject();
              g.writeBooleanField("masked", v.masked());
              g.writeStringField("display", v.display());
              if (v.number().isPresent()) {
                g.writeStringField("number", Phones.toGraph(v.number().get()));
              }
              g.writeEndObject();
            }));
  }

  private static void unitFields(AdministrativeUnit u, JsonGenerator g) throws IOException {
    g.writeStringField("id", u.id().value());
    g.writeStringField("displayName", u.displayName());
    optional(g, "description", u.description());
    g.writeStringField("membershipType", u.membershipType().name());
    optional(g, "membershipRule", u.membershipRule());
    g.writeBooleanField("restrictedManagement", u.restrictedManagement());
  }

  private void results() {
    addSerializer(
        StaffMember.class,
        new Writer<>(
            StaffMember.class,
            (m, g, c) -> {
              g.writeStartObject();
              g.writeFieldName("user");
              c.defaultSerializeValue(m.user(), g);
              actions(g, m.allowedActions());
              g.writeObjectFieldStart("denyReasons");
              for (StaffAction action : StaffAction.values()) {
                Optional<DenyReason> reason = m.denyReason(action);
                if (reason.isPresent()) {
                  g.writeObjectFieldStart(action.name());
                  g.writeStringField("code", reason.get().name());
                  g.writeStringField("message", reason.get().message());
                  g.writeEndObject();
                }
              }
              g.writeEndObject();
              g.writeBooleanField("canManage", m.canManage());
              g.writeEndObject();
            }));
    addSerializer(
        UnitSearchResult.class,
        new Writer<>(
            UnitSearchResult.class,
            (r, g, c) -> {
              g.writeStartObject();
              g.writeFieldName("unit");
              c.defaultSerializeValue(r.unit(), g);
              actions(g, r.allowedActions());
              g.writeBooleanField("canManage", r.canManage());
              g.writeEndObject();
            }));
    addSerializer(
        UserProfile.class,
        new Writer<>(
            UserProfile.class,
            (p, g, c) -> {
              g.writeStartObject();
              g.writeFieldName("user");
              c.defaultSerializeValue(p.user(), g);
              g.writeArrayFieldStart("units");
              for (AdministrativeUnit unit : p.units()) {
                c.defaultSerializeValue(unit, g);
              }
              g.writeEndArray();
              actions(g, p.allowedActions());
              g.writeBooleanField("phonesMasked", p.phonesMasked());
              g.writeObjectFieldStart("phones");
              for (Map.Entry<io.mystaff.api.directory.PhoneType, PhoneView> phone :
                  p.phones().entrySet()) {
                g.writeFieldName(phone.getKey().graphName());
                c.defaultSerializeValue(phone.getValue(), g);
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
              g.writeStringField("user", p.user().value());
              g.writeStringField("type", p.type().graphName());
              if (p.previous().isPresent()) {
                g.writeStringField("previous", Phones.toGraph(p.previous().get()));
              }
              if (p.current().isPresent()) {
                g.writeStringField("current", Phones.toGraph(p.current().get()));
              }
              g.writeStringField("correlationId", p.correlationId().value());
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
                g.writeStringField("type", "temporaryPassword");
              } else if (r instanceof PasswordResetResult.PasswordSet) {
                g.writeStringField("type", "passwordSet");
              } else {
                g.writeStringField("type", "writebackPending");
              }
              g.writeStringField("user", r.user().value());
              g.writeStringField("correlationId", r.correlationId().value());
              if (r instanceof PasswordResetResult.WritebackPending pending) {
                g.writeFieldName("writeback");
                c.defaultSerializeValue(pending.writeback(), g);
              }
              g.writeEndObject();
            }));
    addSerializer(
        WritebackHandle.class,
        new Writer<>(
            WritebackHandle.class,
            (h, g, c) -> {
              g.writeStartObject();
              g.writeStringField("user", h.user().value());
              g.writeStringField("correlationId", h.correlationId().value());
              g.writeStringField("status", h.status().name());
              g.writeArrayFieldStart("progress");
              for (WritebackStatus status : h.progress()) {
                g.writeString(status.name());
              }
              g.writeEndArray();
              if (h.result().isPresent()) {
                g.writeFieldName("result");
                c.defaultSerializeValue(h.result().get(), g);
              }
              g.writeEndObject();
            }));
    addSerializer(
        WritebackResult.class,
        new Writer<>(
            WritebackResult.class,
            (r, g, c) -> {
              g.writeStartObject();
              g.writeStringField("status", r.status().name());
              if (r.failure().isPresent()) {
                g.writeStringField("failure", r.failure().get().name());
                g.writeStringField("message", r.failure().get().message());
              }
              g.writeEndObject();
            }));
  }

  private static void actions(JsonGenerator g, Set<StaffAction> actions) throws IOException {
    g.writeArrayFieldStart("allowedActions");
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
              g.writeStringField("code", e.code().name());
              if (e instanceof AccessDeniedException denied) {
                g.writeStringField("reason", denied.reason().name());
                g.writeStringField("message", denied.reason().message());
              } else if (e instanceof SignInRefusedException refused) {
                g.writeStringField("reason", refused.reason().name());
                g.writeStringField("message", refused.reason().message());
              } else {
                g.writeStringField("message", e.getMessage());
              }
              if (e instanceof InvalidInputException invalid) {
                g.writeArrayFieldStart("violations");
                for (InvalidInputException.Violation v : invalid.violations()) {
                  g.writeStartObject();
                  g.writeStringField("field", v.field());
                  g.writeStringField("reason", v.reason());
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
        new Writer<>(
            AuditEvent.class, (e, g, c) -> g.writeRawValue(AuditJson.standard().write(e))));
    addDeserializer(
        AuditEvent.class,
        new StdDeserializer<AuditEvent>(AuditEvent.class) {
          @Override
          public AuditEvent deserialize(JsonParser p, DeserializationContext ctxt)
              throws IOException {
            // The Graph codec is on Jackson 3: hand it the event's text.
            JsonNode tree = ctxt.readTree(p);
            return AuditJson.standard().read(tree == null ? "" : tree.toString());
          }
        });
  }

  private void secrets() {
    addSerializer(Secret.class, new Refusing<>(Secret.class));
    addSerializer(OneTimeSecret.class, new Refusing<>(OneTimeSecret.class));
  }

  private static void optional(JsonGenerator g, String name, Optional<String> value)
      throws IOException {
    if (value.isPresent()) {
      g.writeStringField(name, value.get());
    }
  }

  /** Writes one value; the body of a serializer. */
  @FunctionalInterface
  private interface Body<T> {
    void write(T value, JsonGenerator g, SerializerProvider c) throws IOException;
  }

  private static final class Writer<T> extends StdSerializer<T> {
    private static final long serialVersionUID = 1L;

    private final Body<T> body;

    Writer(Class<T> type, Body<T> body) {
      super(type);
      this.body = body;
    }

    @Override
    public void serialize(T value, JsonGenerator g, SerializerProvider c) throws IOException {
      body.write(value, g, c);
    }
  }

  /** Fails loudly instead of writing a secret; the message names the type only. */
  private static final class Refusing<T> extends StdSerializer<T> {
    private static final long serialVersionUID = 1L;

    Refusing(Class<T> type) {
      super(type);
    }

    @Override
    public void serialize(T value, JsonGenerator g, SerializerProvider c) throws IOException {
      throw JsonMappingException.from(
          g,
          handledType().getSimpleName()
              + " is never serialized; reveal it explicitly where it is shown");
    }
  }

  /** Reads a JSON string into a value whose factory throws {@link InvalidInputException}. */
  private static final class StringReader<T> extends StdDeserializer<T> {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final Function<String, T> parse;

    StringReader(Class<T> type, String field, Function<String, T> parse) {
      super(type);
      this.field = field;
      this.parse = parse;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        throw InvalidInputException.of(field, "must be a JSON string");
      }
      return parse.apply(p.getText());
    }
  }

  private static final class PageRequestReader extends StdDeserializer<PageRequest> {
    private static final long serialVersionUID = 1L;

    private static final Set<String> FIELDS = Set.of("size", "cursor");

    PageRequestReader() {
      super(PageRequest.class);
    }

    @Override
    public PageRequest deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonNode tree = ctxt.readTree(p);
      if (!tree.isObject()) {
        throw InvalidInputException.of("page request", "must be a JSON object");
      }
      for (java.util.Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
        String name = names.next();
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
      if (!cursor.isTextual()) {
        throw InvalidInputException.of("page cursor", "must be a JSON string");
      }
      return new PageRequest(size.intValue(), Optional.of(cursor.textValue()));
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
