package io.mystaff.api.audit;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A property an event's change touched, with its old and new values (never a secret).
 *
 * @since 0.1.0
 */
public record ModifiedProperty(String displayName, Optional<String> oldValue, Optional<String> newValue) {
  public ModifiedProperty {
    requireNonNull(displayName, "displayName");
    requireNonNull(oldValue, "oldValue");
    requireNonNull(newValue, "newValue");
  }

  public static ModifiedProperty of(String name, Optional<String> oldValue, Optional<String> newValue) {
    return new ModifiedProperty(name, oldValue, newValue);
  }
}
