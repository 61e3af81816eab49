package io.mystaff.core.authz;

import io.mystaff.api.RoleId;
import io.mystaff.api.authz.BuiltInRole;
import io.mystaff.api.authz.RoleDefinition;
import io.mystaff.api.authz.StaffAction;
import org.jspecify.annotations.Nullable;

/**
 * What one role means to the engine, precomputed: for each change action, the {@link TargetRow}s a
 * holder may change (0 when the role does not grant the action), the row the role puts its own
 * holders in when they are the target, and whether it may be assigned at unit scope. Immutable.
 */
// Dense tables indexed by ordinal on the decision hot path (docs/performance.md); built from
// values() of closed enums, so no index can go stale.
@SuppressWarnings("EnumOrdinal")
final class RoleRules {
  private static final StaffAction[] ACTIONS = StaffAction.values();

  /**
   * The built-in roles by template id, in an open-addressing table of a power-of-two size: every
   * check resolves each assignment's role here, and a probe is a mask, not the division by the
   * table's size that {@code Map.of}'s tables take (the largest single cost of the large tenant's
   * check in JMH's stack profile). Linear probing; at most a quarter of the slots are used.
   */
  private static final int SLOTS = 128;

  private static final RoleId[] BUILT_IN_IDS = new RoleId[SLOTS];
  private static final RoleRules[] BUILT_IN_RULES = new RoleRules[SLOTS];

  /**
   * A role the catalog does not know: grants nothing, protects like a custom role, and is not known
   * to be assignable at unit scope.
   */
  static final RoleRules UNKNOWN =
      new RoleRules(new long[ACTIONS.length], TargetRow.OTHER_ROLE.bit(), false);

  static {
    if (BuiltInRole.values().length * 4 > SLOTS) {
      throw new IllegalStateException("too many built-in roles for " + SLOTS + " slots");
    }
    for (BuiltInRole role : BuiltInRole.values()) {
      long[] rows = new long[ACTIONS.length];
      for (StaffAction a : ACTIONS) {
        rows[a.ordinal()] = ProtectionMatrix.mask(a, role);
      }
      RoleId id = role.templateId();
      int i = slot(id);
      while (BUILT_IN_IDS[i] != null) {
        i = (i + 1) & (SLOTS - 1);
      }
      BUILT_IN_IDS[i] = id;
      BUILT_IN_RULES[i] =
          new RoleRules(rows, TargetRow.of(role).bit(), role.isAssignableAtUnitScope());
    }
  }

  private final long[] rowsByAction;
  private final long rowAsTarget;
  private final boolean assignableAtUnitScope;

  private RoleRules(long[] rowsByAction, long rowAsTarget, boolean assignableAtUnitScope) {
    this.rowsByAction = rowsByAction;
    this.rowAsTarget = rowAsTarget;
    this.assignableAtUnitScope = assignableAtUnitScope;
  }

  /** The rules of a built-in role, or null if {@code id} is not a built-in template id. */
  static @Nullable RoleRules builtIn(RoleId id) {
    for (int i = slot(id); ; i = (i + 1) & (SLOTS - 1)) {
      RoleId k = BUILT_IN_IDS[i];
      if (k == null) {
        return null;
      }
      if (k.equals(id)) {
        return BUILT_IN_RULES[i];
      }
    }
  }

  private static int slot(RoleId id) {
    int h = id.hashCode();
    return (h ^ (h >>> 16)) & (SLOTS - 1);
  }

  /** A custom role grants each change action whose resource action it lists, on non-admins. */
  static RoleRules custom(RoleDefinition definition) {
    long[] rows = new long[ACTIONS.length];
    long customRows = ProtectionMatrix.mask(ProtectionMatrix.CUSTOM_ROLE);
    for (StaffAction a : ACTIONS) {
      if (a.isChange() && definition.allowedResourceActions().contains(a.resourceAction())) {
        rows[a.ordinal()] = customRows;
      }
    }
    return new RoleRules(rows, TargetRow.OTHER_ROLE.bit(), definition.isAssignableAtUnitScope());
  }

  /** The target rows a holder may change by {@code action}; 0 if the role does not grant it. */
  long rows(StaffAction action) {
    return rowsByAction[action.ordinal()];
  }

  boolean grants(StaffAction action) {
    return rowsByAction[action.ordinal()] != 0L;
  }

  /**
   * Whether an assignment of this role may be scoped to an administrative unit; one that is scoped
   * there although it may not grants nothing.
   */
  boolean assignableAtUnitScope() {
    return assignableAtUnitScope;
  }

  /** The row a holder of this role falls in as a target, as a bit. */
  long rowAsTarget() {
    return rowAsTarget;
  }
}
