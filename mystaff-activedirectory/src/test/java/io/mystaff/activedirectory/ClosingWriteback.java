package io.mystaff.activedirectory;

import io.mystaff.api.UserId;
import io.mystaff.api.password.PasswordHistory;
import io.mystaff.api.password.WritebackResult;
import io.mystaff.spi.PasswordWriteback;
import io.mystaff.spi.WritebackListener;
import io.mystaff.spi.WritebackRequest;
import java.util.concurrent.CompletionStage;

/** A writeback that, when the contract suite closes it, also closes its connection and fixture. */
@SuppressWarnings(
    "try") // close() closes arbitrary AutoCloseables, so it may throw InterruptedException
final class ClosingWriteback implements PasswordWriteback, AutoCloseable {
  private final ActiveDirectoryWriteback delegate;
  private final AutoCloseable[] also;

  ClosingWriteback(ActiveDirectoryWriteback delegate, AutoCloseable... also) {
    this.delegate = delegate;
    this.also = also;
  }

  @Override
  public CompletionStage<WritebackResult> submit(
      WritebackRequest request, WritebackListener listener) {
    return delegate.submit(request, listener);
  }

  @Override
  public boolean isAvailable() {
    return delegate.isAvailable();
  }

  @Override
  public PasswordHistory historyOf(UserId user) {
    return delegate.historyOf(user);
  }

  @Override
  public void close() throws Exception {
    delegate.close();
    for (AutoCloseable c : also) {
      c.close();
    }
  }

  @Override
  public String toString() {
    return delegate.toString();
  }
}
