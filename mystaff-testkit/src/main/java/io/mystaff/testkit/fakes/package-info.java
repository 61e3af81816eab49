/**
 * Working fakes of every SPI and of time: mutable clock, scriptable writeback, recording and
 * failing audit sinks, access policy.
 */
package io.mystaff.testkit.fakes;
