package io.mystaff.spring.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * Serves the My Staff page at {@code mystaff.web.page-path}: one HTML document that loads the
 * page's CSS and JavaScript module from {@code <page-path>/assets/} and finds the API at {@code
 * mystaff.web.api-path}. Served with {@code Cache-Control: no-store}.
 */
@Controller
@RequestMapping("${mystaff.web.page-path:/mystaff}")
final class MyStaffPage {
  private final String html;

  MyStaffPage(String pagePath, String apiPath) {
    String template;
    try (InputStream in = MyStaffPage.class.getResourceAsStream("page/index.html")) {
      if (in == null) {
        throw new IllegalStateException("the My Staff page is missing from the starter's jar");
      }
      template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.html =
        template
            .replace("{{assets}}", HtmlUtils.htmlEscape(pagePath + "/assets"))
            .replace("{{api}}", HtmlUtils.htmlEscape(apiPath));
  }

  @GetMapping({"", "/"})
  ResponseEntity<String> page() {
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        // no-store: the page shows temporary passwords, so no cache may keep it, and browsers
        // leave it out of the back-forward cache
        .cacheControl(CacheControl.noStore())
        .body(html);
  }
}
