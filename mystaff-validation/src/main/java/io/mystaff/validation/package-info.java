/**
 * Jakarta Bean Validation constraints for host forms and request bodies: {@link
 * io.mystaff.validation.E164Phone}, {@link io.mystaff.validation.UserPrincipalName}, {@link
 * io.mystaff.validation.MyStaffId} and {@link io.mystaff.validation.ManagerChosenPassword}. Each
 * validator delegates to the rule mystaff itself applies, so a form that passes is not refused
 * later for the same reason; messages are keyed by mystaff's stable codes ({@link
 * io.mystaff.validation.MyStaffConstraints}).
 *
 * @since 0.1.0
 */
@NullMarked
package io.mystaff.validation;

import org.jspecify.annotations.NullMarked;
