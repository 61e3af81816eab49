package io.mystaff.testkit.contract;

import io.mystaff.inmemory.InMemoryDirectory;
import io.mystaff.testkit.fixtures.Fixtures;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/** The reference provider runs the directory-writer contract, password writes included. */
class InMemoryDirectoryWriterContractTest {
  @TestFactory
  DynamicContainer writer() {
    return DirectoryWriterTestSuiteBuilder.using(
            tenant -> {
              InMemoryDirectory d = Fixtures.inMemoryDirectory(tenant);
              return WritableDirectory.of(d).verifyingPasswordsWith(d::verifyPassword);
            })
        .named("InMemoryDirectory")
        .withFeatures(
            DirectoryWriterFeature.SETS_PASSWORDS,
            DirectoryWriterFeature.VERIFIES_PASSWORDS,
            DirectoryWriterFeature.REVOKES_SESSIONS)
        .build();
  }
}
