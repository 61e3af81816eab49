package io.mystaff.activedirectory;

/**
 * How the connection to the domain controller is encrypted; Active Directory takes passwords only
 * over one of these.
 */
public enum Transport {
  /** TLS from the first byte (LDAPS, port 636 by default). */
  LDAPS,
  /**
   * Plain LDAP upgraded with the StartTLS extended operation before binding (port 389 by default).
   */
  START_TLS;

  int defaultPort() {
    return this == LDAPS ? 636 : 389;
  }
}
