/** Contract suites that SPI vendors run against their own directory, writeback, audit sink and password policy. */
package io.mystaff.testkit.contract;
