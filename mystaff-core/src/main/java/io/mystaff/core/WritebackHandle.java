package io.mystaff.core;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.UserId;
import io.mystaff.api.password.WritebackResult;
import io.mystaff.api.password.WritebackStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The progress of one asynchronous password writeback. Statuses only move forward: {@link
 * WritebackStatus#SUBMITTED}, then usually {@link WritebackStatus#IN_PROGRESS}, then exactly one of
 * {@link WritebackStatus#SUCCEEDED} or {@link WritebackStatus#FAILED} (with a {@link
 * io.mystaff.api.password.WritebackFailure} reason in the result). Each status is reached at most
 * once.
 *
 * <p>By the time a listener hears a final status or {@link #completion()} completes, the final
 * audit event of the reset has been recorded (or, if the audit sink was down, queued for {@link
 * MyStaff#flushAudit()}).
 *
 * <p>Thread-safe. Listeners run on the thread that moved the status (usually the writeback
 * provider's) or, for statuses already reached, on the registering thread; they must be quick and
 * must not block. A listener that throws anything (an error included) is logged and ignored.
 */
public final class WritebackHandle {
  private static final Logger LOG = LoggerFactory.getLogger(WritebackHandle.class);

  private final UserId user;
  private final CorrelationId correlationId;
  private final CompletableFuture<WritebackResult> completion = new CompletableFuture<>();
  private final Object lock = new Object();
  private final List<WritebackStatus> reached = new ArrayList<>(4); // guarded by lock
  private final List<Consumer<? super WritebackStatus>> listeners =
      new ArrayList<>(); // guarded by lock
  private Optional<WritebackResult> result = Optional.empty(); // guarded by lock

  WritebackHandle(UserId user, CorrelationId correlationId) {
    this.user = requireNonNull(user, "user");
    this.correlationId = requireNonNull(correlationId, "correlationId");
    reached.add(WritebackStatus.SUBMITTED);
  }

  /** The synced user whose password is being written back. */
  public UserId user() {
    return user;
  }

  /** The correlation id of the reset; the pending and the final audit events carry it. */
  public CorrelationId correlationId() {
    return correlationId;
  }

  /** The latest status reached. */
  public WritebackStatus status() {
    synchronized (lock) {
      return reached.get(reached.size() - 1);
    }
  }

  /** Every status reached so far, in order; starts with {@code SUBMITTED}. */
  public List<WritebackStatus> progress() {
    synchronized (lock) {
      return List.copyOf(reached);
    }
  }

  /**
   * The final result, once the writeback has finished: already set when listeners hear the final
   * status.
   */
  public Optional<WritebackResult> result() {
    synchronized (lock) {
      return result;
    }
  }

  /**
   * Calls {@code listener} with every status reached so far, in order, and then with each later
   * status as it is reached, until {@link #removeStatusListener} removes it or the status is final.
   * A listener hearing the final status finds the final {@link #result()} set.
   */
  public void onStatus(Consumer<? super WritebackStatus> listener) {
    requireNonNull(listener, "listener");
    synchronized (lock) {
      for (WritebackStatus s : reached) {
        notify(listener, s);
      }
      if (!reached.get(reached.size() - 1).isTerminal()) {
        listeners.add(listener); // none is kept once final: no later status would reach it
      }
    }
  }

  /**
   * Stops calling {@code listener} (one registration of it, if it was registered more than once). A
   * listener removed while a status is being delivered may still hear that status. Listeners need
   * not be removed once the status is final: the handle lets go of them then.
   *
   * @return whether {@code listener} was registered and is now removed
   */
  public boolean removeStatusListener(Consumer<? super WritebackStatus> listener) {
    requireNonNull(listener, "listener");
    synchronized (lock) {
      return listeners.remove(listener);
    }
  }

  /**
   * The number of listeners that will hear later statuses: those registered and not removed, and
   * none once the status is final. For watching for listeners that are never removed.
   */
  public int statusListenerCount() {
    synchronized (lock) {
      return listeners.size();
    }
  }

  /**
   * Completes once with the final result; never exceptionally (a writeback that broke down
   * completes with {@link io.mystaff.api.password.WritebackFailure#UNKNOWN}). The stage is
   * read-only: callers cannot complete it.
   */
  public CompletionStage<WritebackResult> completion() {
    return completion.minimalCompletionStage();
  }

  /** Records an intermediate status; ignored unless it moves forward from a non-final status. */
  void advance(WritebackStatus status) {
    if (status.isTerminal()) {
      return; // final statuses come with their result, through finish()
    }
    synchronized (lock) {
      WritebackStatus current = reached.get(reached.size() - 1);
      if (current.isTerminal() || status.compareTo(current) <= 0) {
        return;
      }
      moveTo(status);
    }
  }

  /**
   * Records the final result, then tells the listeners the final status and lets go of them, then
   * completes {@link #completion()}; only the first call has an effect.
   */
  void finish(WritebackResult result) {
    synchronized (lock) {
      if (reached.get(reached.size() - 1).isTerminal()) {
        return;
      }
      this.result =
          Optional.of(result); // before the listeners hear the final status, so they can read it
      moveTo(result.status());
      listeners.clear();
    }
    completion.complete(result);
  }

  private void moveTo(WritebackStatus status) {
    reached.add(status);
    // A copy: a listener may remove itself (or another) while it hears the status.
    for (Consumer<? super WritebackStatus> l : List.copyOf(listeners)) {
      notify(l, status);
    }
  }

  private void notify(Consumer<? super WritebackStatus> listener, WritebackStatus status) {
    try {
      listener.accept(status);
    } catch (Throwable e) { // no listener, however broken, may stop the writeback from completing
      LOG.warn(
          "Writeback status listener failed on {} for correlation {}", status, correlationId, e);
    }
  }

  @Override
  public String toString() {
    return "WritebackHandle{user="
        + user
        + ", correlationId="
        + correlationId
        + ", status="
        + status()
        + "}";
  }
}
