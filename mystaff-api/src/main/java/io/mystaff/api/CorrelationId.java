package io.mystaff.api;

/**
 * The opaque, case-sensitive identifier of a correlation (in Entra, an object id GUID; any token
 * without whitespace of at most 256 characters is accepted).
 *
 * @param value the identifier
 * @since 0.1.0
 */
public record CorrelationId(String value) implements Comparable<CorrelationId> {
  /**
   * Checks the value.
   *
   * @param value the identifier
   * @throws InvalidInputException if the value is null, blank, too long or contains whitespace
   */
  public CorrelationId {
    Ids.require(value, "correlation id");
  }

  /**
   * Same as the constructor, for fluent code.
   *
   * @param value the identifier
   * @return the id
   * @throws InvalidInputException if the value is null, blank, too long or contains whitespace
   */
  public static CorrelationId of(String value) {
    return new CorrelationId(value);
  }

  /** {@return a fresh random (type 4 UUID) correlation id} */
  public static CorrelationId random() {
    return new CorrelationId(java.util.UUID.randomUUID().toString());
  }

  @Override
  public int compareTo(CorrelationId other) {
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

  /** {@return true if {@code o} is a {@code CorrelationId} with an equal value} */
  @Override
  public boolean equals(Object o) {
    return o instanceof CorrelationId other && value.equals(other.value);
  }
}
