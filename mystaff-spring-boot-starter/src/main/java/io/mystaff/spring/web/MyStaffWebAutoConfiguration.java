package io.mystaff.spring.web;

import io.mystaff.core.MyStaff;
import io.mystaff.core.password.ActiveDirectoryPasswordPolicy;
import io.mystaff.spring.boot.ManagerMapping;
import io.mystaff.spring.boot.MyStaffAutoConfiguration;
import io.mystaff.spring.boot.MyStaffProperties;
import io.mystaff.spring.boot.RecentAuditEvents;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The REST API ({@link MyStaffApi}) with its problem details and, unless {@code
 * mystaff.web.page-enabled=false}, the My Staff page, in a servlet web application that has a
 * {@link MyStaff}. Off with {@code mystaff.web.enabled=false}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = MyStaffAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean({MyStaff.class, RecentAuditEvents.class})
@ConditionalOnProperty(
    prefix = "mystaff.web",
    name = "enabled",
    havingValue = "true",
    matchIfMissing = true)
public class MyStaffWebAutoConfiguration {
  /** Creates the configuration (Spring calls this). */
  public MyStaffWebAutoConfiguration() {}

  /**
   * The default principal mapping: {@link ManagerMapping#byName(String)} with {@code
   * mystaff.web.mfa-authority}.
   *
   * @param properties the {@code mystaff.*} properties
   * @return the mapping
   */
  @Bean
  @ConditionalOnMissingBean
  public ManagerMapping myStaffManagerMapping(MyStaffProperties properties) {
    return ManagerMapping.byName(properties.getWeb().getMfaAuthority());
  }

  /**
   * The REST API.
   *
   * @param myStaff the facade
   * @param mapping the principal mapping
   * @param audit the recent audit events
   * @param onPremisesPolicy the on-premises policy, if the host declared one
   * @param clock the clock, if the host declared one
   * @param validator Bean Validation (Spring Boot's), else a default one
   * @param writebacks the synced resets started on this node
   * @param streams their event streams
   * @return the controller
   */
  @Bean
  MyStaffApi myStaffApi(
      MyStaff myStaff,
      ManagerMapping mapping,
      RecentAuditEvents audit,
      Writebacks writebacks,
      WritebackStreams streams,
      ObjectProvider<ActiveDirectoryPasswordPolicy> onPremisesPolicy,
      ObjectProvider<Clock> clock,
      ObjectProvider<Validator> validator) {
    ActiveDirectoryPasswordPolicy policy =
        onPremisesPolicy.getIfAvailable(ActiveDirectoryPasswordPolicy::defaults);
    return new MyStaffApi(
        new ManagerSessions(myStaff, clock.getIfAvailable(Clock::systemUTC)),
        mapping,
        writebacks,
        streams,
        audit,
        PasswordRules.of(policy, myStaff.settings().minimumManagerChosenPasswordLength()),
        validator.getIfAvailable(() -> Validation.buildDefaultValidatorFactory().getValidator()));
  }

  /**
   * The synced resets this node started, for their managers to follow.
   *
   * @return an empty record
   */
  @Bean
  Writebacks myStaffWritebacks() {
    return new Writebacks();
  }

  /**
   * The event streams of synced resets: they end a minute after the writeback deadline at the
   * latest and beat every {@code mystaff.web.stream-heartbeat}.
   *
   * @param myStaff the facade
   * @param properties the {@code mystaff.*} properties
   * @return the streams, closed with the context
   */
  @Bean(destroyMethod = "close")
  WritebackStreams myStaffWritebackStreams(MyStaff myStaff, MyStaffProperties properties) {
    return new WritebackStreams(
        myStaff.settings().writebackDeadline().plus(Duration.ofMinutes(1)),
        properties.getWeb().getStreamHeartbeat());
  }

  /**
   * The API's problem details.
   *
   * @return the advice
   */
  @Bean
  MyStaffProblems myStaffProblems() {
    return new MyStaffProblems();
  }

  /**
   * The OpenAPI description, served at {@code <api-path>/openapi.json}.
   *
   * @param properties the {@code mystaff.*} properties
   * @return the controller
   */
  @Bean
  MyStaffOpenApi myStaffOpenApi(MyStaffProperties properties) {
    return new MyStaffOpenApi(properties.getWeb().getApiPath());
  }

  /**
   * The page, when enabled.
   *
   * @param properties the {@code mystaff.*} properties
   * @return the controller
   */
  @Bean
  @ConditionalOnProperty(
      prefix = "mystaff.web",
      name = "page-enabled",
      havingValue = "true",
      matchIfMissing = true)
  MyStaffPage myStaffPage(MyStaffProperties properties) {
    return new MyStaffPage(properties.getWeb().getPagePath(), properties.getWeb().getApiPath());
  }

  /**
   * Serves the page's CSS and JavaScript, when the page is enabled.
   *
   * @param properties the {@code mystaff.*} properties
   * @return the configurer
   */
  @Bean
  @ConditionalOnProperty(
      prefix = "mystaff.web",
      name = "page-enabled",
      havingValue = "true",
      matchIfMissing = true)
  WebMvcConfigurer myStaffPageAssets(MyStaffProperties properties) {
    String path = properties.getWeb().getPagePath();
    return new WebMvcConfigurer() {
      @Override
      public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry
            .addResourceHandler(path + "/assets/**")
            .addResourceLocations("classpath:/io/mystaff/spring/web/page/");
      }
    };
  }
}
