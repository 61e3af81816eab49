package io.mystaff.testkit.contract;

import io.mystaff.spi.PasswordWriteback;
import java.util.List;

/**
 * The contract suite of {@link PasswordWriteback}: the stage completes (never exceptionally) with
 * the outcome, the listener hears {@code SUBMITTED}, {@code IN_PROGRESS} and exactly one outcome in
 * that order (each at most once), failures carry a {@link
 * io.mystaff.api.password.WritebackFailure}, a correlation id is applied once, and the password
 * appears in no {@code toString}.
 *
 * <p>The factory is given a tenant whose synced users are the on-premises accounts; a user not in
 * the tenant must not exist on premises.
 *
 * <pre>{@code
 * @TestFactory
 * DynamicContainer writebackContract() {
 *   return PasswordWritebackTestSuiteBuilder.using(tenant -> AcmeWriteback.against(testAd(tenant)))
 *       .named("Acme AD writeback")
 *       .withTimeout(Duration.ofSeconds(30))
 *       .build();
 * }
 * }</pre>
 */
public final class PasswordWritebackTestSuiteBuilder
    extends ContractSuiteBuilder<
        PasswordWritebackTestSuiteBuilder, PasswordWriteback, PasswordWritebackFeature> {

  private PasswordWritebackTestSuiteBuilder(SubjectFactory<? extends PasswordWriteback> factory) {
    super("PasswordWriteback", PasswordWritebackFeature.class, factory);
  }

  /** A suite over writebacks made by {@code factory}, one per tenant. */
  public static PasswordWritebackTestSuiteBuilder using(
      SubjectFactory<? extends PasswordWriteback> factory) {
    return new PasswordWritebackTestSuiteBuilder(factory);
  }

  @Override
  List<Law<PasswordWriteback, PasswordWritebackFeature>> laws() {
    return PasswordWritebackLaws.ALL;
  }
}
