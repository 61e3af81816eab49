/**
 * Seeded random generators of tenants, users, units and assignments; every failure reports its
 * seed.
 */
@NullMarked
package io.mystaff.testkit.random;

import org.jspecify.annotations.NullMarked;
