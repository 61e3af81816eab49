/**
 * Jackson 3 support for mystaff: {@link io.mystaff.jackson.MyStaffJacksonModule} for the public
 * values and results, and the audit JSON codec in Microsoft Graph's directoryAudit shape.
 */
module io.mystaff.jackson {
  requires transitive io.mystaff.api;
  requires transitive io.mystaff.core;
  requires transitive tools.jackson.databind;
  requires transitive io.mystaff.jackson.audit;
  requires static org.jspecify;

  exports io.mystaff.jackson;
}
