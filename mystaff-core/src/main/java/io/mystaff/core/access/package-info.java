/**
 * The sign-in gate: feature availability (all, selected, none), admin-role requirement and
 * conditional access.
 */
package io.mystaff.core.access;
