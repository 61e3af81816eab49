package io.mystaff.core;

import io.mystaff.api.authz.StaffAction;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** Immutable, declaration-ordered copies of action sets for the result values of this package. */
final class StaffActions {
  private StaffActions() {}

  static Set<StaffAction> copyOf(Set<StaffAction> actions) {
    EnumSet<StaffAction> copy = EnumSet.noneOf(StaffAction.class);
    copy.addAll(actions);
    return Collections.unmodifiableSet(copy);
  }

  /** True if {@code actions} includes one that changes the user. */
  static boolean anyChange(Set<StaffAction> actions) {
    for (StaffAction a : actions) {
      if (a.isChange()) {
        return true;
      }
    }
    return false;
  }
}
