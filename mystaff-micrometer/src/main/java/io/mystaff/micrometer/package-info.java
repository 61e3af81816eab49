/**
 * Micrometer metrics for mystaff: {@link io.mystaff.micrometer.MyStaffMetrics}.
 *
 * @since 0.1.0
 */
package io.mystaff.micrometer;
