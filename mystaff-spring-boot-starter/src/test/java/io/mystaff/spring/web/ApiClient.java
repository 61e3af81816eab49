package io.mystaff.spring.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One signed-in person talking to the API over HTTP, with their own cookies and CSRF token. */
final class ApiClient {
  static final JsonMapper JSON = JsonMapper.builder().build();

  record Response(int status, JsonNode body, HttpResponse<String> raw) {
    Optional<String> header(String name) {
      return raw.headers().firstValue(name);
    }
  }

  private static final Pattern LOGIN_CSRF =
      Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"");

  private final HttpClient http;
  private final String base;
  private final Optional<String> authorization;
  private final boolean requestedWith;
  private Optional<String> csrfHeader = Optional.empty();
  private Optional<String> csrfToken = Optional.empty();

  ApiClient(String base, Optional<String> user) {
    this(
        HttpClient.newBuilder().cookieHandler(new CookieManager()).build(),
        base,
        user.map(u -> basic(u, "pw-" + u)),
        true);
  }

  private ApiClient(
      HttpClient http, String base, Optional<String> authorization, boolean requestedWith) {
    this.http = http;
    this.base = base;
    this.authorization = authorization;
    this.requestedWith = requestedWith;
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** A browser that has not signed in. */
  static ApiClient anonymous(String base) {
    return new ApiClient(base, Optional.empty());
  }

  static ApiClient as(String base, String user) {
    return new ApiClient(base, Optional.of(user));
  }

  /** The same browser (cookies, so the same HTTP session) sending other Basic credentials. */
  ApiClient sendingBasic(String user, String password) {
    return new ApiClient(http, base, Optional.of(basic(user, password)), requestedWith);
  }

  /**
   * The same browser (cookies, credentials) sending what a page of another site can make it send:
   * no {@code X-Requested-With}.
   */
  ApiClient crossSite() {
    return new ApiClient(http, base, authorization, false);
  }

  /**
   * Signs in through Spring Security's login form at {@code root}/login; the session cookie stays.
   */
  void formLogin(String root, String user, String password) {
    Response page = send(HttpRequest.newBuilder(URI.create(root + "/login")).GET());
    Matcher csrf = LOGIN_CSRF.matcher(page.raw().body());
    if (!csrf.find()) {
      throw new AssertionError("no CSRF token on the login page: " + page.raw().body());
    }
    String form =
        "username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8)
            + "&_csrf="
            + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
    Response r =
        send(
            HttpRequest.newBuilder(URI.create(root + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    if (r.status() != 302 || r.header("Location").orElse("").contains("error")) {
      throw new AssertionError("login failed: " + r.status() + " " + r.header("Location"));
    }
  }

  /** Signs out through Spring Security's logout at {@code root}/logout (call {@link #me} first). */
  void logout(String root) {
    Response r =
        send(withCsrf(HttpRequest.newBuilder(URI.create(root + "/logout")).POST(noBody())));
    if (r.status() != 302 && r.status() != 204) {
      throw new AssertionError("logout failed: " + r.status());
    }
  }

  private static HttpRequest.BodyPublisher noBody() {
    return HttpRequest.BodyPublishers.noBody();
  }

  /** GET /me and keep its CSRF token for later changes. */
  JsonNode me() {
    Response r = get("/me");
    if (r.status() != 200) {
      throw new AssertionError("GET /me: " + r.status() + " " + r.raw().body());
    }
    JsonNode csrf = r.body().get("csrf");
    csrfHeader = Optional.of(csrf.get("headerName").asString());
    csrfToken = Optional.of(csrf.get("token").asString());
    return r.body();
  }

  Response get(String path) {
    return send(request(path).GET());
  }

  Response post(String path, String json) {
    return send(withCsrf(request(path).POST(HttpRequest.BodyPublishers.ofString(json))));
  }

  Response postWithoutCsrf(String path, String json) {
    return send(request(path).POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  Response put(String path, String json) {
    return send(withCsrf(request(path).PUT(HttpRequest.BodyPublishers.ofString(json))));
  }

  Response delete(String path) {
    return send(withCsrf(request(path).DELETE()));
  }

  HttpResponse<java.io.InputStream> stream(String path) {
    try {
      return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, application/problem+json, text/event-stream");
    authorization.ifPresent(a -> b.header("Authorization", a));
    if (requestedWith) {
      b.header("X-Requested-With", "XMLHttpRequest"); // as the page sends it
    }
    return b;
  }

  private HttpRequest.Builder withCsrf(HttpRequest.Builder b) {
    if (csrfHeader.isPresent() && csrfToken.isPresent()) {
      b.header(csrfHeader.get(), csrfToken.get());
    }
    return b;
  }

  private Response send(HttpRequest.Builder b) {
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode body =
          r.body().isEmpty() || !r.headers().firstValue("Content-Type").orElse("").contains("json")
              ? JSON.createObjectNode()
              : JSON.readTree(r.body());
      return new Response(r.statusCode(), body, r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
