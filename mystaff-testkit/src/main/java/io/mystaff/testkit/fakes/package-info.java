/**
 * Working fakes of every SPI and of time: mutable clock, scriptable writeback, recording and
 * failing audit sinks, access policy.
 */
@NullMarked
package io.mystaff.testkit.fakes;

import org.jspecify.annotations.NullMarked;
