package io.mystaff.activedirectory;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import io.mystaff.api.password.WritebackFailure;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Active Directory's answers into {@link WritebackFailure} reasons. Decisions rest on the
 * LDAP result code and the Win32 error code that starts AD's diagnostic text ({@code 0000052D:
 * ...}), never on the rest of the text, which differs between AD and Samba and is never shown or
 * logged.
 */
final class Outcomes {
  /** ERROR_PASSWORD_RESTRICTION: length, complexity, history or minimum age. */
  static final int PASSWORD_RESTRICTION = 0x52D;

  /** ERROR_DS_INSUFF_ACCESS_RIGHTS and "no write property access" as AD words them. */
  private static final int INSUFFICIENT_ACCESS = 0x2098;

  private static final Pattern WIN32 = Pattern.compile("^\\s*([0-9A-Fa-f]{8})\\s*:");
  private static final Pattern DATA = Pattern.compile("\\bdata ([0-9A-Fa-f]{1,8})\\b");

  private Outcomes() {}

  /** The Win32 error code at the start of AD's diagnostic message, if there is one. */
  static OptionalInt win32Code(String diagnostic) {
    if (diagnostic == null) {
      return OptionalInt.empty();
    }
    Matcher m = WIN32.matcher(diagnostic);
    return m.find()
        ? OptionalInt.of(Integer.parseUnsignedInt(m.group(1), 16))
        : OptionalInt.empty();
  }

  /** The {@code data NNN} sub-code of a bind failure (52e wrong password, 773 must change, ...). */
  static OptionalInt dataCode(String diagnostic) {
    if (diagnostic == null) {
      return OptionalInt.empty();
    }
    Matcher m = DATA.matcher(diagnostic);
    return m.find()
        ? OptionalInt.of(Integer.parseUnsignedInt(m.group(1), 16))
        : OptionalInt.empty();
  }

  /**
   * The controller could not be reached or did not answer in time: the connection, TLS or a
   * timeout.
   */
  static boolean isUnreachable(ResultCode code) {
    return ResultCode.SERVER_DOWN.equals(code)
        || ResultCode.CONNECT_ERROR.equals(code)
        || ResultCode.TIMEOUT.equals(code)
        || ResultCode.UNAVAILABLE.equals(code)
        || ResultCode.BUSY.equals(code)
        || ResultCode.LOCAL_ERROR.equals(code)
        || ResultCode.DECODING_ERROR.equals(code)
        || ResultCode.ENCODING_ERROR.equals(code);
  }

  /** The failure {@code e} means for a password write. */
  static WritebackFailure failureOf(LDAPException e) {
    ResultCode code = e.getResultCode();
    OptionalInt win32 = win32Code(e.getDiagnosticMessage());
    if (win32.isPresent() && win32.getAsInt() == PASSWORD_RESTRICTION) {
      return WritebackFailure.POLICY_VIOLATION;
    }
    if (ResultCode.CONSTRAINT_VIOLATION.equals(code)) {
      // AD reports every policy refusal as 0000052D; a bare 19 is a policy refusal too (e.g. a
      // password filter DLL), never a reason to retry.
      return WritebackFailure.POLICY_VIOLATION;
    }
    if (ResultCode.NO_SUCH_OBJECT.equals(code)) {
      return WritebackFailure.USER_NOT_FOUND;
    }
    if (ResultCode.INSUFFICIENT_ACCESS_RIGHTS.equals(code)
        || (win32.isPresent() && win32.getAsInt() == INSUFFICIENT_ACCESS)
        || ResultCode.INVALID_CREDENTIALS.equals(code)
        || ResultCode.INAPPROPRIATE_AUTHENTICATION.equals(code)) {
      // 49 is the service account's own bind failing (wrong or expired password, locked out).
      return WritebackFailure.ACCESS_DENIED;
    }
    if (isUnreachable(code)) {
      return WritebackFailure.UNREACHABLE;
    }
    return WritebackFailure.UNKNOWN;
  }

  /** Whether a failed attempt may be repeated: nothing reached the directory. */
  static boolean retryable(LDAPException e) {
    ResultCode code = e.getResultCode();
    return ResultCode.CONNECT_ERROR.equals(code)
        || ResultCode.SERVER_DOWN.equals(code)
        || ResultCode.UNAVAILABLE.equals(code)
        || ResultCode.BUSY.equals(code);
  }

  /** A short description of {@code e} that is safe to log: the codes, never the server's text. */
  static String describe(LDAPException e) {
    OptionalInt win32 = win32Code(e.getDiagnosticMessage());
    return "LDAP result "
        + e.getResultCode().intValue()
        + " ("
        + e.getResultCode().getName()
        + ")"
        + (win32.isPresent() ? String.format(", AD error %08X", win32.getAsInt()) : "")
        + Optional.ofNullable(e.getCause())
            .map(c -> ", cause " + c.getClass().getSimpleName())
            .orElse("");
  }
}
