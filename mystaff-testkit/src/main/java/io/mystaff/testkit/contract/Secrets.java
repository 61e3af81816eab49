package io.mystaff.testkit.contract;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Checks that a secret (or a long enough piece of it) does not appear in text the SDK shows. */
final class Secrets {
  /** Pieces this long are treated as leaks: a password's fragments identify it. */
  static final int FRAGMENT = 6;

  private Secrets() {}

  /**
   * Asserts that neither {@code secret} nor any {@value #FRAGMENT}-character piece of it is in
   * {@code text}.
   */
  static void assertAbsent(String secret, String where, String text) {
    if (text == null) {
      return;
    }
    int piece = Math.min(FRAGMENT, secret.length());
    for (int i = 0; i + piece <= secret.length(); i++) {
      if (text.contains(secret.substring(i, i + piece))) {
        throw new AssertionError(
            where
                + " contains the secret or a piece of it (characters "
                + i
                + " to "
                + (i + piece)
                + ")");
      }
    }
  }

  /** The message, toString and stack trace of a throwable and its causes, as one text. */
  static String describe(Throwable t) {
    StringBuilder out = new StringBuilder();
    append(t, out, Collections.newSetFromMap(new IdentityHashMap<>()));
    return out.toString();
  }

  /** Appends what a printed stack trace shows: toString, frames, suppressed, then the cause. */
  private static void append(@Nullable Throwable t, StringBuilder out, Set<Throwable> seen) {
    if (t == null || !seen.add(t)) {
      return;
    }
    out.append(t).append('\n');
    for (StackTraceElement frame : t.getStackTrace()) {
      out.append("\tat ").append(frame).append('\n');
    }
    for (Throwable suppressed : t.getSuppressed()) {
      append(suppressed, out, seen);
    }
    append(t.getCause(), out, seen);
  }
}
