package io.mystaff.api.audit;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.CorrelationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One audit record, shaped like Microsoft Graph's {@code directoryAudit}. Events produced by
 * mystaff carry {@link #ORIGIN_KEY} = {@link #ORIGIN_MY_STAFF} in {@code additionalDetails} and
 * never contain a password or any other secret.
 *
 * @param resultReason a stable reason code for failures and denials (e.g. {@code
 *     TARGET_OUT_OF_SCOPE}), or the pending step
 * @param id the event's unique id
 * @param activityDateTime when the attempt ended (or, for a pending step, was recorded)
 * @param activity what was attempted, with its Graph activity name
 * @param outcome success, failure, denial or a pending step
 * @param correlationId shared by every event of one attempt
 * @param initiatedBy the manager who made the attempt
 * @param targets the resources the attempt concerned, usually the one user
 * @param additionalDetails further key-value details, including {@link #ORIGIN_KEY}; never a secret
 * @param loggedByService the Entra service that logs this activity (for example {@code Core
 *     Directory})
 * @since 0.1.0
 */
public record AuditEvent(
    String id,
    Instant activityDateTime,
    AuditActivity activity,
    AuditOutcome outcome,
    Optional<String> resultReason,
    CorrelationId correlationId,
    AuditInitiator initiatedBy,
    List<AuditTarget> targets,
    Map<String, String> additionalDetails,
    String loggedByService) {

  /** The additional-detail key that says which feature produced an event. */
  public static final String ORIGIN_KEY = "origin";

  /** The origin value of every event mystaff records. */
  public static final String ORIGIN_MY_STAFF = "MyStaff";

  /**
   * Copies the collections and rejects a missing component.
   *
   * @param id the event's unique id
   * @param activityDateTime when the attempt ended (or, for a pending step, was recorded)
   * @param activity what was attempted, with its Graph activity name
   * @param outcome success, failure, denial or a pending step
   * @param resultReason a stable reason code for failures and denials (e.g. {@code
   *     TARGET_OUT_OF_SCOPE}), or the pending step
   * @param correlationId shared by every event of one attempt
   * @param initiatedBy the manager who made the attempt
   * @param targets the resources the attempt concerned, usually the one user
   * @param additionalDetails further key-value details, including {@link #ORIGIN_KEY}; never a
   *     secret
   * @param loggedByService the Entra service that logs this activity (for example {@code Core
   *     Directory})
   */
  public AuditEvent {
    requireNonNull(id, "id");
    requireNonNull(activityDateTime, "activityDateTime");
    requireNonNull(activity, "activity");
    requireNonNull(outcome, "outcome");
    requireNonNull(resultReason, "resultReason");
    requireNonNull(correlationId, "correlationId");
    requireNonNull(initiatedBy, "initiatedBy");
    targets = List.copyOf(targets);
    additionalDetails = Collections.unmodifiableMap(new LinkedHashMap<>(additionalDetails));
    requireNonNull(loggedByService, "loggedByService");
  }

  /** {@return a builder with no parts set, logged by {@code Core Directory} by default} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return true if this event says it came from My Staff} */
  public boolean isFromMyStaff() {
    return ORIGIN_MY_STAFF.equals(additionalDetails.get(ORIGIN_KEY));
  }

  /**
   * Builds an {@link AuditEvent}; every part but the reason, targets and details is required.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private @Nullable String id;
    private @Nullable Instant activityDateTime;
    private @Nullable AuditActivity activity;
    private @Nullable AuditOutcome outcome;
    private Optional<String> resultReason = Optional.empty();
    private @Nullable CorrelationId correlationId;
    private @Nullable AuditInitiator initiatedBy;
    private final List<AuditTarget> targets = new ArrayList<>();
    private final Map<String, String> additionalDetails = new LinkedHashMap<>();
    private String loggedByService = "Core Directory";

    private Builder() {}

    /**
     * Sets the event's unique id (required).
     *
     * @param id the id
     * @return this builder
     */
    public Builder id(String id) {
      this.id = id;
      return this;
    }

    /**
     * Sets when the attempt ended (required).
     *
     * @param at the instant
     * @return this builder
     */
    public Builder activityDateTime(Instant at) {
      this.activityDateTime = at;
      return this;
    }

    /**
     * Sets what was attempted (required).
     *
     * @param activity the activity
     * @return this builder
     */
    public Builder activity(AuditActivity activity) {
      this.activity = activity;
      return this;
    }

    /**
     * Sets the outcome (required).
     *
     * @param outcome the outcome
     * @return this builder
     */
    public Builder outcome(AuditOutcome outcome) {
      this.outcome = outcome;
      return this;
    }

    /**
     * Sets the reason code of a failure or denial, or the pending step.
     *
     * @param reason a stable code such as {@code TARGET_OUT_OF_SCOPE}
     * @return this builder
     */
    public Builder resultReason(String reason) {
      this.resultReason = Optional.of(reason);
      return this;
    }

    /**
     * Sets the correlation id shared by the attempt's events (required).
     *
     * @param correlationId the correlation id
     * @return this builder
     */
    public Builder correlationId(CorrelationId correlationId) {
      this.correlationId = correlationId;
      return this;
    }

    /**
     * Sets the manager who made the attempt (required).
     *
     * @param initiator the manager
     * @return this builder
     */
    public Builder initiatedBy(AuditInitiator initiator) {
      this.initiatedBy = initiator;
      return this;
    }

    /**
     * Adds a resource the attempt concerned.
     *
     * @param target the resource
     * @return this builder
     */
    public Builder target(AuditTarget target) {
      this.targets.add(requireNonNull(target, "target"));
      return this;
    }

    /**
     * Adds or replaces one additional detail; never a secret.
     *
     * @param key the detail's name
     * @param value the detail's value
     * @return this builder
     */
    public Builder additionalDetail(String key, String value) {
      this.additionalDetails.put(requireNonNull(key, "key"), requireNonNull(value, "value"));
      return this;
    }

    /**
     * Sets the Entra service that logs this activity (default {@code Core Directory}).
     *
     * @param service the service's name
     * @return this builder
     */
    public Builder loggedByService(String service) {
      this.loggedByService = service;
      return this;
    }

    /**
     * Builds the event.
     *
     * @return the event
     * @throws NullPointerException if a required part is missing
     */
    public AuditEvent build() {
      return new AuditEvent(
          requireNonNull(id, "id"),
          requireNonNull(activityDateTime, "activityDateTime"),
          requireNonNull(activity, "activity"),
          requireNonNull(outcome, "outcome"),
          resultReason,
          requireNonNull(correlationId, "correlationId"),
          requireNonNull(initiatedBy, "initiatedBy"),
          targets,
          additionalDetails,
          loggedByService);
    }
  }
}
