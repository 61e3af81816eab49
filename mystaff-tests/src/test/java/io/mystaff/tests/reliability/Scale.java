package io.mystaff.tests.reliability;

/**
 * How many cases the reliability suites run. The defaults keep {@code mvn verify} quick; {@code
 * -Dmystaff.reliability.scale=N} multiplies every count by {@code N} for longer runs (the seed
 * stays {@code -Dmystaff.seed}).
 */
final class Scale {
  /** The system property that multiplies every count. */
  static final String PROPERTY = "mystaff.reliability.scale";

  private Scale() {}

  /** {@code base} times the scale factor (at least 1). */
  static int of(int base) {
    String value = System.getProperty(PROPERTY);
    int factor = value == null || value.isBlank() ? 1 : Integer.parseInt(value.trim());
    if (factor < 1) {
      throw new IllegalArgumentException(
          "-D" + PROPERTY + " must be a positive integer, was " + value);
    }
    return Math.multiplyExact(base, factor);
  }
}
