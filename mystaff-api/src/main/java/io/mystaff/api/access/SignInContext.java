package io.mystaff.api.access;

import io.mystaff.api.InvalidInputException;
import io.mystaff.api.UserId;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * What the host knows about the manager's sign-in when opening My Staff: who it is, whether the
 * session satisfied multifactor authentication, and where the request came from.
 *
 * <p>The client IP, when given, must be an IPv4 address in dotted-quad form or an IPv6 address
 * literal (no host names, no zone ids); it is kept in canonical form ({@code 2001:db8:0:0:0:0:0:1},
 * not {@code 2001:DB8::1}) because it is copied into every audit event of the session. Checking it
 * never consults DNS.
 *
 * @param user the signed-in manager
 * @param multiFactorAuthenticated whether the session satisfied multifactor authentication
 * @param clientIp the client's IP address literal, if the host knows it
 * @since 0.1.0
 */
public record SignInContext(
    UserId user, boolean multiFactorAuthenticated, Optional<String> clientIp) {
  /** Longest textual IPv6 address: eight groups of four plus an embedded IPv4 tail. */
  private static final int MAX_ADDRESS_LENGTH = 45;

  /**
   * Checks the components.
   *
   * @param user the signed-in manager
   * @param multiFactorAuthenticated whether the session satisfied multifactor authentication
   * @param clientIp the client's IP address literal, if the host knows it
   * @throws InvalidInputException if the user or the client IP option is missing, or the client IP
   *     is present but not an IP address literal
   */
  public SignInContext {
    if (user == null) {
      throw InvalidInputException.of("user", "is required");
    }
    if (clientIp == null) {
      throw InvalidInputException.of("clientIp", "is required; use Optional.empty() when unknown");
    }
    clientIp = clientIp.map(SignInContext::canonicalAddress);
  }

  /**
   * A sign-in of {@code user} with no client IP.
   *
   * @param user the signed-in manager
   * @param multiFactorAuthenticated whether the session satisfied multifactor authentication
   * @return a context without client IP
   * @throws InvalidInputException if {@code user} is null
   */
  public static SignInContext of(UserId user, boolean multiFactorAuthenticated) {
    return new SignInContext(user, multiFactorAuthenticated, Optional.empty());
  }

  /**
   * The same sign-in, coming from {@code clientIp}.
   *
   * @param clientIp an IPv4 or IPv6 address literal
   * @return a copy of this context with the client IP in canonical form
   * @throws InvalidInputException if {@code clientIp} is null or not an IP address literal
   */
  public SignInContext withClientIp(String clientIp) {
    if (clientIp == null) {
      throw invalid();
    }
    return new SignInContext(user, multiFactorAuthenticated, Optional.of(clientIp));
  }

  private static String canonicalAddress(String text) {
    if (text.isEmpty() || text.length() > MAX_ADDRESS_LENGTH) {
      throw invalid();
    }
    if (text.indexOf(':') < 0) {
      return ipv4(text);
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!hex && c != ':' && c != '.') {
        throw invalid();
      }
    }
    int lastColon = text.lastIndexOf(':');
    String tail = text.substring(lastColon + 1);
    if (tail.indexOf('.') >= 0) {
      ipv4(tail); // an embedded IPv4 tail must be a strict dotted quad as well
    } else if (text.indexOf('.') >= 0) {
      throw invalid();
    }
    try {
      // A literal containing ':' is parsed as IPv6 without any name lookup.
      // An IPv4-mapped literal (::ffff:a.b.c.d) comes back as the IPv4 address it maps.
      return InetAddress.getByName(text).getHostAddress();
    } catch (UnknownHostException e) {
      throw invalid();
    }
  }

  private static String ipv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      throw invalid();
    }
    StringBuilder canonical = new StringBuilder(15);
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
        throw invalid();
      }
      int value = 0;
      for (int i = 0; i < part.length(); i++) {
        char c = part.charAt(i);
        if (c < '0' || c > '9') {
          throw invalid();
        }
        value = value * 10 + (c - '0');
      }
      if (value > 255) {
        throw invalid();
      }
      if (canonical.length() > 0) {
        canonical.append('.');
      }
      canonical.append(value);
    }
    return canonical.toString();
  }

  private static InvalidInputException invalid() {
    return InvalidInputException.of("clientIp", "must be an IPv4 or IPv6 address literal");
  }
}
