package io.mystaff.spi;

import io.mystaff.api.password.WritebackStatus;

/** Receives a writeback's progress; called from any thread, in order, at most once per status. */
@FunctionalInterface
public interface WritebackListener {
  void onStatus(WritebackStatus status);
}
