package io.mystaff.core;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.UserId;
import java.util.List;
import java.util.Optional;

/**
 * What {@link StaffSession#bulkReset} did, user by user, in the order given. It never holds a
 * password or any part of one: every password went to its user's registered channel.
 *
 * @param batchId the batch's id, recorded as the {@code batchId} detail of every event of the batch
 * @param items one per user
 * @since 0.2.0
 */
public record BulkResetResult(CorrelationId batchId, List<Item> items) {
  /** Copies the items. */
  public BulkResetResult {
    requireNonNull(batchId, "batchId");
    items = List.copyOf(items);
  }

  /** {@return how many users' passwords were reset and sent} */
  public long delivered() {
    return items.stream().filter(i -> i.outcome() == Outcome.DELIVERED).count();
  }

  /**
   * How one user of a batch ended.
   *
   * @since 0.2.0
   */
  public enum Outcome {
    /** Reset, and the password sent to the user's registered channel. */
    DELIVERED,
    /** Denied (the engine, the rate limit or caller verification); nothing changed. */
    DENIED,
    /**
     * Failed or rejected as input (e.g. the delivery failed, the user is synced); nothing changed.
     */
    FAILED
  }

  /**
   * One user's end.
   *
   * @param user the user
   * @param outcome how it ended
   * @param correlationId the correlation id of the user's own audit event; empty for a user
   *     rejected as input before an attempt (unknown, synced), which records nothing, as a single
   *     reset would
   * @param reason for a denial the {@link io.mystaff.api.authz.DenyReason}'s name; for a failure
   *     the FAILED event's reason (e.g. {@code DELIVERY_FAILED}) or the input violation's code
   *     (e.g. {@code password.requiredForSyncedUser}); empty when delivered
   * @param channel where the password went, masked; present exactly when delivered
   * @since 0.2.0
   */
  public record Item(
      UserId user,
      Outcome outcome,
      Optional<CorrelationId> correlationId,
      Optional<String> reason,
      Optional<String> channel) {
    /**
     * Checks that a delivery names its channel and nothing else does, and only ends give reasons.
     */
    public Item {
      requireNonNull(user, "user");
      requireNonNull(outcome, "outcome");
      requireNonNull(correlationId, "correlationId");
      requireNonNull(reason, "reason");
      requireNonNull(channel, "channel");
      if (channel.isPresent() != (outcome == Outcome.DELIVERED)) {
        throw new IllegalArgumentException("a channel comes exactly with a delivery");
      }
      if (reason.isPresent() == (outcome == Outcome.DELIVERED)) {
        throw new IllegalArgumentException("a reason comes exactly with a denial or failure");
      }
    }
  }
}
