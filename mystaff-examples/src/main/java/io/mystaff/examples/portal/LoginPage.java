package io.mystaff.examples.portal;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.HtmlUtils;

/** The portal's sign-in form and its home page (which is the My Staff page). */
@Controller
final class LoginPage {
  @GetMapping("/")
  String home() {
    return "redirect:/mystaff";
  }

  @GetMapping("/login")
  ResponseEntity<String> login(HttpServletRequest request) {
    Object attribute = request.getAttribute(CsrfToken.class.getName());
    String csrf = "";
    if (attribute instanceof CsrfToken token) {
      csrf =
          "<input type=\"hidden\" name=\""
              + HtmlUtils.htmlEscape(token.getParameterName())
              + "\" value=\""
              + HtmlUtils.htmlEscape(token.getToken())
              + "\">";
    }
    String message = "";
    if (request.getParameter("error") != null) {
      message = "<p class=\"error\" role=\"alert\">The user name or password is not right.</p>";
    } else if (request.getParameter("signedOut") != null) {
      message = "<p role=\"status\">You are signed out.</p>";
    }
    String html =
        """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>Sign in - Alpine Outfitters HR</title>
          <link rel="stylesheet" href="/portal.css">
        </head>
        <body>
          <header><p class="brand">Alpine Outfitters HR</p></header>
          <main>
            <h1>Sign in</h1>
            %s
            <form method="post" action="/login">
              <label for="username">User name</label>
              <input id="username" name="username" autocomplete="username" required>
              <label for="password">Password</label>
              <input id="password" name="password" type="password" autocomplete="current-password" required>
              %s
              <button type="submit" id="sign-in">Sign in</button>
            </form>
          </main>
        </body>
        </html>
        """
            .formatted(message, csrf);
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .body(html);
  }
}
