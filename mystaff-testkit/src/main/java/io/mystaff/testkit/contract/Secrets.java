package io.mystaff.testkit.contract;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Checks that a secret (or a long enough piece of it) does not appear in text the SDK shows. */
final class Secrets {
  /** Pieces this long are treated as leaks: a password's fragments identify it. */
  static final int FRAGMENT = 6;

  private Secrets() {}

  /** Asserts that neither {@code secret} nor any {@value #FRAGMENT}-character piece of it is in {@code text}. */
  static void assertAbsent(String secret, String where, String text) {
    if (text == null) {
      return;
    }
    int piece = Math.min(FRAGMENT, secret.length());
    for (int i = 0; i + piece <= secret.length(); i++) {
      if (text.contains(secret.substring(i, i + piece))) {
        throw new AssertionError(where + " contains the secret or a piece of it (characters " + i + " to "
            + (i + piece) + ")");
      }
    }
  }

  /** The message, toString and stack trace of a throwable and its causes, as one text. */
  static String describe(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
