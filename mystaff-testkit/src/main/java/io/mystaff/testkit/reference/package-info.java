/**
 * The reference authorization model: a deliberately simple, obviously-correct restatement of the
 * rules, used as the oracle.
 */
package io.mystaff.testkit.reference;
