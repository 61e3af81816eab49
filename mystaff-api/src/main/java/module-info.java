/** mystaff's domain vocabulary and provider interfaces. Vendors compile against this alone. */
module io.mystaff.api {
  requires static transitive org.jspecify;

  exports io.mystaff.api;
  exports io.mystaff.api.access;
  exports io.mystaff.api.approval;
  exports io.mystaff.api.audit;
  exports io.mystaff.api.authz;
  exports io.mystaff.api.directory;
  exports io.mystaff.api.password;
  exports io.mystaff.spi;
}
