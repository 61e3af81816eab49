package org.slf4j;

import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.NOPMDCAdapter;

/**
 * Gives the tests a working {@link MDC}: slf4j-simple, the tests' logger binding, ignores the MDC
 * (its adapter is {@link NOPMDCAdapter}), so MDC reads would always be null. Lives in {@code
 * org.slf4j} (the tests run on the class path) to reach {@code MDC.setMDCAdapter}.
 */
public final class RecordingMdc {
  private RecordingMdc() {}

  /** Makes {@link MDC} keep values per thread, if the binding's adapter discards them. */
  public static synchronized void install() {
    if (MDC.getMDCAdapter() instanceof NOPMDCAdapter) {
      MDC.setMDCAdapter(new BasicMDCAdapter());
    }
  }
}
