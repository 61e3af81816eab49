package io.mystaff.core;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.password.Secret;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A generated password that may be shown exactly once. The first {@link #reveal()} returns it and
 * wipes the held copy; every later call throws. {@code toString} is redacted. Thread-safe: when
 * several threads race to reveal, exactly one gets the password.
 */
public final class OneTimeSecret {
  private final AtomicReference<Secret> held;

  OneTimeSecret(Secret secret) {
    this.held = new AtomicReference<>(requireNonNull(secret, "secret"));
  }

  /**
   * The password, the first time only. Show it to the manager and drop the string.
   *
   * @throws IllegalStateException if it was already revealed or discarded
   */
  public String reveal() {
    Secret secret = held.getAndSet(null);
    if (secret == null) {
      throw new IllegalStateException("the temporary password was already revealed or discarded");
    }
    try {
      return secret.reveal();
    } finally {
      secret.destroy();
    }
  }

  /** True once the password was revealed or discarded. */
  public boolean isSpent() {
    return held.get() == null;
  }

  /** Wipes the password without revealing it (e.g. the manager closed the dialog); idempotent. */
  public void discard() {
    Secret secret = held.getAndSet(null);
    if (secret != null) {
      secret.destroy();
    }
  }

  @Override
  public String toString() {
    return "OneTimeSecret[redacted]";
  }
}
