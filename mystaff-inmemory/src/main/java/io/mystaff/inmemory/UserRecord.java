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
 * <p>Lock-free readers read the volatile fields. {@link #user} and the password and sessions
 * instant change under this record's monitor (so compare-and-set writes are linearizable), with the
 * directory's read lock held; {@link #units}, the undecided units and the index entries change
 * under the directory's write lock. So writes of the {@linkplain Rare rare parts} never overlap.
 *
 * <p>A million of these live in a loaded directory: the parts few users have (undecided units,
 * revoked sessions, a password set here) share one field, null for most, which keeps a record at 24
 * bytes.
 */
final class UserRecord implements Listed {
  volatile User user;

  /** Every unit the user is a member of, assigned or dynamic; immutable. */
  volatile Set<UnitId> units = Set.of();

  /** Null while every rare part is at its default. */
  private volatile @Nullable Rare rare;

  /** The parts few users have; immutable, replaced on change. */
  private record Rare(
      Set<UnitId> undecidedUnits,
      @Nullable Instant sessionsValidFrom,
      @Nullable PasswordHash password) {
    static final Rare NONE = new Rare(Set.of(), null, null);

    @Nullable Rare orNull() {
      return undecidedUnits.isEmpty() && sessionsValidFrom == null && password == null
          ? null
          : this;
    }
  }

  UserRecord(User user) {
    this.user = user;
  }

  private Rare rare() {
    Rare r = rare;
    return r == null ? Rare.NONE : r;
  }

  /**
   * {@return the dynamic units whose rule is undecided for the user (not among {@link #units});
   * immutable}
   */
  Set<UnitId> undecidedUnits() {
    return rare().undecidedUnits();
  }

  /** Sets the undecided units (immutable); under the directory's write lock. */
  void undecidedUnits(Set<UnitId> undecided) {
    Rare r = rare();
    rare = new Rare(undecided, r.sessionsValidFrom(), r.password()).orNull();
  }

  /** {@return null until the user's sessions are first revoked} */
  @Nullable Instant sessionsValidFrom() {
    return rare().sessionsValidFrom();
  }

  /** Sets the instant sessions are valid from; under this record's monitor. */
  void sessionsValidFrom(Instant validFrom) {
    Rare r = rare();
    rare = new Rare(r.undecidedUnits(), validFrom, r.password());
  }

  /** {@return null until a password is set} */
  @Nullable PasswordHash password() {
    return rare().password();
  }

  /** Sets the password hash; under this record's monitor. */
  void password(PasswordHash hash) {
    Rare r = rare();
    rare = new Rare(r.undecidedUnits(), r.sessionsValidFrom(), hash);
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
