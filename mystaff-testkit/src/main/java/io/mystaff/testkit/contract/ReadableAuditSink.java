package io.mystaff.testkit.contract;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.audit.AuditEvent;
import io.mystaff.spi.AuditSink;
import java.util.List;
import java.util.function.Supplier;

/**
 * An {@link AuditSink} with a way to read back what it stored (a query on the vendor's store): the
 * subject of {@link AuditSinkTestSuiteBuilder}. Closing it closes the sink if it is {@link
 * AutoCloseable}.
 *
 * @param stored every event the sink holds, in recording order when the sink keeps it
 */
public record ReadableAuditSink(AuditSink sink, Supplier<List<AuditEvent>> stored)
    implements AutoCloseable {
  public ReadableAuditSink {
    requireNonNull(sink, "sink");
    requireNonNull(stored, "stored");
  }

  @Override
  public void close() {
    Closing.close(sink);
  }
}
