/** Password writeback and password policy over LDAPS against on-premises Active Directory. */
module io.mystaff.activedirectory {
  requires transitive io.mystaff.api;
  requires transitive io.mystaff.core;
  requires unboundid.ldapsdk;
  requires org.slf4j;
  requires static org.jspecify;

  exports io.mystaff.activedirectory;
}
