package io.mystaff.inmemory;

import io.mystaff.api.UnitId;
import io.mystaff.api.authz.Scope;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.membership.MembershipRule;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The directory's state for one administrative unit: the unit, its parsed rule if it is dynamic,
 * and its members in directory order. Changed only under the directory's write lock.
 */
final class UnitRecord implements Listed {
  volatile AdministrativeUnit unit;

  /** Present exactly when the unit is dynamic. */
  volatile Optional<MembershipRule> rule;

  /**
   * The unit's id alone, shared by every member in no other unit as its set of units: a million
   * users would otherwise hold a million equal one-element sets.
   */
  final Set<UnitId> alone;

  /** The scope of the unit, shared by the role assignments scoped to it. */
  final Scope scope;

  /** The members in directory order: lock-free reads, writes under the write lock. */
  final SortedChunks<Listed, UserRecord> members = SortedChunks.setOf(Listed.ORDER);

  /** The users for whom the rule is undecided: not members. */
  final Set<UserRecord> undecided = ConcurrentHashMap.newKeySet();

  /** The rule whose undecided outcomes were last logged, so each rule logs once. */
  volatile @Nullable MembershipRule loggedUndecided;

  UnitRecord(AdministrativeUnit unit, Optional<MembershipRule> rule) {
    this.unit = unit;
    this.rule = rule;
    this.alone = Set.of(unit.id());
    this.scope = Scope.unit(unit.id());
  }

  @Override
  public String displayName() {
    return unit.displayName();
  }

  @Override
  public String sortId() {
    return unit.id().value();
  }

  @Override
  public String toString() {
    return "UnitRecord{" + unit.id() + "}";
  }
}
