package io.mystaff.testkit.contract;

import java.util.List;

/**
 * The contract suite of {@link io.mystaff.spi.DirectoryWriter}: compare-and-set versions ({@link
 * io.mystaff.api.StaleVersionException}, nothing changed), the audit outbox committed atomically
 * with each write and acknowledged idempotently, no lost update under concurrent writers, and no
 * password in any {@code toString} or exception.
 *
 * <pre>{@code
 * @TestFactory
 * DynamicContainer writerContract() {
 *   return DirectoryWriterTestSuiteBuilder
 *       .using(tenant -> WritableDirectory.of(AcmeDirectory.seededWith(tenant)))
 *       .named("Acme SQL")
 *       .build();
 * }
 * }</pre>
 */
public final class DirectoryWriterTestSuiteBuilder
    extends ContractSuiteBuilder<
        DirectoryWriterTestSuiteBuilder, WritableDirectory, DirectoryWriterFeature> {

  private DirectoryWriterTestSuiteBuilder(SubjectFactory<? extends WritableDirectory> factory) {
    super("DirectoryWriter", DirectoryWriterFeature.class, factory);
  }

  /** A suite over writers (with their readers) made by {@code factory}, one per tenant. */
  public static DirectoryWriterTestSuiteBuilder using(
      SubjectFactory<? extends WritableDirectory> factory) {
    return new DirectoryWriterTestSuiteBuilder(factory);
  }

  @Override
  List<Law<WritableDirectory, DirectoryWriterFeature>> laws() {
    return Laws.concat(
        DirectoryWriterLaws.ALL,
        DirectoryWriterFidelityLaws.ALL,
        DirectoryWriterDifferentialLaw.ALL);
  }
}
