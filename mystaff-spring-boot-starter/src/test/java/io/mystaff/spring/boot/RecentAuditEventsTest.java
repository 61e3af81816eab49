package io.mystaff.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditInitiator;
import io.mystaff.api.audit.AuditOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RecentAuditEventsTest {
  private static AuditEvent event(String manager, int n) {
    return AuditEvent.builder()
        .id("e" + n)
        .activityDateTime(Instant.EPOCH.plusSeconds(n))
        .activity(AuditActivity.RESET_PASSWORD)
        .outcome(AuditOutcome.SUCCEEDED)
        .correlationId(CorrelationId.random())
        .initiatedBy(new AuditInitiator(UserId.of(manager), Optional.empty(), Optional.empty()))
        .build();
  }

  @Test
  void eachManagerSeesTheirOwnLastEventsNewestFirstAndTheSinkGetsAll() {
    long seed = Long.getLong("mystaff.seed", System.nanoTime());
    Random random = new Random(seed);
    List<AuditEvent> stored = new ArrayList<>();
    RecentAuditEvents recent = new RecentAuditEvents(3);
    io.mystaff.spi.AuditSink sink = recent.recording(stored::add);
    List<String> managers = List.of("sam", "rosa", "tina");
    List<AuditEvent> all = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      AuditEvent e = event(managers.get(random.nextInt(managers.size())), i);
      all.add(e);
      sink.record(e);
    }

    assertThat(stored).as("seed %s", seed).isEqualTo(all);
    for (String manager : managers) {
      List<AuditEvent> own =
          all.stream().filter(e -> e.initiatedBy().id().value().equals(manager)).toList();
      List<AuditEvent> expected =
          IntStream.range(0, Math.min(3, own.size()))
              .mapToObj(i -> own.get(own.size() - 1 - i))
              .toList();
      assertThat(recent.initiatedBy(UserId.of(manager))).as("seed %s", seed).isEqualTo(expected);
    }
    assertThat(recent.initiatedBy(UserId.of("nobody"))).isEmpty();
  }

  @Test
  void anEventTheSinkRefusedIsNotShown() {
    RecentAuditEvents recent = new RecentAuditEvents(10);
    io.mystaff.spi.AuditSink sink =
        recent.recording(
            e -> {
              throw new IllegalStateException("sink down");
            });

    assertThatThrownBy(() -> sink.record(event("sam", 1))).hasMessage("sink down");
    assertThat(recent.initiatedBy(UserId.of("sam"))).isEmpty();
  }

  @Test
  void zeroKeepsNothingAndNegativeIsRefused() {
    RecentAuditEvents none = new RecentAuditEvents(0);
    none.recording(e -> {}).record(event("sam", 1));

    assertThat(none.initiatedBy(UserId.of("sam"))).isEmpty();
    assertThatThrownBy(() -> new RecentAuditEvents(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
