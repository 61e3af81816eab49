package io.mystaff.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.CorrelationId;
import io.mystaff.api.ProviderFailureException;
import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditInitiator;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.directory.User;
import io.mystaff.api.password.Secret;
import io.mystaff.spi.AuditSink;
import io.mystaff.spi.CommitCondition;
import io.mystaff.spi.DirectoryWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AuditTrailTest {
  private static final Attempt ATTEMPT =
      new Attempt(
          CorrelationId.of("c1"),
          new AuditInitiator(UserId.of("m1"), Optional.of("m1@contoso.com"), Optional.empty()),
          Clock.fixed(Instant.parse("2025-03-01T09:00:00Z"), ZoneOffset.UTC));

  /** A writer holding only an outbox, which these tests fill directly. */
  private static final class OutboxOnly implements DirectoryWriter {
    final List<AuditEvent> outbox = new ArrayList<>();
    int acknowledgements;
    boolean refuseAppend;

    @Override
    public User setPhone(
        UserId user,
        long expectedVersion,
        PhoneType type,
        Optional<PhoneNumber> number,
        AuditEvent event,
        CommitCondition condition) {
      throw new UnsupportedOperationException("these tests write to the outbox directly");
    }

    @Override
    public User setPassword(
        UserId user,
        long expectedVersion,
        Secret password,
        boolean forceChangeNextSignIn,
        AuditEvent event,
        CommitCondition condition) {
      throw new UnsupportedOperationException("these tests write to the outbox directly");
    }

    @Override
    public void appendAuditEvent(AuditEvent event) {
      if (refuseAppend) {
        throw new IllegalStateException("outbox down");
      }
      if (outbox.stream().noneMatch(e -> e.id().equals(event.id()))) {
        outbox.add(event);
      }
    }

    @Override
    public List<AuditEvent> pendingAuditEvents(int max) {
      return List.copyOf(outbox.subList(0, Math.min(max, outbox.size())));
    }

    @Override
    public void acknowledgeAuditEvents(Collection<String> eventIds) {
      acknowledgements++;
      outbox.removeIf(e -> eventIds.contains(e.id()));
    }
  }

  /** A sink that stores events, and refuses them while {@code down}. */
  private static final class SwitchableSink implements AuditSink {
    final List<AuditEvent> stored = new ArrayList<>();
    boolean down;
    int refuseAfter = Integer.MAX_VALUE;

    @Override
    public void record(AuditEvent event) {
      if (down || stored.size() >= refuseAfter) {
        throw new IllegalStateException("sink down");
      }
      stored.add(event);
    }
  }

  private final OutboxOnly writer = new OutboxOnly();
  private final SwitchableSink sink = new SwitchableSink();
  private final AuditTrail trail = new AuditTrail(sink, writer, Runnable::run);

  private static AuditEvent event(AuditOutcome outcome) {
    return ATTEMPT.event(AuditActivity.ADD_PHONE, outcome).build();
  }

  @Test
  void event_anyAttempt_carriesOriginCorrelationAndInitiator() {
    AuditEvent e = event(AuditOutcome.SUCCEEDED);
    assertThat(e.isFromMyStaff()).isTrue();
    assertThat(e.correlationId()).isEqualTo(CorrelationId.of("c1"));
    assertThat(e.initiatedBy().userPrincipalName()).contains("m1@contoso.com");
    assertThat(e.activityDateTime()).isEqualTo(Instant.parse("2025-03-01T09:00:00Z"));
    assertThat(event(AuditOutcome.SUCCEEDED).id()).isNotEqualTo(e.id());
  }

  @Test
  void record_sinkDown_providerFailureNamingTheSink() {
    sink.down = true;
    assertThatThrownBy(() -> trail.record(event(AuditOutcome.DENIED)))
        .isInstanceOfSatisfying(
            ProviderFailureException.class, e -> assertThat(e.provider()).isEqualTo("audit sink"));
  }

  @Test
  void flush_outboxLargerThanOneBatch_everythingDeliveredOnceInOrder() {
    List<AuditEvent> events =
        IntStream.range(0, 250).mapToObj(i -> event(AuditOutcome.SUCCEEDED)).toList();
    writer.outbox.addAll(events);
    trail.flush();
    assertThat(sink.stored).containsExactlyElementsOf(events);
    assertThat(writer.outbox).isEmpty();
  }

  @Test
  void flush_sinkFailsMidBatch_acknowledgesOnlyWhatWasStored() {
    List<AuditEvent> events =
        IntStream.range(0, 5).mapToObj(i -> event(AuditOutcome.SUCCEEDED)).toList();
    writer.outbox.addAll(events);
    sink.refuseAfter = 2;
    assertThatThrownBy(trail::flush).isInstanceOf(ProviderFailureException.class);
    assertThat(writer.outbox).containsExactlyElementsOf(events.subList(2, 5));

    sink.refuseAfter = Integer.MAX_VALUE;
    trail.flush();
    assertThat(sink.stored).containsExactlyElementsOf(events);
    assertThat(writer.outbox).isEmpty();
  }

  @Test
  void flush_emptyOutbox_acknowledgesNothing() {
    trail.flush();
    assertThat(writer.acknowledgements).isZero();
  }

  @Test
  void flushQuietly_sinkDown_keepsEventsWithoutThrowing() {
    writer.outbox.add(event(AuditOutcome.SUCCEEDED));
    sink.down = true;
    trail.flushQuietly();
    assertThat(writer.outbox).hasSize(1);
  }

  @Test
  void commitFinal_outboxTakesIt_storedDurablyThenRelayed() {
    AuditEvent last = event(AuditOutcome.SUCCEEDED);
    sink.down = true;
    trail.commitFinal(last);
    assertThat(writer.outbox)
        .as("the final event waits in the durable outbox")
        .containsExactly(last);
    assertThat(trail.queued()).as("nothing held in memory").isZero();

    sink.down = false;
    trail.commitFinal(last); // idempotent by id
    assertThat(sink.stored).containsExactly(last);
    assertThat(writer.outbox).isEmpty();
  }

  @Test
  void commitFinal_outboxDown_recordedInTheSinkDirectly() {
    AuditEvent last = event(AuditOutcome.FAILED);
    writer.refuseAppend = true;
    trail.commitFinal(last);
    assertThat(sink.stored).containsExactly(last);
    assertThat(trail.queued()).isZero();
  }

  @Test
  void commitFinal_outboxAndSinkDown_queuedUntilFlush() {
    AuditEvent last = event(AuditOutcome.FAILED);
    writer.refuseAppend = true;
    sink.down = true;
    trail.commitFinal(last);
    assertThat(trail.queued()).isEqualTo(1);
    assertThatThrownBy(trail::flush).isInstanceOf(ProviderFailureException.class);
    assertThat(trail.queued()).isEqualTo(1);

    sink.down = false;
    trail.flush();
    assertThat(trail.queued()).isZero();
    assertThat(sink.stored).containsExactly(last);
  }

  @Test
  void flush_queuedAndOutboxEvents_queueFirst() {
    AuditEvent queued = event(AuditOutcome.SUCCEEDED);
    AuditEvent inOutbox = event(AuditOutcome.SUCCEEDED);
    writer.refuseAppend = true;
    sink.down = true;
    trail.commitFinal(queued);
    writer.outbox.add(inOutbox);
    sink.down = false;
    trail.flush();
    assertThat(sink.stored).containsExactly(queued, inOutbox);
  }

  @Test
  void relaySoon_sinkThrowsAnError_neverThrowsAndKeepsTheEvent() {
    AuditEvent e = event(AuditOutcome.SUCCEEDED);
    writer.outbox.add(e);
    AuditTrail erring =
        new AuditTrail(
            event -> {
              throw new OutOfMemoryError("simulated");
            },
            writer,
            Runnable::run);
    erring.relaySoon();
    assertThat(writer.outbox).containsExactly(e);
  }

  @Test
  void relaySoon_executorRefuses_neverThrowsAndRelaysLater() {
    AuditEvent e = event(AuditOutcome.SUCCEEDED);
    writer.outbox.add(e);
    AuditTrail refusing =
        new AuditTrail(
            sink,
            writer,
            task -> {
              throw new java.util.concurrent.RejectedExecutionException("shut down");
            });
    refusing.relaySoon();
    refusing.relaySoon();
    assertThat(writer.outbox).containsExactly(e);
    refusing.flush();
    assertThat(sink.stored).containsExactly(e);
  }

  @Test
  void relaySoon_whileARelayIsScheduled_coalesced() {
    List<Runnable> scheduled = new ArrayList<>();
    AuditTrail deferred = new AuditTrail(sink, writer, scheduled::add);
    deferred.relaySoon();
    deferred.relaySoon();
    assertThat(scheduled).as("one relay serves both requests").hasSize(1);
    writer.outbox.add(event(AuditOutcome.SUCCEEDED));
    scheduled.get(0).run();
    assertThat(writer.outbox).isEmpty();
    deferred.relaySoon();
    assertThat(scheduled).as("a request after the relay started schedules another").hasSize(2);
  }
}
