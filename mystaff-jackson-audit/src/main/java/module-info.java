/**
 * The audit JSON codec: mystaff's audit events in Microsoft Graph's directoryAudit shape, for audit
 * sinks and providers that store or send events. Depends on {@code mystaff-api} and Jackson 3's
 * databind only.
 */
module io.mystaff.jackson.audit {
  requires transitive io.mystaff.api;
  requires transitive tools.jackson.databind;
  requires static org.jspecify;

  exports io.mystaff.jackson.audit;
}
