package io.mystaff.activedirectory;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.ResultCode;
import io.mystaff.api.password.WritebackFailure;
import org.junit.jupiter.api.Test;

/**
 * How AD's result codes and diagnostics become failure reasons (texts as Samba 4.17 and Windows
 * word them).
 */
class OutcomesTest {

  private static WritebackFailure failure(ResultCode code, String diagnostic) {
    return Outcomes.failureOf(fromServer(code, diagnostic));
  }

  /**
   * An exception as the SDK makes it from a server's answer: the text is the diagnostic message.
   */
  private static LDAPException fromServer(ResultCode code, String diagnostic) {
    return new LDAPException(new LDAPResult(1, code, diagnostic, null, (String[]) null, null));
  }

  @Test
  void passwordRestriction_isPolicyViolation_whateverTheResultCode() {
    assertThat(
            failure(
                ResultCode.CONSTRAINT_VIOLATION,
                "0000052D: Constraint violation - check_password_restrictions:"
                    + " the password is too short. It should be equal or longer than 10 characters!"))
        .isEqualTo(WritebackFailure.POLICY_VIOLATION);
    // Windows Server answers an administrator's reset that breaks policy with 53 and 0000052D.
    assertThat(
            failure(
                ResultCode.UNWILLING_TO_PERFORM,
                "0000052D: SvcErr: DSID-031A12D2, problem 5003 (WILL_NOT_PERFORM), data 0"))
        .isEqualTo(WritebackFailure.POLICY_VIOLATION);
    assertThat(failure(ResultCode.CONSTRAINT_VIOLATION, null))
        .isEqualTo(WritebackFailure.POLICY_VIOLATION);
  }

  @Test
  void rightsAndServiceAccountBind_areAccessDenied() {
    assertThat(
            failure(
                ResultCode.INSUFFICIENT_ACCESS_RIGHTS,
                "error in module acl: insufficient access rights during LDB_MODIFY (50)"))
        .isEqualTo(WritebackFailure.ACCESS_DENIED);
    assertThat(
            failure(
                ResultCode.OTHER,
                "00002098: SecErr: DSID-03150F94, problem 4003 (INSUFF_ACCESS_RIGHTS), data 0"))
        .isEqualTo(WritebackFailure.ACCESS_DENIED);
    assertThat(
            failure(
                ResultCode.INVALID_CREDENTIALS,
                "80090308: LdapErr: DSID-0C0903A9, comment: AcceptSecurityContext error, data 52e, v1db1"))
        .isEqualTo(WritebackFailure.ACCESS_DENIED);
  }

  @Test
  void noSuchObject_isUserNotFound() {
    assertThat(
            failure(
                ResultCode.NO_SUCH_OBJECT,
                "0000208D: NameErr: DSID-03100241, problem 2001 (NO_OBJECT)"))
        .isEqualTo(WritebackFailure.USER_NOT_FOUND);
  }

  @Test
  void connectionTlsAndTimeouts_areUnreachable_andOnlyConnectFailuresAreRetried() {
    for (ResultCode c :
        new ResultCode[] {
          ResultCode.SERVER_DOWN,
          ResultCode.CONNECT_ERROR,
          ResultCode.TIMEOUT,
          ResultCode.UNAVAILABLE,
          ResultCode.BUSY
        }) {
      assertThat(failure(c, null)).as("%s", c).isEqualTo(WritebackFailure.UNREACHABLE);
    }
    assertThat(Outcomes.retryable(new LDAPException(ResultCode.CONNECT_ERROR))).isTrue();
    assertThat(Outcomes.retryable(new LDAPException(ResultCode.TIMEOUT)))
        .as("a write may have landed")
        .isFalse();
    assertThat(Outcomes.retryable(new LDAPException(ResultCode.CONSTRAINT_VIOLATION))).isFalse();
  }

  @Test
  void anythingElse_isUnknown() {
    assertThat(
            failure(ResultCode.STRONG_AUTH_REQUIRED, "BindSimple: Transport encryption required."))
        .isEqualTo(WritebackFailure.UNKNOWN);
    assertThat(
            failure(
                ResultCode.UNWILLING_TO_PERFORM, "0000001F: SvcErr: DSID-031A12D2, problem 5003"))
        .isEqualTo(WritebackFailure.UNKNOWN);
  }

  @Test
  void codesAreParsed_textIsNeverRepeated() {
    assertThat(Outcomes.win32Code("0000052D: Constraint violation")).hasValue(0x52D);
    assertThat(Outcomes.win32Code("no code here")).isEmpty();
    assertThat(Outcomes.win32Code(null)).isEmpty();
    assertThat(Outcomes.dataCode("AcceptSecurityContext error, data 773, v1db1")).hasValue(0x773);
    assertThat(Outcomes.dataCode(null)).isEmpty();
    String described =
        Outcomes.describe(
            fromServer(
                ResultCode.CONSTRAINT_VIOLATION,
                "0000052D: Constraint violation - the password Secret-Value-1 is too short"));
    assertThat(described)
        .contains("19")
        .contains("0000052D")
        .doesNotContain("Secret-Value-1")
        .doesNotContain("too short");
  }
}
