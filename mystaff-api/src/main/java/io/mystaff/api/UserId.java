package io.mystaff.api;

/**
 * The opaque, case-sensitive identifier of a user (in Entra, an object id GUID; any token without
 * whitespace of at most 256 characters is accepted).
 *
 * @param value the identifier
 * @since 0.1.0
 */
public record UserId(String value) implements Comparable<UserId>, Principal {
  /**
   * Checks the value.
   *
   * @param value the identifier
   * @throws InvalidInputException if the value is null, blank, too long or contains whitespace
   */
  public UserId {
    Ids.require(value, "user id");
  }

  /**
   * Same as the constructor, for fluent code.
   *
   * @param value the identifier
   * @return the id
   * @throws InvalidInputException if the value is null, blank, too long or contains whitespace
   */
  public static UserId of(String value) {
    return new UserId(value);
  }

  @Override
  public int compareTo(UserId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }

  /**
   * {@return the hash of the value} Written out (a record's generated one goes through method
   * handles that the JIT does not always inline, and ids are the keys of every index).
   */
  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /**
   * {@return true if {@code o} is a {@code UserId} with an equal value} Compares the values' cached
   * hashes before their characters: two different ids then rarely read their characters, which on a
   * large heap are often not in the CPU's caches (the authorization check compares ids of facts
   * picked from anywhere in the directory).
   */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof UserId other
        && value.hashCode() == other.value.hashCode()
        && value.equals(other.value);
  }
}
