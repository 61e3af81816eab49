package io.mystaff.postgres;

import io.mystaff.testkit.contract.DirectoryFeature;
import io.mystaff.testkit.contract.DirectoryTestSuiteBuilder;
import io.mystaff.testkit.contract.DirectoryWriterFeature;
import io.mystaff.testkit.contract.DirectoryWriterTestSuiteBuilder;
import io.mystaff.testkit.contract.WritableDirectory;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/**
 * The directory and writer contracts, every law and every feature claimed (nothing skipped that the
 * in-memory provider passes), each subject a fresh directory in the shared PostgreSQL.
 */
class PostgresDirectoryContractTest {
  @TestFactory
  DynamicContainer directory() {
    return DirectoryTestSuiteBuilder.using(TestDatabase::seeded)
        .named("PostgresDirectory")
        .withFeatures(DirectoryFeature.values())
        .build();
  }

  @TestFactory
  DynamicContainer directoryLoadedWithCopy() {
    return DirectoryTestSuiteBuilder.using(TestDatabase::bulkLoaded)
        .named("PostgresDirectory loaded with PostgresBulkLoad")
        .withFeatures(DirectoryFeature.values())
        .build();
  }

  @TestFactory
  DynamicContainer directoryWalkingSearches() {
    return DirectoryTestSuiteBuilder.using(TestDatabase::seededWalkingSearches)
        .named("PostgresDirectory, searches walking users in order")
        .withFeatures(DirectoryFeature.values())
        .build();
  }

  @TestFactory
  DynamicContainer writer() {
    return DirectoryWriterTestSuiteBuilder.using(
            tenant -> {
              PostgresDirectory directory = TestDatabase.seeded(tenant);
              return WritableDirectory.of(directory)
                  .verifyingPasswordsWith(directory::verifyPassword);
            })
        .named("PostgresDirectory")
        .withFeatures(
            DirectoryWriterFeature.SETS_PASSWORDS,
            DirectoryWriterFeature.VERIFIES_PASSWORDS,
            DirectoryWriterFeature.REVOKES_SESSIONS)
        .build();
  }
}
