/**
 * Seeded random generators of tenants, users, units and assignments; every failure reports its
 * seed.
 */
package io.mystaff.testkit.random;
