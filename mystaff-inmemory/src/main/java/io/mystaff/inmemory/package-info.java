/**
 * The in-memory reference provider: indexed thread-safe directory, simulated on-premises writeback,
 * queryable audit store, writeback journal and JSON fixtures.
 */
package io.mystaff.inmemory;
