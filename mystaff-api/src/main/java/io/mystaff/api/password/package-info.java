/**
 * Secrets, password policy results and password writeback status.
 *
 * <p>The Java serialized forms of its types are not part of the API.
 *
 * @serial exclude
 */
package io.mystaff.api.password;
