package io.mystaff.inmemory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Runs readers that take no lock alongside one writer, for the tests of the directory's lock-free
 * structures: each reader repeats its check until the writer is done, and the first check that
 * throws stops the run and is returned to the test thread, which fails on it.
 */
final class LockFreeReaders {
  private LockFreeReaders() {}

  /**
   * Starts {@code readers} threads repeating {@code check}, runs {@code writer} on the calling
   * thread once they have started (it should stop early when its argument says a reader failed),
   * then stops and joins the readers.
   *
   * @return the first failure of a check, or null if none failed
   */
  static @Nullable Throwable whileWriting(
      int readers, Runnable check, Consumer<BooleanSupplier> writer) throws InterruptedException {
    AtomicBoolean done = new AtomicBoolean();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CountDownLatch started = new CountDownLatch(readers);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < readers; t++) {
      Thread reader =
          new Thread(
              () -> {
                started.countDown();
                try {
                  while (!done.get()) {
                    check.run();
                  }
                } catch (Throwable e) { // handed to the test thread, which fails on it
                  failure.compareAndSet(null, e);
                }
              });
      threads.add(reader);
      reader.start();
    }
    if (!started.await(10, TimeUnit.SECONDS)) {
      throw new AssertionError("readers did not start");
    }
    try {
      writer.accept(() -> failure.get() != null);
    } finally {
      done.set(true);
      for (Thread reader : threads) {
        reader.join(TimeUnit.SECONDS.toMillis(30));
      }
    }
    return failure.get();
  }
}
