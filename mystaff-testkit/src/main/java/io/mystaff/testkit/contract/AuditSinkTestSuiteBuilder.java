package io.mystaff.testkit.contract;

import java.util.List;

/**
 * The contract suite of {@link io.mystaff.spi.AuditSink}: every recorded event is stored exactly as
 * given (nothing lost, nothing altered or added), also under concurrent recording, once per id when
 * the sink deduplicates.
 *
 * <pre>{@code
 * @TestFactory
 * DynamicContainer auditContract() {
 *   return AuditSinkTestSuiteBuilder
 *       .using(tenant -> {
 *         AcmeAuditTable table = AcmeAuditTable.createTemporary();
 *         return new ReadableAuditSink(table.sink(), table::readAll);
 *       })
 *       .named("Acme audit table")
 *       .build();
 * }
 * }</pre>
 */
public final class AuditSinkTestSuiteBuilder
    extends ContractSuiteBuilder<AuditSinkTestSuiteBuilder, ReadableAuditSink, AuditSinkFeature> {

  private AuditSinkTestSuiteBuilder(SubjectFactory<? extends ReadableAuditSink> factory) {
    super("AuditSink", AuditSinkFeature.class, factory);
  }

  /** A suite over sinks made by {@code factory} (which may ignore the tenant), one per test. */
  public static AuditSinkTestSuiteBuilder using(
      SubjectFactory<? extends ReadableAuditSink> factory) {
    return new AuditSinkTestSuiteBuilder(factory);
  }

  @Override
  List<Law<ReadableAuditSink, AuditSinkFeature>> laws() {
    return Laws.concat(AuditSinkLaws.ALL, AuditSinkFidelityLaws.ALL);
  }
}
