/** Phone number validation and E.164 normalization for phone authentication methods. */
package io.mystaff.core.phone;
