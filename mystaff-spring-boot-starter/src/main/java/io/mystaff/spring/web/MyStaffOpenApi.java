package io.mystaff.spring.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Serves the API's OpenAPI 3.1 description at {@code <api-path>/openapi.json}, with the API's path
 * as its server URL. {@code OpenApiContractTest} checks it against the running endpoints.
 */
@Controller
@RequestMapping("${mystaff.web.api-path:/mystaff/api}")
final class MyStaffOpenApi {
  private final String json;

  MyStaffOpenApi(String apiPath) {
    try (InputStream in = MyStaffOpenApi.class.getResourceAsStream("openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("openapi.json is missing from the starter's jar");
      }
      this.json =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .replace("\"url\": \"/mystaff/api\"", "\"url\": \"" + jsonString(apiPath) + "\"");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String jsonString(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  @GetMapping("/openapi.json")
  ResponseEntity<String> description() {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
  }
}
