package io.mystaff.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditEvent;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.core.MyStaff;
import io.mystaff.inmemory.InMemoryAuditLog;
import io.mystaff.inmemory.InMemoryDirectory;
import io.mystaff.inmemory.SimulatedOnPremisesWriteback;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** The REST API over real HTTP, in one running host, as the managers of the retail fixture. */
class MyStaffApiTest {
  private static ConfigurableApplicationContext context;
  private static String api;

  @BeforeAll
  static void start() {
    context = TestPortal.start();
    api =
        "http://127.0.0.1:"
            + context.getEnvironment().getProperty("local.server.port")
            + "/mystaff/api";
  }

  @AfterAll
  static void stop() {
    context.close();
  }

  private static List<AuditEvent> audit(String initiator) {
    context.getBean(MyStaff.class).flushAudit();
    return context.getBean(InMemoryAuditLog.class).byInitiator(UserId.of(initiator));
  }

  @Test
  void theHostsAuditSinkStaysTheOnlyOne() {
    assertThat(context.getBeansOfType(io.mystaff.spi.AuditSink.class))
        .containsOnlyKeys("myStaffInMemoryAuditLog");
  }

  @Test
  void meNamesTheManagerTheirOnlyLocationAndTheCsrfToken() {
    JsonNode me = ApiClient.as(api, "sam").me();

    assertThat(me.at("/manager/id").asString()).isEqualTo("sam");
    assertThat(me.get("locations")).hasSize(1);
    assertThat(me.at("/locations/0/unit/id").asString()).isEqualTo("store-seattle");
    assertThat(me.at("/csrf/token").asString()).isNotBlank();
    assertThat(me.has("whyNoLocations")).isFalse();
  }

  @Test
  void aSignedInUserWithoutRoleIsRefusedWithTheReason() {
    ApiClient alice = ApiClient.as(api, "alice");
    ApiClient.Response r = alice.get("/me");

    assertThat(r.status()).isEqualTo(403);
    assertThat(r.header("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(r.body().get("code").asString()).isEqualTo("SIGN_IN_REFUSED");
    assertThat(r.body().get("reason").asString()).isEqualTo("NO_ADMIN_ROLE");
    assertThat(r.body().get("type").asString()).isEqualTo("urn:mystaff:problem:sign_in_refused");
  }

  @Test
  void withoutCredentialsTheApiAnswers401() {
    ApiClient.Response r = new ApiClient(api, Optional.empty()).get("/me");

    assertThat(r.status()).isEqualTo(401);
  }

  @Test
  void membersArePagedWithTheActionsAllowedOnEach() {
    ApiClient sam = ApiClient.as(api, "sam");
    List<String> seen = new ArrayList<>();
    String path = "/members?unit=store-seattle&size=2";
    int pages = 0;
    while (true) {
      ApiClient.Response r = sam.get(path);
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.body().get("items").size()).isLessThanOrEqualTo(2);
      for (JsonNode m : r.body().get("items")) {
        seen.add(m.at("/user/id").asString());
        assertThat(m.has("allowedActions")).isTrue();
      }
      pages++;
      if (!r.body().has("nextCursor")) {
        break;
      }
      path = "/members?unit=store-seattle&size=2&cursor=" + r.body().get("nextCursor").asString();
    }
    assertThat(pages).isGreaterThan(1);
    assertThat(seen).doesNotHaveDuplicates().contains("alice", "carlos", "dana", "erin");
  }

  @Test
  void searchWithinALocationAndAcrossTheOrganization() {
    ApiClient sam = ApiClient.as(api, "sam");

    JsonNode inStore = sam.get("/members?unit=store-seattle&q=ali").body();
    assertThat(inStore.get("items")).hasSize(1);
    assertThat(inStore.at("/items/0/user/id").asString()).isEqualTo("alice");

    JsonNode everywhere = sam.get("/search/users?q=frank").body();
    assertThat(everywhere.at("/items/0/user/id").asString()).isEqualTo("frank");
    assertThat(everywhere.at("/items/0/canManage").asBoolean()).isFalse();

    JsonNode units = sam.get("/search/units?q=tac").body();
    assertThat(units.at("/items/0/unit/id").asString()).isEqualTo("store-tacoma");
  }

  @Test
  void aCloudResetShowsTheTemporaryPasswordOnceAndIsNotCached() {
    ApiClient sam = ApiClient.as(api, "sam");
    sam.me();

    ApiClient.Response r = sam.post("/users/erin/password-resets", "{}");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Cache-Control"))
        .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    String password = r.body().get("temporaryPassword").asString();
    assertThat(password).hasSizeGreaterThanOrEqualTo(16);
    assertThat(r.body().get("type").asString()).isEqualTo("temporaryPassword");
    String correlation = r.body().get("correlationId").asString();
    assertThat(audit("sam"))
        .anySatisfy(
            e -> {
              assertThat(e.correlationId().value()).isEqualTo(correlation);
              assertThat(e.activity()).isEqualTo(AuditActivity.RESET_PASSWORD);
              assertThat(e.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
            });
    ApiClient.Response events = sam.get("/audit-events");
    assertThat(events.raw().body()).contains(correlation).doesNotContain(password);
  }

  @Test
  void changesWithoutTheCsrfTokenAreRefusedAndChangeNothing() {
    ApiClient sam = ApiClient.as(api, "sam");
    int before = audit("sam").size();

    ApiClient.Response r = sam.postWithoutCsrf("/users/alice/password-resets", "{}");

    assertThat(r.status()).isEqualTo(403);
    assertThat(audit("sam")).hasSize(before);
  }

  @Test
  void aSyncedResetIsAcceptedAndItsProgressCanBePolledAndStreamed() throws Exception {
    ApiClient sam = ApiClient.as(api, "sam");
    sam.me();

    ApiClient.Response r =
        sam.post("/users/carlos/password-resets", "{\"password\":\"Correct-Horse-42\"}");

    assertThat(r.status()).isEqualTo(202);
    assertThat(r.body().get("type").asString()).isEqualTo("writebackPending");
    assertThat(r.raw().body()).doesNotContain("Correct-Horse-42");
    String location = r.header("Location").orElseThrow();
    String id = r.body().get("correlationId").asString();
    assertThat(location).endsWith("/mystaff/api/password-resets/" + id);

    List<String> statuses = new ArrayList<>();
    List<JsonNode> events = new ArrayList<>();
    HttpResponse<java.io.InputStream> stream = sam.stream("/password-resets/" + id + "/events");
    assertThat(stream.statusCode()).isEqualTo(200);
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.startsWith("data:")) {
          events.add(ApiClient.JSON.readTree(line.substring(5)));
          statuses.add(events.get(events.size() - 1).get("status").asString());
        }
      }
    }
    assertThat(statuses).last().isEqualTo("SUCCEEDED");
    assertThat(events.get(events.size() - 1).at("/result/status").asString())
        .as("the final event carries the result")
        .isEqualTo("SUCCEEDED");

    JsonNode polled = sam.get("/password-resets/" + id).body();
    assertThat(polled.get("status").asString()).isEqualTo("SUCCEEDED");
    assertThat(polled.get("progress").toString()).contains("SUBMITTED", "SUCCEEDED");
    assertThat(
            context.getBean(SimulatedOnPremisesWriteback.class).appliedCount(UserId.of("carlos")))
        .isEqualTo(1);

    ApiClient.Response other = ApiClient.as(api, "rosa").get("/password-resets/" + id);
    assertThat(other.status()).isEqualTo(404);
    assertThat(other.body().get("code").asString()).isEqualTo("UNKNOWN_PASSWORD_RESET");
  }

  @Test
  void aChosenPasswordBreakingMystaffsRulesIsAFieldErrorThatNeverEchoesIt() {
    ApiClient sam = ApiClient.as(api, "sam");
    sam.me();

    ApiClient.Response r = sam.post("/users/carlos/password-resets", "{\"password\":\"Ab1!x\"}");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body().get("code").asString()).isEqualTo("INVALID_INPUT");
    assertThat(r.body().at("/errors/0/field").asString()).isEqualTo("password");
    assertThat(r.body().at("/errors/0/code").asString()).isEqualTo("password.tooShort");
    assertThat(r.raw().body()).doesNotContain("Ab1!x");
  }

  @Test
  void aPasswordThePolicyRejectsIs422WithTheViolations() {
    ApiClient sam = ApiClient.as(api, "sam");
    sam.me();

    ApiClient.Response r =
        sam.post("/users/dana/password-resets", "{\"password\":\"alllowercase\"}");

    assertThat(r.status()).isEqualTo(422);
    assertThat(r.body().get("code").asString()).isEqualTo("PASSWORD_REJECTED");
    assertThat(r.body().get("violations").size()).isPositive();
    assertThat(r.raw().body()).doesNotContain("alllowercase");
  }

  @Test
  void aPhoneIsRejectedPerFieldThenSetAndRemoved() {
    ApiClient sam = ApiClient.as(api, "sam");
    sam.me();

    ApiClient.Response bad = sam.put("/users/dana/phones/mobile", "{\"number\":\"555-01\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().at("/errors/0/field").asString()).isEqualTo("mobile");
    assertThat(bad.raw().body()).doesNotContain("555-01");

    ApiClient.Response blank = sam.put("/users/dana/phones/mobile", "{\"number\":\" \"}");
    assertThat(blank.status()).isEqualTo(400);
    assertThat(blank.body().at("/errors/0/field").asString()).isEqualTo("number");

    ApiClient.Response good =
        sam.put("/users/dana/phones/mobile", "{\"number\":\"(206) 555-0143\"}");
    assertThat(good.status()).isEqualTo(200);
    assertThat(good.body().get("current").asString()).isEqualTo("+1 2065550143");
    JsonNode profile = sam.get("/users/dana").body();
    assertThat(profile.at("/phones/mobile/number").asString()).isEqualTo("+1 2065550143");

    ApiClient.Response removed = sam.delete("/users/dana/phones/mobile");
    assertThat(removed.status()).isEqualTo(200);
    assertThat(removed.body().has("current")).isFalse();
    ApiClient.Response again = sam.delete("/users/dana/phones/mobile");
    assertThat(again.status()).isEqualTo(404);
    assertThat(again.body().get("code").asString()).isEqualTo("PHONE_METHOD_NOT_FOUND");

    ApiClient.Response type = sam.put("/users/dana/phones/pager", "{\"number\":\"+12065550143\"}");
    assertThat(type.status()).isEqualTo(400);
    assertThat(type.body().at("/errors/0/field").asString()).isEqualTo("type");
  }

  private static Optional<Instant> sessionsValidFrom(String user) {
    return context.getBean(InMemoryDirectory.class).sessionsValidFrom(UserId.of(user));
  }

  @Test
  void signingOutEverywhereMovesTheUsersSessionsValidFromAndIsAudited() {
    ApiClient sam = ApiClient.as(api, "sam");
    sam.me();
    assertThat(sam.get("/users/alice").body().get("allowedActions").toString())
        .contains("REVOKE_SESSIONS");
    Instant before = Instant.now();

    ApiClient.Response r = sam.post("/users/alice/sessions/revoke", "");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("user").asString()).isEqualTo("alice");
    Instant validFrom = Instant.parse(r.body().get("validFrom").asString());
    assertThat(validFrom).isAfterOrEqualTo(before.minusSeconds(1));
    assertThat(sessionsValidFrom("alice")).contains(validFrom);
    String correlation = r.body().get("correlationId").asString();
    assertThat(audit("sam"))
        .anySatisfy(
            e -> {
              assertThat(e.correlationId().value()).isEqualTo(correlation);
              assertThat(e.activity()).isEqualTo(AuditActivity.REVOKE_SESSIONS);
              assertThat(e.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
            });
  }

  @Test
  void signingOutAnOutOfScopeUserIsRefusedWithTheReasonAndChangesNothing() {
    ApiClient sam = ApiClient.as(api, "sam");
    sam.me();
    Optional<Instant> before = sessionsValidFrom("frank");

    ApiClient.Response r = sam.post("/users/frank/sessions/revoke", "");

    assertThat(r.status()).isEqualTo(403);
    assertThat(r.body().get("code").asString()).isEqualTo("ACCESS_DENIED");
    assertThat(r.body().get("reason").asString()).isEqualTo("TARGET_OUT_OF_SCOPE");
    assertThat(sessionsValidFrom("frank")).isEqualTo(before);
    assertThat(audit("sam"))
        .anySatisfy(
            e -> {
              assertThat(e.activity()).isEqualTo(AuditActivity.REVOKE_SESSIONS);
              assertThat(e.outcome()).isEqualTo(AuditOutcome.DENIED);
              assertThat(e.targets().get(0).id()).isEqualTo("frank");
            });
  }

  @Test
  void signingOutWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
    ApiClient sam = ApiClient.as(api, "sam");
    sam.me();
    Optional<Instant> before = sessionsValidFrom("erin");
    int audited = audit("sam").size();

    ApiClient.Response revoke = sam.postWithoutCsrf("/users/erin/sessions/revoke", "");
    ApiClient.Response unlock = sam.postWithoutCsrf("/users/carlos/account/unlock", "");

    assertThat(revoke.status()).isEqualTo(403);
    assertThat(unlock.status()).isEqualTo(403);
    assertThat(sessionsValidFrom("erin")).isEqualTo(before);
    assertThat(audit("sam")).hasSize(audited);
  }

  @Test
  void unlockingACloudOnlyUserIs422AndASyncedUsersAccountIsUnlocked() {
    ApiClient sam = ApiClient.as(api, "sam");
    sam.me();
    assertThat(sam.get("/users/erin").body().get("allowedActions").toString())
        .doesNotContain("UNLOCK_ACCOUNT");

    ApiClient.Response cloud = sam.post("/users/erin/account/unlock", "");

    assertThat(cloud.status()).isEqualTo(422);
    assertThat(cloud.body().get("code").asString()).isEqualTo("ACCOUNT_NOT_SYNCED");

    ApiClient.Response synced = sam.post("/users/carlos/account/unlock", "");

    assertThat(synced.status()).isEqualTo(200);
    assertThat(synced.body().get("user").asString()).isEqualTo("carlos");
    String correlation = synced.body().get("correlationId").asString();
    assertThat(audit("sam"))
        .anySatisfy(
            e -> {
              assertThat(e.correlationId().value()).isEqualTo(correlation);
              assertThat(e.activity()).isEqualTo(AuditActivity.UNLOCK_ACCOUNT);
              assertThat(e.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
            });
  }

  @Test
  void anOutOfScopeUserIsRefusedWithTheReasonAndTheRefusalIsAudited() {
    ApiClient sam = ApiClient.as(api, "sam");
    sam.me();

    ApiClient.Response r = sam.post("/users/frank/password-resets", "{}");

    assertThat(r.status()).isEqualTo(403);
    assertThat(r.body().get("code").asString()).isEqualTo("ACCESS_DENIED");
    assertThat(r.body().get("reason").asString()).isEqualTo("TARGET_OUT_OF_SCOPE");
    assertThat(r.body().get("detail").asString())
        .isEqualTo("This user is outside the locations you manage.");
    assertThat(audit("sam"))
        .anySatisfy(
            e -> {
              assertThat(e.outcome()).isEqualTo(AuditOutcome.DENIED);
              assertThat(e.targets().get(0).id()).isEqualTo("frank");
            });
    assertThat(sam.get("/audit-events").raw().body()).contains("frank");
  }

  @Test
  void unknownUsersAndBadPagesAreProblemsToo() {
    ApiClient sam = ApiClient.as(api, "sam");

    ApiClient.Response unknown = sam.get("/users/nobody-here");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body().get("code").asString()).isEqualTo("UNKNOWN_USER");
    assertThat(unknown.body().get("instance").asString())
        .isEqualTo("/mystaff/api/users/nobody-here");

    ApiClient.Response page = sam.get("/members?unit=store-seattle&size=0");
    assertThat(page.status()).isEqualTo(400);
    assertThat(page.body().get("code").asString()).isEqualTo("INVALID_INPUT");

    ApiClient.Response notNumber = sam.get("/members?size=many");
    assertThat(notNumber.status()).isEqualTo(400);
    assertThat(notNumber.body().at("/errors/0/field").asString()).isEqualTo("size");
  }

  @Test
  void aCrossSiteGetIsRefusedBeforeAnythingIsSignedInOrRecorded() {
    ApiClient sam = ApiClient.as(api, "sam");
    int before = audit("sam").size();

    ApiClient.Response profile = sam.crossSite().get("/users/alice");
    ApiClient.Response me = sam.crossSite().get("/me");

    for (ApiClient.Response r : List.of(profile, me)) {
      assertThat(r.status()).isEqualTo(403);
      assertThat(r.header("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
      assertThat(r.body().get("code").asString()).isEqualTo("REQUESTED_WITH_REQUIRED");
      assertThat(r.body().get("detail").asString()).contains("X-Requested-With");
    }
    assertThat(audit("sam")).as("no sign-in, no profile view").hasSize(before);

    assertThat(sam.get("/users/alice").status()).isEqualTo(200);
    assertThat(audit("sam"))
        .anySatisfy(
            e -> {
              assertThat(e.activity()).isEqualTo(AuditActivity.VIEW_PROFILE);
              assertThat(e.targets().get(0).id()).isEqualTo("alice");
            });
  }

  @Test
  void thePasswordPolicyRulesAreListed() {
    JsonNode rules = ApiClient.as(api, "sam").get("/password-policy").body();

    assertThat(rules.get("minimumLength").asInt()).isGreaterThanOrEqualTo(8);
    assertThat(rules.get("rules").toString()).contains("uppercase");
  }

  @Test
  void thePageIsServedWithTheApiPath() {
    ApiClient.Response page = ApiClient.as(api.replace("/mystaff/api", "/mystaff"), "sam").get("");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.raw().body()).contains("content=\"/mystaff/api\"");
  }

  @Test
  void thePageThatShowsTemporaryPasswordsIsNeverStored() {
    ApiClient.Response page = ApiClient.as(api.replace("/mystaff/api", "/mystaff"), "sam").get("");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Cache-Control"))
        .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
  }
}
