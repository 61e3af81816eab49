package io.mystaff.core;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What {@link StaffSession#bulkRevokeSessions} did, user by user, in the order given.
 *
 * @param batchId the batch's id, recorded as the {@code batchId} detail of every event of the batch
 * @param items one per user
 * @since 0.2.0
 */
public record BulkRevokeResult(CorrelationId batchId, List<Item> items) {
  /** Copies the items. */
  public BulkRevokeResult {
    requireNonNull(batchId, "batchId");
    items = List.copyOf(items);
  }

  /** {@return how many users were signed out everywhere} */
  public long revoked() {
    return items.stream().filter(i -> i.outcome() == Outcome.REVOKED).count();
  }

  /**
   * How one user of a batch ended.
   *
   * @since 0.2.0
   */
  public enum Outcome {
    /** Signed out everywhere. */
    REVOKED,
    /** Denied (the engine or the rate limit); nothing changed. */
    DENIED,
    /** Failed or rejected as input (e.g. unknown user, concurrent writes); nothing changed. */
    FAILED
  }

  /**
   * One user's end.
   *
   * @param user the user
   * @param outcome how it ended
   * @param correlationId the correlation id of the user's own audit event; empty for a user
   *     rejected before an attempt (unknown), which records nothing, as a single revocation would
   * @param reason for a denial the {@link io.mystaff.api.authz.DenyReason}'s name; for a failure
   *     the error's code (e.g. {@code UNKNOWN_USER}) or {@code OUTCOME_UNKNOWN}; empty when revoked
   * @param validFrom the instant from which the user's sessions are valid, as the directory stored
   *     it; present exactly when revoked
   * @since 0.2.0
   */
  public record Item(
      UserId user,
      Outcome outcome,
      Optional<CorrelationId> correlationId,
      Optional<String> reason,
      Optional<Instant> validFrom) {
    /** Checks that a revocation gives its instant and no reason, and nothing else does. */
    public Item {
      requireNonNull(user, "user");
      requireNonNull(outcome, "outcome");
      requireNonNull(correlationId, "correlationId");
      requireNonNull(reason, "reason");
      requireNonNull(validFrom, "validFrom");
      if (validFrom.isPresent() != (outcome == Outcome.REVOKED)) {
        throw new IllegalArgumentException("validFrom comes exactly with a revocation");
      }
      if (reason.isPresent() == (outcome == Outcome.REVOKED)) {
        throw new IllegalArgumentException("a reason comes exactly with a denial or failure");
      }
      if (outcome == Outcome.REVOKED && correlationId.isEmpty()) {
        throw new IllegalArgumentException("a revocation has its event's correlation id");
      }
    }
  }
}
