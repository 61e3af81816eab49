/**
 * The {@code MyStaff} facade: sign-in, per-manager sessions and the workflows that validate,
 * authorize, apply and audit every change.
 */
@NullMarked
package io.mystaff.core;

import org.jspecify.annotations.NullMarked;
