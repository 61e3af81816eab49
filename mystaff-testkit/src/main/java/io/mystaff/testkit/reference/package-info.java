/**
 * The reference authorization model: a deliberately simple, obviously-correct restatement of the
 * rules, used as the oracle.
 */
@NullMarked
package io.mystaff.testkit.reference;

import org.jspecify.annotations.NullMarked;
