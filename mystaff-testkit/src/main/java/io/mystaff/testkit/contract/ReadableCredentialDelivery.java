package io.mystaff.testkit.contract;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.UserId;
import io.mystaff.spi.CredentialDelivery;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A {@link CredentialDelivery} with a way to read back what each user received (the test double of
 * its SMS or mail gateway): the subject of {@link CredentialDeliveryTestSuiteBuilder}. Closing it
 * closes the delivery if it is {@link AutoCloseable}.
 *
 * @param delivery the delivery under test
 * @param inbox the texts of the secrets a user received through the gateway, oldest first
 * @param registered users with a registered channel (at least one); every other user has none
 * @since 0.2.0
 */
public record ReadableCredentialDelivery(
    CredentialDelivery delivery, Function<UserId, List<String>> inbox, Set<UserId> registered)
    implements AutoCloseable {
  /** Copies the users; rejects a missing component or no registered user. */
  public ReadableCredentialDelivery {
    requireNonNull(delivery, "delivery");
    requireNonNull(inbox, "inbox");
    registered = Set.copyOf(registered);
    if (registered.isEmpty()) {
      throw new IllegalArgumentException("the suite needs a user with a registered channel");
    }
  }

  @Override
  public void close() {
    Closing.close(delivery);
  }
}
