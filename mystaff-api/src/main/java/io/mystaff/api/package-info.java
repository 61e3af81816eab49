/**
 * Typed identifiers, paging and the exception hierarchy rooted at {@link
 * io.mystaff.api.MyStaffException}.
 *
 * <p>The Java serialized forms of its types are not part of the API.
 *
 * @serial exclude
 */
@NullMarked
package io.mystaff.api;

import org.jspecify.annotations.NullMarked;
