/**
 * The pure authorization engine: deny by default, explainable decisions over role assignments,
 * scopes and Entra's protection matrix.
 */
package io.mystaff.core.authz;
