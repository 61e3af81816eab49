package io.mystaff.spring.boot;

import io.mystaff.core.password.ActiveDirectoryPasswordPolicy;
import io.mystaff.inmemory.InMemoryAuditLog;
import io.mystaff.inmemory.InMemoryDirectory;
import io.mystaff.inmemory.SimulatedOnPremisesWriteback;
import io.mystaff.spi.AuditSink;
import io.mystaff.spi.Directory;
import io.mystaff.spi.PasswordWriteback;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;

/**
 * The embedded default provider: when mystaff-inmemory is on the class path, {@code
 * mystaff.in-memory.enabled=true} and the host declares no {@link Directory}, an {@link
 * InMemoryDirectory} loaded from {@code mystaff.in-memory.fixture}, an {@link InMemoryAuditLog} and
 * a {@link SimulatedOnPremisesWriteback} for the fixture's synced users (half a second of latency,
 * Active Directory's default policy).
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = MyStaffAutoConfiguration.class)
@ConditionalOnClass(InMemoryDirectory.class)
@ConditionalOnProperty(prefix = "mystaff.in-memory", name = "enabled", havingValue = "true")
@ConditionalOnMissingBean(Directory.class)
public class MyStaffInMemoryAutoConfiguration {
  /** Creates the configuration (Spring calls this). */
  public MyStaffInMemoryAutoConfiguration() {}

  /**
   * The directory, also the directory writer.
   *
   * @param properties the {@code mystaff.*} properties
   * @param resources where the fixture is read from
   * @return the directory, seeded from the fixture if one is set
   */
  @Bean
  public InMemoryDirectory myStaffInMemoryDirectory(
      MyStaffProperties properties, ResourceLoader resources) {
    InMemoryDirectory.Builder builder = InMemoryDirectory.builder();
    String fixture = properties.getInMemory().getFixture();
    if (fixture != null) {
      try (InputStream json = resources.getResource(fixture).getInputStream()) {
        builder.load(json);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read mystaff.in-memory.fixture", e);
      }
    }
    return builder.build();
  }

  /**
   * The audit log.
   *
   * @return an empty log
   */
  @Bean
  @ConditionalOnMissingBean(AuditSink.class)
  public InMemoryAuditLog myStaffInMemoryAuditLog() {
    return new InMemoryAuditLog();
  }

  /**
   * The simulated on-premises writeback for the directory's synced users.
   *
   * @param directory the directory
   * @return the simulator, closed with the context
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean(PasswordWriteback.class)
  public SimulatedOnPremisesWriteback myStaffSimulatedWriteback(InMemoryDirectory directory) {
    return SimulatedOnPremisesWriteback.builder()
        .knownUsers(directory)
        .policy(ActiveDirectoryPasswordPolicy.defaults())
        .latency(Duration.ofMillis(500))
        .build();
  }
}
