package io.mystaff.api.directory;

/**
 * The three phone authentication methods of Microsoft Graph's {@code phoneAuthenticationMethod}
 * ({@code mobile}, {@code alternateMobile}, {@code office}). A user has at most one of each.
 *
 * @since 0.1.0
 */
public enum PhoneType {
  /** The mobile phone, usable for SMS and calls. */
  MOBILE("mobile"),
  /** A second mobile phone, for calls. */
  ALTERNATE_MOBILE("alternateMobile"),
  /** The office phone, for calls. */
  OFFICE("office");

  private final String graphName;

  PhoneType(String graphName) {
    this.graphName = graphName;
  }

  /** {@return the value of {@code phoneType} in Microsoft Graph} */
  public String graphName() {
    return graphName;
  }
}
