package io.mystaff.core.access;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.access.SignInRefusal;
import java.util.Optional;

/** The sign-in gate's answer: admitted, or refused with the reason. */
public sealed interface Admission permits Admission.Admitted, Admission.Refused {

  /** The manager may open My Staff. */
  static Admission admitted() {
    return Admitted.INSTANCE;
  }

  /** The manager may not open My Staff, for {@code reason}, with no further detail. */
  static Admission refused(SignInRefusal reason) {
    return new Refused(reason, Optional.empty());
  }

  /** True for {@link Admitted}. */
  boolean isAdmitted();

  /** The manager may open My Staff. */
  enum Admitted implements Admission {
    INSTANCE;

    @Override
    public boolean isAdmitted() {
      return true;
    }
  }

  /**
   * The manager may not open My Staff.
   *
   * @param detail for refusals by conditional access, the policy's reason code (or {@code
   *     HOOK_FAILED} when the hook threw or answered nothing); never a secret, safe to audit
   */
  record Refused(SignInRefusal reason, Optional<String> detail) implements Admission {
    public Refused {
      requireNonNull(reason, "reason");
      requireNonNull(detail, "detail");
    }

    @Override
    public boolean isAdmitted() {
      return false;
    }
  }
}
