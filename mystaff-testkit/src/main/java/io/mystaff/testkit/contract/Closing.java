package io.mystaff.testkit.contract;

/** Closes what a subject factory handed out, once per distinct object. */
final class Closing {
  private Closing() {}

  /**
   * Closes each {@link AutoCloseable} part once, all of them even if one fails.
   *
   * @throws IllegalStateException if a part failed to close (the first failure, others suppressed)
   */
  static void close(Object... parts) {
    IllegalStateException failure = null;
    for (int i = 0; i < parts.length; i++) {
      if (parts[i] instanceof AutoCloseable c && !seenBefore(parts, i)) {
        try {
          c.close();
        } catch (Exception e) {
          if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
          }
          IllegalStateException wrapped =
              new IllegalStateException("closing " + c.getClass().getName() + " failed", e);
          if (failure == null) {
            failure = wrapped;
          } else {
            failure.addSuppressed(wrapped);
          }
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static boolean seenBefore(Object[] parts, int i) {
    for (int j = 0; j < i; j++) {
      if (parts[j] == parts[i]) {
        return true;
      }
    }
    return false;
  }
}
