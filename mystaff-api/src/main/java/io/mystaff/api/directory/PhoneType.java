package io.mystaff.api.directory;

/**
 * The three phone authentication methods of Microsoft Graph's {@code phoneAuthenticationMethod}
 * ({@code mobile}, {@code alternateMobile}, {@code office}). A user has at most one of each.
 *
 * @since 0.1.0
 */
public enum PhoneType {
  MOBILE("mobile"),
  ALTERNATE_MOBILE("alternateMobile"),
  OFFICE("office");

  private final String graphName;

  PhoneType(String graphName) {
    this.graphName = graphName;
  }

  /** The value of {@code phoneType} in Microsoft Graph. */
  public String graphName() {
    return graphName;
  }
}
