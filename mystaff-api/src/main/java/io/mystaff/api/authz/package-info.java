/**
 * Roles, scoped and time-bound assignments, the facts the authorization engine decides on, and its
 * decisions.
 *
 * <p>The Java serialized forms of its types are not part of the API.
 *
 * @serial exclude
 */
@NullMarked
package io.mystaff.api.authz;

import org.jspecify.annotations.NullMarked;
