package io.mystaff.core.authz;

import io.mystaff.api.RoleId;
import io.mystaff.api.authz.RoleCatalog;
import io.mystaff.api.authz.RoleDefinition;
import java.util.HashMap;
import java.util.Map;

/** The custom roles of one {@link RoleCatalog}, compiled to {@link RoleRules}. Immutable. */
final class CatalogRules {
  private final RoleCatalog catalog;
  private final Map<RoleId, RoleRules> custom;

  private CatalogRules(RoleCatalog catalog, Map<RoleId, RoleRules> custom) {
    this.catalog = catalog;
    this.custom = custom;
  }

  static CatalogRules compile(RoleCatalog catalog) {
    Map<RoleId, RoleRules> m = new HashMap<>();
    for (RoleDefinition d : catalog.all()) {
      if (!d.isBuiltIn()) {
        m.put(d.id(), RoleRules.custom(d));
      }
    }
    return new CatalogRules(catalog, Map.copyOf(m));
  }

  /** True if these rules were compiled from exactly this catalog instance. */
  // Identity is the point: a cheap check that the last compiled catalog is the one in use.
  @SuppressWarnings("ReferenceEquality")
  boolean isFor(RoleCatalog c) {
    return catalog == c;
  }

  /** The rules of {@code role}: built-in, custom, or {@link RoleRules#UNKNOWN}. */
  RoleRules resolve(RoleId role) {
    RoleRules r = RoleRules.builtIn(role);
    if (r != null) {
      return r;
    }
    r = custom.get(role);
    return r != null ? r : RoleRules.UNKNOWN;
  }
}
