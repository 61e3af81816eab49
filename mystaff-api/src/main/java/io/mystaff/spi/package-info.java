/**
 * Provider interfaces: directory reads and versioned writes, password policy, password writeback,
 * audit sink and conditional access.
 *
 * <p>The Java serialized forms of its types are not part of the API.
 *
 * @serial exclude
 */
@NullMarked
package io.mystaff.spi;

import org.jspecify.annotations.NullMarked;
