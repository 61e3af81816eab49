package io.mystaff.api;

/**
 * The opaque, case-sensitive identifier of a {@link io.mystaff.api.authz.Delegation} (any token
 * without whitespace of at most 256 characters).
 *
 * @param value the identifier
 * @since 0.2.0
 */
public record DelegationId(String value) implements Comparable<DelegationId> {
  /**
   * Checks the value.
   *
   * @param value the identifier
   * @throws InvalidInputException if the value is null, blank, too long or contains whitespace
   */
  public DelegationId {
    Ids.require(value, "delegation id");
  }

  /**
   * Same as the constructor, for fluent code.
   *
   * @param value the identifier
   * @return the id
   * @throws InvalidInputException if the value is null, blank, too long or contains whitespace
   */
  public static DelegationId of(String value) {
    return new DelegationId(value);
  }

  /** {@return a fresh random (type 4 UUID) delegation id} */
  public static DelegationId random() {
    return new DelegationId(java.util.UUID.randomUUID().toString());
  }

  @Override
  public int compareTo(DelegationId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
