package io.mystaff.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mystaff.api.UserId;
import io.mystaff.api.audit.AuditActivity;
import io.mystaff.api.audit.AuditOutcome;
import io.mystaff.core.MyStaff;
import io.mystaff.inmemory.InMemoryAuditLog;
import io.mystaff.spi.ConditionalAccess;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A mystaff session serves only the sign-in it was opened for: in a host whose conditional access
 * requires MFA, a session opened with MFA is never reused by a request without it (same HTTP
 * session or not), and a logout ends it.
 */
class SignInGroundsTest {
  private static ConfigurableApplicationContext context;
  private static String root;
  private static String api;

  /**
   * HTTP Basic and form login; the password {@code pw-<id>} signs in without MFA, {@code
   * pw-<id>+otp} with the MFA authority. Conditional access requires MFA.
   */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class MfaPortal {
    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
      return http.authorizeHttpRequests(
              a -> a.requestMatchers("/error", "/login").permitAll().anyRequest().authenticated())
          .httpBasic(Customizer.withDefaults())
          .formLogin(Customizer.withDefaults())
          .build();
    }

    @Bean
    AuthenticationProvider passwordOrPasswordAndOtp() {
      return new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication attempt) {
          String user = attempt.getName();
          String password = String.valueOf(attempt.getCredentials());
          List<GrantedAuthority> authorities = new ArrayList<>();
          authorities.add(new SimpleGrantedAuthority("ROLE_STAFF"));
          if (password.equals("pw-" + user + "+otp")) {
            authorities.add(new SimpleGrantedAuthority("MFA"));
          } else if (!password.equals("pw-" + user)) {
            throw new BadCredentialsException("Bad credentials");
          }
          return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
        }

        @Override
        public boolean supports(Class<?> authentication) {
          return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
        }
      };
    }

    @Bean
    ConditionalAccess requireMfa() {
      return ConditionalAccess.requireMfa();
    }
  }

  @BeforeAll
  static void start() {
    context = TestPortal.start(MfaPortal.class, "--mystaff.web.mfa-authority=MFA");
    root = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    api = root + "/mystaff/api";
  }

  @AfterAll
  static void stop() {
    context.close();
  }

  private static long signIns(String manager, AuditOutcome outcome) {
    context.getBean(MyStaff.class).flushAudit();
    return context.getBean(InMemoryAuditLog.class).byInitiator(UserId.of(manager)).stream()
        .filter(e -> e.activity() == AuditActivity.SIGN_IN && e.outcome() == outcome)
        .count();
  }

  @Test
  void aSessionOpenedWithMfaIsNotReusedByTheSameBrowserWithoutMfa() {
    ApiClient withOtp = ApiClient.anonymous(api).sendingBasic("sam", "pw-sam+otp");
    assertThat(withOtp.me().at("/manager/id").asString()).isEqualTo("sam");
    long refusedBefore = signIns("sam", AuditOutcome.DENIED);

    ApiClient.Response withoutOtp = withOtp.sendingBasic("sam", "pw-sam").get("/me");

    assertThat(withoutOtp.status()).isEqualTo(403);
    assertThat(withoutOtp.body().get("reason").asString()).isEqualTo("MFA_REQUIRED");
    assertThat(signIns("sam", AuditOutcome.DENIED)).isEqualTo(refusedBefore + 1);
  }

  @Test
  void aSessionOpenedWithMfaIsNotReusedByAnotherClientWithoutMfa() {
    ApiClient withOtp = ApiClient.anonymous(api).sendingBasic("rosa", "pw-rosa+otp");
    assertThat(withOtp.get("/locations").status()).isEqualTo(200);

    ApiClient.Response withoutOtp =
        ApiClient.anonymous(api).sendingBasic("rosa", "pw-rosa").get("/locations");

    assertThat(withoutOtp.status()).isEqualTo(403);
    assertThat(withoutOtp.body().get("reason").asString()).isEqualTo("MFA_REQUIRED");
  }

  @Test
  void aFormLoginKeepsOneSessionUntilLogoutAndTheNextLoginSignsInAgain() {
    ApiClient browser = ApiClient.anonymous(api);
    long before = signIns("gia", AuditOutcome.SUCCEEDED);

    browser.formLogin(root, "gia", "pw-gia+otp");
    browser.me();
    assertThat(browser.get("/locations").status()).isEqualTo(200);
    assertThat(browser.get("/audit-events").status()).isEqualTo(200);
    assertThat(signIns("gia", AuditOutcome.SUCCEEDED))
        .as("one sign-in serves the whole HTTP session")
        .isEqualTo(before + 1);

    browser.logout(root);
    assertThat(browser.get("/me").status()).as("signed out").isIn(401, 302);
    browser.formLogin(root, "gia", "pw-gia+otp");
    assertThat(browser.get("/me").status()).isEqualTo(200);

    assertThat(signIns("gia", AuditOutcome.SUCCEEDED))
        .as("the login after a logout signs in to mystaff again")
        .isEqualTo(before + 2);
  }
}
