package io.mystaff.examples.portal;

import io.mystaff.api.Page;
import io.mystaff.api.PageRequest;
import io.mystaff.api.directory.User;
import io.mystaff.inmemory.InMemoryDirectory;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The sample HR portal of Alpine Outfitters (the organization of {@code retail.json}): a Spring
 * Boot host that adds mystaff-spring-boot-starter, signs people in with a form, and so gives every
 * manager the My Staff page at {@code /mystaff}. mystaff runs on the in-memory provider loaded from
 * {@code retail.json}, with synced passwords written back to a simulated on-premises directory.
 *
 * <p>Start it from the repository root with {@code mvn -B -q -DskipTests -Pportal verify}; it
 * prints its address. Everyone of {@code retail.json} can sign in with their id ({@code rosa},
 * {@code sam}, ...) and the demo password {@value #DEMO_PASSWORD} (or {@code
 * --hr-portal.demo-password=...}). The page is for managers: Rosa and Sam are store managers;
 * Alice, a sales associate, is refused with the reason.
 */
@SpringBootApplication
public class HrPortal {
  /** The password of everyone in the demo: published in the README, so it is not a secret. */
  static final String DEMO_PASSWORD = "alpine-demo";

  /** Creates the application (Spring calls this). */
  public HrPortal() {}

  /**
   * Starts the portal on 127.0.0.1:8080 (or {@code --server.port=...}; 0 picks a free port).
   *
   * @param args Spring Boot arguments, such as {@code --server.port=9090}
   */
  public static void main(String[] args) {
    start(System.out, args);
  }

  /**
   * Starts the portal and prints where to find it on {@code out}.
   *
   * @param out where the address is printed
   * @param args Spring Boot arguments
   * @return the running application
   */
  public static ConfigurableApplicationContext start(PrintStream out, String... args) {
    SpringApplication app = new SpringApplication(HrPortal.class);
    Map<String, Object> defaults = new LinkedHashMap<>();
    defaults.put("server.address", "127.0.0.1");
    defaults.put("server.port", "8080");
    defaults.put("spring.main.banner-mode", "off");
    defaults.put("logging.level.root", "warn");
    defaults.put("mystaff.in-memory.enabled", "true");
    defaults.put("mystaff.in-memory.fixture", "classpath:retail.json");
    defaults.put("mystaff.default-phone-region", "US");
    app.setDefaultProperties(defaults);
    app.addListeners(
        (ApplicationListener<WebServerInitializedEvent>)
            event ->
                out.println(
                    "HR portal of Alpine Outfitters: http://127.0.0.1:"
                        + event.getWebServer().getPort()
                        + "/mystaff  (sign in as rosa or sam, password "
                        + DEMO_PASSWORD
                        + "; Ctrl+C stops it)"));
    return app.run(args);
  }

  /**
   * Form login for every page; CSRF protection stays on (Spring Security's default). The API
   * answers 401 to a request without a session instead of redirecting it to the form.
   *
   * @param http the security builder
   * @return the filter chain
   * @throws Exception if Spring Security cannot build it
   */
  @Bean
  SecurityFilterChain security(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(
            a ->
                a.requestMatchers("/login", "/error", "/portal.css")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/mystaff", true))
        .logout(l -> l.logoutSuccessUrl("/login?signedOut"))
        .exceptionHandling(
            e ->
                e.defaultAuthenticationEntryPointFor(
                    (request, response, exception) -> response.sendError(401),
                    request -> request.getRequestURI().startsWith("/mystaff/api/")))
        .build();
  }

  /**
   * Everyone of the directory, with the demo password, hashed once with PBKDF2-HMAC-SHA256 at
   * 600,000 iterations.
   *
   * @param directory the in-memory directory the starter loaded from {@code retail.json}
   * @param encoder the password encoder
   * @param environment the demo password setting
   * @return the users
   */
  @Bean
  InMemoryUserDetailsManager people(
      InMemoryDirectory directory,
      PasswordEncoder encoder,
      org.springframework.core.env.Environment environment) {
    String hash = encoder.encode(environment.getProperty("hr-portal.demo-password", DEMO_PASSWORD));
    List<UserDetails> people = new ArrayList<>();
    PageRequest request = PageRequest.first(PageRequest.MAX_SIZE);
    while (true) {
      Page<User> page = directory.allUsers(request);
      for (User user : page.items()) {
        people.add(
            org.springframework.security.core.userdetails.User.withUsername(user.id().value())
                .password(hash)
                .disabled(!user.accountEnabled())
                .roles("EMPLOYEE")
                .build());
      }
      Optional<String> next = page.nextCursor();
      if (next.isEmpty()) {
        break;
      }
      request = PageRequest.after(next.get(), PageRequest.MAX_SIZE);
    }
    return new InMemoryUserDetailsManager(people);
  }

  /**
   * PBKDF2-HMAC-SHA256 with 600,000 iterations, as mystaff hashes stored passwords.
   *
   * @return the encoder
   */
  @Bean
  PasswordEncoder passwordEncoder() {
    return new Pbkdf2PasswordEncoder(
        "", 16, 600_000, Pbkdf2PasswordEncoder.SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA256);
  }
}
