package io.mystaff.api.directory;

import java.util.Optional;

/**
 * Whether a user belongs to the organization or was invited from outside it (Microsoft Graph's
 * {@code userType}). My Staff shows guests but changes neither their password nor their phone
 * methods: their credentials belong to their home organization.
 *
 * @since 0.1.0
 */
public enum UserType {
  /** A member of the organization (Graph {@code Member}); the default. */
  MEMBER("Member"),
  /** An invited external user (Graph {@code Guest}): view-only in My Staff. */
  GUEST("Guest");

  private final String graphName;

  UserType(String graphName) {
    this.graphName = graphName;
  }

  /**
   * {@return the value as Microsoft Graph and dynamic membership rules spell it: {@code Member},
   * {@code Guest}}
   */
  public String graphName() {
    return graphName;
  }

  /**
   * The type Graph spells {@code name} (case-insensitive), if there is one.
   *
   * @param name {@code Member} or {@code Guest}, in any case
   * @return the type, or empty for any other name
   */
  public static Optional<UserType> fromGraphName(String name) {
    java.util.Objects.requireNonNull(name, "name");
    for (UserType t : values()) {
      if (t.graphName.equalsIgnoreCase(name)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
