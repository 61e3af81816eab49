/** Typed identifiers, paging and the exception hierarchy rooted at {@link io.mystaff.api.MyStaffException}. */
package io.mystaff.api;
