package io.mystaff.spi;

import io.mystaff.api.CorrelationId;

/**
 * Observes what mystaff does, for metrics and tracing: every attempt's outcome and the password
 * writebacks under way. Registered on {@code MyStaff.Builder.listener}; {@code mystaff-micrometer}
 * turns it into meters.
 *
 * <p>Contract for implementations: thread-safe and quick (called on the thread of the attempt,
 * after its outcome is recorded); nothing it is given holds a secret. Whatever a listener throws is
 * logged and ignored: it never changes, delays past its own run, or hides an outcome.
 *
 * @since 0.1.0
 */
public interface MyStaffListener {
  /**
   * An attempt ended: one call per audited attempt (sign-in, profile view, password reset, phone
   * change, availability change), with the outcome its final audit event states. A synced reset
   * ends when its writeback does, on the thread that completes it.
   *
   * @param attempt what the attempt was and how it ended
   */
  void attemptEnded(AttemptObservation attempt);

  /**
   * A password writeback was submitted and is now in flight; {@link #writebackEnded} follows
   * exactly once. The default does nothing.
   *
   * @param correlationId the correlation id of the reset whose writeback started
   */
  default void writebackStarted(CorrelationId correlationId) {}

  /**
   * A writeback submitted before has ended, whatever its result. The default does nothing.
   *
   * @param correlationId the correlation id of the reset whose writeback ended
   */
  default void writebackEnded(CorrelationId correlationId) {}
}
