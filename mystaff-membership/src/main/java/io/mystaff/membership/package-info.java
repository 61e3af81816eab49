/** Entra's dynamic membership rule language: parser, syntax tree and evaluator over users. */
@NullMarked
package io.mystaff.membership;

import org.jspecify.annotations.NullMarked;
