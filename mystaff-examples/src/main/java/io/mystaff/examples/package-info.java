/** The retail demo: a tenant, its managers and their staff, in memory or on PostgreSQL. */
@NullMarked
package io.mystaff.examples;

import org.jspecify.annotations.NullMarked;
