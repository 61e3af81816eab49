/**
 * Sign-in to My Staff: the context a host supplies, conditional-access verdicts and refusals.
 *
 * <p>The Java serialized forms of its types are not part of the API.
 *
 * @serial exclude
 */
@NullMarked
package io.mystaff.api.access;

import org.jspecify.annotations.NullMarked;
