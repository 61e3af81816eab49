/**
 * Provider interfaces: directory reads and versioned writes, password policy, password writeback, audit sink and conditional access.
 *
 * <p>The Java serialized forms of its types are not part of the API.
 *
 * @serial exclude
 */
package io.mystaff.spi;
