package io.mystaff.testkit.contract;

import io.mystaff.api.directory.User;
import io.mystaff.core.password.ActiveDirectoryPasswordPolicy;
import io.mystaff.inmemory.SimulatedOnPremisesWriteback;
import java.time.Duration;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/**
 * The simulated on-premises writeback runs the writeback contract, with and without latency, under
 * the Active Directory default policy and history.
 */
class SimulatedWritebackContractTest {
  @TestFactory
  DynamicContainer immediate() {
    return suite("SimulatedOnPremisesWriteback", Duration.ZERO);
  }

  @TestFactory
  DynamicContainer withLatency() {
    return suite("SimulatedOnPremisesWriteback (5 ms latency)", Duration.ofMillis(5));
  }

  private static DynamicContainer suite(String name, Duration latency) {
    return PasswordWritebackTestSuiteBuilder.using(
            tenant ->
                SimulatedOnPremisesWriteback.builder()
                    .policy(ActiveDirectoryPasswordPolicy.defaults())
                    .knownUsers(tenant.users().stream().filter(User::isSynced).toList())
                    .latency(latency)
                    .hashIterations(1_000)
                    .build())
        .named(name)
        .withFeatures(
            PasswordWritebackFeature.REPORTS_PROGRESS,
            PasswordWritebackFeature.READS_HISTORY,
            PasswordWritebackFeature.UNLOCKS_ACCOUNTS)
        .build();
  }
}
