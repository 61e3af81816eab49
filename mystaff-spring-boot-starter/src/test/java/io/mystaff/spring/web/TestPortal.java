package io.mystaff.spring.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A minimal host for the tests: HTTP Basic for everyone of the tenant fixture (password {@code
 * pw-<id>}), CSRF on (Spring Security's default), the in-memory provider.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class TestPortal {
  static final List<String> PEOPLE =
      List.of("rosa", "sam", "tina", "ben", "alice", "carlos", "frank", "paul", "gia", "kim");

  @Bean
  SecurityFilterChain security(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(
            a -> a.requestMatchers("/error").permitAll().anyRequest().authenticated())
        .httpBasic(Customizer.withDefaults())
        .build();
  }

  @Bean
  InMemoryUserDetailsManager users() {
    List<UserDetails> users = new ArrayList<>();
    for (String id : PEOPLE) {
      users.add(User.withUsername(id).password("{noop}pw-" + id).roles("STAFF").build());
    }
    return new InMemoryUserDetailsManager(users);
  }

  static ConfigurableApplicationContext start(String... properties) {
    return start(TestPortal.class, properties);
  }

  /** Starts {@code host}, a configuration like this one, with the test tenant. */
  static ConfigurableApplicationContext start(Class<?> host, String... properties) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--spring.main.banner-mode=off",
                "--mystaff.in-memory.enabled=true",
                "--mystaff.in-memory.fixture=classpath:tenant.json",
                "--mystaff.default-phone-region=US"));
    args.addAll(List.of(properties));
    return new SpringApplication(host).run(args.toArray(String[]::new));
  }
}
