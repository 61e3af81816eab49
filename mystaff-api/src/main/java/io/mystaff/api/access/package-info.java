/** Sign-in to My Staff: the context a host supplies, conditional-access verdicts and refusals. */
package io.mystaff.api.access;
