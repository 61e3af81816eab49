package io.mystaff.testkit.contract;

import java.util.List;

/**
 * The contract suite of {@link io.mystaff.spi.CredentialDelivery}: a secret sent to a user with a
 * registered channel reaches exactly that user, whole and unaltered, even once mystaff destroyed
 * its copy; a user without a channel gets {@code NO_REGISTERED_CHANNEL} and nothing is sent
 * anywhere; the outcome never holds the secret; concurrent deliveries lose and double nothing; and
 * {@code channelChangedAt} answers for every user.
 *
 * <pre>{@code
 * @TestFactory
 * DynamicContainer deliveryContract() {
 *   return CredentialDeliveryTestSuiteBuilder
 *       .using(tenant -> {
 *         FakeSmsGateway sms = new FakeSmsGateway();
 *         AcmeSmsDelivery delivery = new AcmeSmsDelivery(sms, Map.of(UserId.of("u1"), "+14255550101"));
 *         return new ReadableCredentialDelivery(delivery, sms::textsTo, Set.of(UserId.of("u1")));
 *       })
 *       .named("Acme SMS delivery")
 *       .build();
 * }
 * }</pre>
 *
 * @since 0.2.0
 */
public final class CredentialDeliveryTestSuiteBuilder
    extends ContractSuiteBuilder<
        CredentialDeliveryTestSuiteBuilder, ReadableCredentialDelivery, CredentialDeliveryFeature> {

  private CredentialDeliveryTestSuiteBuilder(
      SubjectFactory<? extends ReadableCredentialDelivery> factory) {
    super("CredentialDelivery", CredentialDeliveryFeature.class, factory);
  }

  /**
   * A suite over deliveries made by {@code factory} (which may ignore the tenant), one per test.
   */
  public static CredentialDeliveryTestSuiteBuilder using(
      SubjectFactory<? extends ReadableCredentialDelivery> factory) {
    return new CredentialDeliveryTestSuiteBuilder(factory);
  }

  @Override
  List<Law<ReadableCredentialDelivery, CredentialDeliveryFeature>> laws() {
    return CredentialDeliveryLaws.ALL;
  }
}
