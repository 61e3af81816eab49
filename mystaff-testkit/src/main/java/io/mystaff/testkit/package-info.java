/**
 * Test support for hosts and SPI vendors: fakes, fixtures, seeded generators, the reference model
 * and contract suites.
 */
package io.mystaff.testkit;
