package io.mystaff.testkit.contract;

import java.util.List;

/**
 * The contract suite of {@link io.mystaff.spi.VerificationGate}: the right answer passes once and
 * only once, only for the user the challenge was issued for, and only before it expires; wrong
 * answers never pass and end the challenge once its attempts are used; unknown challenges never
 * pass; challenges are fresh and never show their answer.
 *
 * <pre>{@code
 * @TestFactory
 * DynamicContainer gateContract() {
 *   return VerificationGateTestSuiteBuilder
 *       .using(tenant -> {
 *         MutableClock clock = MutableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
 *         FakeSms sms = new FakeSms();
 *         AcmeGate gate = new AcmeGate(sms, clock);
 *         return new ReadableVerificationGate(gate, sms::codeOfChallenge, UserId.of("u1"),
 *             UserId.of("u2"), clock::advance, Duration.ofMinutes(5), 3);
 *       })
 *       .named("Acme SMS codes")
 *       .withFeatures(VerificationGateFeature.ALLOWS_RETRIES)
 *       .build();
 * }
 * }</pre>
 *
 * @since 0.2.0
 */
public final class VerificationGateTestSuiteBuilder
    extends ContractSuiteBuilder<
        VerificationGateTestSuiteBuilder, ReadableVerificationGate, VerificationGateFeature> {

  private VerificationGateTestSuiteBuilder(
      SubjectFactory<? extends ReadableVerificationGate> factory) {
    super("VerificationGate", VerificationGateFeature.class, factory);
  }

  /** A suite over gates made by {@code factory} (which may ignore the tenant), one per test. */
  public static VerificationGateTestSuiteBuilder using(
      SubjectFactory<? extends ReadableVerificationGate> factory) {
    return new VerificationGateTestSuiteBuilder(factory);
  }

  @Override
  List<Law<ReadableVerificationGate, VerificationGateFeature>> laws() {
    return VerificationGateLaws.ALL;
  }
}
