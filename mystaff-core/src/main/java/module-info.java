/** mystaff's engine and facade. Host applications depend on this module. */
module io.mystaff.core {
  requires transitive io.mystaff.api;
  requires org.slf4j;
  requires com.google.i18n.phonenumbers.libphonenumber;
  requires static org.jspecify;

  exports io.mystaff.core;
  exports io.mystaff.core.access;
  exports io.mystaff.core.authz;
  exports io.mystaff.core.password;
  exports io.mystaff.core.phone;
}
