package io.mystaff.testkit.contract;

import io.mystaff.api.authz.RoleAssignment;
import io.mystaff.api.directory.User;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Names the first field in which two values differ ({@code "[2].targets[0].displayName"}), so that
 * a failing law says what the provider lost instead of printing two long values.
 */
final class FieldDiff {
  private FieldDiff() {}

  /** The path of the first difference between {@code expected} and {@code actual}, if any. */
  static Optional<String> first(Object expected, Object actual) {
    return first("", expected, actual);
  }

  /** {@code "<what> differs at <path>: expected <e> but was <a>"}, or empty if equal. */
  static Optional<String> describe(String what, Object expected, Object actual) {
    return first(expected, actual)
        .map(path -> what + " differs at " + (path.isEmpty() ? "the value itself" : path));
  }

  private static Optional<String> first(String path, Object e, Object a) {
    if (Objects.equals(e, a)) {
      return Optional.empty();
    }
    if (e.getClass() != a.getClass() && !sameKind(e, a)) {
      return Optional.of(path + " (" + shape(e) + " vs " + shape(a) + ")");
    }
    if (e instanceof User || e instanceof RoleAssignment) {
      Map<String, Object> ef = fieldsOf(e);
      Map<String, Object> af = fieldsOf(a);
      for (Map.Entry<String, Object> field : ef.entrySet()) {
        Optional<String> d =
            first(
                path + "." + field.getKey(),
                field.getValue(),
                Objects.requireNonNull(af.get(field.getKey())));
        if (d.isPresent()) {
          return d;
        }
      }
      return Optional.of(path);
    }
    if (e.getClass().isRecord()) {
      for (RecordComponent c : e.getClass().getRecordComponents()) {
        try {
          Optional<String> d =
              first(path + "." + c.getName(), c.getAccessor().invoke(e), c.getAccessor().invoke(a));
          if (d.isPresent()) {
            return d;
          }
        } catch (ReflectiveOperationException ex) {
          return Optional.of(path);
        }
      }
      return Optional.of(path);
    }
    if (e instanceof Optional<?> eo && a instanceof Optional<?> ao) {
      if (eo.isPresent() != ao.isPresent()) {
        return Optional.of(path + (eo.isPresent() ? " (missing)" : " (unexpected)"));
      }
      return eo.isPresent() ? first(path, eo.get(), ao.get()) : Optional.empty();
    }
    if (e instanceof List<?> el && a instanceof List<?> al) {
      for (int i = 0; i < Math.min(el.size(), al.size()); i++) {
        Optional<String> d = first(path + "[" + i + "]", el.get(i), al.get(i));
        if (d.isPresent()) {
          return d;
        }
      }
      return Optional.of(path + ".size (" + el.size() + " vs " + al.size() + ")");
    }
    if (e instanceof Map<?, ?> em && a instanceof Map<?, ?> am) {
      for (Map.Entry<?, ?> entry : em.entrySet()) {
        if (!am.containsKey(entry.getKey())) {
          return Optional.of(path + "[" + entry.getKey() + "] (missing)");
        }
        Optional<String> d =
            first(
                path + "[" + entry.getKey() + "]",
                entry.getValue(),
                Objects.requireNonNull(am.get(entry.getKey())));
        if (d.isPresent()) {
          return d;
        }
      }
      for (Object key : am.keySet()) {
        if (!em.containsKey(key)) {
          return Optional.of(path + "[" + key + "] (unexpected)");
        }
      }
      return Optional.of(path);
    }
    if (e instanceof Collection<?> ec && a instanceof Collection<?> ac) {
      for (Iterator<?> it = ec.iterator(); it.hasNext(); ) {
        Object item = it.next();
        if (!ac.contains(item)) {
          return Optional.of(path + " (missing an element)");
        }
      }
      return Optional.of(path + " (an unexpected element)");
    }
    return Optional.of(path);
  }

  private static boolean sameKind(Object e, Object a) {
    return (e instanceof Collection && a instanceof Collection)
        || (e instanceof Map && a instanceof Map)
        || (e instanceof Optional && a instanceof Optional);
  }

  private static String shape(Object o) {
    return o.getClass().getSimpleName();
  }

  /** Every observable field of a user, by name. */
  /** The components of a value class that is not a record, by name. */
  private static Map<String, Object> fieldsOf(Object o) {
    if (o instanceof User u) {
      return fieldsOf(u);
    }
    RoleAssignment r = (RoleAssignment) o;
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("id", r.id());
    f.put("principal", r.principal());
    f.put("role", r.role());
    f.put("scope", r.scope());
    f.put("start", r.start());
    f.put("end", r.end());
    f.put("kind", r.kind());
    return f;
  }

  static Map<String, Object> fieldsOf(User u) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("id", u.id());
    f.put("userPrincipalName", u.userPrincipalName());
    f.put("displayName", u.displayName());
    f.put("source", u.source());
    f.put("onPremisesSamAccountName", u.onPremisesSamAccountName());
    f.put("accountEnabled", u.accountEnabled());
    f.put("userType", u.userType());
    f.put("attributes", u.attributes());
    f.put("groups", u.groups());
    f.put("phones", u.phones());
    f.put("forceChangePasswordNextSignIn", u.forceChangePasswordNextSignIn());
    f.put("version", u.version());
    return f;
  }
}
