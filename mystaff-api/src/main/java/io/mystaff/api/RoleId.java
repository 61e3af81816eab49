package io.mystaff.api;

/**
 * The opaque, case-sensitive identifier of a role definition (in Entra, an object id GUID; any
 * token without whitespace of at most 256 characters is accepted).
 *
 * <p>A value class: besides its value it holds the value's hash, so that comparing two ids and
 * probing a hash table by one reads the id alone, not its {@code String} too (the authorization
 * check compares unit and role ids of facts picked from anywhere in a large directory, where each
 * further object is a cache miss).
 *
 * @since 0.1.0
 */
public final class RoleId implements Comparable<RoleId> {
  private final String value;
  private final int hash;

  /**
   * Checks the value.
   *
   * @param value the identifier
   * @throws InvalidInputException if the value is null, blank, too long or contains whitespace
   */
  public RoleId(String value) {
    this.value = Ids.require(value, "role-definition id");
    this.hash = value.hashCode();
  }

  /** {@return the identifier} */
  public String value() {
    return value;
  }

  /**
   * Same as the constructor, for fluent code.
   *
   * @param value the identifier
   * @return the id
   * @throws InvalidInputException if the value is null, blank, too long or contains whitespace
   */
  public static RoleId of(String value) {
    return new RoleId(value);
  }

  @Override
  public int compareTo(RoleId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }

  /** {@return the hash of the value} Computed once, when the id is made. */
  @Override
  public int hashCode() {
    return hash;
  }

  /**
   * {@return true if {@code o} is a {@code RoleId} with an equal value} Compares the ids' hashes
   * before their values: two different ids then almost never read their characters.
   */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof RoleId other && hash == other.hash && value.equals(other.value);
  }
}
