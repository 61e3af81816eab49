package io.mystaff.api.audit;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A property an event's change touched, with its old and new values (never a secret).
 *
 * @param displayName the property's name (for example {@code mobilePhone})
 * @param oldValue the value before the change, if there was one
 * @param newValue the value after the change, if there is one
 * @since 0.1.0
 */
public record ModifiedProperty(
    String displayName, Optional<String> oldValue, Optional<String> newValue) {
  /**
   * Rejects a missing component.
   *
   * @param displayName the property's name (for example {@code mobilePhone})
   * @param oldValue the value before the change, if there was one
   * @param newValue the value after the change, if there is one
   */
  public ModifiedProperty {
    requireNonNull(displayName, "displayName");
    requireNonNull(oldValue, "oldValue");
    requireNonNull(newValue, "newValue");
  }

  /**
   * Same as the constructor, for fluent code.
   *
   * @param name the property's name
   * @param oldValue the value before the change, if there was one
   * @param newValue the value after the change, if there is one
   * @return the property
   */
  public static ModifiedProperty of(
      String name, Optional<String> oldValue, Optional<String> newValue) {
    return new ModifiedProperty(name, oldValue, newValue);
  }
}
