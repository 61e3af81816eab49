package io.mystaff.testkit.contract;

import io.mystaff.inmemory.InMemoryAuditLog;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/**
 * The in-memory audit log (unbounded, and bounded above what the laws record) runs the audit-sink
 * contract.
 */
class InMemoryAuditLogContractTest {
  @TestFactory
  DynamicContainer unbounded() {
    return AuditSinkTestSuiteBuilder.using(
            tenant -> {
              InMemoryAuditLog log = new InMemoryAuditLog();
              return new ReadableAuditSink(log, log::all);
            })
        .named("InMemoryAuditLog")
        .withFeatures(AuditSinkFeature.values())
        .build();
  }

  @TestFactory
  DynamicContainer bounded() {
    return AuditSinkTestSuiteBuilder.using(
            tenant -> {
              InMemoryAuditLog log = InMemoryAuditLog.withCapacity(10_000);
              return new ReadableAuditSink(log, log::all);
            })
        .named("InMemoryAuditLog.withCapacity(10000)")
        .withFeatures(AuditSinkFeature.values())
        .build();
  }
}
