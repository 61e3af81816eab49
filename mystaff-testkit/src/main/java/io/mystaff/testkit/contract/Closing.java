package io.mystaff.testkit.contract;

/** Closes what a subject factory handed out, once per distinct object. */
final class Closing {
  private Closing() {}

  static void close(Object... parts) throws Exception {
    for (int i = 0; i < parts.length; i++) {
      if (parts[i] instanceof AutoCloseable c && !seenBefore(parts, i)) {
        c.close();
      }
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
