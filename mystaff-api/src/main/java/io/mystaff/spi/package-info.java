/** Provider interfaces: directory reads and versioned writes, password policy, password writeback, audit sink and conditional access. */
package io.mystaff.spi;
