/** Secrets, password policy results and password writeback status. */
package io.mystaff.api.password;
