package io.mystaff.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** The page and the API can be switched off, and the properties are described for IDEs. */
class SwitchesTest {
  @Test
  void withThePageSwitchedOffTheApiStillAnswersButThePageDoesNot() {
    try (ConfigurableApplicationContext context =
        TestPortal.start("--mystaff.web.page-enabled=false")) {
      String root = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");

      assertThat(ApiClient.as(root + "/mystaff", "sam").get("").status()).isEqualTo(404);
      assertThat(ApiClient.as(root + "/mystaff", "sam").get("/assets/mystaff.js").status())
          .isEqualTo(404);
      assertThat(ApiClient.as(root + "/mystaff/api", "sam").get("/me").status()).isEqualTo(200);
      assertThat(context.getBeansOfType(MyStaffPage.class)).isEmpty();
    }
  }

  @Test
  void withTheWebSwitchedOffNoEndpointIsRegistered() {
    try (ConfigurableApplicationContext context = TestPortal.start("--mystaff.web.enabled=false")) {
      assertThat(context.getBeansOfType(MyStaffApi.class)).isEmpty();
      assertThat(context.getBeansOfType(MyStaffPage.class)).isEmpty();
      assertThat(context.getBeansOfType(io.mystaff.core.MyStaff.class)).hasSize(1);
    }
  }

  @Test
  void everyPropertyHasMetadataWithADescription() throws IOException {
    String metadata;
    try (InputStream in =
        getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).isNotNull();
      metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    var json = ApiClient.JSON.readTree(metadata);
    var names = new java.util.TreeSet<String>();
    for (var property : json.get("properties")) {
      names.add(property.get("name").asString());
      assertThat(property.get("description").asString()).isNotBlank();
    }
    assertThat(names)
        .contains(
            "mystaff.default-phone-region",
            "mystaff.in-memory.enabled",
            "mystaff.in-memory.fixture",
            "mystaff.web.api-path",
            "mystaff.web.page-enabled",
            "mystaff.web.page-path",
            "mystaff.web.mfa-authority",
            "mystaff.web.stream-heartbeat");
  }
}
