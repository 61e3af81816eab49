package io.mystaff.spi;

import static java.util.Objects.requireNonNull;

/**
 * A position in {@link DirectoryOrder}: the display name and the id value of a listed entry. A
 * listing page ends at the key of its last item, and the next page starts strictly after it.
 *
 * @param displayName the entry's display name
 * @param id the entry's id value, the tie-breaker between names equal ignoring case
 * @since 0.1.0
 */
public record SortKey(String displayName, String id) implements Comparable<SortKey> {
  /**
   * Checks that both parts are present.
   *
   * @param displayName the entry's display name
   * @param id the entry's id value
   */
  public SortKey {
    requireNonNull(displayName, "displayName");
    requireNonNull(id, "id");
  }

  /** Directory order ({@link DirectoryOrder#KEYS}). */
  @Override
  public int compareTo(SortKey other) {
    return DirectoryOrder.KEYS.compare(this, other);
  }
}
