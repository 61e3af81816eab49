package io.mystaff.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * With Spring MVC and mystaff logging everything (TRACE), no password a manager chose, no temporary
 * password and no CSRF token is ever logged, whether the request was good, invalid, rejected by the
 * policy or unreadable; and no problem detail repeats a password.
 */
class SecretsInLogsTest {
  private static final List<String> TRACED =
      List.of("org.springframework.web", "io.mystaff", "org.hibernate.validator");

  private static ConfigurableApplicationContext context;
  private static String api;
  private static final ListAppender<ILoggingEvent> CAPTURED = new ListAppender<>();

  @BeforeAll
  static void start() {
    context = TestPortal.start();
    api =
        "http://127.0.0.1:"
            + context.getEnvironment().getProperty("local.server.port")
            + "/mystaff/api";
    LoggingSystem logging = context.getBean(LoggingSystem.class);
    for (String logger : TRACED) {
      logging.setLogLevel(logger, LogLevel.TRACE);
    }
    CAPTURED.start();
    root().addAppender(CAPTURED);
  }

  @AfterAll
  static void stop() {
    root().detachAppender(CAPTURED);
    context.close();
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  private static String logs() {
    StringBuilder all = new StringBuilder();
    List<ILoggingEvent> events;
    synchronized (CAPTURED) { // the appender appends under its own lock
      events = new ArrayList<>(CAPTURED.list);
    }
    for (ILoggingEvent e : events) {
      all.append(e.getLoggerName()).append(' ').append(e.getFormattedMessage()).append('\n');
      if (e.getThrowableProxy() != null) {
        all.append(ThrowableProxyUtil.asString(e.getThrowableProxy())).append('\n');
      }
    }
    return all.toString();
  }

  private static int count() {
    synchronized (CAPTURED) {
      return CAPTURED.list.size();
    }
  }

  @Test
  void passwordsAndTokensAreInNoLogAndNoProblem() {
    ApiClient sam = ApiClient.as(api, "sam");
    JsonNode me = sam.me();
    String csrfToken = me.at("/csrf/token").asString();
    int before = count();

    String tooShort = "Qz7$kw!";
    ApiClient.Response invalid =
        sam.post("/users/carlos/password-resets", "{\"password\":\"" + tooShort + "\"}");
    String weak = "zebracrossingalllower";
    ApiClient.Response rejected =
        sam.post("/users/dana/password-resets", "{\"password\":\"" + weak + "\"}");
    String unterminated = "Unreadable-Secret-77";
    ApiClient.Response unreadable =
        sam.post("/users/carlos/password-resets", "{\"password\":\"" + unterminated);
    String good = "Correct-Horse-Battery-91";
    ApiClient.Response accepted =
        sam.post("/users/carlos/password-resets", "{\"password\":\"" + good + "\"}");
    ApiClient.Response cloud = sam.post("/users/erin/password-resets", "{}");

    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.body().at("/errors/0/field").asString()).isEqualTo("password");
    assertThat(rejected.status()).isEqualTo(422);
    assertThat(unreadable.status()).isEqualTo(400);
    assertThat(accepted.status()).isEqualTo(202);
    assertThat(cloud.status()).isEqualTo(200);
    String temporary = cloud.body().get("temporaryPassword").asString();
    assertThat(invalid.raw().body()).doesNotContain(tooShort);
    assertThat(rejected.raw().body()).doesNotContain(weak);
    assertThat(unreadable.raw().body()).doesNotContain(unterminated);
    assertThat(accepted.raw().body()).doesNotContain(good);

    String logs = logs();
    assertThat(count()).as("TRACE logging of the requests was on").isGreaterThan(before + 20);
    assertThat(logs)
        .as("the logs")
        .contains("password-resets")
        .doesNotContain(tooShort, weak, unterminated, good, temporary, csrfToken);
  }
}
