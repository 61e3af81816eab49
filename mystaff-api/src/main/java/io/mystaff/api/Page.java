package io.mystaff.api;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a listing, in a stable order; {@code nextCursor} is empty on the last page.
 *
 * @param items the items of this page, in listing order
 * @param nextCursor the cursor of the next page, or empty on the last page
 * @since 0.1.0
 */
public record Page<T>(List<T> items, Optional<String> nextCursor) {
  /**
   * Copies the collections and rejects a missing component.
   *
   * @param items the items of this page, in listing order
   * @param nextCursor the cursor of the next page, or empty on the last page
   */
  public Page {
    items = List.copyOf(items);
    requireNonNull(nextCursor, "nextCursor");
  }

  /**
   * The last page of a listing.
   *
   * @param <T> the items' type
   * @param items the items
   * @return a page without next cursor
   */
  public static <T> Page<T> last(List<T> items) {
    return new Page<>(items, Optional.empty());
  }

  /** {@return true if a next page exists} */
  public boolean hasNext() {
    return nextCursor.isPresent();
  }

  /**
   * The same page with every item mapped; the cursor is unchanged.
   *
   * @param <R> the mapped items' type
   * @param mapper applied to each item in order
   * @return the mapped page
   */
  public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
    return new Page<>(items.stream().<R>map(mapper).toList(), nextCursor);
  }
}
