package io.mystaff.spi;

import io.mystaff.api.password.WritebackStatus;

/**
 * Receives a writeback's progress; called from any thread, in order, at most once per status.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface WritebackListener {
  /**
   * Receives one status change of a writeback.
   *
   * @param status the new status
   */
  void onStatus(WritebackStatus status);
}
