package io.mystaff.inmemory;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.AssignmentId;
import io.mystaff.api.GroupId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.InvalidInputException.Violation;
import io.mystaff.api.Principal;
import io.mystaff.api.ProviderFailureException;
import io.mystaff.api.RoleId;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.authz.AssignmentKind;
import io.mystaff.api.authz.BuiltInRole;
import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.authz.RoleDefinition;
import io.mystaff.api.authz.Scope;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.MembershipType;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.directory.User;
import io.mystaff.api.directory.UserSource;
import io.mystaff.api.directory.UserType;
import io.mystaff.membership.MembershipRule;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tenant fixture in mystaff's JSON format: users, administrative units and their assigned
 * members, custom roles, role assignments and role-assignable group members. {@link
 * InMemoryDirectory.Builder#load(Path)} seeds a directory from one; {@link #toJson()} writes one.
 * The format is documented in {@code docs/fixtures.md}:
 *
 * <pre>{@code
 * {
 *   "formatVersion": 1,
 *   "users": [
 *     {"id": "ana", "userPrincipalName": "ana@retail.example", "displayName": "Ana Ortiz",
 *      "attributes": {"department": "Store 12"}, "phones": {"mobile": "+14255550101"}},
 *     {"id": "ben", "userPrincipalName": "ben@retail.example", "displayName": "Ben Ng",
 *      "onPremisesSyncEnabled": true, "onPremisesSamAccountName": "bng"}
 *   ],
 *   "units": [{"id": "store-12", "displayName": "Store 12", "members": ["ana", "ben"]}],
 *   "roleAssignments": [{"principalId": "ana", "role": "Helpdesk Administrator",
 *                        "directoryScopeId": "/administrativeUnits/store-12"}]
 * }
 * }</pre>
 *
 * <p><b>Errors.</b> A document that is not well-formed JSON, does not follow the format, or refers
 * to something it does not define is rejected with one {@link InvalidInputException} listing every
 * problem found, each {@link Violation} naming the path of the offending field ({@code
 * $.users[2].phones.mobile}). Values from the document are never repeated in errors (ids it refers
 * to excepted), and the format has no field for passwords: fixtures are checked into repositories,
 * so secrets do not belong in them.
 *
 * <p>The record's lists keep document order; equality is value equality, so a document read,
 * written and read again is equal to the first reading. A record built directly is checked the same
 * way as a document (paths then name the record's list indexes).
 *
 * @param members the explicit members of assigned units, by unit (units without members are left
 *     out)
 */
public record TenantJson(
    List<User> users,
    List<AdministrativeUnit> units,
    Map<UnitId, Set<UserId>> members,
    List<RoleDefinition> customRoles,
    List<RoleAssignment> assignments,
    Set<UserId> roleAssignableGroupMembers) {

  /** The version of the format this class reads and writes. */
  public static final int FORMAT_VERSION = 1;

  private static final JsonMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  private static final Set<String> TOP_FIELDS =
      Set.of(
          "formatVersion",
          "description",
          "users",
          "units",
          "customRoles",
          "roleAssignments",
          "roleAssignableGroupMembers");
  private static final Set<String> USER_FIELDS =
      Set.of(
          "id",
          "userPrincipalName",
          "displayName",
          "onPremisesSyncEnabled",
          "onPremisesSamAccountName",
          "accountEnabled",
          "forceChangePasswordNextSignIn",
          "attributes",
          "groups",
          "phones",
          "userType");
  private static final Set<String> UNIT_FIELDS =
      Set.of(
          "id",
          "displayName",
          "description",
          "membershipType",
          "membershipRule",
          "restrictedManagement",
          "members");
  private static final Set<String> ROLE_FIELDS =
      Set.of("id", "displayName", "allowedResourceActions");
  private static final Set<String> ASSIGNMENT_FIELDS =
      Set.of(
          "id", "principalId", "principalType", "role", "directoryScopeId", "start", "end", "kind");

  private static final String UNKNOWN_ROLE =
      "is neither a built-in role (by display name or template id) nor a custom role of this tenant (by id)";
  private static final String NOT_AT_UNIT_SCOPE =
      "is an administrative unit, but Entra does not allow this role at administrative-unit scope";

  /** The JSON names of the fields that {@link User}'s own checks report. */
  private static final Map<String, String> USER_FIELD_NAMES =
      Map.of(
          "user id", "id",
          "user principal name", "userPrincipalName",
          "display name", "displayName",
          "sAMAccountName", "onPremisesSamAccountName",
          "attribute name", "attributes");

  /**
   * Copies the parts and checks that they fit together: ids are unique, user principal names are
   * unique ignoring case, dynamic units' rules parse, members and role-assignable group members are
   * users of this tenant, only assigned units have explicit members, custom role names clash with
   * no other role, every assignment's user principal, role and scope unit exist, and a role scoped
   * to a unit may be assigned there ({@link RoleDefinition#isAssignableAtUnitScope()}). A group
   * principal needs no declaration: its members are the users that list it in {@code groups}.
   *
   * @throws InvalidInputException listing every inconsistency, by path
   */
  public TenantJson {
    users = List.copyOf(users);
    units = List.copyOf(units);
    Map<UnitId, Set<UserId>> m = new LinkedHashMap<>();
    members.forEach(
        (unit, ids) -> {
          if (!ids.isEmpty()) {
            m.put(
                requireNonNull(unit, "unit"),
                Collections.unmodifiableSet(new LinkedHashSet<>(ids)));
          }
        });
    members = Collections.unmodifiableMap(m);
    customRoles = List.copyOf(customRoles);
    assignments = List.copyOf(assignments);
    roleAssignableGroupMembers =
        Collections.unmodifiableSet(new LinkedHashSet<>(roleAssignableGroupMembers));
    List<Violation> problems =
        Consistency.check(
            users,
            units,
            members,
            customRoles,
            assignments,
            roleAssignableGroupMembers,
            Positions.IDENTITY);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  /**
   * Reads a document.
   *
   * @throws InvalidInputException if it is not a valid tenant document (see the class
   *     documentation)
   * @throws ProviderFailureException if the stream cannot be read
   */
  public static TenantJson read(InputStream json) {
    requireNonNull(json, "json");
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JacksonIOException e) {
      throw new ProviderFailureException("tenant fixture", "could not read the document", e);
    } catch (JacksonException e) {
      throw malformed(e);
    }
    return new Decoder().tenant(root);
  }

  /**
   * Reads a document from a file.
   *
   * @throws InvalidInputException if there is no such file, or it is not a valid tenant document
   * @throws ProviderFailureException if the file cannot be read
   */
  public static TenantJson read(Path file) {
    requireNonNull(file, "file");
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    } catch (NoSuchFileException e) {
      throw InvalidInputException.of("tenant fixture file", "does not exist: " + file);
    } catch (IOException e) {
      throw new ProviderFailureException("tenant fixture", "could not read " + file, e);
    }
  }

  /**
   * Reads a document from a string.
   *
   * @throws InvalidInputException if it is not a valid tenant document
   */
  public static TenantJson parse(String json) {
    return read(
        new ByteArrayInputStream(requireNonNull(json, "json").getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * This tenant as a document in the current format: pretty-printed, in record order, with fields
   * at their defaults left out and built-in roles named by display name.
   */
  public String toJson() {
    // A tree of strings, numbers and booleans always writes; Jackson 3's exceptions are unchecked.
    return MAPPER.writeValueAsString(Encoder.tenant(this));
  }

  /**
   * Adds everything to {@code builder}: custom roles, units, users, members, assignments and
   * role-assignable group members.
   */
  public InMemoryDirectory.Builder applyTo(InMemoryDirectory.Builder builder) {
    requireNonNull(builder, "builder");
    customRoles.forEach(builder::customRole);
    units.forEach(builder::unit);
    users.forEach(builder::user);
    members.forEach((unit, ids) -> ids.forEach(id -> builder.member(unit, id)));
    assignments.forEach(builder::assignment);
    roleAssignableGroupMembers.forEach(builder::roleAssignableGroupMember);
    return builder;
  }

  @Override
  public String toString() {
    return "TenantJson{"
        + users.size()
        + " users, "
        + units.size()
        + " units, "
        + assignments.size()
        + " assignments}";
  }

  private static InvalidInputException malformed(JacksonException e) {
    TokenStreamLocation at = e.getLocation();
    String where =
        at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    String what =
        e.getMessage() != null && e.getMessage().startsWith("Duplicate Object property")
            ? "repeats a field name"
            : "is not well-formed JSON";
    // Jackson's own message may quote the document; only the position is passed on.
    return InvalidInputException.of("$", what + where);
  }

  /**
   * Where the parts checked by {@link Consistency} stand in the document: the index of each list
   * element in its array (elements that did not decode are missing from the lists), and the ids
   * declared by elements that did not decode, to which references are not reported as unknown
   * (their element's own problem is).
   */
  private record Positions(
      @Nullable List<Integer> users,
      @Nullable List<Integer> units,
      @Nullable List<Integer> roles,
      @Nullable List<Integer> assignments,
      Set<Object> undecoded) {
    static final Positions IDENTITY = new Positions(null, null, null, null, Set.of());

    int user(int i) {
      return users == null ? i : users.get(i);
    }

    int unit(int i) {
      return units == null ? i : units.get(i);
    }

    int role(int i) {
      return roles == null ? i : roles.get(i);
    }

    int assignment(int i) {
      return assignments == null ? i : assignments.get(i);
    }

    /** Whether a reference to {@code id} is unknown: not declared, not even by a broken element. */
    boolean unknown(Map<?, Integer> index, Object id) {
      return !index.containsKey(id) && !undecoded.contains(id);
    }
  }

  /** The referential checks of the constructor, also run on what a reader could decode. */
  private static final class Consistency {
    private Consistency() {}

    static List<Violation> check(
        List<User> users,
        List<AdministrativeUnit> units,
        Map<UnitId, Set<UserId>> members,
        List<RoleDefinition> customRoles,
        List<RoleAssignment> assignments,
        Set<UserId> roleAssignableGroupMembers,
        Positions at) {
      List<Violation> problems = new ArrayList<>();
      Map<UserId, Integer> userIndex = new HashMap<>();
      Map<String, UserId> upns = new HashMap<>();
      for (int i = 0; i < users.size(); i++) {
        User u = requireNonNull(users.get(i), "user");
        Integer earlier = userIndex.putIfAbsent(u.id(), i);
        if (earlier != null) {
          problems.add(
              new Violation(
                  "$.users[" + at.user(i) + "].id",
                  "repeats the id of $.users[" + at.user(earlier) + "]"));
        }
        UserId holder = upns.putIfAbsent(u.userPrincipalName().toLowerCase(Locale.ROOT), u.id());
        if (holder != null && earlier == null) {
          problems.add(
              new Violation(
                  "$.users[" + at.user(i) + "].userPrincipalName",
                  "is already used by user " + holder));
        }
      }
      Map<UnitId, Integer> unitIndex = new HashMap<>();
      for (int i = 0; i < units.size(); i++) {
        AdministrativeUnit unit = requireNonNull(units.get(i), "unit");
        Integer earlier = unitIndex.putIfAbsent(unit.id(), i);
        if (earlier != null) {
          problems.add(
              new Violation(
                  "$.units[" + at.unit(i) + "].id",
                  "repeats the id of $.units[" + at.unit(earlier) + "]"));
        }
        if (unit.membershipRule().isPresent()) {
          try {
            MembershipRule.parse(unit.membershipRule().get());
          } catch (InvalidInputException e) {
            for (Violation v : e.violations()) {
              problems.add(new Violation("$.units[" + at.unit(i) + "].membershipRule", v.reason()));
            }
          }
        }
      }
      members.forEach(
          (unit, ids) -> {
            Integer i = unitIndex.get(unit);
            if (i == null) {
              problems.add(
                  new Violation(
                      "$.units", "has no unit " + unit + " for the members given for it"));
              return;
            }
            if (units.get(i).isDynamic()) {
              problems.add(
                  new Violation(
                      "$.units[" + at.unit(i) + "].members",
                      "a dynamic unit's members follow from its membership rule"));
            }
            int j = 0;
            for (UserId id : ids) {
              if (at.unknown(userIndex, id)) {
                problems.add(
                    new Violation(
                        "$.units[" + at.unit(i) + "].members[" + j + "]",
                        "names unknown user " + id));
              }
              j++;
            }
          });
      Map<RoleId, Integer> roleIndex = new HashMap<>();
      Set<String> roleNames = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
      for (BuiltInRole r : BuiltInRole.values()) {
        roleNames.add(r.displayName());
      }
      for (int i = 0; i < customRoles.size(); i++) {
        RoleDefinition role = requireNonNull(customRoles.get(i), "role");
        if (role.isBuiltIn()) {
          problems.add(
              new Violation(
                  "$.customRoles[" + at.role(i) + "]",
                  "is a built-in role, which cannot be redefined"));
          continue;
        }
        Integer earlier = roleIndex.putIfAbsent(role.id(), i);
        if (earlier != null) {
          problems.add(
              new Violation(
                  "$.customRoles[" + at.role(i) + "].id",
                  "repeats the id of $.customRoles[" + at.role(earlier) + "]"));
        } else if (!roleNames.add(role.displayName())) {
          problems.add(
              new Violation(
                  "$.customRoles[" + at.role(i) + "].displayName",
                  "is already the name of another role"));
        }
      }
      Set<AssignmentId> assignmentIds = new LinkedHashSet<>();
      for (int i = 0; i < assignments.size(); i++) {
        RoleAssignment a = requireNonNull(assignments.get(i), "assignment");
        String path = "$.roleAssignments[" + at.assignment(i) + "]";
        if (!assignmentIds.add(a.id())) {
          problems.add(new Violation(path + ".id", "repeats the id of an earlier assignment"));
        }
        if (a.principal() instanceof UserId user && at.unknown(userIndex, user)) {
          problems.add(new Violation(path + ".principalId", "names unknown user " + user));
        }
        Integer custom = roleIndex.get(a.role());
        if (BuiltInRole.byTemplateId(a.role()).isEmpty() && at.unknown(roleIndex, a.role())) {
          problems.add(new Violation(path + ".role", UNKNOWN_ROLE));
        } else if (custom != null
            && a.scope() instanceof Scope.Unit
            && !customRoles.get(custom).isAssignableAtUnitScope()) {
          problems.add(new Violation(path + ".directoryScopeId", NOT_AT_UNIT_SCOPE));
        }
        if (a.scope() instanceof Scope.Unit scope && at.unknown(unitIndex, scope.unit())) {
          problems.add(
              new Violation(path + ".directoryScopeId", "names unknown unit " + scope.unit()));
        }
      }
      int j = 0;
      for (UserId id : roleAssignableGroupMembers) {
        if (at.unknown(userIndex, requireNonNull(id, "user"))) {
          problems.add(
              new Violation("$.roleAssignableGroupMembers[" + j + "]", "names unknown user " + id));
        }
        j++;
      }
      return problems;
    }
  }

  /** Reads a document tree into a {@link TenantJson}, collecting every problem with its path. */
  private static final class Decoder {
    private final List<Violation> problems = new ArrayList<>();

    TenantJson tenant(JsonNode root) {
      if (root == null || root.isMissingNode()) {
        throw InvalidInputException.of("$", "is empty; expected a tenant object");
      }
      if (!root.isObject()) {
        throw InvalidInputException.of("$", "must be an object");
      }
      fields(root, "$", TOP_FIELDS);
      JsonNode version = root.get("formatVersion");
      if (version == null) {
        problems.add(
            new Violation(
                "$.formatVersion", "is required; this reader reads format " + FORMAT_VERSION));
      } else if (!version.isInt() || version.intValue() != FORMAT_VERSION) {
        problems.add(new Violation("$.formatVersion", "must be " + FORMAT_VERSION));
      }
      text(root, "description", "$", false);

      List<User> users = new ArrayList<>();
      Map<UnitId, Set<UserId>> members = new LinkedHashMap<>();
      List<AdministrativeUnit> units = new ArrayList<>();
      List<RoleDefinition> roles = new ArrayList<>();
      List<RoleAssignment> assignments = new ArrayList<>();
      Set<UserId> roleAssignable = new LinkedHashSet<>();
      Set<Object> undecoded = new HashSet<>();
      List<Integer> userAt = new ArrayList<>();
      List<Integer> unitAt = new ArrayList<>();
      List<Integer> roleAt = new ArrayList<>();
      List<Integer> assignmentAt = new ArrayList<>();
      int[] index = {0, 0, 0, 0};
      each(
          root,
          "users",
          "$",
          (node, at) -> {
            int i = index[0]++;
            user(node, at)
                .ifPresentOrElse(
                    u -> {
                      users.add(u);
                      userAt.add(i);
                    },
                    () -> declaredId(node, UserId::of).ifPresent(undecoded::add));
          });
      each(
          root,
          "units",
          "$",
          (node, at) -> {
            int i = index[1]++;
            unit(node, at, members)
                .ifPresentOrElse(
                    u -> {
                      units.add(u);
                      unitAt.add(i);
                    },
                    () -> declaredId(node, UnitId::of).ifPresent(undecoded::add));
          });
      each(
          root,
          "customRoles",
          "$",
          (node, at) -> {
            int i = index[2]++;
            role(node, at)
                .ifPresentOrElse(
                    r -> {
                      roles.add(r);
                      roleAt.add(i);
                    },
                    () -> declaredId(node, RoleId::of).ifPresent(undecoded::add));
          });
      each(
          root,
          "roleAssignments",
          "$",
          (node, at) -> {
            int i = index[3]++;
            assignment(node, at, i + 1)
                .ifPresent(
                    a -> {
                      assignments.add(a);
                      assignmentAt.add(i);
                    });
          });
      each(
          root,
          "roleAssignableGroupMembers",
          "$",
          (node, at) -> id(node, at, UserId::of).ifPresent(roleAssignable::add));
      // the parts that decoded are checked against each other too, so one pass reports every kind
      // of problem
      Map<UnitId, Set<UserId>> given = new LinkedHashMap<>(members);
      given.values().removeIf(Set::isEmpty); // as the constructor does: no members given
      problems.addAll(
          Consistency.check(
              users,
              units,
              given,
              roles,
              assignments,
              roleAssignable,
              new Positions(userAt, unitAt, roleAt, assignmentAt, undecoded)));
      if (!problems.isEmpty()) {
        throw new InvalidInputException(problems);
      }
      return new TenantJson(users, units, members, roles, assignments, roleAssignable);
    }

    /** The id an element declares, if it is there and well-formed; records no problem. */
    private static <T> Optional<T> declaredId(JsonNode node, Function<String, T> parse) {
      JsonNode id = node.isObject() ? node.get("id") : null;
      if (id == null || !id.isString()) {
        return Optional.empty();
      }
      try {
        return Optional.of(parse.apply(id.stringValue()));
      } catch (InvalidInputException e) {
        return Optional.empty();
      }
    }

    private Optional<User> user(JsonNode node, String at) {
      if (!object(node, at, USER_FIELDS)) {
        return Optional.empty();
      }
      int before = problems.size();
      User.Builder b = User.builder();
      required(node, "id", at).flatMap(n -> id(n, at + ".id", UserId::of)).ifPresent(b::id);
      required(node, "userPrincipalName", at)
          .ifPresent(n -> string(n, at + ".userPrincipalName").ifPresent(b::userPrincipalName));
      required(node, "displayName", at)
          .ifPresent(n -> string(n, at + ".displayName").ifPresent(b::displayName));
      boolean synced = bool(node, "onPremisesSyncEnabled", at, false);
      b.source(synced ? UserSource.SYNCED_FROM_ON_PREMISES : UserSource.CLOUD_ONLY);
      text(node, "onPremisesSamAccountName", at, false).ifPresent(b::onPremisesSamAccountName);
      b.accountEnabled(bool(node, "accountEnabled", at, true));
      text(node, "userType", at, false)
          .ifPresent(
              t ->
                  UserType.fromGraphName(t)
                      .ifPresentOrElse(
                          b::userType,
                          () ->
                              problems.add(
                                  new Violation(at + ".userType", "must be Member or Guest"))));
      b.forceChangePasswordNextSignIn(bool(node, "forceChangePasswordNextSignIn", at, false));
      JsonNode attributes = node.get("attributes");
      if (attributes != null && object(attributes, at + ".attributes", null)) {
        for (Map.Entry<String, JsonNode> e : attributes.properties()) {
          string(e.getValue(), at + ".attributes." + e.getKey())
              .ifPresent(v -> b.attribute(e.getKey(), v));
        }
      }
      each(node, "groups", at, (n, path) -> id(n, path, GroupId::of).ifPresent(b::group));
      JsonNode phones = node.get("phones");
      if (phones != null && object(phones, at + ".phones", null)) {
        for (Map.Entry<String, JsonNode> e : phones.properties()) {
          String path = at + ".phones." + e.getKey();
          Optional<PhoneType> type = phoneType(e.getKey());
          if (type.isEmpty()) {
            problems.add(
                new Violation(path, "is not a phone type; use mobile, alternateMobile or office"));
            continue;
          }
          string(e.getValue(), path)
              .flatMap(v -> phone(v, path))
              .ifPresent(p -> b.phone(type.get(), p));
        }
      }
      if (problems.size() > before) {
        return Optional.empty();
      }
      try {
        return Optional.of(b.build());
      } catch (InvalidInputException e) {
        for (Violation v : e.violations()) {
          String field = USER_FIELD_NAMES.get(v.field());
          problems.add(
              field == null
                  ? new Violation(at, v.field() + " " + v.reason())
                  : new Violation(at + "." + field, v.reason()));
        }
        return Optional.empty();
      }
    }

    private Optional<AdministrativeUnit> unit(
        JsonNode node, String at, Map<UnitId, Set<UserId>> members) {
      if (!object(node, at, UNIT_FIELDS)) {
        return Optional.empty();
      }
      int before = problems.size();
      Optional<UnitId> id = required(node, "id", at).flatMap(n -> id(n, at + ".id", UnitId::of));
      Optional<String> name =
          required(node, "displayName", at).flatMap(n -> string(n, at + ".displayName"));
      Optional<String> description = text(node, "description", at, false);
      MembershipType type = MembershipType.ASSIGNED;
      boolean typeKnown = true;
      Optional<String> typeName = text(node, "membershipType", at, false);
      if (typeName.isPresent()) {
        switch (typeName.get()) {
          case "assigned" -> type = MembershipType.ASSIGNED;
          case "dynamic" -> type = MembershipType.DYNAMIC;
          default -> {
            problems.add(new Violation(at + ".membershipType", "must be assigned or dynamic"));
            typeKnown = false;
          }
        }
      }
      Optional<String> rule = text(node, "membershipRule", at, false);
      if (typeKnown && type == MembershipType.DYNAMIC && rule.isEmpty()) {
        problems.add(new Violation(at + ".membershipRule", "is required for a dynamic unit"));
      } else if (typeKnown && type == MembershipType.ASSIGNED && rule.isPresent()) {
        problems.add(
            typeName.isPresent()
                ? new Violation(at + ".membershipRule", "is only for dynamic units")
                : new Violation(
                    at + ".membershipType", "must be dynamic when a membership rule is given"));
      }
      boolean restricted = bool(node, "restrictedManagement", at, false);
      Set<UserId> ids = new LinkedHashSet<>();
      each(
          node,
          "members",
          at,
          (n, path) ->
              id(n, path, UserId::of)
                  .ifPresent(
                      u -> {
                        if (!ids.add(u)) {
                          problems.add(new Violation(path, "repeats member " + u));
                        }
                      }));
      if (problems.size() > before) {
        return Optional.empty();
      }
      try {
        AdministrativeUnit unit =
            new AdministrativeUnit(
                id.orElseThrow(), name.orElseThrow(), description, type, rule, restricted);
        members.put(unit.id(), ids);
        return Optional.of(unit);
      } catch (InvalidInputException e) {
        e.violations().forEach(v -> problems.add(new Violation(at, v.toString())));
        return Optional.empty();
      }
    }

    private Optional<RoleDefinition> role(JsonNode node, String at) {
      if (!object(node, at, ROLE_FIELDS)) {
        return Optional.empty();
      }
      int before = problems.size();
      Optional<RoleId> id = required(node, "id", at).flatMap(n -> id(n, at + ".id", RoleId::of));
      Optional<String> name =
          required(node, "displayName", at).flatMap(n -> string(n, at + ".displayName"));
      Set<String> actions = new LinkedHashSet<>();
      each(
          node, "allowedResourceActions", at, (n, path) -> string(n, path).ifPresent(actions::add));
      if (problems.size() > before) {
        return Optional.empty();
      }
      if (BuiltInRole.byTemplateId(id.orElseThrow()).isPresent()) {
        problems.add(new Violation(at + ".id", "is the template id of a built-in role"));
        return Optional.empty();
      }
      try {
        return Optional.of(RoleDefinition.custom(id.orElseThrow(), name.orElseThrow(), actions));
      } catch (InvalidInputException e) {
        e.violations().forEach(v -> problems.add(new Violation(at, v.toString())));
        return Optional.empty();
      }
    }

    private Optional<RoleAssignment> assignment(JsonNode node, String at, int position) {
      if (!object(node, at, ASSIGNMENT_FIELDS)) {
        return Optional.empty();
      }
      int before = problems.size();
      Optional<AssignmentId> id =
          node.has("id")
              ? id(node.get("id"), at + ".id", AssignmentId::of)
              : Optional.of(AssignmentId.of("assignment-" + position));
      Optional<String> principalType = text(node, "principalType", at, false);
      boolean group = principalType.isPresent() && principalType.get().equals("group");
      if (principalType.isPresent() && !group && !principalType.get().equals("user")) {
        problems.add(new Violation(at + ".principalType", "must be \"user\" or \"group\""));
      }
      Optional<Principal> principal =
          required(node, "principalId", at)
              .flatMap(n -> id(n, at + ".principalId", group ? GroupId::of : UserId::of));
      Optional<String> kindName = text(node, "kind", at, false);
      AssignmentKind kind = AssignmentKind.ACTIVE;
      if (kindName.isPresent()) {
        if (kindName.get().equals("eligible")) {
          kind = AssignmentKind.ELIGIBLE;
        } else if (!kindName.get().equals("active")) {
          problems.add(new Violation(at + ".kind", "must be \"active\" or \"eligible\""));
        }
      }
      Optional<RoleId> role =
          required(node, "role", at)
              .flatMap(n -> string(n, at + ".role"))
              .flatMap(r -> roleId(r, at + ".role"));
      Optional<Scope> scope =
          required(node, "directoryScopeId", at)
              .flatMap(n -> string(n, at + ".directoryScopeId"))
              .flatMap(
                  s -> {
                    try {
                      return Optional.of(Scope.parse(s));
                    } catch (InvalidInputException e) {
                      problems.add(
                          new Violation(
                              at + ".directoryScopeId",
                              "must be / or /administrativeUnits/{unit id}"));
                      return Optional.empty();
                    }
                  });
      Optional<Instant> start = instant(node, "start", at);
      Optional<Instant> end = instant(node, "end", at);
      if (scope.isPresent()
          && scope.get() instanceof Scope.Unit
          && role.isPresent()
          && BuiltInRole.byTemplateId(role.get())
              .map(r -> !r.isAssignableAtUnitScope())
              .orElse(false)) {
        problems.add(new Violation(at + ".directoryScopeId", NOT_AT_UNIT_SCOPE));
      }
      if (problems.size() > before) {
        return Optional.empty();
      }
      try {
        return Optional.of(
            new RoleAssignment(
                id.orElseThrow(),
                principal.orElseThrow(),
                role.orElseThrow(),
                scope.orElseThrow(),
                start,
                end,
                kind));
      } catch (InvalidInputException e) {
        problems.add(new Violation(at + ".end", "must be after start"));
        return Optional.empty();
      }
    }

    /** A built-in role's display name (any case) or template id, or a custom role's id. */
    private Optional<RoleId> roleId(String text, String at) {
      for (BuiltInRole r : BuiltInRole.values()) {
        if (r.displayName().equalsIgnoreCase(text)) {
          return Optional.of(r.templateId());
        }
      }
      try {
        return Optional.of(RoleId.of(text));
      } catch (InvalidInputException e) {
        problems.add(new Violation(at, UNKNOWN_ROLE));
        return Optional.empty();
      }
    }

    private Optional<Instant> instant(JsonNode node, String field, String at) {
      return text(node, field, at, false)
          .flatMap(
              s -> {
                try {
                  return Optional.of(Instant.parse(s));
                } catch (DateTimeParseException e) {
                  problems.add(
                      new Violation(
                          at + "." + field,
                          "must be an ISO-8601 instant, e.g. 2025-03-01T08:00:00Z"));
                  return Optional.empty();
                }
              });
    }

    private Optional<PhoneNumber> phone(String text, String at) {
      int x = text.indexOf('x');
      try {
        return Optional.of(
            x < 0
                ? PhoneNumber.of(text)
                : PhoneNumber.of(text.substring(0, x), text.substring(x + 1)));
      } catch (InvalidInputException e) {
        problems.add(
            new Violation(
                at, "must be an E.164 number with an optional extension, e.g. +14255550100x12"));
        return Optional.empty();
      }
    }

    private static Optional<PhoneType> phoneType(String name) {
      for (PhoneType t : PhoneType.values()) {
        if (t.graphName().equals(name)) {
          return Optional.of(t);
        }
      }
      return Optional.empty();
    }

    /**
     * Checks that {@code node} is an object whose field names are all in {@code allowed} (null:
     * any).
     */
    private boolean object(JsonNode node, String at, @Nullable Set<String> allowed) {
      if (!node.isObject()) {
        problems.add(new Violation(at, "must be an object"));
        return false;
      }
      if (allowed != null) {
        fields(node, at, allowed);
      }
      return true;
    }

    private void fields(JsonNode node, String at, Set<String> allowed) {
      for (Map.Entry<String, JsonNode> property : node.properties()) {
        String name = property.getKey();
        if (!allowed.contains(name)) {
          problems.add(new Violation(at + "." + name, "is not a field of this format"));
        }
      }
    }

    private Optional<JsonNode> required(JsonNode node, String field, String at) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        problems.add(new Violation(at + "." + field, "is required"));
        return Optional.empty();
      }
      return Optional.of(value);
    }

    private Optional<String> text(JsonNode node, String field, String at, boolean required) {
      JsonNode value = node.get(field);
      if (value == null) {
        if (required) {
          problems.add(new Violation(at + "." + field, "is required"));
        }
        return Optional.empty();
      }
      return string(value, at + "." + field);
    }

    private Optional<String> string(JsonNode value, String at) {
      if (!value.isString()) {
        problems.add(new Violation(at, "must be a string"));
        return Optional.empty();
      }
      return Optional.of(value.stringValue());
    }

    private boolean bool(JsonNode node, String field, String at, boolean otherwise) {
      JsonNode value = node.get(field);
      if (value == null) {
        return otherwise;
      }
      if (!value.isBoolean()) {
        problems.add(new Violation(at + "." + field, "must be true or false"));
        return otherwise;
      }
      return value.booleanValue();
    }

    private <T> Optional<T> id(JsonNode value, String at, Function<String, T> parse) {
      return string(value, at).flatMap(s -> convert(s, at, parse));
    }

    private <T> Optional<T> convert(String text, String at, Function<String, T> parse) {
      try {
        return Optional.of(parse.apply(text));
      } catch (InvalidInputException e) {
        e.violations().forEach(v -> problems.add(new Violation(at, v.reason())));
        return Optional.empty();
      }
    }

    /** Calls {@code element} for each item of the array {@code node.field}, if present. */
    private void each(JsonNode node, String field, String at, Element element) {
      JsonNode value = node.get(field);
      if (value == null) {
        return;
      }
      if (!value.isArray()) {
        problems.add(new Violation(at + "." + field, "must be an array"));
        return;
      }
      for (int i = 0; i < value.size(); i++) {
        element.accept(value.get(i), at + "." + field + "[" + i + "]");
      }
    }

    @FunctionalInterface
    private interface Element {
      void accept(JsonNode node, String at);
    }
  }

  /** Writes a {@link TenantJson} as a document tree. */
  private static final class Encoder {
    private Encoder() {}

    static ObjectNode tenant(TenantJson t) {
      ObjectNode root = MAPPER.createObjectNode();
      root.put("formatVersion", FORMAT_VERSION);
      ArrayNode users = root.putArray("users");
      t.users().forEach(u -> users.add(user(u)));
      ArrayNode units = root.putArray("units");
      t.units().forEach(u -> units.add(unit(u, t.members().getOrDefault(u.id(), Set.of()))));
      if (!t.customRoles().isEmpty()) {
        ArrayNode roles = root.putArray("customRoles");
        for (RoleDefinition r : t.customRoles()) {
          ObjectNode n =
              roles.addObject().put("id", r.id().value()).put("displayName", r.displayName());
          ArrayNode actions = n.putArray("allowedResourceActions");
          new TreeSet<>(r.allowedResourceActions()).forEach(actions::add);
        }
      }
      ArrayNode assignments = root.putArray("roleAssignments");
      for (RoleAssignment a : t.assignments()) {
        ObjectNode n =
            assignments
                .addObject()
                .put("id", a.id().value())
                .put("principalId", a.principal().value());
        if (a.isHeldThroughGroup()) {
          n.put("principalType", "group");
        }
        n.put(
                "role",
                BuiltInRole.byTemplateId(a.role())
                    .map(BuiltInRole::displayName)
                    .orElse(a.role().value()))
            .put("directoryScopeId", a.scope().directoryScopeId());
        a.start().ifPresent(s -> n.put("start", s.toString()));
        a.end().ifPresent(e -> n.put("end", e.toString()));
        if (a.isEligible()) {
          n.put("kind", "eligible");
        }
      }
      if (!t.roleAssignableGroupMembers().isEmpty()) {
        ArrayNode rag = root.putArray("roleAssignableGroupMembers");
        t.roleAssignableGroupMembers().forEach(id -> rag.add(id.value()));
      }
      return root;
    }

    private static ObjectNode user(User u) {
      ObjectNode n =
          MAPPER
              .createObjectNode()
              .put("id", u.id().value())
              .put("userPrincipalName", u.userPrincipalName())
              .put("displayName", u.displayName());
      if (u.isSynced()) {
        n.put("onPremisesSyncEnabled", true);
      }
      u.onPremisesSamAccountName().ifPresent(s -> n.put("onPremisesSamAccountName", s));
      if (!u.accountEnabled()) {
        n.put("accountEnabled", false);
      }
      if (u.isGuest()) {
        n.put("userType", u.userType().graphName());
      }
      if (u.forceChangePasswordNextSignIn()) {
        n.put("forceChangePasswordNextSignIn", true);
      }
      if (!u.attributes().isEmpty()) {
        ObjectNode attributes = n.putObject("attributes");
        u.attributes().forEach(attributes::put);
      }
      if (!u.groups().isEmpty()) {
        ArrayNode groups = n.putArray("groups");
        u.groups().stream().map(GroupId::value).sorted().forEach(groups::add);
      }
      if (!u.phones().isEmpty()) {
        ObjectNode phones = n.putObject("phones");
        u.phones().forEach((type, number) -> phones.put(type.graphName(), number.toString()));
      }
      return n;
    }

    private static ObjectNode unit(AdministrativeUnit u, Set<UserId> members) {
      ObjectNode n =
          MAPPER.createObjectNode().put("id", u.id().value()).put("displayName", u.displayName());
      u.description().ifPresent(d -> n.put("description", d));
      if (u.isDynamic()) {
        n.put("membershipType", "dynamic");
        n.put("membershipRule", u.membershipRule().orElseThrow());
      }
      if (u.restrictedManagement()) {
        n.put("restrictedManagement", true);
      }
      if (!members.isEmpty()) {
        ArrayNode m = n.putArray("members");
        members.forEach(id -> m.add(id.value()));
      }
      return n;
    }
  }
}
