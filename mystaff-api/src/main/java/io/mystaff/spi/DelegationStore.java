package io.mystaff.spi;

import io.mystaff.api.DelegationId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.UserId;
import io.mystaff.api.authz.Delegation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stores the delegations managers hand to deputies ({@link Delegation}). My Staff reads the
 * deputy's active delegations on every decision the deputy's own roles do not permit, so {@link
 * #activeFor} should be cheap.
 *
 * <p>Contract: a delegation is stored once ({@link #add}) and read back equal to what was stored
 * until it is revoked; {@link #revoke} is a compare-and-set that succeeds once, whichever thread
 * asks first; a revoked delegation is neither found nor active; {@link #activeFor} answers exactly
 * the unrevoked delegations of the deputy whose window {@code [from, until)} contains the instant
 * (boundaries exact: active at {@code from}, not at {@code until}). Unknown ids are answers, never
 * exceptions ({@link Optional#empty()}, {@link Revocation#UNKNOWN}). Thread-safe. The contract
 * suite {@code DelegationStoreTestSuiteBuilder} (module {@code mystaff-testkit}) checks it.
 *
 * @since 0.2.0
 */
public interface DelegationStore {

  /**
   * Stores {@code delegation}.
   *
   * @throws InvalidInputException with code {@code delegation.duplicate} if a delegation with its
   *     id was stored before (revoked or not); the stored one stands
   */
  void add(Delegation delegation);

  /**
   * Revokes the delegation {@code id}: from now on it is neither found nor active.
   *
   * @return {@link Revocation#REVOKED} for the one call that revoked it, {@link
   *     Revocation#ALREADY_REVOKED} for every later one, {@link Revocation#UNKNOWN} for an id never
   *     stored
   */
  Revocation revoke(DelegationId id);

  /** {@return the stored delegation {@code id} unless revoked; empty for an unknown id} */
  Optional<Delegation> find(DelegationId id);

  /**
   * {@return the unrevoked delegations to {@code deputy} active at {@code at} (from &lt;= at &lt;
   * until), in the order they were added}
   */
  List<Delegation> activeFor(UserId deputy, Instant at);

  /**
   * {@return every unrevoked delegation that {@code user} gave or received whose window has not
   * ended at {@code at} (until &gt; at), including those that start later, in the order added}
   */
  List<Delegation> involving(UserId user, Instant at);

  /**
   * What {@link #revoke} did.
   *
   * @since 0.2.0
   */
  enum Revocation {
    /** This call revoked the delegation. */
    REVOKED,
    /** An earlier call revoked it; nothing changed. */
    ALREADY_REVOKED,
    /** No delegation with this id was ever stored; nothing changed. */
    UNKNOWN
  }
}
