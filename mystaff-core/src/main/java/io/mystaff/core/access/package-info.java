/**
 * The sign-in gate: feature availability (all, selected, none), admin-role requirement and
 * conditional access.
 */
@NullMarked
package io.mystaff.core.access;

import org.jspecify.annotations.NullMarked;
