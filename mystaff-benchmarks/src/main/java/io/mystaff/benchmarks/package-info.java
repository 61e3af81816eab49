/**
 * JMH benchmarks, the workloads they run on and the agreement and footprint measurements behind
 * docs/performance.md (not published).
 */
@NullMarked
package io.mystaff.benchmarks;

import org.jspecify.annotations.NullMarked;
