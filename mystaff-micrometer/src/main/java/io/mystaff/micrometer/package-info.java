/**
 * Micrometer metrics for mystaff: {@link io.mystaff.micrometer.MyStaffMetrics}.
 *
 * @since 0.1.0
 */
@NullMarked
package io.mystaff.micrometer;

import org.jspecify.annotations.NullMarked;
