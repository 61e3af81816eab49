package io.mystaff.inmemory;

import io.mystaff.api.UnitId;
import io.mystaff.api.directory.User;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The directory's state for one user, and the entry of every index the user is in. Its sort key
 * (the user's display name and id) changes only while it is out of the indexes.
 *
 * <p>Lock-free readers read the volatile fields. {@link #user} and {@link #password} change under
 * this record's monitor (so compare-and-set writes are linearizable); {@link #units} and the index
 * entries change under the directory's write lock.
 */
final class UserRecord implements Listed {
  volatile User user;

  /** Every unit the user is a member of, assigned or dynamic; immutable. */
  volatile Set<UnitId> units = Set.of();

  /**
   * The dynamic units whose rule is undecided for the user (not among {@link #units}); immutable.
   */
  volatile Set<UnitId> undecidedUnits = Set.of();

  /** Null until the user's sessions are first revoked; changes under this record's monitor. */
  volatile @Nullable Instant sessionsValidFrom;

  /** Null until a password is set. */
  volatile @Nullable PasswordHash password;

  UserRecord(User user) {
    this.user = user;
  }

  @Override
  public String displayName() {
    return user.displayName();
  }

  @Override
  public String sortId() {
    return user.id().value();
  }

  @Override
  public String toString() {
    return "UserRecord{" + user.id() + "}";
  }
}
