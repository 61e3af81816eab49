/**
 * Contract suites that SPI vendors run against their own providers: {@link
 * io.mystaff.testkit.contract.DirectoryTestSuiteBuilder Directory}, {@link
 * io.mystaff.testkit.contract.DirectoryWriterTestSuiteBuilder DirectoryWriter}, {@link
 * io.mystaff.testkit.contract.PasswordWritebackTestSuiteBuilder PasswordWriteback}, {@link
 * io.mystaff.testkit.contract.AuditSinkTestSuiteBuilder AuditSink}, {@link
 * io.mystaff.testkit.contract.PasswordPolicyTestSuiteBuilder PasswordPolicy}, {@link
 * io.mystaff.testkit.contract.UserNotifierTestSuiteBuilder UserNotifier} and {@link
 * io.mystaff.testkit.contract.WritebackJournalTestSuiteBuilder WritebackJournal}.
 *
 * <h2>Vendor quick start</h2>
 *
 * <p>Depend on {@code io.mystaff:mystaff-testkit} at test scope and return a suite from a JUnit 5
 * {@code @TestFactory}. The factory is handed a testkit {@link io.mystaff.testkit.fixtures.Tenant}
 * and returns a fresh provider holding exactly that tenant:
 *
 * <pre>{@code
 * class AcmeDirectoryContractTest {
 *   @TestFactory
 *   DynamicContainer directory() {
 *     return DirectoryTestSuiteBuilder.using(tenant -> AcmeDirectory.seededWith(tenant))
 *         .named("Acme LDAP")
 *         .withFeatures(DirectoryFeature.SEARCHES_UNITS)      // claimed: must pass
 *         .withoutFeatures(DirectoryFeature.DYNAMIC_UNITS)    // absent: reported as skipped
 *         .suppressing("searchUsers_insideAWord_noMatch", "ACME-123: LDAP substring filter")
 *         .build();
 *   }
 *
 *   @TestFactory
 *   DynamicContainer writer() {
 *     return DirectoryWriterTestSuiteBuilder
 *         .using(tenant -> WritableDirectory.of(AcmeDirectory.seededWith(tenant)))
 *         .named("Acme LDAP")
 *         .build();
 *   }
 * }
 * }</pre>
 *
 * <p>Each law is one dynamic test named {@code operation_condition_outcome}, e.g. {@code
 * members_everyPageSize_allMembersInDirectoryOrderOnce}; a failure restates the contract and names
 * the seed to replay ({@code -Dmystaff.seed=...}, or {@code withSeed}). Maven Surefire names
 * dynamic tests {@code directory()[1][7]} in its XML reports unless its JUnit 5 reporter is set to
 * {@code usePhrasedTestCaseMethodName} (as this module's own build does).
 *
 * <h2>The laws</h2>
 *
 * <p>Every law of every suite, with what it checks and the features it needs, is listed in the
 * generated table {@code docs/contract-laws.md} of the repository (a test fails when the table no
 * longer matches the suites); {@code lawNames()} of each builder lists them at run time. Besides
 * laws for every promise of the SPI javadoc, the directory, writer, audit-sink and
 * writeback-journal suites each have a <em>differential</em> law: seeded random operations run
 * against the provider and against the in-memory reference of {@code mystaff-inmemory} side by
 * side, and a mismatch names the operation, its index, the law's seed and the first differing
 * field. The reference comes with the testkit, so a vendor passes nothing but its own factory.
 *
 * <h2>Why builders of dynamic tests</h2>
 *
 * <p>The shape is Guava testlib's: a <em>generator</em> (here a {@link
 * io.mystaff.testkit.contract.SubjectFactory} seeded from a tenant), <em>features</em> (one enum
 * per SPI, such as {@link io.mystaff.testkit.contract.DirectoryFeature}), <em>testers</em> (the
 * laws, package-private, one check each) and a <em>builder</em> that wires them. It is expressed
 * with JUnit 5 dynamic tests rather than abstract test classes so that a vendor can run one SPI
 * several times with different configurations in one class, keep the provider's own fields out of
 * the testkit's class hierarchy, and suppress a law by name with a reason that shows in the report.
 * A vendor needs only {@code junit-jupiter-api}; the suites use no property-testing library.
 *
 * <h2>Optional features are skipped, never passed</h2>
 *
 * <p>A feature is <em>claimed</em> ({@code withFeatures}), <em>declared absent</em> ({@code
 * withoutFeatures}) or neither. Laws that need an absent feature are aborted (reported as skipped,
 * naming the feature) without running. Laws that need an undeclared feature run, and a {@link
 * io.mystaff.api.CapabilityNotSupportedException} from the provider or its factory aborts them the
 * same way; for a claimed feature it fails them. A {@code CapabilityNotSupportedException} from an
 * operation every provider must support always fails. So a directory whose {@code allUsers} still
 * throws the default exception shows {@code allUsers_*} as skipped, and the same test class checks
 * those laws the day it lists users.
 *
 * <h2>Lifecycle and threads</h2>
 *
 * <p>Every law asks the factory for new subjects (one or several, e.g. one per random tenant) and
 * closes each one that is {@link java.lang.AutoCloseable} when the law ends; {@link
 * io.mystaff.testkit.contract.WritableDirectory} and {@link
 * io.mystaff.testkit.contract.ReadableAuditSink} close their parts. Some laws use several threads
 * (concurrent writers, recorders, checks); a subject that fails to close fails its law;
 * asynchronous waits are bounded by {@code withTimeout} (default 10 seconds).
 */
@NullMarked
package io.mystaff.testkit.contract;

import org.jspecify.annotations.NullMarked;
