package io.mystaff.tests.reliability;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Captures what the test class path's logger binding writes while open. The tests bind SLF4J to
 * slf4j-simple, which looks {@code System.err} up at every log call; so replacing {@code
 * System.err} captures every log line, stack traces included, and keeps the expected warnings of
 * fault-injection runs out of the build output. Restores the previous stream on close.
 */
final class CapturedLog implements AutoCloseable {
  private final PrintStream previous = System.err;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  private CapturedLog() {
    System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
  }

  static CapturedLog start() {
    return new CapturedLog();
  }

  /** Everything logged so far. */
  String text() {
    System.err.flush();
    synchronized (bytes) {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }

  /**
   * How many log lines (not stack-trace lines) were written at {@code level}, e.g. {@code WARN}.
   */
  long lines(String level) {
    return text().lines().filter(l -> l.contains("] " + level + " ")).count();
  }

  @Override
  public void close() {
    System.setErr(previous);
  }
}
