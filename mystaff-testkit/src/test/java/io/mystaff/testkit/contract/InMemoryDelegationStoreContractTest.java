package io.mystaff.testkit.contract;

import io.mystaff.inmemory.InMemoryDelegationStore;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/** The in-memory delegation store runs the delegation store contract. */
class InMemoryDelegationStoreContractTest {
  @TestFactory
  DynamicContainer delegations() {
    return DelegationStoreTestSuiteBuilder.using(tenant -> new InMemoryDelegationStore())
        .named("InMemoryDelegationStore")
        .build();
  }
}
