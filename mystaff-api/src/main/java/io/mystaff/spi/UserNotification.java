package io.mystaff.spi;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.PhoneType;
import java.time.Instant;
import java.util.Optional;

/**
 * What a {@link UserNotifier} tells a user about a change a manager made to their account: which
 * change, when, by whom, with the correlation id of its audit event. It never holds a password, a
 * temporary password or a new phone number: only the number a change replaced or removed, which is
 * the user's own old channel, where a notifier may warn them ("your mobile number was changed").
 * {@link #toString()} masks even that one to its last two digits.
 *
 * @param user the user whose account changed
 * @param activity {@link AuditActivity#RESET_PASSWORD}, {@link AuditActivity#ADD_PHONE}, {@link
 *     AuditActivity#UPDATE_PHONE} or {@link AuditActivity#DELETE_PHONE}
 * @param correlationId the correlation id of the change's audit events
 * @param occurredAt when mystaff saw the change committed (for a synced user's reset: when the
 *     writeback reported success)
 * @param changedBy the manager who made the change
 * @param phoneType the phone method changed; present exactly for the phone activities
 * @param previousPhone the number an update replaced or a removal removed; empty otherwise
 * @since 0.1.0
 */
public record UserNotification(
    UserId user,
    AuditActivity activity,
    CorrelationId correlationId,
    Instant occurredAt,
    UserId changedBy,
    Optional<PhoneType> phoneType,
    Optional<PhoneNumber> previousPhone) {

  /**
   * Checks the components.
   *
   * @param user the user whose account changed
   * @param activity {@link AuditActivity#RESET_PASSWORD}, {@link AuditActivity#ADD_PHONE}, {@link
   *     AuditActivity#UPDATE_PHONE} or {@link AuditActivity#DELETE_PHONE}
   * @param correlationId the correlation id of the change's audit events
   * @param occurredAt when mystaff saw the change committed (for a synced user's reset: when the
   *     writeback reported success)
   * @param changedBy the manager who made the change
   * @param phoneType the phone method changed; present exactly for the phone activities
   * @param previousPhone the number an update replaced or a removal removed; empty otherwise
   * @throws InvalidInputException if a part is missing, the activity is not a change to a user's
   *     credentials, or the phone parts do not fit the activity
   */
  public UserNotification {
    require(user, "user");
    require(activity, "activity");
    require(correlationId, "correlationId");
    require(occurredAt, "occurredAt");
    require(changedBy, "changedBy");
    require(phoneType, "phoneType");
    require(previousPhone, "previousPhone");
    boolean phone =
        switch (activity) {
          case RESET_PASSWORD -> false;
          case ADD_PHONE, UPDATE_PHONE, DELETE_PHONE -> true;
          default ->
              throw InvalidInputException.of(
                  "activity", "must be a password reset or a phone change");
        };
    if (phone != phoneType.isPresent()) {
      throw InvalidInputException.of(
          "phoneType", phone ? "is required for a phone change" : "is only for phone changes");
    }
    boolean replaces =
        activity == AuditActivity.UPDATE_PHONE || activity == AuditActivity.DELETE_PHONE;
    if (replaces != previousPhone.isPresent()) {
      throw InvalidInputException.of(
          "previousPhone",
          replaces ? "is required for an update or removal" : "is only for an update or removal");
    }
  }

  /**
   * A user's password was reset.
   *
   * @param user the user whose password was reset
   * @param correlationId the correlation id of the reset's audit events
   * @param occurredAt when the reset was committed (for a synced user: when writeback succeeded)
   * @param changedBy the manager who reset it
   * @return the notification
   */
  public static UserNotification passwordReset(
      UserId user, CorrelationId correlationId, Instant occurredAt, UserId changedBy) {
    return new UserNotification(
        user,
        AuditActivity.RESET_PASSWORD,
        correlationId,
        occurredAt,
        changedBy,
        Optional.empty(),
        Optional.empty());
  }

  @Override
  public String toString() {
    return "UserNotification{user="
        + user
        + ", activity="
        + activity
        + ", correlationId="
        + correlationId
        + ", occurredAt="
        + occurredAt
        + ", changedBy="
        + changedBy
        + phoneType.map(t -> ", phoneType=" + t).orElse("")
        + previousPhone.map(p -> ", previousPhone=" + masked(p)).orElse("")
        + "}";
  }

  private static String masked(PhoneNumber number) {
    String digits = number.e164();
    return "…" + digits.substring(Math.max(0, digits.length() - 2));
  }

  private static void require(Object value, String field) {
    if (value == null) {
      throw InvalidInputException.of(field, "is required");
    }
  }
}
