package io.mystaff.api;

import java.util.UUID;

/**
 * The opaque, case-sensitive identifier of an approval request (see {@code
 * io.mystaff.api.approval.ApprovalRequest}); any token without whitespace of at most 256
 * characters.
 *
 * @param value the identifier
 * @since 0.2.0
 */
public record ApprovalId(String value) implements Comparable<ApprovalId> {
  /**
   * Checks the value.
   *
   * @param value the identifier
   * @throws InvalidInputException if the value is null, blank, too long or contains whitespace
   */
  public ApprovalId {
    Ids.require(value, "approval id");
  }

  /**
   * Same as the constructor, for fluent code.
   *
   * @param value the identifier
   * @return the id
   * @throws InvalidInputException if the value is null, blank, too long or contains whitespace
   */
  public static ApprovalId of(String value) {
    return new ApprovalId(value);
  }

  /** {@return a fresh random (type 4 UUID) approval id} */
  public static ApprovalId random() {
    return new ApprovalId(UUID.randomUUID().toString());
  }

  @Override
  public int compareTo(ApprovalId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
