package io.mystaff.spi;

import io.mystaff.api.audit.AuditEvent;

/**
 * Stores audit events durably. Contract: when {@code record} returns, the event is stored; when it
 * throws (any exception), core treats the event as not stored and does not apply the change it
 * describes. Thread-safe. Events never contain secrets, so they may be logged or shipped as is. A
 * stored event reads back exactly as given: every target, modified property and detail, and its
 * time to the microsecond at least. The contract suite {@code AuditSinkTestSuiteBuilder} (module
 * {@code mystaff-testkit}) checks it.
 *
 * @since 0.1.0
 */
public interface AuditSink {
  /**
   * Stores one event durably, or throws.
   *
   * @param event the event, with no secret in it
   */
  void record(AuditEvent event);
}
