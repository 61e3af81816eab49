package io.mystaff.core;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.UserId;
import io.mystaff.api.directory.User;
import io.mystaff.api.directory.UserSource;

/**
 * What a list or search shows of a user: identity and account state, without the profile details
 * (phone methods, attributes) whose viewing is authorized and audited separately.
 *
 * @param source whether the user is cloud-only or synced, which decides how a reset works
 * @param accountEnabled whether the user may sign in
 */
public record UserSummary(
    UserId id,
    String displayName,
    String userPrincipalName,
    UserSource source,
    boolean accountEnabled) {

  public UserSummary {
    requireNonNull(id, "id");
    requireNonNull(displayName, "displayName");
    requireNonNull(userPrincipalName, "userPrincipalName");
    requireNonNull(source, "source");
  }

  /** The summary of {@code user}. */
  public static UserSummary of(User user) {
    return new UserSummary(
        user.id(),
        user.displayName(),
        user.userPrincipalName(),
        user.source(),
        user.accountEnabled());
  }
}
