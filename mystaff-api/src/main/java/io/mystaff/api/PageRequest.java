package io.mystaff.api;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Which page of a listing to return: at most {@code size} items, continuing after {@code cursor}
 * (an opaque token from a previous {@link Page#nextCursor()}; empty for the first page).
 *
 * @param size the most items to return, positive
 * @param cursor the previous page's {@link Page#nextCursor()}, or empty for the first page
 * @since 0.1.0
 */
public record PageRequest(int size, Optional<String> cursor) {
  /** The largest page a caller may ask for. */
  public static final int MAX_SIZE = 1_000;

  /**
   * The longest cursor a request may carry, in characters; every cursor of {@link
   * io.mystaff.spi.CursorCodec} fits.
   *
   * @since 0.1.0
   */
  public static final int MAX_CURSOR_LENGTH = 1_024;

  /**
   * Rejects a malformed component.
   *
   * @param size the most items to return, positive
   * @param cursor the previous page's {@link Page#nextCursor()}, or empty for the first page
   * @throws InvalidInputException if a component is malformed
   */
  public PageRequest {
    requireNonNull(cursor, "cursor");
    if (size < 1 || size > MAX_SIZE) {
      throw InvalidInputException.of(
          "page size", "must be between 1 and " + MAX_SIZE, "page.sizeOutOfRange");
    }
    if (cursor.isPresent()
        && (cursor.get().isEmpty() || cursor.get().length() > MAX_CURSOR_LENGTH)) {
      throw InvalidInputException.of(
          "page cursor", "must be a token returned by a previous page", "page.cursorInvalid");
    }
  }

  /**
   * The first page.
   *
   * @param size the most items to return, positive
   * @return the request
   */
  public static PageRequest first(int size) {
    return new PageRequest(size, Optional.empty());
  }

  /**
   * The page after a cursor.
   *
   * @param cursor the previous page's {@link Page#nextCursor()}
   * @param size the most items to return, positive
   * @return the request
   */
  public static PageRequest after(String cursor, int size) {
    return new PageRequest(size, Optional.of(cursor));
  }
}
