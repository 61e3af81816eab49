package io.mystaff.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.UserId;
import io.mystaff.api.password.Secret;
import io.mystaff.core.MyStaff;
import io.mystaff.core.PasswordResetResult;
import io.mystaff.core.WritebackHandle;
import io.mystaff.inmemory.InMemoryAuditLog;
import io.mystaff.inmemory.InMemoryDirectory;
import io.mystaff.inmemory.SimulatedOnPremisesWriteback;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A stream's status listener is removed when the stream completes, times out or fails, and only
 * once; nothing is left registered on the handle.
 */
class WritebackStreamsTest {
  private InMemoryDirectory directory;
  private SimulatedOnPremisesWriteback writeback;
  private MyStaff myStaff;
  private WritebackStreams streams;

  /** Keeps the callbacks Spring would call, so the test can call them. */
  static final class Emitter extends SseEmitter {
    @Nullable Runnable completion;
    @Nullable Runnable timeout;
    @Nullable Consumer<Throwable> error;

    @Override
    public synchronized void onCompletion(Runnable callback) {
      completion = callback;
      super.onCompletion(callback);
    }

    @Override
    public synchronized void onTimeout(Runnable callback) {
      timeout = callback;
      super.onTimeout(callback);
    }

    @Override
    public synchronized void onError(Consumer<Throwable> callback) {
      error = callback;
      super.onError(callback);
    }
  }

  @BeforeEach
  void setUp() throws Exception {
    try (InputStream json = getClass().getResourceAsStream("/tenant.json")) {
      directory = InMemoryDirectory.builder().load(json).build();
    }
    writeback = SimulatedOnPremisesWriteback.builder().knownUsers(directory).build();
    writeback.stall();
    myStaff =
        MyStaff.builder()
            .directory(directory)
            .directoryWriter(directory)
            .passwordWriteback(writeback)
            .auditSink(new InMemoryAuditLog())
            .auditRelay(Runnable::run)
            .build();
    streams = new WritebackStreams(Duration.ofMinutes(1), Duration.ofMinutes(1));
  }

  @AfterEach
  void tearDown() {
    streams.close();
    writeback.resume();
    writeback.close();
    myStaff.close();
  }

  private WritebackHandle pendingReset() {
    PasswordResetResult result =
        myStaff
            .signIn(io.mystaff.api.access.SignInContext.of(UserId.of("sam"), false))
            .resetPassword(UserId.of("carlos"), Secret.of("Correct-Horse-42"));
    assertThat(result).isInstanceOf(PasswordResetResult.WritebackPending.class);
    return ((PasswordResetResult.WritebackPending) result).writeback();
  }

  @Test
  void completionTimeoutAndErrorEachRemoveTheListener() {
    WritebackHandle handle = pendingReset();
    List<Emitter> emitters = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      emitters.add(streams.open(handle, new Emitter()));
    }
    int registered = handle.statusListenerCount();
    assertThat(streams.openStreams()).isEqualTo(3);

    emitters.get(0).completion.run();
    emitters.get(1).timeout.run();
    emitters.get(2).error.accept(new java.io.IOException("Broken pipe"));

    assertThat(handle.statusListenerCount()).isEqualTo(registered - 3);
    assertThat(streams.openStreams()).isZero();
  }

  @Test
  void aStreamEndedTwiceRemovesItsListenerOnce() {
    WritebackHandle handle = pendingReset();
    Emitter one = streams.open(handle, new Emitter());
    streams.open(handle, new Emitter());
    int registered = handle.statusListenerCount();

    one.timeout.run();
    one.completion.run();

    assertThat(handle.statusListenerCount())
        .as("the other stream still listens")
        .isEqualTo(registered - 1);
    assertThat(streams.openStreams()).isEqualTo(1);
  }

  @Test
  void aStreamOfAFinishedWritebackKeepsNothing() throws Exception {
    WritebackHandle handle = pendingReset();
    writeback.resume();
    handle.completion().toCompletableFuture().get();

    streams.open(handle, new Emitter());

    assertThat(handle.statusListenerCount()).isZero();
    awaitNoOpenStream();
  }

  @Test
  void aTimeoutOrHeartbeatThatIsNotPositiveIsRefused() {
    assertThatThrownBy(() -> new WritebackStreams(Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WritebackStreams(Duration.ofSeconds(1), Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private void awaitNoOpenStream() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (streams.openStreams() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(streams.openStreams()).isZero();
  }
}
