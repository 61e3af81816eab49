package io.mystaff.spring.web;

import io.mystaff.api.password.WritebackStatus;
import io.mystaff.core.WritebackHandle;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The server-sent event streams of synced resets' progress: one {@code status} event (the progress
 * resource) for each status reached, the final one with the result, then the end of the stream.
 *
 * <p>Each stream registers one status listener on its {@link WritebackHandle} and removes it as
 * soon as the stream ends: completed, timed out or failed. The servlet container does not say when
 * a client goes away, so every stream gets a comment line each {@code heartbeat}: the write that
 * fails ends the stream. Events and heartbeats are written on this object's one thread, never on
 * the thread that moved the writeback's status (a handle's listeners must not block).
 */
final class WritebackStreams implements AutoCloseable {
  private final ScheduledThreadPoolExecutor writer;
  private final Duration timeout;
  private final Duration heartbeat;
  private final AtomicInteger open = new AtomicInteger();

  /**
   * Streams that end after {@code timeout} at the latest and beat every {@code heartbeat}.
   *
   * @throws IllegalArgumentException if either duration is not positive
   */
  WritebackStreams(Duration timeout, Duration heartbeat) {
    if (timeout.isNegative() || timeout.isZero() || heartbeat.isNegative() || heartbeat.isZero()) {
      throw new IllegalArgumentException(
          "stream timeout and heartbeat must be positive, were " + timeout + " and " + heartbeat);
    }
    this.timeout = timeout;
    this.heartbeat = heartbeat;
    this.writer =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "mystaff-writeback-streams");
              t.setDaemon(true);
              return t;
            });
    writer.setRemoveOnCancelPolicy(true); // an ended stream's heartbeat leaves the queue at once
  }

  /** A new stream of {@code handle}'s progress. */
  SseEmitter open(WritebackHandle handle) {
    return open(handle, new SseEmitter(timeout.toMillis()));
  }

  /** Streams {@code handle}'s progress into {@code emitter}, which must be new. */
  <E extends SseEmitter> E open(WritebackHandle handle, E emitter) {
    new Stream(handle, emitter).start();
    return emitter;
  }

  /** The streams not ended yet. */
  int openStreams() {
    return open.get();
  }

  /** Stops writing: streams still open end by their timeout. */
  @Override
  public void close() {
    writer.shutdownNow();
  }

  private final class Stream {
    private final WritebackHandle handle;
    private final SseEmitter emitter;
    private final Consumer<WritebackStatus> listener = this::heard;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile @Nullable ScheduledFuture<?> beat;

    Stream(WritebackHandle handle, SseEmitter emitter) {
      this.handle = handle;
      this.emitter = emitter;
    }

    void start() {
      open.incrementAndGet();
      emitter.onCompletion(this::end);
      emitter.onTimeout(this::end);
      emitter.onError(e -> end());
      try {
        long millis = heartbeat.toMillis();
        beat = writer.scheduleWithFixedDelay(this::beat, millis, millis, TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) { // closed: the application is stopping
        fail(e);
        return;
      }
      // Replays the statuses reached so far (the final one included), then hears the later ones.
      handle.onStatus(listener);
      if (ended.get()) { // ended while replaying, before the listener was added
        handle.removeStatusListener(listener);
      }
    }

    private void heard(WritebackStatus status) {
      try {
        writer.execute(
            () -> {
              if (send(SseEmitter.event().name("status").data(handle, MediaType.APPLICATION_JSON))
                  && status.isTerminal()) {
                emitter.complete();
                end();
              }
            });
      } catch (RejectedExecutionException e) {
        fail(e);
      }
    }

    private void beat() {
      if (!ended.get()) {
        send(SseEmitter.event().comment("heartbeat"));
      }
    }

    /** Writes one event; a failed write ends the stream. */
    private boolean send(SseEmitter.SseEventBuilder event) {
      if (ended.get()) {
        return false;
      }
      try {
        emitter.send(event);
        return true;
      } catch (IOException | IllegalStateException e) {
        fail(e);
        return false;
      }
    }

    private void fail(Exception e) {
      try {
        emitter.completeWithError(e);
      } catch (IllegalStateException alreadyCompleted) {
        // nothing more to tell the client
      }
      end();
    }

    /** Removes the listener and stops the heartbeat, once. */
    private void end() {
      if (!ended.compareAndSet(false, true)) {
        return;
      }
      handle.removeStatusListener(listener);
      ScheduledFuture<?> b = beat;
      if (b != null) {
        b.cancel(false);
      }
      open.decrementAndGet();
    }
  }
}
