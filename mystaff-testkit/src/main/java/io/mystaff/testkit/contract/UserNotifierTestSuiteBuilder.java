package io.mystaff.testkit.contract;

import java.util.List;

/**
 * The contract suite of {@link io.mystaff.spi.UserNotifier}: every notification mystaff may send (a
 * reset, a phone added, updated or removed, with edge values) is accepted exactly as given, without
 * throwing; {@code send} returns within the suite's timeout (a notifier hands slow delivery to a
 * queue of its own); concurrent sends lose and double nothing.
 *
 * <pre>{@code
 * @TestFactory
 * DynamicContainer notifierContract() {
 *   return UserNotifierTestSuiteBuilder
 *       .using(tenant -> {
 *         FakeMailGateway gateway = new FakeMailGateway();
 *         return new ReadableUserNotifier(new AcmeMailNotifier(gateway), gateway::queued);
 *       })
 *       .named("Acme mail notifier")
 *       .withFeatures(UserNotifierFeature.KEEPS_SENDING_ORDER)
 *       .build();
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class UserNotifierTestSuiteBuilder
    extends ContractSuiteBuilder<
        UserNotifierTestSuiteBuilder, ReadableUserNotifier, UserNotifierFeature> {

  private UserNotifierTestSuiteBuilder(SubjectFactory<? extends ReadableUserNotifier> factory) {
    super("UserNotifier", UserNotifierFeature.class, factory);
  }

  /** A suite over notifiers made by {@code factory} (which may ignore the tenant), one per test. */
  public static UserNotifierTestSuiteBuilder using(
      SubjectFactory<? extends ReadableUserNotifier> factory) {
    return new UserNotifierTestSuiteBuilder(factory);
  }

  @Override
  List<Law<ReadableUserNotifier, UserNotifierFeature>> laws() {
    return UserNotifierLaws.ALL;
  }
}
