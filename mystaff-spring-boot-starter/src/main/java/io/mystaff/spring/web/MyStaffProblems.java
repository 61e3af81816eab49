package io.mystaff.spring.web;

import io.mystaff.api.ErrorCode;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.MyStaffException;
import io.mystaff.api.access.SignInRefusedException;
import io.mystaff.api.authz.AccessDeniedException;
import io.mystaff.api.authz.DenyReason;
import io.mystaff.api.password.PasswordRejectedException;
import io.mystaff.api.password.PolicyViolation;
import io.mystaff.validation.MyStaffConstraints;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The API's errors as RFC 9457 problem details ({@code application/problem+json}). Every problem
 * has {@code type} ({@code urn:mystaff:problem:<code>}), {@code title}, {@code status}, {@code
 * detail} and {@code code}, mystaff's stable {@link ErrorCode}; a refusal adds {@code reason} (a
 * {@link DenyReason} or {@code SignInRefusal}) whose text is the {@code detail}; invalid input adds
 * {@code errors}, each {@code {"field", "code", "detail"}} with the field path; a rejected password
 * adds {@code violations}, each {@code {"key", "args"}}. A rejected value is never repeated.
 *
 * <p>Status codes: invalid input 400, not signed in 401, refused 403 (429 when rate limited; also
 * {@code REQUESTED_WITH_REQUIRED}, a GET without {@code X-Requested-With}), unknown user, unit,
 * phone method or reset 404, a stale version 409, a rejected password or an unsupported capability
 * 422, a provider failure 503.
 */
@RestControllerAdvice(assignableTypes = MyStaffApi.class)
final class MyStaffProblems {
  private static final Logger LOG = LoggerFactory.getLogger(MyStaffProblems.class);

  @ExceptionHandler(MyStaffException.class)
  ResponseEntity<ProblemDetail> mystaff(MyStaffException e, HttpServletRequest request) {
    HttpStatus status = status(e);
    ProblemDetail problem = problem(status, e.code().name(), detail(e), request);
    if (e instanceof AccessDeniedException denied) {
      problem.setProperty("reason", denied.reason().name());
    } else if (e instanceof SignInRefusedException refused) {
      problem.setProperty("reason", refused.reason().name());
    } else if (e instanceof InvalidInputException invalid) {
      List<Map<String, String>> errors = new ArrayList<>();
      for (InvalidInputException.Violation v : invalid.violations()) {
        errors.add(error(v.field(), v.code(), v.reason()));
      }
      problem.setProperty("errors", errors);
    } else if (e instanceof PasswordRejectedException rejected) {
      List<Map<String, Object>> violations = new ArrayList<>();
      for (PolicyViolation v : rejected.violations()) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("key", v.key());
        one.put("args", v.args());
        violations.add(one);
      }
      problem.setProperty("violations", violations);
    } else if (status == HttpStatus.SERVICE_UNAVAILABLE) {
      LOG.warn("My Staff API call failed: {}", e.getMessage(), e);
    }
    return respond(problem);
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ProblemDetail> invalidBody(
      MethodArgumentNotValidException e, HttpServletRequest request) {
    List<Map<String, String>> errors = new ArrayList<>();
    for (FieldError f : e.getBindingResult().getFieldErrors()) {
      String code = InvalidInputException.Violation.defaultCode(f.getField());
      String detail = f.getDefaultMessage() == null ? "is not valid" : f.getDefaultMessage();
      if (f.contains(ConstraintViolation.class)) {
        ConstraintViolation<?> violation = f.unwrap(ConstraintViolation.class);
        code = MyStaffConstraints.code(violation).orElse(code);
      }
      errors.add(error(f.getField(), code, detail));
    }
    ProblemDetail problem =
        problem(HttpStatus.BAD_REQUEST, ErrorCode.INVALID_INPUT.name(), "Invalid input.", request);
    problem.setProperty("errors", errors);
    return respond(problem);
  }

  @ExceptionHandler({
    HttpMessageNotReadableException.class,
    MissingServletRequestParameterException.class,
    MethodArgumentTypeMismatchException.class
  })
  ResponseEntity<ProblemDetail> unreadable(Exception e, HttpServletRequest request) {
    String field = "body";
    if (e instanceof MissingServletRequestParameterException missing) {
      field = missing.getParameterName();
    } else if (e instanceof MethodArgumentTypeMismatchException mismatch) {
      field = mismatch.getName();
    }
    ProblemDetail problem =
        problem(HttpStatus.BAD_REQUEST, ErrorCode.INVALID_INPUT.name(), "Invalid input.", request);
    problem.setProperty(
        "errors",
        List.of(
            error(
                field,
                InvalidInputException.Violation.defaultCode(field),
                "is missing or not readable")));
    return respond(problem);
  }

  @ExceptionHandler(MyStaffApi.NotSignedIn.class)
  ResponseEntity<ProblemDetail> notSignedIn(MyStaffApi.NotSignedIn e, HttpServletRequest request) {
    return respond(
        problem(HttpStatus.UNAUTHORIZED, "NOT_SIGNED_IN", String.valueOf(e.getMessage()), request));
  }

  @ExceptionHandler(MyStaffApi.CrossSiteRead.class)
  ResponseEntity<ProblemDetail> crossSiteRead(
      MyStaffApi.CrossSiteRead e, HttpServletRequest request) {
    return respond(
        problem(
            HttpStatus.FORBIDDEN,
            "REQUESTED_WITH_REQUIRED",
            String.valueOf(e.getMessage()),
            request));
  }

  @ExceptionHandler(MyStaffApi.NotFound.class)
  ResponseEntity<ProblemDetail> notFound(MyStaffApi.NotFound e, HttpServletRequest request) {
    return respond(
        problem(
            HttpStatus.NOT_FOUND,
            "UNKNOWN_PASSWORD_RESET",
            String.valueOf(e.getMessage()),
            request));
  }

  private static Map<String, String> error(String field, String code, String detail) {
    Map<String, String> error = new LinkedHashMap<>();
    error.put("field", field);
    error.put("code", code);
    error.put("detail", detail);
    return error;
  }

  private static String detail(MyStaffException e) {
    if (e instanceof AccessDeniedException denied) {
      return denied.reason().message();
    }
    if (e instanceof SignInRefusedException refused) {
      return refused.reason().message();
    }
    if (e.code() == ErrorCode.PROVIDER_FAILURE) {
      return "A system My Staff depends on is not available. Try again later.";
    }
    return String.valueOf(e.getMessage());
  }

  static HttpStatus status(MyStaffException e) {
    return switch (e.code()) {
      case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
      case UNKNOWN_USER, UNKNOWN_UNIT, PHONE_METHOD_NOT_FOUND -> HttpStatus.NOT_FOUND;
      case ACCESS_DENIED ->
          e instanceof AccessDeniedException denied && denied.reason() == DenyReason.RATE_LIMITED
              ? HttpStatus.TOO_MANY_REQUESTS
              : HttpStatus.FORBIDDEN;
      case SIGN_IN_REFUSED -> HttpStatus.FORBIDDEN;
      case STALE_VERSION -> HttpStatus.CONFLICT;
      case PASSWORD_REJECTED, CAPABILITY_NOT_SUPPORTED, ACCOUNT_NOT_SYNCED ->
          HttpStatus.UNPROCESSABLE_CONTENT;
      case PROVIDER_FAILURE -> HttpStatus.SERVICE_UNAVAILABLE;
      case APPROVAL_REQUIRED -> HttpStatus.ACCEPTED;
      case APPROVAL_CLOSED -> HttpStatus.CONFLICT;
    };
  }

  private static ProblemDetail problem(
      HttpStatus status, String code, String detail, HttpServletRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("urn:mystaff:problem:" + code.toLowerCase(Locale.ROOT)));
    problem.setTitle(title(code));
    problem.setInstance(URI.create(request.getRequestURI()));
    problem.setProperty("code", code);
    return problem;
  }

  private static String title(String code) {
    String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
