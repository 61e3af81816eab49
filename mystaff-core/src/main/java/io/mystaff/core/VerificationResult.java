package io.mystaff.core;

import static java.util.Objects.requireNonNull;

import io.mystaff.spi.VerificationCheck;
import java.util.Optional;

/**
 * The outcome of {@link StaffSession#verify}: the gate's verdict and, when it passed, the evidence
 * to pass with the change.
 *
 * @param check the gate's verdict
 * @param verification the evidence, present exactly when {@code check} is {@code PASSED}
 * @since 0.2.0
 */
public record VerificationResult(VerificationCheck check, Optional<Verification> verification) {
  /** Checks that evidence comes exactly with a pass. */
  public VerificationResult {
    requireNonNull(check, "check");
    requireNonNull(verification, "verification");
    if (verification.isPresent() != (check == VerificationCheck.PASSED)) {
      throw new IllegalArgumentException("evidence comes exactly with a pass");
    }
  }

  /** {@return true if the caller passed} */
  public boolean passed() {
    return check == VerificationCheck.PASSED;
  }
}
