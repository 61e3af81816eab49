/** Roles, scoped and time-bound assignments, the facts the authorization engine decides on, and its decisions. */
package io.mystaff.api.authz;
