package io.mystaff.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI description served by the running host matches the endpoints it runs: the same
 * operations (path and method) in both directions, under a moved API path, and the documented
 * shapes are what the endpoints answer.
 */
class OpenApiContractTest {
  private static final String API = "/staff/v1";
  private static ConfigurableApplicationContext context;
  private static String base;

  @BeforeAll
  static void start() {
    context = TestPortal.start("--mystaff.web.api-path=" + API);
    base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port") + API;
  }

  @AfterAll
  static void stop() {
    context.close();
  }

  private static JsonNode description() {
    ApiClient.Response r = ApiClient.as(base, "sam").get("/openapi.json");
    assertThat(r.status()).isEqualTo(200);
    return r.body();
  }

  @Test
  void isOpenApi31WithTheApiPathAsServer() {
    JsonNode doc = description();

    assertThat(doc.get("openapi").asString()).startsWith("3.1.");
    assertThat(doc.at("/servers/0/url").asString()).isEqualTo(API);
  }

  @Test
  void documentsExactlyTheOperationsTheHostRuns() {
    Set<String> documented = new TreeSet<>();
    JsonNode paths = description().get("paths");
    for (Map.Entry<String, JsonNode> path : paths.properties()) {
      for (Iterator<String> methods = path.getValue().propertyNames().iterator();
          methods.hasNext(); ) {
        documented.add(methods.next().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
      }
    }

    Set<String> running = new TreeSet<>();
    RequestMappingHandlerMapping mapping =
        context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
    for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
      Class<?> type = e.getValue().getBeanType();
      if (type != MyStaffApi.class && type != MyStaffOpenApi.class) {
        continue;
      }
      for (String pattern : e.getKey().getPatternValues()) {
        assertThat(pattern).startsWith(API + "/");
        for (var method : e.getKey().getMethodsCondition().getMethods()) {
          running.add(method.name() + " " + pattern.substring(API.length()));
        }
      }
    }

    assertThat(documented).isEqualTo(running).hasSizeGreaterThanOrEqualTo(13);
  }

  @Test
  void xRequestedWithIsDocumentedExactlyOnTheGetsThatRefuseAnswersWithoutIt() {
    JsonNode doc = description();
    assertThat(doc.at("/components/parameters/RequestedWith/name").asString())
        .isEqualTo("X-Requested-With");
    ApiClient crossSite = ApiClient.as(base, "sam").crossSite();
    Set<String> documented = new TreeSet<>();
    Set<String> refused = new TreeSet<>();
    for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
      JsonNode get = path.getValue().get("get");
      if (get == null) {
        continue;
      }
      StringBuilder query = new StringBuilder();
      for (JsonNode parameter : get.path("parameters")) {
        if ("#/components/parameters/RequestedWith".equals(parameter.path("$ref").asString(""))) {
          documented.add(path.getKey());
        } else if ("query".equals(parameter.path("in").asString(""))
            && parameter.path("required").asBoolean(false)) {
          query.append(query.length() == 0 ? '?' : '&').append(parameter.get("name").asString());
          query.append("=sea"); // a valid value, so that only the header can refuse the request
        }
      }
      String concrete =
          path.getKey()
                  .replace("{id}", "alice")
                  .replace("{correlationId}", "00000000-0000-4000-8000-000000000000")
              + query;
      ApiClient.Response r = crossSite.get(concrete);
      if (r.status() == 403
          && "REQUESTED_WITH_REQUIRED".equals(r.body().path("code").asString(""))) {
        refused.add(path.getKey());
      }
    }

    assertThat(refused).isEqualTo(documented).contains("/me", "/users/{id}", "/audit-events");
  }

  @Test
  void everyOperationHasAnIdAndEveryProblemResponseIsAProblem() {
    Set<String> ids = new HashSet<>();
    for (JsonNode path : description().get("paths")) {
      for (JsonNode operation : path) {
        assertThat(ids.add(operation.get("operationId").asString())).isTrue();
        for (Map.Entry<String, JsonNode> response : operation.get("responses").properties()) {
          if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
            assertThat(
                    response
                        .getValue()
                        .at("/content/application~1problem+json/schema/$ref")
                        .asString())
                .isEqualTo("#/components/schemas/Problem");
          }
        }
      }
    }
  }

  @Test
  void answersHaveTheRequiredPropertiesOfTheirDocumentedSchemas() {
    JsonNode schemas = description().at("/components/schemas");
    ApiClient sam = ApiClient.as(base, "sam");

    assertHasRequired(schemas, "Me", sam.me());
    assertHasRequired(schemas, "StaffMemberPage", sam.get("/members?unit=store-seattle").body());
    assertHasRequired(
        schemas, "StaffMember", sam.get("/members?unit=store-seattle").body().at("/items/0"));
    assertHasRequired(schemas, "UserProfile", sam.get("/users/alice").body());
    assertHasRequired(schemas, "PasswordRules", sam.get("/password-policy").body());
    assertHasRequired(schemas, "UnitSearchPage", sam.get("/search/units?q=sea").body());
    assertHasRequired(schemas, "Problem", sam.get("/users/nobody").body());
    assertHasRequired(
        schemas, "Problem", sam.put("/users/alice/phones/mobile", "{\"number\":\"1\"}").body());
    assertHasRequired(
        schemas,
        "PhoneChange",
        sam.put("/users/alice/phones/office", "{\"number\":\"+12065550199\"}").body());
    assertHasRequired(schemas, "AuditEvents", sam.get("/audit-events").body());
    assertHasRequired(
        schemas, "SessionRevocation", sam.post("/users/alice/sessions/revoke", "").body());
    assertHasRequired(
        schemas, "AccountUnlock", sam.post("/users/carlos/account/unlock", "").body());
    assertHasRequired(schemas, "Problem", sam.post("/users/erin/account/unlock", "").body());
    assertHasRequired(
        schemas, "TemporaryPasswordShown", sam.post("/users/alice/password-resets", "{}").body());
    ApiClient.Response pending =
        sam.post("/users/carlos/password-resets", "{\"password\":\"Correct-Horse-43\"}");
    assertHasRequired(schemas, "PasswordResetResult", pending.body());
    assertHasRequired(schemas, "Writeback", pending.body().get("writeback"));
    assertThat(pending.header("Location")).hasValueSatisfying(l -> assertThat(l).startsWith(API));
  }

  private static void assertHasRequired(JsonNode schemas, String schema, JsonNode answer) {
    JsonNode required = schemas.at("/" + schema + "/required");
    assertThat(required.isArray()).as(schema + " lists required properties").isTrue();
    for (JsonNode name : required) {
      assertThat(answer.has(name.asString()))
          .as(schema + "." + name.asString() + " in " + answer)
          .isTrue();
    }
  }
}
