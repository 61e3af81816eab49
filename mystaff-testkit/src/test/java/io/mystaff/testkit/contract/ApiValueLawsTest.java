package io.mystaff.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mystaff.api.AssignmentId;
import io.mystaff.api.CorrelationId;
import io.mystaff.api.GroupId;
import io.mystaff.api.PageRequest;
import io.mystaff.api.RoleId;
import io.mystaff.api.UnitId;
import io.mystaff.api.UserId;
import io.mystaff.api.directory.AdministrativeUnit;
import io.mystaff.api.directory.PhoneNumber;
import io.mystaff.api.directory.User;
import io.mystaff.spi.SortKey;
import io.mystaff.spi.UserFacts;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Guava testlib's laws over every public type of mystaff-api, through the testkit's {@link
 * ValueLaws}.
 */
class ApiValueLawsTest {
  /**
   * Every public top-level or nested type of mystaff-api, found in its jar or classes directory.
   */
  static List<Class<?>> publicApiTypes() throws IOException, URISyntaxException {
    Path location =
        Path.of(UserId.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (Files.isRegularFile(location)) { // the reactor's jar, from the package phase on
      try (java.nio.file.FileSystem jar = java.nio.file.FileSystems.newFileSystem(location)) {
        return scan(jar.getPath("/"));
      }
    }
    return scan(location);
  }

  private static List<Class<?>> scan(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .map(root::relativize)
          .map(Path::toString)
          .filter(f -> f.endsWith(".class"))
          .filter(
              f ->
                  !f.endsWith("module-info.class")
                      && !f.endsWith("package-info.class")
                      && !f.startsWith("META-INF"))
          .map(
              f ->
                  f.substring(0, f.length() - ".class".length())
                      .replace('/', '.')
                      .replace('\\', '.'))
          .map(ApiValueLawsTest::load)
          .filter(c -> Modifier.isPublic(c.getModifiers()) && !c.isAnonymousClass())
          .sorted(java.util.Comparator.comparing(Class::getName))
          .toList();
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, UserId.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void theScanFindsTheApi() throws Exception {
    assertThat(publicApiTypes())
        .contains(UserId.class, User.class, PageRequest.class, SortKey.class)
        .hasSizeGreaterThan(60);
  }

  @TestFactory
  Stream<DynamicTest> everyPublicConstructorAndStaticMethod_rejectsNulls() throws Exception {
    return publicApiTypes().stream()
        .map(type -> DynamicTest.dynamicTest(type.getName(), () -> ValueLaws.checkNulls(type)));
  }

  @Test
  void instanceMethodsOfValues_rejectNulls() {
    for (Object value :
        List.of(
            UserId.of("u"),
            PageRequest.first(3),
            new SortKey("a", "b"),
            ValueLaws.nullPointerTester(),
            AdministrativeUnit.assigned(UnitId.of("n"), "North"),
            User.builder()
                .id(UserId.of("u"))
                .userPrincipalName("u@contoso.com")
                .displayName("U")
                .build())) {
      if (!(value instanceof com.google.common.testing.NullPointerTester)) {
        ValueLaws.checkNulls(value);
      }
    }
  }

  @Test
  void valuesHaveValueEquality() {
    ValueLaws.checkEquality(
        List.of(UserId.of("a"), UserId.of("a")),
        List.of(UserId.of("A")),
        List.of(UnitId.of("a"), UnitId.of("a")),
        List.of(GroupId.of("a")),
        List.of(RoleId.of("a")),
        List.of(AssignmentId.of("a")),
        List.of(CorrelationId.of("a")),
        List.of(PageRequest.first(2), new PageRequest(2, Optional.empty())),
        List.of(PageRequest.after("c", 2)),
        List.of(new SortKey("Ann", "1"), new SortKey("Ann", "1")),
        List.of(new SortKey("ann", "1")),
        List.of(PhoneNumber.of("+14255550100"), PhoneNumber.of("+14255550100")),
        List.of(PhoneNumber.of("+14255550100", "12")),
        List.of(
            new UserFacts(Set.of(UnitId.of("n")), Set.of(), List.of(), false),
            new UserFacts(Set.of(UnitId.of("n")), Set.of(), List.of(), false)),
        List.of(UserFacts.NONE),
        List.of(
            AdministrativeUnit.assigned(UnitId.of("n"), "North"),
            AdministrativeUnit.assigned(UnitId.of("n"), "North")),
        List.of(
            User.builder()
                .id(UserId.of("u"))
                .userPrincipalName("u@contoso.com")
                .displayName("U")
                .build(),
            User.builder()
                .id(UserId.of("u"))
                .userPrincipalName("u@contoso.com")
                .displayName("U")
                .build()));
  }

  @Test
  void checkNulls_failsForAMethodThatAcceptsNull() {
    assertThatThrownBy(() -> ValueLaws.checkNulls(Lenient.class))
        .isInstanceOf(AssertionError.class);
  }

  /** Accepts a null: the law must catch it. */
  public static final class Lenient {
    /** Does nothing with {@code s}. */
    public static int length(String s) {
      return 0;
    }
  }
}
