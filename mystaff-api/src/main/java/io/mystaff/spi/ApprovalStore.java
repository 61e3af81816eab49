package io.mystaff.spi;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.ApprovalId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.Page;
import io.mystaff.api.PageRequest;
import io.mystaff.api.approval.ApprovalRequest;
import io.mystaff.api.approval.ApprovalState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps approval requests where every node of a host sees them, and moves them between states with
 * compare-and-set, so that of any number of concurrent approvals, rejections and expiries of one
 * request exactly one wins. Core decides what a transition means (who may approve, what executes);
 * the store only keeps the requests and makes each move atomic and legal.
 *
 * <p>The contract suite {@code ApprovalStoreTestSuiteBuilder} (module {@code mystaff-testkit})
 * checks every promise below: only {@link ApprovalState#canMoveTo legal} transitions of the same
 * request, one winner under races, exact expiry, paging that visits every pending request once in
 * order, and typed errors. Implementations are thread-safe; a request holds no secret.
 *
 * @since 0.2.0
 */
public interface ApprovalStore {

  /**
   * Stores a new request.
   *
   * @param request a request in state {@link ApprovalState#REQUESTED}
   * @throws io.mystaff.api.InvalidInputException with code {@code approval.duplicate} if a request
   *     with its id is stored already (the stored one is unchanged), or {@code approval.notNew} if
   *     {@code request} is not {@code REQUESTED}
   * @throws io.mystaff.api.ProviderFailureException if the store could not be reached
   */
  void create(ApprovalRequest request);

  /**
   * The request with id {@code id} as stored now.
   *
   * @param id the request's id
   * @return it, or empty if the store holds none with that id
   * @throws io.mystaff.api.ProviderFailureException if the store could not be reached
   */
  Optional<ApprovalRequest> find(ApprovalId id);

  /**
   * Replaces the stored request with {@code next} if, and only if, the stored one is in state
   * {@code from}, atomically: of concurrent transitions from one state, exactly one returns true.
   * From {@link ApprovalState#APPROVED}, the decision ({@code decidedBy}, {@code decidedAt}) is
   * kept.
   *
   * @param from the state the caller read
   * @param next the request in its next state
   * @return true if the stored request was in {@code from} and is now {@code next}; false if it was
   *     in another state (it is unchanged)
   * @throws io.mystaff.api.InvalidInputException with code {@code approval.unknown} if no request
   *     with {@code next}'s id is stored, or {@code approval.illegalTransition} if {@code from}
   *     cannot move to {@code next}'s state, or {@code next} is not the stored request in another
   *     state ({@link ApprovalRequest#isSameRequestAs}), or changes an approved request's decision
   *     (nothing is changed)
   * @throws io.mystaff.api.ProviderFailureException if the store could not be reached, or cannot
   *     tell whether the transition committed
   */
  boolean transition(ApprovalState from, ApprovalRequest next);

  /**
   * Moves every {@link ApprovalState#REQUESTED} request {@linkplain ApprovalRequest#isDueAt due} at
   * {@code now} (its expiry at or before {@code now}) to {@link ApprovalState#EXPIRED}, with
   * compare-and-set like {@link #transition}: a request expired by this call is in the answer of
   * this call only, never of a concurrent one, and never also approved or rejected.
   *
   * @param now the instant to judge at
   * @return the requests this call expired, in their {@code EXPIRED} state, in any order
   * @throws io.mystaff.api.ProviderFailureException if the store could not be reached
   */
  List<ApprovalRequest> expireDue(Instant now);

  /**
   * One page of the {@link ApprovalState#REQUESTED} requests (due ones included: expiry is {@link
   * #expireDue}'s), ordered by {@code requestedAt}, then id. Following the cursors visits every
   * request that stays pending throughout exactly once.
   *
   * @param page the page size and the previous page's cursor
   * @return the page
   * @throws io.mystaff.api.InvalidInputException with code {@code page.cursorInvalid} if the cursor
   *     was not issued by this store's {@code pending}
   * @throws io.mystaff.api.ProviderFailureException if the store could not be reached
   */
  Page<ApprovalRequest> pending(PageRequest page);

  /**
   * The check every store makes before a {@link #transition}: {@code from} may move to {@code
   * next}'s state, {@code next} is {@code stored} in another state, and from {@link
   * ApprovalState#APPROVED} it keeps {@code stored}'s decision. It does not compare {@code from}
   * with {@code stored}'s state: that is the compare-and-set's own test.
   *
   * @param from the state the caller read
   * @param stored the request as stored now
   * @param next the request in its next state
   * @throws InvalidInputException with code {@code approval.illegalTransition} if a check fails
   */
  static void checkTransition(ApprovalState from, ApprovalRequest stored, ApprovalRequest next) {
    requireNonNull(from, "from");
    requireNonNull(stored, "stored");
    requireNonNull(next, "next");
    boolean legal =
        from.canMoveTo(next.state())
            && stored.isSameRequestAs(next)
            && (stored.state() != ApprovalState.APPROVED
                || from != ApprovalState.APPROVED
                || (stored.decidedBy().equals(next.decidedBy())
                    && stored.decidedAt().equals(next.decidedAt())));
    if (!legal) {
      throw InvalidInputException.of(
          "approval transition",
          "cannot move request " + next.id() + " from " + from + " to " + next.state(),
          "approval.illegalTransition");
    }
  }
}
