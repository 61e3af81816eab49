package io.mystaff.spring.boot;

import io.mystaff.core.MyStaff;
import io.mystaff.core.MyStaffSettings;
import io.mystaff.core.password.ActiveDirectoryPasswordPolicy;
import io.mystaff.jackson.MyStaffJacksonModule;
import io.mystaff.spi.AuditSink;
import io.mystaff.spi.ConditionalAccess;
import io.mystaff.spi.Directory;
import io.mystaff.spi.DirectoryWriter;
import io.mystaff.spi.MyStaffListener;
import io.mystaff.spi.PasswordWriteback;
import io.mystaff.spi.UserNotifier;
import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Builds {@link MyStaff} from the providers the host declares as beans ({@link Directory}, {@link
 * DirectoryWriter}, {@link AuditSink}; optionally {@link PasswordWriteback}, {@link
 * ConditionalAccess}, {@link UserNotifier}, {@link MyStaffListener}s, a {@link Clock} and an {@link
 * ActiveDirectoryPasswordPolicy}), the {@code mystaff.*} properties and {@link MyStaffCustomizer}s.
 * Registers {@link MyStaffJacksonModule} with Spring Boot's Jackson 3 mapper. A host that declares
 * its own {@link MyStaff} bean keeps it.
 *
 * @since 0.1.0
 */
@AutoConfiguration
@EnableConfigurationProperties(MyStaffProperties.class)
public class MyStaffAutoConfiguration {
  /** Creates the configuration (Spring calls this). */
  public MyStaffAutoConfiguration() {}

  /**
   * mystaff's Jackson 3 module, which Spring Boot adds to its JSON mapper.
   *
   * @return the module
   */
  @Bean
  @ConditionalOnMissingBean
  public MyStaffJacksonModule myStaffJacksonModule() {
    return new MyStaffJacksonModule();
  }

  /**
   * Each manager's recent audit events, for the API to show them.
   *
   * @param properties the {@code mystaff.*} properties
   * @return an empty memory, filled by the facade's audit sink
   */
  @Bean
  @ConditionalOnBean({Directory.class, DirectoryWriter.class, AuditSink.class})
  @ConditionalOnMissingBean
  public RecentAuditEvents myStaffRecentAuditEvents(MyStaffProperties properties) {
    return new RecentAuditEvents(properties.getWeb().getRecentAuditEvents());
  }

  /**
   * The facade, built from the host's providers.
   *
   * @param directory the directory
   * @param writer the directory writer
   * @param audit the host's audit sink
   * @param recent where each manager's recent events are remembered
   * @param writeback the password writeback, if any
   * @param conditionalAccess the conditional access hook, if any
   * @param notifier the user notifier, if any
   * @param listeners the listeners
   * @param clock the clock, if any
   * @param onPremisesPolicy the on-premises password policy, if any (else Active Directory's
   *     defaults)
   * @param customizers the customizers
   * @param properties the {@code mystaff.*} properties
   * @return the facade, closed with the context
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnBean({Directory.class, DirectoryWriter.class, AuditSink.class})
  @ConditionalOnMissingBean
  public MyStaff myStaff(
      Directory directory,
      DirectoryWriter writer,
      AuditSink audit,
      RecentAuditEvents recent,
      ObjectProvider<PasswordWriteback> writeback,
      ObjectProvider<ConditionalAccess> conditionalAccess,
      ObjectProvider<UserNotifier> notifier,
      ObjectProvider<MyStaffListener> listeners,
      ObjectProvider<Clock> clock,
      ObjectProvider<ActiveDirectoryPasswordPolicy> onPremisesPolicy,
      ObjectProvider<MyStaffCustomizer> customizers,
      MyStaffProperties properties) {
    MyStaff.Builder builder =
        MyStaff.builder()
            .directory(directory)
            .directoryWriter(writer)
            .auditSink(recent.recording(audit))
            .settings(settings(properties));
    writeback.ifAvailable(builder::passwordWriteback);
    conditionalAccess.ifAvailable(builder::conditionalAccess);
    notifier.ifAvailable(builder::userNotifier);
    listeners.orderedStream().forEach(builder::listener);
    clock.ifAvailable(builder::clock);
    onPremisesPolicy.ifAvailable(builder::onPremisesPasswordPolicy);
    customizers.orderedStream().forEach(c -> c.customize(builder));
    return builder.build();
  }

  static MyStaffSettings settings(MyStaffProperties properties) {
    MyStaffSettings.Builder settings =
        MyStaffSettings.builder()
            .defaultPhoneRegion(Optional.ofNullable(properties.getDefaultPhoneRegion()))
            .managerChosenPasswordsForCloudUsers(
                properties.isManagerChosenPasswordsForCloudUsers());
    Integer maxPageSize = properties.getMaxPageSize();
    if (maxPageSize != null) {
      settings.maxPageSize(maxPageSize);
    }
    if (properties.getSessionLifetime() != null) {
      settings.sessionLifetime(properties.getSessionLifetime());
    }
    if (properties.getWritebackDeadline() != null) {
      settings.writebackDeadline(properties.getWritebackDeadline());
    }
    return settings.build();
  }
}
