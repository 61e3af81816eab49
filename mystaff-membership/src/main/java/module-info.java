/**
 * Entra's dynamic membership rule language: parser, syntax tree and a bounded, three-valued
 * evaluator over users. Depends on {@code mystaff-api} only, so directory providers can store
 * membership rows without depending on the engine.
 */
module io.mystaff.membership {
  requires transitive io.mystaff.api;
  requires static org.jspecify;

  exports io.mystaff.membership;
}
