/**
 * The in-memory reference provider: indexed thread-safe directory, simulated on-premises writeback,
 * queryable audit store and JSON fixtures.
 */
package io.mystaff.inmemory;
