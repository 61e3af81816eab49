/** Entra's dynamic membership rule language: parser, syntax tree and evaluator over users. */
package io.mystaff.membership;
