/**
 * The {@code MyStaff} facade: sign-in, per-manager sessions and the workflows that validate,
 * authorize, apply and audit every change.
 */
package io.mystaff.core;
