/**
 * Secrets, password policy results and password writeback status.
 *
 * <p>The Java serialized forms of its types are not part of the API.
 *
 * @serial exclude
 */
@NullMarked
package io.mystaff.api.password;

import org.jspecify.annotations.NullMarked;
