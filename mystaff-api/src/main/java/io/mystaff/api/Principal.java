package io.mystaff.api;

/**
 * Who a role assignment is given to: a {@link UserId user}, or a {@link GroupId role-assignable
 * group} whose members hold the role through it (Microsoft Graph's {@code principalId}).
 *
 * @since 0.1.0
 */
public sealed interface Principal permits UserId, GroupId {

  /** {@return the principal's opaque id} */
  String value();
}
