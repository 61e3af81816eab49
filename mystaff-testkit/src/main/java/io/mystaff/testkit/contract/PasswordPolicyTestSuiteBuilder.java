package io.mystaff.testkit.contract;

import io.mystaff.spi.PasswordPolicy;
import java.util.List;

/**
 * The contract suite of {@link PasswordPolicy}: rejects common and short passwords with violations
 * that name a reason, accepts strong ones from the declared {@linkplain #minimumLength minimum
 * length} up, is deterministic and thread-safe, leaves the candidate intact, and never echoes it
 * (or a piece of it) in a result, a violation or a {@code toString}.
 *
 * <pre>{@code
 * @TestFactory
 * DynamicContainer policyContract() {
 *   return PasswordPolicyTestSuiteBuilder.using(tenant -> new AcmePolicy())
 *       .named("Acme policy")
 *       .minimumLength(12)
 *       .build();
 * }
 * }</pre>
 */
public final class PasswordPolicyTestSuiteBuilder
    extends ContractSuiteBuilder<
        PasswordPolicyTestSuiteBuilder, PasswordPolicy, PasswordPolicyFeature> {

  private int minimumLength = 8;

  private PasswordPolicyTestSuiteBuilder(SubjectFactory<? extends PasswordPolicy> factory) {
    super("PasswordPolicy", PasswordPolicyFeature.class, factory);
  }

  /** A suite over policies made by {@code factory} (which may ignore the tenant). */
  public static PasswordPolicyTestSuiteBuilder using(
      SubjectFactory<? extends PasswordPolicy> factory) {
    return new PasswordPolicyTestSuiteBuilder(factory);
  }

  /**
   * The policy's minimum length (default 8): one character less is rejected, strong candidates of
   * this length are accepted.
   *
   * @throws IllegalArgumentException if below 4 or above 64
   */
  public PasswordPolicyTestSuiteBuilder minimumLength(int length) {
    if (length < 4 || length > 64) {
      throw new IllegalArgumentException(
          "the minimum length must be between 4 and 64, was " + length);
    }
    this.minimumLength = length;
    return this;
  }

  @Override
  List<Law<PasswordPolicy, PasswordPolicyFeature>> laws() {
    return PasswordPolicyLaws.all(minimumLength);
  }
}
