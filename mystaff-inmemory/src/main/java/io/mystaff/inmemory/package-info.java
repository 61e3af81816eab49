/**
 * The in-memory reference provider: indexed thread-safe directory, simulated on-premises writeback,
 * queryable audit store, writeback journal and JSON fixtures.
 */
@NullMarked
package io.mystaff.inmemory;

import org.jspecify.annotations.NullMarked;
