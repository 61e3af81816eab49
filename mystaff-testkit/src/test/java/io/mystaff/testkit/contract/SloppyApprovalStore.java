package io.mystaff.testkit.contract;

import io.mystaff.api.ApprovalId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.Page;
import io.mystaff.api.PageRequest;
import io.mystaff.api.approval.ApprovalRequest;
import io.mystaff.api.approval.ApprovalState;
import io.mystaff.spi.ApprovalStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An approval store on a concurrent map, as a vendor might first write one, with each of four
 * mistakes switchable: the base for the approval store's {@link BrokenProviders}. With every switch
 * off it keeps the contract.
 */
final class SloppyApprovalStore implements ApprovalStore {
  /** The mistakes. */
  enum Mistake {
    /** Reads, checks and writes a transition without a lock or a conditional write. */
    CHECK_THEN_SET,
    /** Expires only after the expiry instant, not at it. */
    EXPIRES_LATE,
    /** Pages by offset, so deciding a seen request shifts the later pages. */
    OFFSET_CURSOR,
    /** Trusts the caller's transition: no check of the state diagram or the request. */
    ANY_TRANSITION
  }

  private static final Comparator<ApprovalRequest> ORDER =
      Comparator.comparing(ApprovalRequest::requestedAt).thenComparing(ApprovalRequest::id);

  private final Map<ApprovalId, ApprovalRequest> requests = new ConcurrentHashMap<>();
  private final Optional<Mistake> mistake;
  private final Object lock = new Object();

  SloppyApprovalStore(Optional<Mistake> mistake) {
    this.mistake = mistake;
  }

  @Override
  public void create(ApprovalRequest request) {
    if (request.state() != ApprovalState.REQUESTED) {
      throw InvalidInputException.of("approval request", "must be REQUESTED", "approval.notNew");
    }
    if (requests.putIfAbsent(request.id(), request) != null) {
      throw InvalidInputException.of("approval request", "is stored", "approval.duplicate");
    }
  }

  @Override
  public Optional<ApprovalRequest> find(ApprovalId id) {
    return Optional.ofNullable(requests.get(id));
  }

  @Override
  public boolean transition(ApprovalState from, ApprovalRequest next) {
    if (mistake.equals(Optional.of(Mistake.CHECK_THEN_SET))) {
      return move(from, next);
    }
    synchronized (lock) {
      return move(from, next);
    }
  }

  private boolean move(ApprovalState from, ApprovalRequest next) {
    ApprovalRequest stored = requests.get(next.id());
    if (stored == null) {
      throw InvalidInputException.of("approval request", "is not stored", "approval.unknown");
    }
    if (!mistake.equals(Optional.of(Mistake.ANY_TRANSITION))) {
      ApprovalStore.checkTransition(from, stored, next);
    }
    if (stored.state() != from) {
      return false;
    }
    pause();
    requests.put(next.id(), next);
    return true;
  }

  @Override
  public List<ApprovalRequest> expireDue(Instant now) {
    List<ApprovalRequest> expired = new ArrayList<>();
    for (ApprovalRequest r : List.copyOf(requests.values())) {
      boolean due =
          mistake.equals(Optional.of(Mistake.EXPIRES_LATE))
              ? r.state() == ApprovalState.REQUESTED && now.isAfter(r.expiresAt())
              : r.isDueAt(now);
      if (due && transition(ApprovalState.REQUESTED, r.expire())) {
        expired.add(r.expire());
      }
    }
    return expired;
  }

  @Override
  public Page<ApprovalRequest> pending(PageRequest page) {
    List<ApprovalRequest> pending =
        requests.values().stream()
            .filter(r -> r.state() == ApprovalState.REQUESTED)
            .sorted(ORDER)
            .toList();
    int from = 0;
    if (page.cursor().isPresent()) {
      String cursor = page.cursor().get();
      if (mistake.equals(Optional.of(Mistake.OFFSET_CURSOR))) {
        from = offset(cursor);
      } else {
        ApprovalId after = id(cursor);
        ApprovalRequest last = requests.get(after);
        if (last == null) {
          throw badCursor();
        }
        while (from < pending.size() && ORDER.compare(pending.get(from), last) <= 0) {
          from++;
        }
      }
    }
    int to = Math.min(pending.size(), from + page.size());
    List<ApprovalRequest> items = pending.subList(Math.min(from, to), to);
    if (to >= pending.size()) {
      return Page.last(items);
    }
    String next =
        mistake.equals(Optional.of(Mistake.OFFSET_CURSOR))
            ? "offset:" + to
            : "after:" + items.get(items.size() - 1).id().value();
    return new Page<>(items, Optional.of(next));
  }

  private static int offset(String cursor) {
    try {
      if (!cursor.startsWith("offset:")) {
        throw badCursor();
      }
      return Integer.parseInt(cursor.substring("offset:".length()));
    } catch (NumberFormatException e) {
      throw badCursor();
    }
  }

  private static ApprovalId id(String cursor) {
    if (!cursor.startsWith("after:")) {
      throw badCursor();
    }
    return ApprovalId.of(cursor.substring("after:".length()));
  }

  private static InvalidInputException badCursor() {
    return InvalidInputException.of("page cursor", "is not ours", "page.cursorInvalid");
  }

  /** Widens the window between a check and its write, as a network round trip would. */
  private void pause() {
    if (mistake.equals(Optional.of(Mistake.CHECK_THEN_SET))) {
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
