/**
 * Test support for hosts and SPI vendors: fakes, fixtures, seeded generators, the reference model
 * and contract suites.
 */
@NullMarked
package io.mystaff.testkit;

import org.jspecify.annotations.NullMarked;
