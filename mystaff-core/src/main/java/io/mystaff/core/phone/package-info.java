/** Phone number validation and E.164 normalization for phone authentication methods. */
@NullMarked
package io.mystaff.core.phone;

import org.jspecify.annotations.NullMarked;
