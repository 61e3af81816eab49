package io.mystaff.inmemory;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.DelegationId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.UserId;
import io.mystaff.api.authz.Delegation;
import io.mystaff.spi.DelegationStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link DelegationStore} in memory, for tests, demos and single-node hosts whose delegations may
 * be lost on restart. Thread-safe (one lock; every call is short).
 *
 * @since 0.2.0
 */
public final class InMemoryDelegationStore implements DelegationStore {
  private final Object lock = new Object();
  private final Map<DelegationId, Delegation> live = new LinkedHashMap<>();
  private final Set<DelegationId> revoked = new HashSet<>();

  /** An empty store. */
  public InMemoryDelegationStore() {}

  @Override
  public void add(Delegation delegation) {
    requireNonNull(delegation, "delegation");
    synchronized (lock) {
      if (live.containsKey(delegation.id()) || revoked.contains(delegation.id())) {
        throw InvalidInputException.of(
            "id", "a delegation with this id exists", "delegation.duplicate");
      }
      live.put(delegation.id(), delegation);
    }
  }

  @Override
  public Revocation revoke(DelegationId id) {
    requireNonNull(id, "id");
    synchronized (lock) {
      if (live.remove(id) != null) {
        revoked.add(id);
        return Revocation.REVOKED;
      }
      return revoked.contains(id) ? Revocation.ALREADY_REVOKED : Revocation.UNKNOWN;
    }
  }

  @Override
  public Optional<Delegation> find(DelegationId id) {
    requireNonNull(id, "id");
    synchronized (lock) {
      return Optional.ofNullable(live.get(id));
    }
  }

  @Override
  public List<Delegation> activeFor(UserId deputy, Instant at) {
    requireNonNull(deputy, "deputy");
    requireNonNull(at, "at");
    List<Delegation> out = new ArrayList<>();
    synchronized (lock) {
      for (Delegation d : live.values()) {
        if (d.deputy().equals(deputy) && d.isActiveAt(at)) {
          out.add(d);
        }
      }
    }
    return List.copyOf(out);
  }

  @Override
  public List<Delegation> involving(UserId user, Instant at) {
    requireNonNull(user, "user");
    requireNonNull(at, "at");
    List<Delegation> out = new ArrayList<>();
    synchronized (lock) {
      for (Delegation d : live.values()) {
        if ((d.deputy().equals(user) || d.delegator().equals(user)) && at.isBefore(d.until())) {
          out.add(d);
        }
      }
    }
    return List.copyOf(out);
  }

  @Override
  public String toString() {
    synchronized (lock) {
      return "InMemoryDelegationStore{live=" + live.size() + ", revoked=" + revoked.size() + "}";
    }
  }
}
