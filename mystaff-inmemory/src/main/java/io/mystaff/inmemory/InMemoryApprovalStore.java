package io.mystaff.inmemory;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.ApprovalId;
import io.mystaff.api.CorrelationId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.Page;
import io.mystaff.api.PageRequest;
import io.mystaff.api.UserId;
import io.mystaff.api.approval.ApprovalRequest;
import io.mystaff.api.approval.ApprovalState;
import io.mystaff.api.approval.RequestedChange;
import io.mystaff.spi.ApprovalStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

/**
 * An {@link ApprovalStore} in memory: the reference the approval store contract suite ({@code
 * ApprovalStoreTestSuiteBuilder}) is checked with, and the store for a host with one node. It keeps
 * requests only as long as the JVM. Every operation holds the store's lock, so each transition is
 * atomic. Pending requests are indexed by request time and id; a page's cursor names the last
 * request of the page, so requests created or decided meanwhile do not shift later pages.
 * Thread-safe.
 *
 * @since 0.2.0
 */
public final class InMemoryApprovalStore implements ApprovalStore {
  private static final Comparator<ApprovalRequest> ORDER =
      Comparator.comparing(ApprovalRequest::requestedAt).thenComparing(ApprovalRequest::id);
  private static final String CURSOR_PREFIX = "ap1:";

  private final Map<ApprovalId, ApprovalRequest> requests = new HashMap<>();
  private final NavigableSet<ApprovalRequest> pending = new TreeSet<>(ORDER);

  private InMemoryApprovalStore() {}

  /**
   * A new, empty store.
   *
   * @return the store
   */
  public static InMemoryApprovalStore create() {
    return new InMemoryApprovalStore();
  }

  @Override
  public synchronized void create(ApprovalRequest request) {
    requireNonNull(request, "request");
    if (request.state() != ApprovalState.REQUESTED) {
      throw InvalidInputException.of(
          "approval request", "must be REQUESTED, was " + request.state(), "approval.notNew");
    }
    if (requests.containsKey(request.id())) {
      throw InvalidInputException.of(
          "approval request", "id " + request.id() + " is stored already", "approval.duplicate");
    }
    requests.put(request.id(), request);
    pending.add(request);
  }

  @Override
  public synchronized Optional<ApprovalRequest> find(ApprovalId id) {
    return Optional.ofNullable(requests.get(requireNonNull(id, "id")));
  }

  @Override
  public synchronized boolean transition(ApprovalState from, ApprovalRequest next) {
    requireNonNull(from, "from");
    requireNonNull(next, "next");
    ApprovalRequest stored = requests.get(next.id());
    if (stored == null) {
      throw InvalidInputException.of(
          "approval request", "id " + next.id() + " is not stored", "approval.unknown");
    }
    ApprovalStore.checkTransition(from, stored, next);
    if (stored.state() != from) {
      return false;
    }
    requests.put(next.id(), next);
    pending.remove(stored);
    return true;
  }

  @Override
  public synchronized List<ApprovalRequest> expireDue(Instant now) {
    requireNonNull(now, "now");
    List<ApprovalRequest> expired = new ArrayList<>();
    for (Iterator<ApprovalRequest> i = pending.iterator(); i.hasNext(); ) {
      ApprovalRequest r = i.next();
      if (r.isDueAt(now)) {
        ApprovalRequest e = r.expire();
        requests.put(e.id(), e);
        i.remove();
        expired.add(e);
      }
    }
    return expired;
  }

  @Override
  public synchronized Page<ApprovalRequest> pending(PageRequest page) {
    requireNonNull(page, "page");
    NavigableSet<ApprovalRequest> rest =
        page.cursor().isPresent() ? pending.tailSet(after(page.cursor().get()), false) : pending;
    List<ApprovalRequest> items = new ArrayList<>(Math.min(page.size(), rest.size()));
    Iterator<ApprovalRequest> i = rest.iterator();
    while (i.hasNext() && items.size() < page.size()) {
      items.add(i.next());
    }
    if (!i.hasNext()) {
      return Page.last(items);
    }
    ApprovalRequest last = items.get(items.size() - 1);
    Instant at = last.requestedAt();
    String key = at.getEpochSecond() + "." + nanosOf(at) + "." + last.id();
    return new Page<>(
        items,
        Optional.of(
            CURSOR_PREFIX
                + Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(key.getBytes(StandardCharsets.UTF_8))));
  }

  // The instant's two parts, both needed to write it out exactly.
  @SuppressWarnings("JavaInstantGetSecondsGetNano")
  private static int nanosOf(Instant at) {
    return at.getNano();
  }

  /** A probe that sorts where the cursor's request sorts. */
  private static ApprovalRequest after(String cursor) {
    try {
      if (!cursor.startsWith(CURSOR_PREFIX)) {
        throw new IllegalArgumentException("prefix");
      }
      String key =
          new String(
              Base64.getUrlDecoder().decode(cursor.substring(CURSOR_PREFIX.length())),
              StandardCharsets.UTF_8);
      String[] parts = key.split("\\.", 3);
      if (parts.length != 3) {
        throw new IllegalArgumentException("parts");
      }
      Instant at = Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
      return Probe.at(at, ApprovalId.of(parts[2]));
    } catch (RuntimeException e) {
      throw InvalidInputException.of(
          "page cursor", "must be a token returned by a previous page", "page.cursorInvalid");
    }
  }

  /** Requests that exist only to position a cursor in the pending index. */
  private static final class Probe {
    private Probe() {}

    static ApprovalRequest at(Instant requestedAt, ApprovalId id) {
      return ApprovalRequest.requested(
          id,
          CorrelationId.of("cursor"),
          UserId.of("cursor"),
          UserId.of("cursor"),
          RequestedChange.generatedPasswordReset(),
          requestedAt,
          requestedAt.plusNanos(1));
    }
  }

  @Override
  public synchronized String toString() {
    return "InMemoryApprovalStore{"
        + requests.size()
        + " requests, "
        + pending.size()
        + " pending}";
  }
}
