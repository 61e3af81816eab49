package io.mystaff.spring.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mystaff.api.CorrelationId;
import io.mystaff.api.InvalidInputException;
import io.mystaff.api.Page;
import io.mystaff.api.PageRequest;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.directory.PhoneType;
import io.mystaff.api.password.Secret;
import io.mystaff.core.AccountUnlock;
import io.mystaff.core.Location;
import io.mystaff.core.PasswordResetResult;
import io.mystaff.core.PhoneChange;
import io.mystaff.core.SessionRevocation;
import io.mystaff.core.StaffMember;
import io.mystaff.core.StaffSession;
import io.mystaff.core.UnitSearchResult;
import io.mystaff.core.UserProfile;
import io.mystaff.core.UserSummary;
import io.mystaff.core.WritebackHandle;
import io.mystaff.spring.boot.ManagerMapping;
import io.mystaff.spring.boot.RecentAuditEvents;
import io.mystaff.validation.ManagerChosenPassword;
import io.mystaff.validation.MyStaffConstraints;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The manager's REST API, under {@code mystaff.web.api-path} (default {@code /mystaff/api}); its
 * OpenAPI 3.1 description is {@code openapi.json} there. Every call acts as the manager the host's
 * Spring Security principal maps to ({@link ManagerMapping}); errors are RFC 9457 problem details
 * ({@link MyStaffProblems}). Changes need the CSRF token; every GET that runs in the manager's
 * session needs the header {@code X-Requested-With} (any value), which a page of another site
 * cannot send, and is refused without it before anything is signed in or audited.
 *
 * @since 0.1.0
 */
@RestController
@RequestMapping(
    path = "${mystaff.web.api-path:/mystaff/api}",
    produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
public final class MyStaffApi {
  private static final int DEFAULT_PAGE_SIZE = 25;

  /**
   * The header, with any value, that every GET running in the manager's session needs: {@code /me},
   * {@code /locations}, {@code /members}, {@code /search/*}, {@code /users/{id}}, {@code
   * /password-resets/{id}} and {@code /audit-events}. Not the event stream, which {@code
   * EventSource} cannot decorate and which needs the reset's unguessable correlation id.
   */
  static final String REQUESTED_WITH = "X-Requested-With";

  private final ManagerSessions sessions;
  private final ManagerMapping mapping;
  private final Writebacks writebacks;
  private final WritebackStreams streams;
  private final RecentAuditEvents audit;
  private final PasswordRules rules;
  private final Validator validator;

  MyStaffApi(
      ManagerSessions sessions,
      ManagerMapping mapping,
      Writebacks writebacks,
      WritebackStreams streams,
      RecentAuditEvents audit,
      PasswordRules rules,
      Validator validator) {
    this.sessions = sessions;
    this.mapping = mapping;
    this.writebacks = writebacks;
    this.streams = streams;
    this.audit = audit;
    this.rules = rules;
    this.validator = validator;
  }

  /**
   * The CSRF token the page sends back on every change.
   *
   * @param headerName the header to send it in
   * @param token the token
   */
  record Csrf(String headerName, String token) {
    @Override
    public String toString() {
      return "Csrf[headerName=" + headerName + ", token=<redacted>]";
    }
  }

  /**
   * Why the manager has no location.
   *
   * @param reason the stable code
   * @param message its text
   */
  record NoLocations(String reason, String message) {}

  /**
   * The sign-in state.
   *
   * @param manager who is signed in
   * @param expiresAt when the mystaff session ends
   * @param locations the places whose staff the manager may change
   * @param whyNoLocations why there are none, when there are none
   * @param csrf the CSRF token
   */
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  record Me(
      UserSummary manager,
      Instant expiresAt,
      List<Location> locations,
      Optional<NoLocations> whyNoLocations,
      Optional<Csrf> csrf) {}

  /**
   * A reset's request body.
   *
   * @param password the password the manager chose (synced users), or absent for a generated one
   */
  record ResetRequest(@ManagerChosenPassword @Nullable String password) {
    @Override
    public String toString() { // Spring MVC logs request bodies at DEBUG and TRACE
      return "ResetRequest[password=" + (password == null ? "absent" : "<redacted>") + "]";
    }
  }

  /**
   * A phone's request body.
   *
   * @param number the number as typed: E.164, or national in the default region
   */
  record PhoneRequest(@NotBlank @Size(max = 64) @Nullable String number) {}

  /**
   * A reset's response when the temporary password is shown, once.
   *
   * @param type {@code temporaryPassword}
   * @param user the user
   * @param correlationId the reset's correlation id
   * @param temporaryPassword the password, revealed once
   */
  record TemporaryPasswordShown(
      String type, UserId user, CorrelationId correlationId, String temporaryPassword) {
    @Override
    public String toString() { // Spring MVC logs response bodies at DEBUG and TRACE
      return "TemporaryPasswordShown[type="
          + type
          + ", user="
          + user
          + ", correlationId="
          + correlationId
          + ", temporaryPassword=<redacted>]";
    }
  }

  /**
   * The manager's recent audit events, newest first, in Graph's directoryAudit shape.
   *
   * @param items the events
   */
  record AuditEvents(List<AuditEvent> items) {}

  /**
   * The sign-in state: the manager, their locations (or why they have none) and the CSRF token.
   *
   * @param authentication the principal
   * @param request the request
   * @return the state
   */
  @GetMapping("/me")
  public Me me(@Nullable Authentication authentication, HttpServletRequest request) {
    return call(
        reader(authentication, request),
        request,
        s -> {
          List<Location> locations = s.locations();
          Optional<NoLocations> why =
              s.whyNoLocations().map(r -> new NoLocations(r.name(), r.message()));
          Object token = request.getAttribute(CsrfToken.class.getName());
          Optional<Csrf> csrf =
              token instanceof CsrfToken t
                  ? Optional.of(new Csrf(t.getHeaderName(), t.getToken()))
                  : Optional.empty();
          return new Me(s.manager(), s.expiresAt(), locations, why, csrf);
        });
  }

  /**
   * One page of the manager's locations.
   *
   * @param size the page size
   * @param cursor the cursor of the page
   * @param authentication the principal
   * @param request the request
   * @return the page
   */
  @GetMapping("/locations")
  public Page<Location> locations(
      @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size,
      @RequestParam Optional<String> cursor,
      @Nullable Authentication authentication,
      HttpServletRequest request) {
    return call(reader(authentication, request), request, s -> s.locations(page(size, cursor)));
  }

  /**
   * One page of the members of a unit, or of the whole organization when {@code unit} is absent,
   * each with the actions the manager may perform on them.
   *
   * @param unit the administrative unit
   * @param q a name or user principal name prefix
   * @param size the page size
   * @param cursor the cursor of the page
   * @param authentication the principal
   * @param request the request
   * @return the page
   */
  @GetMapping("/members")
  public Page<StaffMember> members(
      @RequestParam Optional<String> unit,
      @RequestParam Optional<String> q,
      @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size,
      @RequestParam Optional<String> cursor,
      @Nullable Authentication authentication,
      HttpServletRequest request) {
    Optional<String> query = q.map(String::strip).filter(x -> !x.isEmpty());
    return call(
        reader(authentication, request),
        request,
        s ->
            unit.isPresent()
                ? s.members(UnitId.of(unit.get()), query, page(size, cursor))
                : s.members(Location.wholeOrganization(), query, page(size, cursor)));
  }

  /**
   * Organization-wide search for users.
   *
   * @param q a name or user principal name prefix
   * @param size the page size
   * @param cursor the cursor of the page
   * @param authentication the principal
   * @param request the request
   * @return the page
   */
  @GetMapping("/search/users")
  public Page<StaffMember> searchUsers(
      @RequestParam String q,
      @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size,
      @RequestParam Optional<String> cursor,
      @Nullable Authentication authentication,
      HttpServletRequest request) {
    return call(
        reader(authentication, request), request, s -> s.searchUsers(q, page(size, cursor)));
  }

  /**
   * Organization-wide search for administrative units.
   *
   * @param q a name prefix
   * @param size the page size
   * @param cursor the cursor of the page
   * @param authentication the principal
   * @param request the request
   * @return the page
   */
  @GetMapping("/search/units")
  public Page<UnitSearchResult> searchUnits(
      @RequestParam String q,
      @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size,
      @RequestParam Optional<String> cursor,
      @Nullable Authentication authentication,
      HttpServletRequest request) {
    return call(
        reader(authentication, request), request, s -> s.searchUnits(q, page(size, cursor)));
  }

  /**
   * A user's profile with the actions the manager may perform (audited as a profile view).
   *
   * @param id the user
   * @param authentication the principal
   * @param request the request
   * @return the profile
   */
  @GetMapping("/users/{id}")
  public UserProfile profile(
      @PathVariable String id,
      @Nullable Authentication authentication,
      HttpServletRequest request) {
    return call(reader(authentication, request), request, s -> s.profile(UserId.of(id)));
  }

  /**
   * The rules of the on-premises password policy a synced user's new password must meet.
   *
   * @return the rules
   */
  @GetMapping("/password-policy")
  public PasswordRules passwordPolicy() {
    return rules;
  }

  /**
   * Resets a user's password. A cloud-only user gets a temporary password, in this response only
   * ({@code Cache-Control: no-store}); a synced user gets the password in the body written back:
   * 202 Accepted with the status resource in {@code Location}.
   *
   * @param id the user
   * @param body the chosen password, for synced users
   * @param authentication the principal
   * @param request the request
   * @return the result
   */
  @PostMapping(path = "/users/{id}/password-resets")
  public ResponseEntity<Object> resetPassword(
      @PathVariable String id,
      @RequestBody(required = false) @Nullable ResetRequest body,
      @Nullable Authentication authentication,
      HttpServletRequest request) {
    if (body != null) {
      validateSecret(body);
    }
    ManagerSessions.Grounds manager = manager(authentication, request);
    UserId user = UserId.of(id);
    String chosen = body == null ? null : body.password();
    PasswordResetResult result;
    if (chosen == null) {
      result = call(manager, request, s -> s.resetPassword(user));
    } else {
      Secret secret = Secret.of(chosen);
      try {
        result = call(manager, request, s -> s.resetPassword(user, secret));
      } finally {
        secret.destroy();
      }
    }
    CacheControl noStore = CacheControl.noStore();
    if (result instanceof PasswordResetResult.TemporaryPassword temporary) {
      return ResponseEntity.ok()
          .cacheControl(noStore)
          .header("Pragma", "no-cache")
          .body(
              new TemporaryPasswordShown(
                  "temporaryPassword",
                  temporary.user(),
                  temporary.correlationId(),
                  temporary.password().reveal()));
    }
    if (result instanceof PasswordResetResult.WritebackPending pending) {
      writebacks.add(manager.context().user(), pending.writeback());
      URI status =
          URI.create(
              request.getRequestURI().replaceFirst("/users/[^/]+/password-resets$", "")
                  + "/password-resets/"
                  + pending.correlationId().value());
      return ResponseEntity.status(HttpStatus.ACCEPTED)
          .cacheControl(noStore)
          .location(status)
          .body(result);
    }
    return ResponseEntity.ok().cacheControl(noStore).body(result);
  }

  /**
   * The progress of a synced reset the manager started.
   *
   * @param correlationId the reset's correlation id
   * @param authentication the principal
   * @param request the request
   * @return the progress
   */
  @GetMapping("/password-resets/{correlationId}")
  public WritebackHandle resetStatus(
      @PathVariable String correlationId,
      @Nullable Authentication authentication,
      HttpServletRequest request) {
    return writeback(correlationId, reader(authentication, request), request);
  }

  /**
   * The progress of a synced reset as server-sent events: one {@code status} event (the progress
   * resource) now and at each new status, until the final one, which carries the result; comment
   * lines in between tell a client gone away ({@link WritebackStreams}).
   *
   * @param correlationId the reset's correlation id
   * @param authentication the principal
   * @param request the request
   * @return the event stream
   */
  @GetMapping(path = "/password-resets/{correlationId}/events", produces = "text/event-stream")
  public SseEmitter resetEvents(
      @PathVariable String correlationId,
      @Nullable Authentication authentication,
      HttpServletRequest request) {
    WritebackHandle handle = writeback(correlationId, manager(authentication, request), request);
    return streams.open(handle);
  }

  /**
   * Adds a phone method or replaces its number.
   *
   * @param id the user
   * @param type {@code mobile}, {@code alternateMobile} or {@code office}
   * @param body the number
   * @param authentication the principal
   * @param request the request
   * @return the change
   */
  @PutMapping("/users/{id}/phones/{type}")
  public PhoneChange setPhone(
      @PathVariable String id,
      @PathVariable String type,
      @Valid @RequestBody PhoneRequest body,
      @Nullable Authentication authentication,
      HttpServletRequest request) {
    PhoneType phoneType = phoneType(type);
    String number = body.number() == null ? "" : body.number();
    return call(
        manager(authentication, request),
        request,
        s -> s.setPhone(UserId.of(id), phoneType, number));
  }

  /**
   * Removes a phone method.
   *
   * @param id the user
   * @param type {@code mobile}, {@code alternateMobile} or {@code office}
   * @param authentication the principal
   * @param request the request
   * @return the change
   */
  @DeleteMapping("/users/{id}/phones/{type}")
  public PhoneChange removePhone(
      @PathVariable String id,
      @PathVariable String type,
      @Nullable Authentication authentication,
      HttpServletRequest request) {
    PhoneType phoneType = phoneType(type);
    return call(
        manager(authentication, request), request, s -> s.removePhone(UserId.of(id), phoneType));
  }

  /**
   * Signs a user out everywhere: every session and refresh token issued before the answer's {@code
   * validFrom} stops working.
   *
   * @param id the user
   * @param authentication the principal
   * @param request the request
   * @return the revocation
   * @since 0.2.0
   */
  @PostMapping("/users/{id}/sessions/revoke")
  public SessionRevocation revokeSessions(
      @PathVariable String id,
      @Nullable Authentication authentication,
      HttpServletRequest request) {
    return call(manager(authentication, request), request, s -> s.revokeSessions(UserId.of(id)));
  }

  /**
   * Unlocks a synced user's on-premises account, so they can sign in with their current password.
   *
   * @param id the user
   * @param authentication the principal
   * @param request the request
   * @return the unlock
   * @since 0.2.0
   */
  @PostMapping("/users/{id}/account/unlock")
  public AccountUnlock unlockAccount(
      @PathVariable String id,
      @Nullable Authentication authentication,
      HttpServletRequest request) {
    return call(manager(authentication, request), request, s -> s.unlockAccount(UserId.of(id)));
  }

  /**
   * The audit events of the manager's own actions that this node recorded, newest first.
   *
   * @param authentication the principal
   * @param request the request
   * @return the events
   */
  @GetMapping("/audit-events")
  public AuditEvents auditEvents(
      @Nullable Authentication authentication, HttpServletRequest request) {
    ManagerSessions.Grounds manager = reader(authentication, request);
    call(manager, request, s -> s.manager());
    sessions.catchUpAudit();
    return new AuditEvents(audit.initiatedBy(manager.context().user()));
  }

  /**
   * The writeback {@code manager} started, looked up before their session is used: an unknown
   * correlation id (a type 4 UUID, which a cross-site page cannot guess) signs in nothing.
   */
  private WritebackHandle writeback(
      String correlationId, ManagerSessions.Grounds manager, HttpServletRequest request) {
    WritebackHandle handle =
        writebacks
            .find(manager.context().user(), CorrelationId.of(correlationId))
            .orElseThrow(() -> new NotFound("No password reset of yours has this correlation id."));
    call(manager, request, s -> s.manager());
    return handle;
  }

  /**
   * The signed-in manager's grounds for a mystaff session, for a GET that runs in it (and so may
   * record a sign-in or a profile view): refused without {@value #REQUESTED_WITH}, which a page of
   * another site cannot send without the host's CORS consent, before anything is signed in or
   * recorded. CSRF tokens guard the changes; this guards the audited reads.
   */
  private ManagerSessions.Grounds reader(
      @Nullable Authentication authentication, HttpServletRequest request) {
    if (authentication == null || !authentication.isAuthenticated()) {
      throw new NotSignedIn();
    }
    String requestedWith = request.getHeader(REQUESTED_WITH);
    if (requestedWith == null || requestedWith.isBlank()) {
      throw new CrossSiteRead();
    }
    return manager(authentication, request);
  }

  /** The signed-in manager's grounds for a mystaff session. */
  private ManagerSessions.Grounds manager(
      @Nullable Authentication authentication, HttpServletRequest request) {
    if (authentication == null || !authentication.isAuthenticated()) {
      throw new NotSignedIn();
    }
    return new ManagerSessions.Grounds(mapping.signIn(authentication, request), authentication);
  }

  private <T> T call(
      ManagerSessions.Grounds manager, HttpServletRequest request, Function<StaffSession, T> call) {
    return sessions.call(request, manager, call);
  }

  /**
   * Bean Validation of a body that holds a secret, done here rather than by {@code @Valid}: Spring
   * MVC's {@code FieldError} keeps the rejected value and prints it in the exception's message,
   * which Spring logs. The violations become an {@link InvalidInputException} with field, code and
   * message only.
   */
  private <B> void validateSecret(B body) {
    List<InvalidInputException.Violation> violations = new ArrayList<>();
    for (ConstraintViolation<B> v : validator.validate(body)) {
      String field = v.getPropertyPath().toString();
      violations.add(
          new InvalidInputException.Violation(
              field,
              v.getMessage(),
              MyStaffConstraints.code(v)
                  .orElse(InvalidInputException.Violation.defaultCode(field))));
    }
    if (!violations.isEmpty()) {
      violations.sort(
          Comparator.comparing(InvalidInputException.Violation::field)
              .thenComparing(InvalidInputException.Violation::code));
      throw new InvalidInputException(violations);
    }
  }

  private static PageRequest page(int size, Optional<String> cursor) {
    return new PageRequest(size, cursor.filter(c -> !c.isEmpty()));
  }

  private static PhoneType phoneType(String graphName) {
    for (PhoneType t : PhoneType.values()) {
      if (t.graphName().equals(graphName)) {
        return t;
      }
    }
    throw InvalidInputException.of(
        "type", "must be mobile, alternateMobile or office", "phoneType.invalid");
  }

  /** The request had no authenticated principal. */
  static final class NotSignedIn extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotSignedIn() {
      super("Sign in to use My Staff.", null, false, false);
    }
  }

  /** A GET that runs in the manager's session came without {@value #REQUESTED_WITH}. */
  static final class CrossSiteRead extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CrossSiteRead() {
      super(
          "Send the header "
              + REQUESTED_WITH
              + " (any value) with this request, as the My Staff page does; a page of another"
              + " site cannot.",
          null,
          false,
          false);
    }
  }

  /** A resource of this API that does not exist for this manager. */
  static final class NotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotFound(String message) {
      super(message, null, false, false);
    }
  }
}
