/**
 * The pure authorization engine: deny by default, explainable decisions over role assignments,
 * scopes and Entra's protection matrix.
 */
@NullMarked
package io.mystaff.core.authz;

import org.jspecify.annotations.NullMarked;
