package io.mystaff.api.authz;

import io.mystaff.api.RoleId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves role ids to definitions: every {@link BuiltInRole}, plus a tenant's custom roles.
 *
 * @since 0.1.0
 */
public final class RoleCatalog {
  private static final RoleCatalog BUILT_INS = new RoleCatalog(java.util.List.of());

  private final Map<RoleId, RoleDefinition> roles;

  private RoleCatalog(Collection<RoleDefinition> custom) {
    Map<RoleId, RoleDefinition> m = new HashMap<>();
    for (BuiltInRole r : BuiltInRole.values()) {
      m.put(r.templateId(), RoleDefinition.of(r));
    }
    for (RoleDefinition d : custom) {
      if (d.isBuiltIn()) {
        continue;
      }
      m.put(d.id(), d);
    }
    this.roles = Map.copyOf(m);
  }

  /** {@return the built-in roles only} */
  public static RoleCatalog builtIns() {
    return BUILT_INS;
  }

  /**
   * The built-in roles plus the given custom roles (built-in definitions in it are ignored).
   *
   * @param definitions the tenant's custom roles
   * @return the catalog
   */
  public static RoleCatalog of(Collection<RoleDefinition> definitions) {
    return new RoleCatalog(definitions);
  }

  /**
   * Looks up a role.
   *
   * @param id the role's id
   * @return its definition, or empty if the catalog has no such role
   */
  public Optional<RoleDefinition> find(RoleId id) {
    return Optional.ofNullable(roles.get(id));
  }

  /** {@return all definitions, built-in and custom} */
  public Collection<RoleDefinition> all() {
    return roles.values();
  }

  /** Equal to another catalog with the same definitions, built-in and custom. */
  @Override
  public boolean equals(Object o) {
    return o == this || (o instanceof RoleCatalog other && roles.equals(other.roles));
  }

  @Override
  public int hashCode() {
    return roles.hashCode();
  }

  @Override
  public String toString() {
    return "RoleCatalog{" + roles.size() + " roles}";
  }
}
