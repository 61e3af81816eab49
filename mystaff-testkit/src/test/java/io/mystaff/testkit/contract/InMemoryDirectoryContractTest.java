package io.mystaff.testkit.contract;

import io.mystaff.testkit.fixtures.Fixtures;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/**
 * The reference provider runs the directory contract. No feature is declared either way, so {@code
 * allUsers} is probed: skipped while it throws {@code CapabilityNotSupportedException}, checked
 * once it lists users.
 */
class InMemoryDirectoryContractTest {
  @TestFactory
  DynamicContainer directory() {
    return DirectoryTestSuiteBuilder.using(Fixtures::inMemoryDirectory)
        .named("InMemoryDirectory")
        .withFeatures(
            DirectoryFeature.SEARCHES_UNITS,
            DirectoryFeature.DYNAMIC_UNITS,
            DirectoryFeature.CUSTOM_ROLES,
            DirectoryFeature.ROLE_ASSIGNABLE_GROUPS,
            DirectoryFeature.LISTS_ALL_UNITS)
        .build();
  }
}
