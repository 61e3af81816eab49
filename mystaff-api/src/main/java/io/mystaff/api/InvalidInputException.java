package io.mystaff.api;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A command or value was rejected before anything was changed. Each {@link Violation} names the
 * offending field and a stable reason key; the rejected value itself is never repeated, so this
 * exception is safe to log even when the input was a password.
 *
 * @since 0.1.0
 */
public final class InvalidInputException extends MyStaffException {
  private static final long serialVersionUID = 1L;

  /** One reason the input was rejected. 
   *
   * @param field the name of the rejected field (never its value)
   * @param reason a stable reason key or a short English explanation*/
  public record Violation(String field, String reason) {
    /**
     * Rejects a missing component.
     *
     * @param field the name of the rejected field (never its value)
     * @param reason a stable reason key or a short English explanation
     */
    public Violation {
      requireNonNull(field, "field");
      requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
      return field + ": " + reason;
    }
  }

  private final List<Violation> violations;

  /**
   * Creates the exception.
   *
   * @param violations every rejected field with its reason; not empty
   */
  public InvalidInputException(List<Violation> violations) {
    super(ErrorCode.INVALID_INPUT, "Invalid input: " + requireNonEmpty(violations));
    this.violations = List.copyOf(violations);
  }

  /**
   * Convenience for a single violation.
   *
   * @param field the name of the rejected field (never its value)
   * @param reason a stable reason key or a short English explanation
   * @return the exception, to throw
   */
  public static InvalidInputException of(String field, String reason) {
    return new InvalidInputException(List.of(new Violation(field, reason)));
  }

  /** {@return the reasons, in the order they were found; never empty} */
  public List<Violation> violations() {
    return violations;
  }

  private static List<Violation> requireNonEmpty(List<Violation> violations) {
    if (violations == null || violations.isEmpty()) {
      throw new IllegalArgumentException("at least one violation is required");
    }
    return violations;
  }
}
