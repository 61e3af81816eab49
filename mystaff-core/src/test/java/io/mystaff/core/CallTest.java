package io.mystaff.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.CorrelationId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.slf4j.helpers.BasicMDCAdapter;

/** A call's correlation id: in the MDC while it runs, shared by nested calls, restored after. */
class CallTest {
  @BeforeAll
  static void workingMdc() throws Exception {
    // slf4j-simple's MDC keeps nothing; the tests need one that does (package-private setter).
    java.lang.reflect.Method set =
        MDC.class.getDeclaredMethod("setMDCAdapter", org.slf4j.spi.MDCAdapter.class);
    set.setAccessible(true);
    if (MDC.getMDCAdapter() instanceof org.slf4j.helpers.NOPMDCAdapter) {
      set.invoke(null, new BasicMDCAdapter());
    }
  }

  @AfterEach
  void clear() {
    MDC.clear();
  }

  @Test
  void nestedCall_joinsTheOuterOne_firstAttemptTakesItsId_laterOnesAFreshOne() {
    Call outer = Call.open();
    String id = MDC.get(Call.MDC_KEY);
    Call inner = Call.open();
    assertThat(MDC.get(Call.MDC_KEY)).isEqualTo(id);
    assertThat(Call.attemptStart().correlationId().value()).isEqualTo(id);
    CorrelationId second = Call.attemptStart().correlationId();
    assertThat(second.value()).isNotEqualTo(id).isEqualTo(MDC.get(Call.MDC_KEY));
    inner.close();
    assertThat(MDC.get(Call.MDC_KEY)).as("an inner close leaves the call open").isNotNull();
    outer.close();
    assertThat(MDC.get(Call.MDC_KEY)).isNull();
  }

  @Test
  void resumedCall_onAThreadBusyWithAnother_restoresIt() {
    Call busy = Call.open();
    String busyId = MDC.get(Call.MDC_KEY);
    Call resumed = Call.resume(CorrelationId.of("writeback-1"), System.nanoTime());
    assertThat(MDC.get(Call.MDC_KEY)).isEqualTo("writeback-1");
    resumed.close();
    assertThat(MDC.get(Call.MDC_KEY)).isEqualTo(busyId);
    assertThat(Call.attemptStart().correlationId().value())
        .as("the busy call is current again")
        .isEqualTo(busyId);
    busy.close();
    assertThat(MDC.get(Call.MDC_KEY)).isNull();
  }

  @Test
  void hostValue_restoredAfterTheCall() {
    MDC.put(Call.MDC_KEY, "host");
    Call call = Call.open();
    assertThat(MDC.get(Call.MDC_KEY)).isNotEqualTo("host");
    call.close();
    assertThat(MDC.get(Call.MDC_KEY)).isEqualTo("host");
  }
}
