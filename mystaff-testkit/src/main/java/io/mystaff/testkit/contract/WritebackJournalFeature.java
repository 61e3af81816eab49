package io.mystaff.testkit.contract;

/**
 * Optional features of a durable {@link io.mystaff.spi.WritebackJournal}, for {@link
 * WritebackJournalTestSuiteBuilder}. There are none: every law states a promise each durable
 * journal keeps (exactly one end and one final event per writeback, one state for every instance,
 * leases, takeovers, typed errors), so each must pass.
 *
 * @since 0.1.0
 */
public enum WritebackJournalFeature {}
